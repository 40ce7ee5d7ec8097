// --- Knowledge checks -------------------------------------------------------

var core = training.core;
var config = core.config;

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
    core.format(plural(strings.result, right), { right: right, total: questions.length });
  if (config.module) {
    training.progress.update(config.module, { score: right, total: questions.length });
  }
  document.dispatchEvent(new CustomEvent("training:checked", { detail: { module: config.module, form: form, right: right, total: questions.length } }));
}

// A changed answer makes the verdict on its question, the score and the
// stored result out of date: they would vouch for an answer no longer
// chosen. They go until the reader checks again. Arrow keys on radio
// buttons, clicks and Space all fire "change".
function withdraw(form, question) {
  if (!question || !question.hasAttribute("data-result")) {
    return; // Not checked since the page opened: nothing to take back.
  }
  question.removeAttribute("data-result");
  question.querySelectorAll(".training-quiz__feedback").forEach(function (feedback) {
    feedback.hidden = true;
    feedback.removeAttribute("data-state");
  });
  question.querySelectorAll("input").forEach(function (input) {
    input.removeAttribute("aria-describedby");
  });
  var verdict = verdictOf(question);
  verdict.hidden = true;
  verdict.textContent = "";
  question.setAttribute("aria-describedby", question.id + "-hint");
  form.querySelector(".training-quiz__result").textContent = "";
  if (config.module) {
    // Undefined keys are left out when stored: the module keeps its
    // "complete" mark and loses the score until the next check.
    training.progress.update(config.module, { score: undefined, total: undefined });
  }
}

function setUpQuizzes() {
  document.querySelectorAll("form.training-quiz").forEach(function (form) {
    form.querySelectorAll(".training-quiz__question").forEach(shuffle);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(form);
    });
    form.addEventListener("change", function (event) {
      withdraw(form, event.target.closest(".training-quiz__question"));
    });
    form.addEventListener("reset", function () {
      clear(form);
    });
  });
}

training.quiz = { setUp: setUpQuizzes };
