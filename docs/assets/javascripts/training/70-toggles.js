// --- Controls that need script, and Material's toggles -------------------

// Buttons that only work with script are in the HTML with `hidden`
// (overrides/partials/training.html); show them now that script runs.
// ...and hide what stands in for them without script.
function showScriptControls() {
  document.querySelectorAll("[data-training-script][hidden]").forEach(function (element) {
    element.hidden = false;
  });
  document.querySelectorAll("[data-training-fallback]").forEach(function (element) {
    element.hidden = true;
  });
}

// Opened from its button, the drawer takes focus: its first link on
// screen (Material shows the current section's level of the tree).
function focusDrawer() {
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!drawer) {
    return;
  }
  var edge = drawer.getBoundingClientRect();
  var links = drawer.querySelectorAll("a[href]");
  for (var i = 0; i < links.length; i++) {
    var box = links[i].getBoundingClientRect();
    // Where it will be once the drawer has slid in (12.1rem, Material's CSS).
    var left = box.left - edge.left;
    if (box.width > 0 && left >= 0 && left < edge.width && box.top >= 0 && box.bottom <= window.innerHeight) {
      links[i].focus({ preventScroll: true });
      return;
    }
  }
}

// The menu and search buttons in the header (overrides/partials/header.html)
// work Material's checkboxes, and aria-expanded follows them. Escape
// closes the drawer and goes back to its button.
function setUpToggles() {
  document.querySelectorAll("button[data-training-toggle]").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("data-training-toggle"));
    if (!toggle) {
      return;
    }
    var region = toggle.id === "__search" ? document.querySelector(".md-search") : null;
    button.addEventListener("click", function () {
      toggle.click(); // Fires "change", which Material listens to.
      var field = region && region.querySelector("input.md-search__input");
      if (field && toggle.checked) {
        field.focus();
      }
      if (toggle.id === "__drawer" && toggle.checked) {
        focusDrawer();
      }
    });
    var sync = function () {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    };
    toggle.addEventListener("change", function () {
      sync();
      // Search closed (Escape): back to the button, not to the top of the page.
      var active = document.activeElement;
      if (region && !toggle.checked && button.offsetParent !== null &&
          (!active || active === document.body || region.contains(active))) {
        button.focus();
      }
    });
    sync();
  });
  var drawer = document.getElementById("__drawer");
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.click();
      var button = document.querySelector("button[data-training-toggle='__drawer']");
      if (button) {
        button.focus();
      }
    }
  });
  // Tab past the drawer's last link: the drawer closes, so focus is never
  // on the page hidden under it.
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (sidebar && drawer) {
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      var button = document.querySelector("button[data-training-toggle='__drawer']");
      if (drawer.checked && next && !sidebar.contains(next) && next !== button) {
        drawer.click();
      }
    });
  }
  // Firefox restores checkboxes on reload and back; a page should never
  // open with the drawer or search already open.
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.click();
      }
    });
  });
}

training.toggles = { showScriptControls: showScriptControls, setUp: setUpToggles };
