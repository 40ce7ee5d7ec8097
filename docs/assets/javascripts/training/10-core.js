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
// name order, into assets/javascripts/training.js, inside one strict-mode
// function: one request, and the parts share these names without globals.

var script = document.currentScript;
var config = JSON.parse(document.getElementById("training-config").textContent);
var LANGUAGE = "training-language";
var COOKIE = "training_language"; // nginx reads it as $cookie_training_language.
var PROGRESS = "training-progress";

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, function (whole, key) {
    return key in values ? values[key] : whole;
  });
}

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch (error) {
    return null; // Storage can be off (private mode, policy).
  }
}

function write(key, value) {
  try {
    if (value === null) {
      localStorage.removeItem(key);
    } else {
      localStorage.setItem(key, value);
    }
  } catch (error) {
    // Without storage the page still works; it only forgets.
  }
}
