// Language at the site root, and the reader's explicit choice.
//
// Every page: a choice made in the language switcher is remembered (in
// localStorage, and in a cookie that a web server can read: see deploy/).
// The default-language home page only: a reader with no remembered choice
// whose browser prefers another of the site's languages is sent there.
//
// Loaded from overrides/main.html as a file, never inline, so that a strict
// Content-Security-Policy needs no exception for it.
(function () {
  "use strict";
  var KEY = "training-language";
  var script = document.currentScript;
  var languages = script.getAttribute("data-languages").split(" "); // Default first.
  var root = new URL(script.getAttribute("data-root"), location.href);

  function remember(language) {
    try {
      localStorage.setItem(KEY, language);
    } catch (error) {
      // Storage can be off (private mode, policy); the switcher still works.
    }
    if (location.protocol !== "file:") {
      document.cookie = KEY + "=" + language + "; path=" + root.pathname +
        "; max-age=31536000; SameSite=Lax";
    }
  }

  function remembered() {
    try {
      return localStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link && languages.indexOf(link.hreflang) !== -1) {
      remember(link.hreflang);
    }
  });

  if (script.getAttribute("data-home") !== "true") {
    return;
  }
  var choice = remembered();
  if (languages.indexOf(choice) === -1) {
    choice = null;
    var preferred = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < preferred.length && !choice; i++) {
      var code = preferred[i].toLowerCase().split("-")[0];
      if (languages.indexOf(code) !== -1) {
        choice = code;
      }
    }
  }
  if (choice && choice !== languages[0]) {
    location.replace(new URL(choice + "/" + (location.protocol === "file:" ? "index.html" : ""), root));
  }
})();
