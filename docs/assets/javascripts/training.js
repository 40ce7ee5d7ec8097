// Behaviour of the training library, on top of Material. One file, loaded by
// overrides/main.html, never inline, so a strict Content-Security-Policy
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
        try {
          document.cookie = COOKIE + "=" + link.hreflang + "; path=" + root.pathname +
            "; max-age=31536000; SameSite=Lax";
        } catch (error) {
          // Cookies blocked: the choice holds for this visit (see below).
        }
      }
    }
  });

  // A reader who came here from another page of this site got here on
  // purpose (the switcher, the logo, a link): never send them away. This is
  // what keeps their choice when site data is blocked and cannot be stored.
  function cameFromThisSite() {
    try {
      var from = new URL(document.referrer);
      return from.origin === location.origin && from.pathname.indexOf(root.pathname) === 0;
    } catch (error) {
      return false; // No referrer (typed, bookmarked, another site).
    }
  }

  if (script.hasAttribute("data-home") && !cameFromThisSite()) {
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
      stored = JSON.parse(read(PROGRESS));
    } catch (error) {
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

  var clearedTimer;

  function setUpProgress() {
    document.querySelectorAll("[data-training-complete] button").forEach(function (button) {
      button.addEventListener("click", function () {
        var module = button.closest("[data-training-complete]").getAttribute("data-training-complete");
        document.dispatchEvent(new CustomEvent("training:complete", { detail: { module: module, complete: button.getAttribute("aria-pressed") !== "true" } }));
        update(module, { complete: button.getAttribute("aria-pressed") !== "true" });
      });
    });

    document.querySelectorAll("[data-training-reset]").forEach(function (button) {
      button.addEventListener("click", function () {
        write(PROGRESS, null);
        show();
        var status = document.querySelector("[data-training-reset-status]");
        if (status) {
          // Said at once; on a second click, emptied first and filled a
          // moment later, so that it is announced again. Then it goes, once
          // it has been read.
          clearTimeout(clearedTimer);
          if (status.textContent === "") {
            status.textContent = config.progress.cleared;
          } else {
            status.textContent = "";
            setTimeout(function () {
              status.textContent = config.progress.cleared;
            }, 150);
          }
          clearedTimer = setTimeout(function () {
            status.textContent = "";
          }, 8000);
        }
      });
    });
  }

  // --- Knowledge checks -------------------------------------------------------

  // A sentence with a number, in the form the page's language needs for it
  // (CLDR plural categories: English one/other, Italian one/other, others more).
  function plural(forms, count) {
    var category = new Intl.PluralRules(document.documentElement.lang).select(count);
    if (!(category in forms)) {
      // locales/<lang>.yml lacks a form this language needs: say so loudly.
      console.error("training: quiz.result has no '" + category + "' form for " + document.documentElement.lang);
      category = "other";
    }
    return forms[category];
  }

  // Answers in a new order for each reader, so their position gives nothing
  // away. The nodes themselves move, so Tab and arrow keys follow what is
  // seen; each input keeps its source number in value, and the PDF's answer
  // key is built from the source order.
  function shuffle(question) {
    var answers = Array.prototype.slice.call(question.querySelectorAll(".training-quiz__answer"));
    for (var i = answers.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = answers[i];
      answers[i] = answers[j];
      answers[j] = swap;
    }
    answers.forEach(function (answer) {
      question.appendChild(answer);
    });
  }

  // The line under a question's hint that gives the verdict on the question
  // as a whole; made here, since it only means something once checked.
  function verdictOf(question) {
    var verdict = question.querySelector(".training-quiz__question-verdict");
    if (!verdict) {
      verdict = document.createElement("p");
      verdict.className = "training-quiz__question-verdict";
      verdict.id = question.id + "-verdict";
      verdict.hidden = true;
      var hint = question.querySelector(".training-quiz__hint");
      hint.parentNode.insertBefore(verdict, hint.nextSibling);
    }
    return verdict;
  }

  function clear(form) {
    form.querySelectorAll(".training-quiz__feedback").forEach(function (feedback) {
      feedback.hidden = true;
      feedback.removeAttribute("data-state");
    });
    form.querySelectorAll("input").forEach(function (input) {
      input.removeAttribute("aria-describedby");
    });
    form.querySelectorAll(".training-quiz__question").forEach(function (question) {
      question.removeAttribute("data-result");
      var verdict = verdictOf(question);
      verdict.hidden = true;
      verdict.textContent = "";
      question.setAttribute("aria-describedby", question.id + "-hint");
    });
    form.querySelector(".training-quiz__result").textContent = "";
  }

  function check(form) {
    var strings = config.quiz;
    clear(form);
    // Nothing chosen at all: ask for answers, and keep any earlier score.
    if (!form.querySelector("input:checked")) {
      form.querySelector(".training-quiz__result").textContent = strings.empty;
      return;
    }
    var right = 0;
    var questions = form.querySelectorAll(".training-quiz__question");
    questions.forEach(function (question) {
      var correct = true;
      var answered = false;
      question.querySelectorAll("input").forEach(function (input) {
        var isRight = input.getAttribute("data-correct") === "true";
        answered = answered || input.checked;
        if (input.checked !== isRight) {
          correct = false;
        }
        // Feedback for what the reader chose and for the correct answers;
        // a wrong answer nobody chose says nothing.
        if (!input.checked && !isRight) {
          return;
        }
        var feedback = document.getElementById(input.id + "-feedback");
        feedback.querySelector(".training-quiz__verdict").textContent =
          input.checked ? (isRight ? strings.chosen_right : strings.chosen_wrong) : strings.missed;
        feedback.setAttribute("data-state", isRight ? "right" : "wrong");
        feedback.hidden = false;
        input.setAttribute("aria-describedby", feedback.id);
      });
      var result = correct ? "right" : answered ? "wrong" : "unanswered";
      var verdict = verdictOf(question);
      verdict.textContent = strings["question_" + result];
      verdict.setAttribute("data-state", correct ? "right" : "wrong");
      verdict.hidden = false;
      question.setAttribute("data-result", result);
      question.setAttribute("aria-describedby", question.id + "-hint " + verdict.id);
      if (correct) {
        right++;
      }
    });
    form.querySelector(".training-quiz__result").textContent =
      format(plural(strings.result, right), { right: right, total: questions.length });
    if (config.module) {
      update(config.module, { score: right, total: questions.length });
    }
    document.dispatchEvent(new CustomEvent("training:checked", { detail: { module: config.module, form: form, right: right, total: questions.length } }));
  }

  function setUpQuizzes() {
    document.querySelectorAll("form.training-quiz").forEach(function (form) {
      form.querySelectorAll(".training-quiz__question").forEach(shuffle);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        check(form);
      });
      form.addEventListener("reset", function () {
        clear(form);
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
  // Where the definition goes: below its term unless it would run off the
  // right or bottom edge; on a phone (a strip at the bottom of the screen)
  // at the top instead when the term is in the lower half, where the strip
  // would cover it. CSS (extra.css) places it for each class.
  function place(term) {
    var tip = term.querySelector(".training-term__tip");
    term.classList.remove("training-term--end", "training-term--above");
    if (!tip) {
      return;
    }
    var box = tip.getBoundingClientRect();
    if (!box.width) {
      return; // Not showing.
    }
    var anchor = term.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    if (getComputedStyle(tip).position === "fixed") {
      if (anchor.bottom > window.innerHeight / 2) {
        term.classList.add("training-term--above");
      }
      return;
    }
    if (box.right > width - 8) {
      term.classList.add("training-term--end");
    }
    if (box.bottom > window.innerHeight && anchor.top > box.height) {
      term.classList.add("training-term--above");
    }
  }

  document.addEventListener("focusin", function (event) {
    var term = event.target.closest && event.target.closest(".training-term");
    if (term) {
      term.classList.remove("training-term--dismissed");
      place(term);
    }
  });
  document.addEventListener("mouseover", function (event) {
    var term = event.target.closest && event.target.closest(".training-term");
    if (term && !term.contains(event.relatedTarget)) {
      term.classList.remove("training-term--dismissed");
      place(term);
    }
  });

  // --- Controls that need script, and Material's toggles -------------------

  // Buttons that only work with script are in the HTML with `hidden`
  // (overrides/partials/training.html); show them now that script runs.
  // ...and hide what stands in for them without script.
  function showScriptControls() {
    document.querySelectorAll("[data-training-script][hidden]").forEach(function (element) {
      element.hidden = false;
    });
    document.querySelectorAll("[data-training-fallback]").forEach(function (element) {
      element.hidden = true;
    });
  }

  // Opened from its button, the drawer takes focus: its first link on
  // screen (Material shows the current section's level of the tree).
  function focusDrawer() {
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!drawer) {
      return;
    }
    var edge = drawer.getBoundingClientRect();
    var links = drawer.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var box = links[i].getBoundingClientRect();
      // Where it will be once the drawer has slid in (12.1rem, Material's CSS).
      var left = box.left - edge.left;
      if (box.width > 0 && left >= 0 && left < edge.width && box.top >= 0 && box.bottom <= window.innerHeight) {
        links[i].focus({ preventScroll: true });
        return;
      }
    }
  }

  // The menu and search buttons in the header (overrides/partials/header.html)
  // work Material's checkboxes, and aria-expanded follows them. Escape
  // closes the drawer and goes back to its button.
  function setUpToggles() {
    document.querySelectorAll("button[data-training-toggle]").forEach(function (button) {
      var toggle = document.getElementById(button.getAttribute("data-training-toggle"));
      if (!toggle) {
        return;
      }
      var region = toggle.id === "__search" ? document.querySelector(".md-search") : null;
      button.addEventListener("click", function () {
        toggle.click(); // Fires "change", which Material listens to.
        var field = region && region.querySelector("input.md-search__input");
        if (field && toggle.checked) {
          field.focus();
        }
        if (toggle.id === "__drawer" && toggle.checked) {
          focusDrawer();
        }
      });
      var sync = function () {
        button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      };
      toggle.addEventListener("change", function () {
        sync();
        // Search closed (Escape): back to the button, not to the top of the page.
        var active = document.activeElement;
        if (region && !toggle.checked && button.offsetParent !== null &&
            (!active || active === document.body || region.contains(active))) {
          button.focus();
        }
      });
      sync();
    });
    var drawer = document.getElementById("__drawer");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer && drawer.checked) {
        drawer.click();
        var button = document.querySelector("button[data-training-toggle='__drawer']");
        if (button) {
          button.focus();
        }
      }
    });
    // Tab past the drawer's last link: the drawer closes, so focus is never
    // on the page hidden under it.
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (sidebar && drawer) {
      sidebar.addEventListener("focusout", function (event) {
        var next = event.relatedTarget;
        var button = document.querySelector("button[data-training-toggle='__drawer']");
        if (drawer.checked && next && !sidebar.contains(next) && next !== button) {
          drawer.click();
        }
      });
    }
    // Firefox restores checkboxes on reload and back; a page should never
    // open with the drawer or search already open.
    window.addEventListener("pageshow", function () {
      ["__drawer", "__search"].forEach(function (id) {
        var toggle = document.getElementById(id);
        if (toggle && toggle.checked) {
          toggle.click();
        }
      });
    });
  }

  // On the default-language home page this file runs in <head>, before the
  // body exists (see the language check above); elsewhere it is deferred.
  function start() {
    showScriptControls();
    setUpToggles();
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
