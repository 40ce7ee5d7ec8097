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
// right or bottom edge; on a phone (a strip at the bottom of the screen)
// at the top instead when the term is in the lower half, where the strip
// would cover it. CSS (extra.css) places it for each class.
function place(term) {
  var tip = term.querySelector(".training-term__tip");
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
    if (anchor.bottom > window.innerHeight / 2) {
      term.classList.add("training-term--above");
    }
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
