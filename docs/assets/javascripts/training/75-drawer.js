// --- The menu drawer, by keyboard (below 1220 px) ---------------------------

// Below 1220 px Material shows the navigation as a drawer with one level at
// a time. A section ("Modules"), the current page's table of contents and
// the back arrow of each level are <label>s for hidden checkboxes: without
// a tab stop, a keyboard user could never open a section, so never reach a
// module from the menu (WCAG 2.1.1). Here they become stops that Enter and
// Space work, and focus follows the level that slides in or out.
// At 1220 px and wider, sections are headings that are always open, and
// the back arrows are not shown: Material's own tab stops are put back.
var DRAWER_WIDTH = "(max-width: 76.234375em)"; // Material's drawer breakpoint.
var DRAWER_CONTROLS = ".md-sidebar--primary label.md-nav__link[for], " +
  ".md-sidebar--primary label.md-nav__title[for]:not([for='__drawer'])";

// The label that opens a level, and the back arrow at the top of it.
function levelOpener(id) {
  return document.querySelector(".md-sidebar--primary label.md-nav__link[for='" + id + "']");
}
function backArrow(id) {
  return document.querySelector(".md-sidebar--primary label.md-nav__title[for='" + id + "']");
}

function setUpDrawer() {
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!sidebar) {
    return;
  }
  var controls = Array.prototype.slice.call(document.querySelectorAll(DRAWER_CONTROLS));
  var material = controls.map(function (label) {
    return label.getAttribute("tabindex");
  });
  var narrow = window.matchMedia(DRAWER_WIDTH);
  var sync = function () {
    controls.forEach(function (label, index) {
      if (narrow.matches) {
        label.setAttribute("tabindex", "0");
      } else if (material[index] === null || material[index] === "") {
        label.removeAttribute("tabindex");
      } else {
        label.setAttribute("tabindex", material[index]);
      }
    });
  };
  sync();
  if (narrow.addEventListener) {
    narrow.addEventListener("change", sync);
  }
  // Material says whether a level is open on its <nav>, but only for the
  // labels it made stops itself: keep it right for every level.
  controls.forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    var level = document.querySelector("[aria-labelledby='" + label.htmlFor + "_label']");
    if (toggle && level && label.classList.contains("md-nav__link")) {
      toggle.addEventListener("change", function () {
        level.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      });
    }
  });
  // Handled here, and kept from Material's own Enter on labels (which
  // would toggle a second time): one press, one change.
  sidebar.addEventListener("keydown", function (event) {
    var label = event.target;
    if ((event.key !== "Enter" && event.key !== " ") || !narrow.matches ||
        !label.matches || !label.matches(DRAWER_CONTROLS)) {
      return;
    }
    event.preventDefault(); // Space would scroll the drawer.
    event.stopPropagation();
    label.click();
    var toggle = document.getElementById(label.htmlFor);
    // Into the level that opened (its back arrow is its first stop), or
    // back to what opened the level that closed.
    var next = toggle && toggle.checked ? backArrow(label.htmlFor) : levelOpener(label.htmlFor);
    if (next) {
      next.focus({ preventScroll: true });
    }
  });
}

training.drawer = { setUp: setUpDrawer };
