// Runs before Material's inline scripts and bundle (overrides/main.html,
// libs block), synchronously and never inline, so the Content-Security-
// Policy needs no new hash.
//
// When a browser or company policy blocks site data, merely reading
// window.localStorage throws a SecurityError. Material reads it in its
// inline palette script and in its bundle, so the light/dark toggle
// disappears and search never starts. Here, if reading either storage
// throws, it is replaced by one kept in memory for this page: everything
// works, and nothing is remembered, which is what the reader asked for.
(function () {
  "use strict";

  function memoryStorage() {
    var items = Object.create(null);
    return {
      get length() {
        return Object.keys(items).length;
      },
      key: function (index) {
        var keys = Object.keys(items);
        return index < keys.length ? keys[index] : null;
      },
      getItem: function (key) {
        key = String(key);
        return key in items ? items[key] : null;
      },
      setItem: function (key, value) {
        items[String(key)] = String(value);
      },
      removeItem: function (key) {
        delete items[String(key)];
      },
      clear: function () {
        items = Object.create(null);
      }
    };
  }

  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      if (window[name]) {
        return;
      }
    } catch {
      // Blocked: fall through and replace it.
    }
    try {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    } catch {
      // Cannot be replaced in this browser; Material's own guards remain.
    }
  });
})();

// Material keeps the reader's colour scheme as JSON under "<scope>.__palette":
// {index, color: {media, scheme, primary, accent}}, index being the option's
// place in mkdocs.yml's palette. A value that is not JSON, or whose index
// no longer fits the palette (after a palette change, a hand edit), makes
// Material's inline script and bundle throw on every page, and the toggle
// is gone. Checked here, before either reads it: an option that still
// exists keeps the reader's choice with that option's current colours;
// anything else is removed, and the page follows the system setting.
(function () {
  "use strict";

  var script = document.currentScript;
  var options;
  try {
    options = JSON.parse(script.getAttribute("data-palette"));
  } catch {
    return; // Not given (an older template): nothing to check against.
  }
  if (!Array.isArray(options) || !options.length) {
    return;
  }

  function checked(value) {
    var stored;
    try {
      stored = JSON.parse(value);
    } catch {
      return null;
    }
    if (stored === null || typeof stored !== "object") {
      return null;
    }
    var index = stored.index;
    if (typeof index !== "number" || Math.floor(index) !== index || index < 0 || index >= options.length) {
      return null;
    }
    return JSON.stringify({ index: index, color: options[index] });
  }

  try {
    var storage = window.localStorage;
    for (var i = storage.length - 1; i >= 0; i--) {
      var key = storage.key(i);
      if (key && /\.__palette$/.test(key)) {
        var value = storage.getItem(key);
        var clean = checked(value);
        if (clean === null) {
          storage.removeItem(key);
        } else if (clean !== value) {
          storage.setItem(key, clean);
        }
      }
    }
  } catch {
    // Storage blocked (then it is the empty one above) or full: nothing stored to read.
  }
})();
