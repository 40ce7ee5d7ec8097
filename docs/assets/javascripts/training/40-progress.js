// --- Progress ---------------------------------------------------------------

var core = training.core;

// What is stored may be anything: an older version's format, another
// script's, a hand edit. Keep only well-formed entries, so that a bad one
// never stops the buttons working; the next save writes the clean form.
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isCount(value) {
  return typeof value === "number" && isFinite(value) && value >= 0 && Math.floor(value) === value;
}

function progress() {
  var stored;
  try {
    stored = JSON.parse(core.read("progress"));
  } catch {
    stored = null;
  }
  var all = {};
  if (!isObject(stored)) {
    return all;
  }
  Object.keys(stored).forEach(function (module) {
    var entry = stored[module];
    if (!isObject(entry)) {
      return;
    }
    var clean = {};
    if (entry.complete === true) {
      clean.complete = true;
    }
    if (isCount(entry.score) && isCount(entry.total) && entry.score <= entry.total && entry.total > 0) {
      clean.score = entry.score;
      clean.total = entry.total;
    }
    all[module] = clean;
  });
  return all;
}

function update(module, change) {
  var all = progress();
  var entry = all[module] || {};
  for (var key in change) {
    entry[key] = change[key];
  }
  all[module] = entry;
  core.write("progress", JSON.stringify(all));
  show();
}

// Every place that shows progress, from what is stored now.
function show() {
  var all = progress();
  var strings = core.config.progress;
  document.querySelectorAll("[data-training-complete]").forEach(function (box) {
    var done = !!(all[box.getAttribute("data-training-complete")] || {}).complete;
    box.querySelector("button").setAttribute("aria-pressed", done ? "true" : "false");
  });
  document.querySelectorAll("[data-training-status]").forEach(function (line) {
    var entry = all[line.getAttribute("data-training-status")] || {};
    var parts = [entry.complete ? strings.done : strings.not_started];
    if (typeof entry.score === "number") {
      parts.push(core.format(strings.score, { score: entry.score, total: entry.total }));
    }
    line.textContent = parts.join(" · ");
    line.setAttribute("data-state", entry.complete ? "done" : "open");
  });
}

function setUpProgress() {
  document.querySelectorAll("[data-training-complete] button").forEach(function (button) {
    button.addEventListener("click", function () {
      var module = button.closest("[data-training-complete]").getAttribute("data-training-complete");
      document.dispatchEvent(new CustomEvent("training:complete", { detail: { module: module, complete: button.getAttribute("aria-pressed") !== "true" } }));
      update(module, { complete: button.getAttribute("aria-pressed") !== "true" });
    });
  });
}

training.progress = {
  isObject: isObject,
  isCount: isCount,
  stored: progress,
  update: update,
  show: show,
  setUp: setUpProgress
};
