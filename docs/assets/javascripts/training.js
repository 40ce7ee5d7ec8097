// Behaviour of the training library, on top of Material. One file, loaded by
// overrides/main.html, never inline, so a strict Content-Security-Policy
// needs no exception. Interface strings come from the page's
// <script id="training-config" type="application/json"> (locales/<lang>.yml).
//
// - Language at the site root, and the reader's explicit choice.
// - Knowledge checks: check answers, show feedback, keep the last score.
// - Progress: modules marked complete, shown on the home page, cleared on request.
// - Glossary terms: Escape hides a definition that is showing.
// - Search: its index and worker load when the reader starts to search.
//
// Everything is stored in this browser only (localStorage); nothing is sent.
(function () {
  "use strict";
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

  // --- Search, loaded when the reader starts to search --------------------------

  // Material starts its search worker and requests the search index as soon as
  // a page loads (online; from a folder it already waits). Most visits never
  // search, so both wait here until the reader focuses the search field (by
  // click, tap or Material's f, s and / shortcuts) or opens search. This file
  // runs before Material's bundle (overrides/main.html), so Material creates
  // its worker and sends its request through these stand-ins. Whatever is
  // asked before then is held, not lost, and goes out in order at the start.
  var searchStarted = false;
  var searchHeld = [];

  // Material's settings are further down the page than this file may run.
  function searchUrl(name) {
    var material = JSON.parse(document.getElementById("__config").textContent);
    return name === "worker"
      ? new URL(material.search, location.href).href
      : new URL("search/search_index.json", new URL(material.base, location.href)).href;
  }

  function startSearch() {
    if (!searchStarted) {
      searchStarted = true;
      searchHeld.splice(0).forEach(function (go) { go(); });
    }
  }

  function whenSearchStarts(go) {
    if (searchStarted) {
      go();
    } else {
      searchHeld.push(go);
    }
  }

  var RealWorker = window.Worker; // Or the iframe-worker shim, from a folder.
  function HeldWorker(url, options) {
    if (new URL(url, location.href).href !== searchUrl("worker")) {
      return new RealWorker(url, options);
    }
    var self = this;
    var calls = [];
    self.worker = null;
    ["addEventListener", "removeEventListener", "postMessage", "terminate"].forEach(function (name) {
      self[name] = function () {
        var args = arguments;
        if (self.worker) {
          return self.worker[name].apply(self.worker, args);
        }
        calls.push(function () { self.worker[name].apply(self.worker, args); });
      };
    });
    whenSearchStarts(function () {
      self.worker = new RealWorker(url, options);
      calls.splice(0).forEach(function (call) { call(); });
    });
  }
  if (RealWorker) {
    window.Worker = HeldWorker;
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.trainingUrl = new URL(url, location.href).href;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.trainingUrl !== searchUrl("index")) {
      return send.apply(request, args);
    }
    whenSearchStarts(function () { send.apply(request, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) {
      startSearch();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) {
      startSearch();
    }
  });

  // --- Language at the root ---------------------------------------------------

  var languages = config.languages; // Default first.
  var root = new URL(config.root, location.href);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link && languages.indexOf(link.hreflang) !== -1) {
      write(LANGUAGE, link.hreflang);
      if (location.protocol !== "file:") {
        // A web server can read this and honour the choice at "/" (deploy/).
        document.cookie = COOKIE + "=" + link.hreflang + "; path=" + root.pathname +
          "; max-age=31536000; SameSite=Lax";
      }
    }
  });

  if (script.hasAttribute("data-home")) {
    var choice = read(LANGUAGE);
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
      return;
    }
  }

  // --- Progress ---------------------------------------------------------------

  function progress() {
    try {
      return JSON.parse(read(PROGRESS)) || {};
    } catch (error) {
      return {};
    }
  }

  function update(module, change) {
    var all = progress();
    var entry = all[module] || {};
    for (var key in change) {
      entry[key] = change[key];
    }
    all[module] = entry;
    write(PROGRESS, JSON.stringify(all));
    show();
  }

  // Every place that shows progress, from what is stored now.
  function show() {
    var all = progress();
    var strings = config.progress;
    document.querySelectorAll("[data-training-complete]").forEach(function (box) {
      var done = !!(all[box.getAttribute("data-training-complete")] || {}).complete;
      box.querySelector("button").setAttribute("aria-pressed", done ? "true" : "false");
    });
    document.querySelectorAll("[data-training-status]").forEach(function (line) {
      var entry = all[line.getAttribute("data-training-status")] || {};
      var parts = [entry.complete ? strings.done : strings.not_started];
      if (typeof entry.score === "number") {
        parts.push(format(strings.score, { score: entry.score, total: entry.total }));
      }
      line.textContent = parts.join(" · ");
      line.setAttribute("data-state", entry.complete ? "done" : "open");
    });
  }

  function setUpProgress() {
    document.querySelectorAll("[data-training-complete] button").forEach(function (button) {
      button.addEventListener("click", function () {
        var module = button.closest("[data-training-complete]").getAttribute("data-training-complete");
        update(module, { complete: button.getAttribute("aria-pressed") !== "true" });
      });
    });

    document.querySelectorAll("[data-training-reset]").forEach(function (button) {
      button.addEventListener("click", function () {
        write(PROGRESS, null);
        show();
        var status = document.querySelector("[data-training-reset-status]");
        if (status) {
          status.textContent = config.progress.cleared;
        }
      });
    });
  }

  // --- Knowledge checks -------------------------------------------------------

  function check(form) {
    var strings = config.quiz;
    var right = 0;
    var questions = form.querySelectorAll(".training-quiz__question");
    questions.forEach(function (question) {
      var correct = true;
      question.querySelectorAll("input").forEach(function (input) {
        var isRight = input.getAttribute("data-correct") === "true";
        if (input.checked !== isRight) {
          correct = false;
        }
        var feedback = document.getElementById(input.id + "-feedback");
        feedback.querySelector(".training-quiz__verdict").textContent =
          (isRight ? strings.right : strings.wrong) + (input.checked ? " " + strings.chosen : "");
        feedback.setAttribute("data-state", isRight ? "right" : "wrong");
        feedback.hidden = false;
        input.setAttribute("aria-describedby", feedback.id);
      });
      question.setAttribute("data-result", correct ? "right" : "wrong");
      if (correct) {
        right++;
      }
    });
    form.querySelector(".training-quiz__result").textContent =
      format(strings.result, { right: right, total: questions.length });
    if (config.module) {
      update(config.module, { score: right, total: questions.length });
    }
  }

  function setUpQuizzes() {
    document.querySelectorAll("form.training-quiz").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        check(form);
      });
      form.addEventListener("reset", function () {
        form.querySelectorAll(".training-quiz__feedback").forEach(function (feedback) {
          feedback.hidden = true;
        });
        form.querySelectorAll("input").forEach(function (input) {
          input.removeAttribute("aria-describedby");
        });
        form.querySelectorAll("[data-result]").forEach(function (question) {
          question.removeAttribute("data-result");
        });
        form.querySelector(".training-quiz__result").textContent = "";
      });
    });
  }

  // --- Glossary terms ---------------------------------------------------------

  // A definition shows on hover and focus (CSS); Escape hides it (WCAG 1.4.13).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll(".training-term").forEach(function (term) {
        term.classList.add("training-term--dismissed");
      });
    }
  });
  document.addEventListener("focusin", function (event) {
    var term = event.target.closest && event.target.closest(".training-term");
    if (term) {
      term.classList.remove("training-term--dismissed");
    }
  });
  document.addEventListener("mouseover", function (event) {
    var term = event.target.closest && event.target.closest(".training-term");
    if (term) {
      term.classList.remove("training-term--dismissed");
    }
  });

  // On the default-language home page this file runs in <head>, before the
  // body exists (see the language check above); elsewhere it is deferred.
  function start() {
    setUpProgress();
    setUpQuizzes();
    show();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
