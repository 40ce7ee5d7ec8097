// --- Start ------------------------------------------------------------------

// On the default-language home page this file runs in <head>, before the
// body exists (see 30-language.js); elsewhere it is deferred.
function start() {
  training.toggles.showScriptControls();
  training.toggles.setUp();
  training.drawer.setUp();
  training.progress.setUp();
  training.reset.setUp();
  training.quiz.setUp();
  training.scorecard.setUp();
  training.progress.show();
}

if (training.language.leaving) {
  // Sent to the reader's language: that page sets itself up.
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
