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

var realOpen = XMLHttpRequest.prototype.open;
var realSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.trainingUrl = new URL(url, location.href).href;
  return realOpen.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  var request = this;
  var args = arguments;
  if (request.trainingUrl !== searchUrl("index")) {
    return realSend.apply(request, args);
  }
  whenSearchStarts(function () { realSend.apply(request, args); });
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
