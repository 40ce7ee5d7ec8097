// --- Glossary terms ---------------------------------------------------------

// A definition shows on hover and focus (CSS); Escape hides it (WCAG 1.4.13).
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape") {
    document.querySelectorAll(".training-term").forEach(function (term) {
      term.classList.add("training-term--dismissed");
    });
  }
});
// Where the definition goes: below its term unless it would run off the
// right or bottom edge (CSS, extra.css, places it for each class); on a
// phone, a strip across the screen (placeInStrip).
// On a phone, or a laptop at 400 % zoom (320 x 200 CSS pixels), the strip
// goes on the side of the term with more room, between the header and the
// edge of the screen, never over the term; scrolled inside if the room is
// short. Set through CSSOM, which the Content-Security-Policy allows.
var TIP_GAP = 4;
function placeInStrip(tip, anchor) {
  var header = document.querySelector(".md-header");
  var top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  var above = anchor.top - top - 2 * TIP_GAP;
  var below = window.innerHeight - anchor.bottom - 2 * TIP_GAP;
  if (below >= above) {
    tip.style.top = (anchor.bottom + TIP_GAP) + "px";
    tip.style.bottom = "auto";
  } else {
    tip.style.top = "auto";
    tip.style.bottom = (window.innerHeight - anchor.top + TIP_GAP) + "px";
  }
  tip.style.maxHeight = Math.max(below, above) + "px";
  tip.style.overflowY = "auto";
}

function place(term) {
  var tip = term.querySelector(".training-term__tip");
  if (tip) {
    // Each time from the stylesheet's place; the strip sets its own below.
    ["top", "bottom", "maxHeight", "overflowY"].forEach(function (property) {
      tip.style[property] = "";
    });
  }
  term.classList.remove("training-term--end", "training-term--above");
  if (!tip) {
    return;
  }
  var box = tip.getBoundingClientRect();
  if (!box.width) {
    return; // Not showing.
  }
  var anchor = term.getBoundingClientRect();
  var width = document.documentElement.clientWidth;
  if (getComputedStyle(tip).position === "fixed") {
    placeInStrip(tip, anchor);
    return;
  }
  if (box.right > width - 8) {
    term.classList.add("training-term--end");
  }
  if (box.bottom > window.innerHeight && anchor.top > box.height) {
    term.classList.add("training-term--above");
  }
}

document.addEventListener("focusin", function (event) {
  var term = event.target.closest && event.target.closest(".training-term");
  if (term) {
    term.classList.remove("training-term--dismissed");
    place(term);
  }
});
document.addEventListener("mouseover", function (event) {
  var term = event.target.closest && event.target.closest(".training-term");
  if (term && !term.contains(event.relatedTarget)) {
    term.classList.remove("training-term--dismissed");
    place(term);
  }
});
