// Helpers of scorm.js, which is loaded right after this file (in packages
// only): finding the LMS's API, and what a SCO's record looks like in each
// SCORM version's data model (suspend data, times, the completion rule,
// status ranks, interactions). No calls to the LMS here: scorm.js makes them.
(function () {
  "use strict";

  // --- The LMS and the page --------------------------------------------------
  // ADL's discovery: this window and its parents, then the opener's
  // (SCORM 1.2 RTE 3.3.6.1; SCORM 2004 RTE 3.1.2.1). null outside an LMS.
  function search(win, name) {
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win[name]) {
          return win[name];
        }
      } catch {
        return null; // A frame of another origin: no API we may use beyond it.
      }
      if (win.parent === win) {
        break;
      }
      win = win.parent;
    }
    return null;
  }

  function findApi(name) {
    try {
      return search(window, name) || search(window.opener, name) || search(window.top.opener, name);
    } catch {
      return search(window, name);
    }
  }

  // Where the reader is: the last section heading above the top third of the window.
  function bookmark() {
    var current = "";
    document.querySelectorAll(".md-content h2[id]").forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= window.innerHeight / 3) {
        current = heading.id;
      }
    });
    return current;
  }

  // --- Suspend data -------------------------------------------------------
  // Compact, because SCORM 1.2 keeps only 4,096 characters (the packaging
  // checks the largest module against that, in lms/limits.py, which mirrors
  // this format):
  //   {"a":{"quiz-1":"3.1.2,4"},"s":{"quiz-1":[4,5,0]},"c":1}
  // a: per knowledge check, the answers chosen, by each input's source number
  //    (value), questions in page order separated by "." and several answers
  //    of one question by ",";
  // s: per checked knowledge check, [right, total, first interaction index];
  // c: 1 once the reader has marked the module complete.
  function encodeAnswers(form) {
    return Array.prototype.map.call(form.querySelectorAll(".training-quiz__question"), function (question) {
      return Array.prototype.map.call(question.querySelectorAll("input:checked"), function (input) {
        return input.value;
      }).sort(function (x, y) {
        return Number(x) - Number(y); // Source order: the page shows answers shuffled.
      }).join(",");
    }).join(".");
  }

  function restoreAnswers(form, encoded) {
    var questions = form.querySelectorAll(".training-quiz__question");
    String(encoded).split(".").forEach(function (values, index) {
      if (!questions[index] || values === "") {
        return;
      }
      values.split(",").forEach(function (value) {
        var input = questions[index].querySelector('input[value="' + CSS.escape(value) + '"]');
        if (input) {
          input.checked = true;
        }
      });
    });
  }

  // The stored text, in this format or the one packages used before it
  // ({"answers": [input ids], "checked": {...}, "complete": true}), so that a
  // reader half-way through keeps their answers when the package is updated.
  function decode(text) {
    var saved;
    try {
      saved = JSON.parse(text);
    } catch {
      saved = null;
    }
    if (!saved || typeof saved !== "object") {
      return { a: {}, s: {}, c: 0, ids: [] };
    }
    if (Array.isArray(saved.answers)) {
      return { a: {}, s: saved.checked || {}, c: saved.complete ? 1 : 0, ids: saved.answers };
    }
    return { a: saved.a || {}, s: saved.s || {}, c: saved.c ? 1 : 0, ids: [] };
  }

  function encode(state) {
    var out = { a: state.a, s: state.s };
    if (state.c) {
      out.c = 1;
    }
    return JSON.stringify(out);
  }

  // --- Times ----------------------------------------------------------------
  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // A duration: HHHH:MM:SS.SS in SCORM 1.2, ISO 8601 (PT1H2M3.45S) in 2004.
  function duration(v12, milliseconds) {
    var centiseconds = Math.max(0, Math.floor(milliseconds / 10));
    var hours = Math.floor(centiseconds / 360000);
    var minutes = Math.floor((centiseconds % 360000) / 6000);
    var seconds = ((centiseconds % 6000) / 100).toFixed(2);
    if (!v12) {
      return "PT" + hours + "H" + minutes + "M" + seconds + "S";
    }
    return two(hours) + ":" + two(minutes) + ":" + (Number(seconds) < 10 ? "0" : "") + seconds;
  }

  // A moment: the time of day in SCORM 1.2 (HH:MM:SS), a UTC date and time in 2004.
  function moment(v12, date) {
    if (v12) {
      return two(date.getHours()) + ":" + two(date.getMinutes()) + ":" + two(date.getSeconds());
    }
    return date.toISOString().slice(0, 22) + "Z"; // Hundredths: what every LMS accepts.
  }

  // --- The completion rule -------------------------------------------------
  // The same in SCORM 1.2 and 2004: the module is complete once the reader
  // has marked it complete and, when it has a mastery score, checked every
  // knowledge check. Until then the LMS hears "incomplete" and no score, so
  // that no LMS can judge a pass early from the mastery score.
  function round(value, places) {
    var factor = Math.pow(10, places);
    return Math.round(value * factor) / factor;
  }

  // What the module's state comes to: complete or not, the score (per cent
  // and 0 to 1) and passed or failed once complete, and the share done
  // (each knowledge check, and marking it complete; 1 only when complete).
  function outcome(state, formIds, mastery) {
    var right = 0;
    var total = 0;
    var checked = formIds.filter(function (id) {
      var result = state.s[id];
      if (result) {
        right += result[0];
        total += result[1];
      }
      return !!result;
    }).length;
    var scored = checked === formIds.length && total > 0;
    var complete = !!state.c && (mastery === null || !formIds.length || scored);
    var score = complete && scored ? { raw: round((right / total) * 100, 2), scaled: round(right / total, 4) } : null;
    // Rounded: 0.7 * 100 is not 70 in floating point.
    var passed = score && Math.round((right / total) * 1e6) >= Math.round((mastery / 100) * 1e6);
    return {
      complete: complete, score: score, verdict: score && mastery !== null ? (passed ? "passed" : "failed") : "",
      progress: complete ? 1 : round((checked + (state.c ? 1 : 0)) / (formIds.length + 1), 2)
    };
  }

  // --- Never backwards ------------------------------------------------------
  // How far each status value goes; a value below the one the LMS holds is
  // never written. In 1.2, failed is finished but short of completed (a
  // record from a package without a mastery score stays completed).
  var RANK = {
    "": 0, unknown: 0, "not attempted": 0, browsed: 1, incomplete: 2, failed: 3, completed: 4, passed: 5
  };
  var SUCCESS_RANK = { "": 0, unknown: 0, failed: 1, passed: 2 };

  function notLower(value, held, ranks) {
    return (ranks[value] || 0) >= (ranks[held] || 0);
  }

  // --- Interactions -----------------------------------------------------------
  // Answers by letter, a for source answer 1 (SCORM 1.2 wants one character
  // per choice; 2004 takes them too), joined as each version asks.
  function letter(value) {
    var n = Number(value);
    return n >= 1 && n <= 26 ? String.fromCharCode(96 + n) : String(value);
  }

  function choices(inputs, v12) {
    return inputs.map(function (input) {
      return letter(input.value);
    }).sort().join(v12 ? "," : "[,]");
  }

  // Everything one question's interaction holds, by element name after
  // cmi.interactions.n.; in the order an LMS wants them (id and type first).
  function interaction(v12, question, touched, now) {
    var inputs = Array.prototype.slice.call(question.querySelectorAll("input"));
    var chosen = inputs.filter(function (input) {
      return input.checked;
    });
    var right = inputs.filter(function (input) {
      return input.getAttribute("data-correct") === "true";
    });
    var correct = question.getAttribute("data-result") === "right";
    var fields = [["id", question.id], ["type", "choice"]];
    if (!v12) {
      var legend = question.querySelector("legend");
      var text = (legend ? legend.textContent : question.id).replace(/\s+/g, " ").trim();
      var lang = document.documentElement.lang || "en";
      fields.push(["description", "{lang=" + lang + "}" + (text.length > 240 ? text.slice(0, 239) + "…" : text)]);
    }
    fields.push([v12 ? "time" : "timestamp", moment(v12, new Date(now))]);
    if (chosen.length) {
      fields.push([v12 ? "student_response" : "learner_response", choices(chosen, v12)]);
    }
    fields.push(["correct_responses.0.pattern", choices(right, v12)]);
    fields.push(["result", correct ? "correct" : v12 ? "wrong" : "incorrect"]);
    fields.push(["latency", duration(v12, now - touched)]);
    return fields;
  }

  window.trainingScormRecord = {
    findApi: findApi, bookmark: bookmark, encodeAnswers: encodeAnswers, restoreAnswers: restoreAnswers, decode: decode, encode: encode, outcome: outcome,
    duration: duration, RANK: RANK, SUCCESS_RANK: SUCCESS_RANK, notLower: notLower, interaction: interaction
  };
})();
