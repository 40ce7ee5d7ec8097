// See nest.html: one more frame, or at the bottom the SCO (in a frame or a new window).
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var depth = Number(params.get("depth")) || 1;
  var src = params.get("src");
  if (depth > 1) {
    params.set("depth", String(depth - 1));
    src = "nest.html?" + params.toString();
  } else if (params.get("popup")) {
    window.top.harness.popup = window.open(src, "sco");
    return;
  }
  var frame = document.createElement("iframe");
  frame.title = "LMS frame " + depth;
  frame.src = src;
  document.body.appendChild(frame);
})();
