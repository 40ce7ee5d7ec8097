// A small LMS for tests/test_lms.py, and a hostile one when asked. It reads a
// package's imsmanifest.xml, launches a SCO in the iframe with scorm-again's
// API (window.API for SCORM 1.2, window.API_1484_11 for 2004), records every
// call the SCO makes, and keeps what each SCO committed between launches as
// an LMS does: a suspended session resumes with its data, a finished 2004
// attempt starts afresh (unless the launch asks to keep it, as an LMS does
// for a review).
//
//   harness.ready                 resolves once the manifest is read
//   harness.launch(itemId, opts)  (re)launches a SCO; resolves when the launch page has loaded
//     opts.popup                  in a new window instead, as some LMSs do (`true` alone means this)
//     opts.frames                 inside that many nested frames (ADL's discovery walks the parents)
//     opts.mode, opts.credit      the launch mode (normal, review, browse) and credit (credit, no-credit)
//     opts.keep                   give the SCO the record it left, even after a finished attempt
//     opts.data                   more values the LMS gives at launch, e.g. an older package's suspend data
//     opts.failCommits            refuse that many commits (false, error 391 / 101)
//     opts.rejectInteractions     refuse every cmi.interactions write with this error code
//   harness.close()               unloads the SCO, which ends its session
//   harness.crash()               the tab dies: no pagehide reaches the LMS, which keeps
//                                 only what was committed
//   harness.calls, harness.stored (what each SCO last committed), harness.values()
(function () {
  "use strict";
  var folder = "packages/" + new URLSearchParams(location.search).get("package") + "/";
  var frame = document.getElementById("sco");
  var METHODS = {
    "1.2": ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError",
            "LMSGetErrorString", "LMSGetDiagnostic"],
    "2004": ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError", "GetErrorString",
             "GetDiagnostic"]
  };
  // What an LMS keeps from one session to the next.
  var KEPT = {
    "1.2": ["cmi.core.lesson_location", "cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min",
            "cmi.core.score.max", "cmi.suspend_data"],
    "2004": ["cmi.location", "cmi.completion_status", "cmi.success_status", "cmi.score.raw", "cmi.score.min",
             "cmi.score.max", "cmi.score.scaled", "cmi.suspend_data", "cmi.progress_measure"]
  };
  var harness = (window.harness = { calls: [], stored: {}, items: [], launches: 0, api: null, item: null });

  function byName(root, name) {
    return Array.prototype.slice.call(root.getElementsByTagNameNS("*", name));
  }
  function child(element, name) {
    var found = byName(element, name)[0];
    return found ? found.textContent.trim() : "";
  }

  harness.ready = fetch(folder + "imsmanifest.xml").then(function (response) {
    return response.text();
  }).then(function (text) {
    var manifest = new DOMParser().parseFromString(text, "application/xml").documentElement;
    harness.version = child(manifest, "schemaversion") === "1.2" ? "1.2" : "2004";
    harness.language = manifest.getAttribute("xml:lang");
    var hrefs = {};
    byName(manifest, "resource").forEach(function (resource) {
      hrefs[resource.getAttribute("identifier")] = resource.getAttribute("href");
    });
    harness.items = byName(manifest, "item").map(function (item) {
      var mastery = harness.version === "1.2" ? child(item, "masteryscore") : child(item, "minNormalizedMeasure");
      return {
        id: item.getAttribute("identifier"), title: child(item, "title"),
        href: hrefs[item.getAttribute("identifierref")], mastery: mastery
      };
    });
    document.getElementById("package").textContent =
      "SCORM " + harness.version + " · " + harness.language + " · " + folder;
    var nav = document.getElementById("items");
    harness.items.forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = item.title;
      button.addEventListener("click", function () {
        harness.launch(item.id);
      });
      nav.appendChild(button);
    });
  });

  // The values the LMS gives a SCO at launch.
  function launchData(item, options) {
    var v12 = harness.version === "1.2";
    var previous = harness.stored[item.id];
    var mode = options.mode || "normal";
    var credit = options.credit || "credit";
    var data = v12
      ? { "cmi.core.student_id": "test-learner", "cmi.core.student_name": "Learner, Test",
          "cmi.core.lesson_mode": mode, "cmi.core.credit": credit }
      : { "cmi.learner_id": "test-learner", "cmi.learner_name": "Learner, Test", "cmi.mode": mode,
          "cmi.credit": credit };
    if (item.mastery) {
      data[v12 ? "cmi.student_data.mastery_score" : "cmi.scaled_passing_score"] = item.mastery;
    }
    var exit = previous && previous[v12 ? "cmi.core.exit" : "cmi.exit"];
    var resume = exit === "suspend";
    if (previous && (resume || v12 || options.keep)) {
      KEPT[harness.version].forEach(function (name) {
        if (previous[name] !== undefined && previous[name] !== "") {
          data[name] = previous[name];
        }
      });
    }
    data[v12 ? "cmi.core.entry" : "cmi.entry"] =
      resume ? "resume" : previous && (v12 || options.keep) ? "" : "ab-initio";
    Object.keys(options.data || {}).forEach(function (name) {
      data[name] = options.data[name];
    });
    return data;
  }

  function record(launch, method, args, result, error) {
    var call = { launch: launch, method: method, args: args, result: String(result), error: error };
    harness.calls.push(call);
    var line = document.createElement("li");
    line.textContent = "#" + launch + " " + method + "(" + args.map(function (a) {
      return JSON.stringify(a);
    }).join(", ") + ") → " + JSON.stringify(String(result)) + (error !== "0" ? " [error " + error + "]" : "");
    if (error !== "0") {
      line.className = "error";
    }
    document.getElementById("calls").appendChild(line);
    line.scrollIntoView({ block: "nearest" });
  }

  function show() {
    var body = document.querySelector("#cmi tbody");
    body.textContent = "";
    var values = harness.values();
    Object.keys(values).sort().forEach(function (name) {
      if (values[name] === "" || /_children|_count|\.interactions|\.objectives|comments/.test(name)) {
        return;
      }
      var row = body.insertRow();
      row.insertCell().textContent = name;
      row.insertCell().textContent = values[name];
    });
  }

  harness.values = function () {
    return harness.api ? harness.api.getFlattenedCMI() : {};
  };

  function unload() {
    if (harness.popup && !harness.popup.closed) {
      harness.popup.close(); // Its pagehide ends its session.
    }
    harness.popup = null;
    return new Promise(function (resolve) {
      if (!frame.getAttribute("src") || frame.getAttribute("src") === "about:blank") {
        resolve();
        return;
      }
      frame.addEventListener("load", function () {
        resolve();
      }, { once: true });
      frame.src = "about:blank"; // The SCO's pagehide ends its session.
    });
  }

  harness.close = unload;

  harness.crash = function () {
    harness.dead = true; // What the page sends from now on never reaches the LMS.
    return unload();
  };

  // Refusals, by method: what the hostile LMS answers instead of scorm-again.
  function refusal(options, method, args) {
    var v12 = harness.version === "1.2";
    if ((method === "Commit" || method === "LMSCommit") && options.failCommits > 0) {
      options.failCommits--;
      return v12 ? "101" : "391";
    }
    if ((method === "SetValue" || method === "LMSSetValue") && options.rejectInteractions &&
        /^cmi\.interactions\./.test(args[0])) {
      return String(options.rejectInteractions);
    }
    return "";
  }

  harness.launch = function (id, options) {
    options = options === true ? { popup: true } : options || {};
    return unload().then(function () {
      var item = harness.items.filter(function (candidate) {
        return candidate.id === id;
      })[0];
      var launch = ++harness.launches;
      var api = harness.version === "1.2"
        ? new window.Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 })
        : new window.Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
      api.loadFromFlattenedJSON(launchData(item, options));
      harness.dead = false;
      var wrapper = {};
      var refused = "";
      METHODS[harness.version].forEach(function (method) {
        wrapper[method] = function () {
          var args = Array.prototype.slice.call(arguments);
          if (harness.dead) {
            harness.calls.push({ launch: launch, method: method, args: args, result: "", error: "", lost: true });
            return "";
          }
          if (/GetLastError$/.test(method) && refused) {
            record(launch, method, args, refused, "0");
            return refused;
          }
          refused = refusal(options, method, args);
          var result = refused ? "false" : api[method].apply(api, args);
          var error = refused || String(api[harness.version === "1.2" ? "LMSGetLastError" : "GetLastError"]());
          record(launch, method, args, result, error);
          // What the LMS holds: every commit, and the end of a session.
          if (!refused && /^(LMSCommit|Commit|LMSFinish|Terminate)$/.test(method) && String(result) === "true") {
            harness.stored[id] = api.getFlattenedCMI();
          }
          show();
          return result;
        };
      });
      delete window.API;
      delete window.API_1484_11;
      window[harness.version === "1.2" ? "API" : "API_1484_11"] = wrapper;
      harness.api = api;
      harness.item = id;
      show();
      var href = folder + item.href;
      if (options.frames) {
        href = "nest.html?depth=" + options.frames + (options.popup ? "&popup=1" : "") +
          "&src=" + encodeURIComponent(href);
      } else if (options.popup) {
        harness.popup = window.open(href, "sco");
        return launch;
      }
      return new Promise(function (resolve) {
        frame.addEventListener("load", function () {
          resolve(launch);
        }, { once: true });
        frame.src = href;
      });
    });
  };
})();
