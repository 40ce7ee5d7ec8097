"""A built module page made self-contained for an LMS package.

The page comes from the file-link build (`make offline`'s mode: every link
names a file, every asset is relative), so it already works from a zip. In a
package it is a SCO, and the LMS does the navigating: what would take the
reader out of the SCO goes (site navigation, search, the language switcher,
previous/next), links to pages that are not in the package keep their text
but lose their target, and the SCORM runtime is added after training.js.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

RUNTIME = "assets/javascripts/scorm.js"  # Where scorm.js goes in every package.
RECORD = "assets/javascripts/scorm-record.js"  # Its helpers, loaded just before it.

# What leaves the SCO, by CSS selector, with why.
REMOVE = {
    "link[rel~=canonical], link[rel~=alternate], link[rel~=prev], link[rel~=next]": "addresses of the web site",
    'script[src*="iframe-worker-shim"]': "search from file://; a package has no search",
    ".md-search, label[for=__search]": "search: its index holds the whole site",
    ".md-sidebar--primary, label[for=__drawer]": "site navigation: the LMS navigates",
    ".md-header .md-logo": "a link to the home page",
    "nav.md-footer__inner": "previous and next page",
    "[data-training-module-pdf]": "a link to the module's PDF, which the package does not hold",
}
LANGUAGE_SWITCHER = ".md-select"  # Inside a .md-header__option, which goes with it.
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@dataclass
class Packaged:
    html: str
    assets: set[str]  # Site-relative paths of the files the page loads.


def local(reference: str) -> bool:
    return not reference.startswith(
        ("#", "data:", "http:", "https:", "//", "mailto:", "javascript:")
    )


def resolve(page: str, reference: str) -> str:
    """A reference in `page` (both site-relative) as a site-relative path."""
    path = reference.split("#")[0].split("?")[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def package_page(
    site: Path, page: str, pages: set[str], version: str, mastery: float | None, note: str
) -> Packaged:
    """The page `page` (site-relative, e.g. 'it/modules/x.html') for a package holding `pages`."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    for selector in REMOVE:
        for element in soup.select(selector):
            element.decompose()
    for switcher in soup.select(LANGUAGE_SWITCHER):
        (switcher.find_parent(class_="md-header__option") or switcher).decompose()

    for link in soup.select("a[href]"):
        href = link["href"]
        assert isinstance(href, str)  # Single-valued: only the likes of class and rel are lists.
        if href.startswith("#"):
            continue
        if not local(href):
            # Another host: open it beside the LMS, never in the SCO's frame.
            link["target"], link["rel"] = "_blank", "noopener"
            continue
        if resolve(page, href) in pages:
            continue
        # Not in the package: keep the text. A glossary term keeps its
        # definition, shown on hover and on keyboard focus.
        link.name = "span"
        for attribute in ("href", "hreflang", "title"):
            link.attrs.pop(attribute, None)
        if link.has_attr("aria-describedby"):
            link["tabindex"] = "0"

    # "Stored only in this browser" is not true in an LMS: scorm.js puts this
    # note in its place once it has found one.
    for element in soup.select("[data-training-complete] .training-complete__note"):
        element["data-lms-note"] = note

    training = soup.select_one('script[src$="assets/javascripts/training.js"]')
    if training is None:
        raise ValueError(f"{page}: no training.js script; overrides/main.html has changed")
    # A None value is written bare (`defer`); BeautifulSoup's types allow only text.
    runtime = soup.new_tag("script", src=relative(page, RUNTIME), defer=None)  # type: ignore[arg-type]
    runtime["data-scorm-version"] = version
    runtime["data-mastery-score"] = "" if mastery is None else str(mastery)
    helpers = soup.new_tag("script", src=relative(page, RECORD), defer=None)  # type: ignore[arg-type]
    training.insert_after(helpers)
    helpers.insert_after(runtime)

    assets = set()
    for element in soup.select("[src], link[href]"):
        reference = element.get("src") or element.get("href")
        assert isinstance(reference, str)  # The selector's attributes, single-valued.
        if local(reference) and reference not in (runtime["src"], helpers["src"]):
            assets.add(resolve(page, reference))
    return Packaged(str(soup), assets | stylesheet_assets(site, assets))


def relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def stylesheet_assets(site: Path, assets: set[str]) -> set[str]:
    """Files the stylesheets load (fonts, images), however deep."""
    found, queue = set(), [a for a in assets if a.endswith(".css")]
    while queue:
        sheet = queue.pop()
        for reference in CSS_URL.findall((site / sheet).read_text(encoding="utf-8")):
            if local(reference):
                target = resolve(sheet, reference)
                if target not in found:
                    found.add(target)
                    if target.endswith(".css"):
                        queue.append(target)
    return found
