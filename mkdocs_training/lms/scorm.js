// SCORM runtime of the LMS packages. mkdocs_training/lms/page.py adds it to module
// pages inside a package only, after training.js, whose two events it
// listens to: "training:checked" (a knowledge check was checked) and
// "training:complete" (the reader marked the module complete, or not).
//
// It finds the LMS's API the standard way and reports: completion when the
// reader marks the module complete; the knowledge-check score; passed or
// failed against the mastery score; the session time; where the reader was
// and their answers, so that they resume there. It ends the session when the
// page is hidden. Without an API (the package opened outside an LMS) it does
// nothing and writes nothing to the console.
(function () {
  "use strict";
  var script = document.currentScript;
  var v12 = script.getAttribute("data-scorm-version") === "1.2";
  var NAME = v12 ? "API" : "API_1484_11";
  var CALL = v12
    ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish" }
    : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate" };
  var CMI = v12
    ? {
        entry: "cmi.core.entry", location: "cmi.core.lesson_location", status: "cmi.core.lesson_status",
        raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
        session: "cmi.core.session_time", exit: "cmi.core.exit", mastery: "cmi.student_data.mastery_score"
      }
    : {
        entry: "cmi.entry", location: "cmi.location", status: "cmi.completion_status",
        raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
        session: "cmi.session_time", exit: "cmi.exit", mastery: "cmi.scaled_passing_score"
      };

  // The standard search: this window and its parents, then the opener's
  // (SCORM 1.2 RTE 3.3.6.1; SCORM 2004 RTE 3.1.2.1).
  function search(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win[NAME]) {
          return win[NAME];
        }
      } catch (error) {
        return null; // A frame of another origin: no API we may use beyond it.
      }
      if (win.parent === win) {
        break;
      }
      win = win.parent;
    }
    return null;
  }

  var api = search(window);
  try {
    api = api || search(window.opener) || search(window.top.opener);
  } catch (error) {
    api = api || null;
  }
  if (!api) {
    return; // Not in an LMS: the page works as on the site.
  }

  // An LMS whose API throws must not break the page.
  function call(name, a, b) {
    try {
      return String(b === undefined ? api[CALL[name]](a) : api[CALL[name]](a, b));
    } catch (error) {
      return "";
    }
  }
  function get(element) {
    return call("get", element);
  }
  function set(element, value) {
    return call("set", element, String(value));
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
  // What the reader did; kept in the LMS as suspend data.
  var state = { answers: [], checked: {}, complete: false };

  // Per cent; the LMS's value (from the manifest) wins over the page's own.
  var mastery = (function () {
    var lms = get(CMI.mastery);
    if (lms !== "" && !isNaN(Number(lms))) {
      return v12 ? Number(lms) : Number(lms) * 100;
    }
    var own = script.getAttribute("data-mastery-score");
    return own ? Number(own) : null;
  })();

  function round(value, places) {
    var factor = Math.pow(10, places);
    return Math.round(value * factor) / factor;
  }

  // Every knowledge check on the page, once each has been checked.
  function totals() {
    var right = 0;
    var total = 0;
    var forms = document.querySelectorAll("form.training-quiz");
    for (var i = 0; i < forms.length; i++) {
      var result = state.checked[forms[i].getAttribute("data-training-quiz")];
      if (!result) {
        return null;
      }
      right += result[0];
      total += result[1];
    }
    return total ? { right: right, total: total } : null;
  }

  function passed(score) {
    // Rounded: 0.7 * 100 is not 70 in floating point.
    return Math.round((score.right / score.total) * 1e6) >= Math.round((mastery / 100) * 1e6);
  }

  // SCORM 1.2 has one status for completion and success: incomplete until the
  // reader marks the module complete, then passed or failed once there is a
  // score to judge, completed otherwise.
  function status12() {
    var score = totals();
    if (!state.complete) {
      return "incomplete";
    }
    if (mastery === null || !score) {
      return "completed";
    }
    return passed(score) ? "passed" : "failed";
  }

  function reportStatus() {
    set(CMI.status, v12 ? status12() : state.complete ? "completed" : "incomplete");
  }

  function reportScore() {
    var score = totals();
    if (!score) {
      return;
    }
    set(CMI.raw, round((score.right / score.total) * 100, 2));
    set(CMI.min, 0);
    set(CMI.max, 100);
    if (v12) {
      reportStatus();
      return;
    }
    set("cmi.score.scaled", round(score.right / score.total, 4));
    if (mastery !== null) {
      set("cmi.success_status", passed(score) ? "passed" : "failed");
    }
  }

  // The last section heading above the top third of the window.
  function here() {
    var current = "";
    document.querySelectorAll(".md-content h2[id]").forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= window.innerHeight / 3) {
        current = heading.id;
      }
    });
    return current;
  }

  function save() {
    set(CMI.location, here());
    set("cmi.suspend_data", JSON.stringify(state));
  }

  function answers() {
    return Array.prototype.map.call(document.querySelectorAll("form.training-quiz input:checked"), function (input) {
      return input.id;
    });
  }

  // HHHH:MM:SS.SS in SCORM 1.2, an ISO 8601 duration in SCORM 2004.
  function sessionTime() {
    var centiseconds = Math.floor((Date.now() - started) / 10);
    var hours = Math.floor(centiseconds / 360000);
    var minutes = Math.floor((centiseconds % 360000) / 6000);
    var seconds = ((centiseconds % 6000) / 100).toFixed(2);
    if (!v12) {
      return "PT" + hours + "H" + minutes + "M" + seconds + "S";
    }
    function two(n) {
      return (n < 10 ? "0" : "") + n;
    }
    return two(hours) + ":" + two(minutes) + ":" + (Number(seconds) < 10 ? "0" : "") + seconds;
  }

  document.addEventListener("training:checked", function (event) {
    state.checked[event.detail.form.getAttribute("data-training-quiz")] = [event.detail.right, event.detail.total];
    state.answers = answers();
    if (!restoring) {
      reportScore();
      save();
      call("commit", "");
    }
  });

  document.addEventListener("training:complete", function (event) {
    state.complete = !!event.detail.complete;
    if (!restoring) {
      reportStatus();
      save();
      call("commit", "");
    }
  });

  function finish() {
    if (finished) {
      return;
    }
    finished = true;
    save();
    set(CMI.session, sessionTime());
    // Suspended until complete, so that the reader comes back to where they were.
    set(CMI.exit, state.complete ? (v12 ? "" : "normal") : "suspend");
    call("commit", "");
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

    var saved = {};
    var bookmark = "";
    if (get(CMI.entry) === "resume") {
      try {
        saved = JSON.parse(get("cmi.suspend_data")) || {};
      } catch (error) {
        saved = {};
      }
      bookmark = get(CMI.location);
    }
    var status = get(CMI.status);
    var completeInLms = v12 ? ["completed", "passed", "failed"].indexOf(status) !== -1 : status === "completed";

    // Stored data may be anything (suspend_data is the LMS's, or a hand edit):
    // keys are escaped before they reach a selector, and whatever happens the
    // page leaves the restoring state, or nothing would be reported again.
    restoring = true;
    try {
      (saved.answers || []).forEach(function (id) {
        var input = document.getElementById(id);
        if (input && input.closest("form.training-quiz")) {
          input.checked = true;
        }
      });
      Object.keys(saved.checked || {}).forEach(function (id) {
        var form = document.querySelector('form.training-quiz[data-training-quiz="' + CSS.escape(id) + '"]');
        if (form) {
          form.requestSubmit(); // training.js shows the feedback again.
        }
      });
      // The LMS, not this browser's storage, says whether the module is complete.
      var complete = saved.complete !== undefined ? !!saved.complete : completeInLms;
      var button = document.querySelector("[data-training-complete] button");
      if (button && (button.getAttribute("aria-pressed") === "true") !== complete) {
        button.click();
      }
      state.complete = complete;
    } finally {
      restoring = false;
    }

    if (["not attempted", "unknown", ""].indexOf(status) !== -1) {
      reportStatus();
      call("commit", "");
    }
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
