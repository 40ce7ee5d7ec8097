// --- Clearing the stored progress, on the home page --------------------------

// One click used to delete every mark and score at once, with no way back.
// Now the button asks first (overrides/partials/training.html), and the
// status line then names the modules whose progress went, by the titles on
// this page's module list. A stored module no longer listed is cleared too.
var core = training.core;
var progress = training.progress;
var clearedTimer;

// "A, B and C" in the page's language, where the browser knows how.
function listOf(titles) {
  try {
    return new Intl.ListFormat(document.documentElement.lang, { type: "conjunction" }).format(titles);
  } catch {
    return titles.join(", ");
  }
}

function clearedMessage(stored) {
  var titles = [];
  document.querySelectorAll("[data-training-status]").forEach(function (line) {
    var entry = stored[line.getAttribute("data-training-status")];
    var card = line.closest("li");
    var title = card && card.querySelector("strong");
    if (entry && (entry.complete || typeof entry.score === "number") && title) {
      titles.push(title.textContent.trim());
    }
  });
  if (!titles.length) {
    return core.config.progress.nothing_cleared;
  }
  return core.format(core.config.progress.cleared, { modules: listOf(titles) });
}

// Said at once; if the same words are showing, emptied first and filled a
// moment later, so that they are announced again. Then they go, once read.
function say(status, text) {
  clearTimeout(clearedTimer);
  if (status.textContent === "") {
    status.textContent = text;
  } else {
    status.textContent = "";
    setTimeout(function () {
      status.textContent = text;
    }, 150);
  }
  clearedTimer = setTimeout(function () {
    status.textContent = "";
  }, 8000);
}

function setUpReset() {
  document.querySelectorAll(".training-reset").forEach(function (box) {
    var button = box.querySelector("[data-training-reset]");
    var confirm = box.querySelector("[data-training-reset-confirm]");
    var status = box.querySelector("[data-training-reset-status]");
    if (!button || !confirm || !status) {
      return;
    }
    var ask = function (asking) {
      button.hidden = asking;
      confirm.hidden = !asking;
    };
    button.addEventListener("click", function () {
      clearTimeout(clearedTimer);
      status.textContent = "";
      ask(true);
      confirm.querySelector("[data-training-reset-yes]").focus();
    });
    confirm.querySelector("[data-training-reset-no]").addEventListener("click", function () {
      ask(false);
      button.focus();
    });
    confirm.querySelector("[data-training-reset-yes]").addEventListener("click", function () {
      var message = clearedMessage(progress.stored());
      core.write("progress", null);
      progress.show();
      ask(false);
      button.focus();
      say(status, message);
    });
    confirm.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        ask(false);
        button.focus();
      }
    });
  });
}

training.reset = { setUp: setUpReset };
