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
          status.textContent = config.progress.cleared;
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
