// Put into every page by the test server of tests/test_engines.py, first in
// <head>, so that Firefox and WebKit run the same checks in the page as
// Chromium's tests do from outside. Records errors from the first moment;
// each check returns a list of problems (empty when all is well).
(function () {
  "use strict";
  var errors = [];
  window.__engineErrors = errors;
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      errors.push("failed to load " + (target.src || target.href));
    } else {
      errors.push("uncaught: " + event.message);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    errors.push("unhandled rejection: " + event.reason);
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push("console error: " + Array.prototype.join.call(arguments, " "));
    return consoleError.apply(console, arguments);
  };

  function wait(test, timeout) {
    return new Promise(function (resolve) {
      var start = Date.now();
      (function poll() {
        var value = test();
        if (value || Date.now() - start > timeout) {
          resolve(value);
        } else {
          setTimeout(poll, 50);
        }
      })();
    });
  }

  function config() {
    var element = document.getElementById("training-config");
    return element ? JSON.parse(element.textContent) : {};
  }

  window.__engineProbe = {
    // The knowledge check: choose the right answers, check, read the score.
    quiz: function () {
      var form = document.querySelector("form.training-quiz");
      if (!form) {
        return Promise.resolve(["no knowledge check on the page"]);
      }
      var questions = form.querySelectorAll("fieldset").length;
      form.querySelectorAll("input[data-correct=true]").forEach(function (input) {
        input.click();
      });
      var button = form.querySelector("button[type=submit]");
      if (!button || button.offsetParent === null) {
        return Promise.resolve(["no visible 'Check my answers' button"]);
      }
      button.click();
      return wait(function () {
        var result = form.querySelector(".training-quiz__result");
        return result && result.textContent.indexOf(String(questions)) !== -1;
      }, 3000).then(function (ok) {
        var problems = ok ? [] : ["checking the answers gives no score"];
        var feedback = form.querySelectorAll(".training-quiz__feedback:not([hidden])").length;
        if (!feedback) {
          problems.push("checking the answers shows no feedback");
        }
        return problems;
      });
    },
    // "Mark complete" at the end of a module.
    complete: function () {
      var button = document.querySelector("[data-training-complete] button");
      if (!button || button.offsetParent === null) {
        return Promise.resolve(["no visible 'Mark complete' button"]);
      }
      if (button.getAttribute("aria-pressed") !== "true") {
        button.click();
      }
      return Promise.resolve(button.getAttribute("aria-pressed") === "true" ? [] : ["'Mark complete' does not work"]);
    },
    // The home page's line for a module.
    status: function (module) {
      var line = document.querySelector("[data-training-status='" + module + "']");
      var done = (config().progress || {}).done;
      if (!line || !done || line.textContent.indexOf(done) !== 0) {
        return Promise.resolve(["the home page does not show " + module + " as complete: " +
          (line ? JSON.stringify(line.textContent) : "no line")]);
      }
      return Promise.resolve([]);
    },
    // A glossary term: its definition shows on focus, on screen, and Escape hides it.
    glossary: function () {
      var link = document.querySelector(".training-term > a");
      if (!link) {
        return Promise.resolve(["no glossary term on the page"]);
      }
      var tip = link.parentNode.querySelector(".training-term__tip");
      link.focus();
      var problems = [];
      var box = tip.getBoundingClientRect();
      if (getComputedStyle(tip).display === "none" || !box.width) {
        problems.push("the definition does not show on focus");
      } else if (box.left < 0 || box.right > document.documentElement.clientWidth) {
        problems.push("the definition runs off the screen");
      }
      var style = getComputedStyle(link);
      if (style.textDecorationLine.indexOf("underline") === -1 || style.textDecorationStyle !== "dotted") {
        problems.push("the term has no dotted underline: " + style.textDecorationLine + " " + style.textDecorationStyle);
      }
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      if (getComputedStyle(tip).display !== "none") {
        problems.push("Escape does not hide the definition");
      }
      link.blur();
      return Promise.resolve(problems);
    },
    // Search: type a word, wait for the count of results.
    search: function (word) {
      var input = document.querySelector("input.md-search__input");
      if (!input) {
        return Promise.resolve(["no search field"]);
      }
      input.focus();
      input.value = word;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent("keyup", { key: word.slice(-1), bubbles: true }));
      return wait(function () {
        var meta = document.querySelector(".md-search-result__meta");
        return meta && /\d/.test(meta.textContent) &&
          document.querySelectorAll(".md-search-result__item").length > 0;
      }, 10000).then(function (ok) {
        var meta = document.querySelector(".md-search-result__meta");
        return ok ? [] : ["search for " + word + " finds nothing: " + (meta && meta.textContent.trim())];
      });
    },
    // The switcher's link to a language; the driver follows it.
    switcher: function (language) {
      var link = document.querySelector("a.md-select__link[hreflang='" + language + "']");
      return Promise.resolve(link ? link.href : null);
    },
    errors: function () {
      return Promise.resolve(errors.slice());
    }
  };
})();
