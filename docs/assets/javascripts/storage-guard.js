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
    } catch (error) {
      // Blocked: fall through and replace it.
    }
    try {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    } catch (error) {
      // Cannot be replaced in this browser; Material's own guards remain.
    }
  });
})();
