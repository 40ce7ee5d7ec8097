// On the default-language home page this file runs in <head>, before the
// body exists (see the language check above); elsewhere it is deferred.
function start() {
  showScriptControls();
  setUpToggles();
  setUpDrawer();
  setUpProgress();
  setUpReset();
  setUpQuizzes();
  setUpScorecard();
  show();
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
