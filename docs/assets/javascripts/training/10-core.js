// Behaviour of the training library, on top of Material: one part per feature
// in this folder, loaded as one file by overrides/main.html, never inline, so a strict Content-Security-Policy
// needs no exception. Interface strings come from the page's
// <script id="training-config" type="application/json"> (locales/<lang>.yml).
//
// - Language at the site root, and the reader's explicit choice.
// - Knowledge checks: answers in a new order per reader, a verdict per question,
//   feedback for the answers chosen and the correct ones, the last score.
// - Progress: modules marked complete, shown on the home page, cleared on request.
// - Glossary terms: Escape hides a definition that is showing.
// - Search: its index and worker load when the reader starts to search.
//
// Everything is stored in this browser only (localStorage); nothing is sent.
//
// The build (mkdocs_training/scripts.py) joins the files of this folder, in
// name order, into assets/javascripts/training.js: each file in a function of
// its own inside one strict-mode function. A file's names are its own; what
// the others use it puts on the shared object `training`, as this one does
// below (training.core), and they take it from there.

var script = document.currentScript;
var config = JSON.parse(document.getElementById("training-config").textContent);
var COOKIE = "training_language"; // nginx reads it as $cookie_training_language.

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, function (whole, key) {
    return key in values ? values[key] : whole;
  });
}

// --- Stored data ----------------------------------------------------------

// Keys carry the schema version of what is stored and the site's path, so
// two trainings on one host (/a/ and /b/, or two unzipped copies opened from
// folders) never read each other's progress: "training:v2:/a/:progress".
// Progress inside is keyed by module id (mkdocs_training/modules.py,
// module_id: the same in every language), as the pages give it.
var VERSION = "v2";
var SITE = new URL(config.root, location.href).pathname;
var STORED = ["language", "progress", "scorecard"];

function key(name) {
  if (STORED.indexOf(name) === -1 && name !== "migrated") {
    throw new Error("training: nothing is stored as '" + name + "'; add it to STORED in 10-core.js");
  }
  return "training:" + VERSION + ":" + SITE + ":" + name;
}

function read(name) {
  try {
    return localStorage.getItem(key(name));
  } catch {
    return null; // Storage can be off (private mode, policy).
  }
}

function write(name, value) {
  try {
    if (value === null) {
      localStorage.removeItem(key(name));
    } else {
      localStorage.setItem(key(name), value);
    }
  } catch {
    // Without storage the page still works; it only forgets.
  }
}

// Before v2, keys were "training-progress", "training-scorecard" and
// "training-language", one of each per host. The first page of this site
// that runs moves them under its own keys (a value already there wins),
// removes them, and notes that it did, so they are never read again. With
// two trainings on the host, the first one opened takes them: they were the
// host's, and nothing in them says which training they came from.
function migrate() {
  var done = key("migrated");
  try {
    if (localStorage.getItem(done) !== null) {
      return;
    }
    STORED.forEach(function (name) {
      var old = "training-" + name;
      var value = localStorage.getItem(old);
      if (value !== null && localStorage.getItem(key(name)) === null) {
        localStorage.setItem(key(name), value);
      }
      localStorage.removeItem(old);
    });
    localStorage.setItem(done, VERSION);
  } catch {
    // Blocked or full: the old keys stay, and are tried again next time.
  }
}
migrate();

training.core = {
  script: script,
  config: config,
  COOKIE: COOKIE,
  format: format,
  read: read,
  write: write
};
