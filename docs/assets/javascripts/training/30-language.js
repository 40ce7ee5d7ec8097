// --- Language at the root ---------------------------------------------------

var core = training.core;
var languages = core.config.languages; // Default first.
var root = new URL(core.config.root, location.href);

document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link && languages.indexOf(link.hreflang) !== -1) {
    core.write("language", link.hreflang);
    if (location.protocol !== "file:") {
      // A web server can read this and honour the choice at "/" (deploy/).
      try {
        document.cookie = core.COOKIE + "=" + link.hreflang + "; path=" + root.pathname +
          "; max-age=31536000; SameSite=Lax";
      } catch {
        // Cookies blocked: the choice holds for this visit (see below).
      }
    }
  }
});

// The same section in the other language: anchors are the same in every
// language (README), so each switcher link carries the one in the address.
function keepAnchor() {
  document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
    link.hash = location.hash;
  });
}
window.addEventListener("hashchange", keepAnchor);
document.addEventListener("DOMContentLoaded", keepAnchor);

// A reader who came here from another page of this site got here on
// purpose (the switcher, the logo, a link): never send them away. This is
// what keeps their choice when site data is blocked and cannot be stored.
function cameFromThisSite() {
  try {
    var from = new URL(document.referrer);
    return from.origin === location.origin && from.pathname.indexOf(root.pathname) === 0;
  } catch {
    return false; // No referrer (typed, bookmarked, another site).
  }
}

// The site's language for a browser's tag: the same tag ("pt-BR" for a site
// with pt-BR), or else its language alone ("it" for "it-CH").
function offered(tag) {
  var wanted = [tag.toLowerCase(), tag.toLowerCase().split("-")[0]];
  for (var w = 0; w < wanted.length; w++) {
    for (var l = 0; l < languages.length; l++) {
      if (languages[l].toLowerCase() === wanted[w]) {
        return languages[l];
      }
    }
  }
  return null;
}

// On its way to another page, this one sets nothing up (90-start.js).
var leaving = false;

if (core.script.hasAttribute("data-home") && !cameFromThisSite()) {
  var choice = core.read("language");
  if (languages.indexOf(choice) === -1) {
    choice = null;
    var preferred = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < preferred.length && !choice; i++) {
      choice = offered(preferred[i]);
    }
  }
  if (choice && choice !== languages[0]) {
    location.replace(new URL(choice + "/" + (location.protocol === "file:" ? "index.html" : ""), root));
    leaving = true;
  }
}

training.language = { leaving: leaving };
