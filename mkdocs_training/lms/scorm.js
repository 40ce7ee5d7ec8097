// SCORM runtime of the LMS packages. mkdocs_training/lms/page.py adds it to module
// pages inside a package only, after training.js and scorm-record.js (what the
// record looks like in each version). It listens to training.js's events:
// "training:checked" (a knowledge check was checked) and "training:complete"
// (the reader marked the module complete, or not), and to answers chosen.
//
// A record never goes backwards: in review or browse mode, or without
// credit, it shows the stored answers and writes nothing; otherwise it never
// writes a status, success or score below what the LMS holds. Every answer,
// check and completion is committed at once, with exit = suspend and the
// bookmark from the first commit, so a tab that closes without pagehide
// loses nothing. A refused write is logged and tried once more, never fatal.
// Outside an LMS (no API found) it does nothing and logs nothing.
(function () {
  "use strict";
  var script = document.currentScript;
  var record = window.trainingScormRecord;
  var v12 = script.getAttribute("data-scorm-version") === "1.2";
  var NAME = v12 ? "API" : "API_1484_11";
  var CALL = v12
    ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
        error: "LMSGetLastError" }
    : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
        error: "GetLastError" };
  var CMI = v12
    ? {
        entry: "cmi.core.entry", location: "cmi.core.lesson_location", status: "cmi.core.lesson_status",
        raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
        session: "cmi.core.session_time", exit: "cmi.core.exit", mastery: "cmi.student_data.mastery_score",
        mode: "cmi.core.lesson_mode", credit: "cmi.core.credit", count: "cmi.interactions._count"
      }
    : {
        entry: "cmi.entry", location: "cmi.location", status: "cmi.completion_status",
        raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
        session: "cmi.session_time", exit: "cmi.exit", mastery: "cmi.scaled_passing_score",
        mode: "cmi.mode", credit: "cmi.credit", count: "cmi.interactions._count"
      };
  var LOCATION_LIMIT = v12 ? 255 : 1000; // CMIString255; characterstring(SPM 1000).

  var api = record && record.findApi(NAME);
  if (!api) {
    return; // Not in an LMS: the page works as on the site.
  }

  // An LMS whose API throws must not break the page.
  function call(name, a, b) {
    try {
      return String(b === undefined ? api[CALL[name]](a) : api[CALL[name]](a, b));
    } catch {
      return "";
    }
  }
  function get(element) {
    return call("get", element);
  }
  // A refused write or commit (false, an error code, an element the LMS has
  // not implemented) is logged and tried once more; the page goes on either way.
  function attempt(name, element, value) {
    for (var tries = 1; tries <= 2; tries++) {
      if (call(name, element, value) === "true") {
        return true;
      }
      console.warn("training: the LMS refused " + CALL[name] + "(" + (element || "") + ") with error " +
        call("error") + (tries === 1 ? "; trying once more." : "; going on without it."));
    }
    return false;
  }
  function set(element, value) {
    return attempt("set", element, String(value));
  }
  function commit() {
    set(CMI.session, record.duration(v12, Date.now() - started));
    return attempt("commit", "");
  }
  if (call("init", "") !== "true") {
    return;
  }

  document.querySelectorAll("[data-lms-note]").forEach(function (note) {
    note.textContent = note.getAttribute("data-lms-note");
  });

  var started = Date.now();
  var finished = false;
  var restoring = false;
  // What the reader did; kept in the LMS as suspend data (scorm-record.js).
  var state = { a: {}, s: {}, c: 0 };
  var touched = {}; // When each question was first answered in this session: its latency.
  var interactionsWork = true;
  var nextInteraction = Number(get(CMI.count)) || 0;
  var interactionsAtLaunch = nextInteraction;
  var placed = {}; // Knowledge check: its first interaction index, this session.

  // Review, browse or no credit: the LMS keeps the record as it is.
  var mode = get(CMI.mode);
  var readOnly = mode === "review" || mode === "browse" || get(CMI.credit) === "no-credit";
  // What the LMS holds now; nothing below it is written (see report()).
  var held = { status: get(CMI.status), success: v12 ? "" : get("cmi.success_status"), raw: get(CMI.raw),
               progress: v12 ? "" : get("cmi.progress_measure") };
  var DONE = ["completed", "passed", "failed"];

  // Per cent; the LMS's value (from the manifest) wins over the page's own.
  var mastery = (function () {
    var lms = get(CMI.mastery);
    if (lms !== "" && !isNaN(Number(lms))) {
      return v12 ? Number(lms) : Number(lms) * 100;
    }
    var own = script.getAttribute("data-mastery-score");
    return own ? Number(own) : null;
  })();

  function formIds() {
    return Array.prototype.map.call(document.querySelectorAll("form.training-quiz"), function (form) {
      return form.getAttribute("data-training-quiz");
    });
  }

  // Status and score, each only when it does not go below what the LMS holds.
  function report() {
    var now = record.outcome(state, formIds(), mastery);
    var status = !now.complete ? "incomplete" : v12 && now.verdict ? now.verdict : "completed";
    if (status !== held.status && record.notLower(status, held.status, record.RANK) && set(CMI.status, status)) {
      held.status = status;
    }
    if (!v12 && now.verdict && now.verdict !== held.success &&
        record.notLower(now.verdict, held.success, record.SUCCESS_RANK) && set("cmi.success_status", now.verdict)) {
      held.success = now.verdict;
    }
    if (!v12 && (held.progress === "" || now.progress > Number(held.progress))) {
      set("cmi.progress_measure", now.progress);
      held.progress = String(now.progress);
    }
    if (now.score && (held.raw === "" || now.score.raw > Number(held.raw))) {
      set(CMI.raw, now.score.raw);
      set(CMI.min, 0);
      set(CMI.max, 100);
      if (!v12) {
        set("cmi.score.scaled", now.score.scaled);
      }
      held.raw = String(now.score.raw);
    }
  }

  // One interaction per question of the form just checked, at the same
  // indexes every time it is checked again (kept in the suspend data).
  function reportInteractions(form, id) {
    var questions = form.querySelectorAll(".training-quiz__question");
    var base = (state.s[id] || [])[2];
    // An index is reused only if the LMS still holds it (it may drop
    // interactions between sessions); new ones go at the end, as both versions ask.
    if (!(typeof base === "number" && (base + questions.length <= interactionsAtLaunch || placed[id] === base))) {
      base = nextInteraction;
      nextInteraction += questions.length;
    }
    placed[id] = base;
    var now = Date.now();
    for (var i = 0; i < questions.length && interactionsWork; i++) {
      var fields = record.interaction(v12, questions[i], touched[questions[i].id] || started, now);
      for (var f = 0; f < fields.length && interactionsWork; f++) {
        // An LMS that takes no interactions gets no more tries this session.
        interactionsWork = set("cmi.interactions." + (base + i) + "." + fields[f][0], fields[f][1]);
      }
      delete touched[questions[i].id];
    }
    return base;
  }

  // The bookmark, the answers and exit = suspend until complete: whatever
  // commit comes last, the next launch resumes from it.
  function save() {
    var bookmark = record.bookmark();
    if (bookmark && bookmark.length <= LOCATION_LIMIT) { // 2004 takes no empty location.
      set(CMI.location, bookmark);
    }
    set("cmi.suspend_data", record.encode(state));
    var done = record.outcome(state, formIds(), mastery).complete || DONE.indexOf(held.status) !== -1;
    set(CMI.exit, done ? (v12 ? "" : "normal") : "suspend");
  }

  function change() {
    if (restoring || readOnly) {
      return;
    }
    report();
    save();
    commit();
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("form.training-quiz");
    if (!form || restoring) {
      return;
    }
    var question = event.target.closest(".training-quiz__question");
    if (question && !touched[question.id]) {
      touched[question.id] = Date.now();
    }
    state.a[form.getAttribute("data-training-quiz")] = record.encodeAnswers(form);
    change();
  });

  document.addEventListener("training:checked", function (event) {
    var form = event.detail.form;
    var id = form.getAttribute("data-training-quiz");
    state.a[id] = record.encodeAnswers(form);
    var base = restoring || readOnly ? (state.s[id] || [])[2] : reportInteractions(form, id);
    state.s[id] = [event.detail.right, event.detail.total];
    if (typeof base === "number") {
      state.s[id].push(base);
    }
    change();
  });

  document.addEventListener("training:complete", function (event) {
    state.c = event.detail.complete ? 1 : 0;
    change();
  });

  // Only a last extra write: everything was committed as it happened.
  function finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (!readOnly) {
      save();
      commit();
    }
    call("finish", "");
  }
  window.addEventListener("pagehide", finish);

  // --- Start: take up where the reader left off -------------------------------
  // After training.js has set up the knowledge checks: it starts on
  // DOMContentLoaded, and this deferred file runs just before that event.
  var resumed = false;
  function resume() {
    if (resumed) {
      return;
    }
    resumed = true;

    // Whatever the LMS gives back is this attempt's: a new attempt has none.
    var saved = record.decode(get("cmi.suspend_data"));
    var bookmark = get(CMI.location);
    var completeInLms = DONE.indexOf(held.status) !== -1;

    restoring = true;
    try {
      saved.ids.forEach(function (id) {
        var input = document.getElementById(id);
        if (input && input.closest("form.training-quiz")) {
          input.checked = true;
        }
      });
      Object.keys(saved.a).forEach(function (id) {
        var form = document.querySelector('form.training-quiz[data-training-quiz="' + CSS.escape(id) + '"]');
        if (form) {
          record.restoreAnswers(form, saved.a[id]);
        }
      });
      document.querySelectorAll("form.training-quiz").forEach(function (form) {
        if (form.querySelector("input:checked")) {
          state.a[form.getAttribute("data-training-quiz")] = record.encodeAnswers(form);
        }
      });
      Object.keys(saved.s).forEach(function (id) {
        var form = document.querySelector('form.training-quiz[data-training-quiz="' + CSS.escape(id) + '"]');
        if (form && Array.isArray(saved.s[id])) {
          state.s[id] = saved.s[id];
          form.requestSubmit(); // training.js shows the feedback again, and the result comes back.
        }
      });
      // Complete if the LMS or the saved state says so: never shown as less.
      var done = !!saved.c || completeInLms;
      var button = document.querySelector("[data-training-complete] button");
      if (button && (button.getAttribute("aria-pressed") === "true") !== done) {
        button.click();
      }
      state.c = done ? 1 : 0;
    } finally {
      restoring = false;
    }

    // The first commit: status, bookmark, answers and exit = suspend, so that
    // a session that ends without pagehide still resumes.
    change();
    var target = bookmark && document.getElementById(bookmark);
    if (target) {
      target.scrollIntoView();
    }
  }
  if (document.readyState === "complete") {
    resume();
  } else {
    document.addEventListener("DOMContentLoaded", resume);
    window.addEventListener("load", resume);
  }
})();
