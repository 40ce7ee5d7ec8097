"""Page content against an allowlist: what authors write is text, never code run for readers.

Each page's content (the Markdown-rendered part and our fragments, not the
theme's templates) goes through nh3 (Rust's ammonia) twice: once allowing
everything in it, which only re-serialises it, and once with the allowlist
below. If the two agree, the allowlist removed nothing, and the content is
kept byte for byte as Markdown wrote it. If not, the page gets the sanitised
HTML and a warning per thing removed (so the strict build fails): a script,
<style>, <meta>, a frame, an on* attribute, a javascript: link.
Both passes use the same HTML parser, so no trick of markup can look clean
to one and run in the other.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

import nh3
from mkdocs.structure.pages import Page

from mkdocs_training import structure
from mkdocs_training.context import Build, Site
from mkdocs_training.log import log

# What Markdown, its extensions (admonition, attr_list, md_in_html, abbr,
# tables, emoji SVGs) and our fragments (quiz forms, glossary tooltips,
# progress buttons) write. Nothing here runs code, loads a page or restyles one.
TAGS = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "button", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img",
    "input", "ins", "kbd", "label", "legend", "li", "mark", "noscript", "ol", "p", "pre", "q", "s", "samp",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    # Emoji (pymdownx.emoji writes inline SVG icons).
    "svg", "path", "g", "circle", "ellipse", "line", "polygon", "polyline", "rect",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "hidden", "role"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "col": {"span"},
    "input": {"type", "name", "value", "checked", "disabled"},
    "label": {"for"},
    "button": {"type", "disabled"},
    "form": {"novalidate", "method"},
    "details": {"open"},
    "time": {"datetime"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill"},  # As the HTML parser names it in SVG.
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "g": {"fill", "transform"},
    "circle": {"cx", "cy", "r", "fill"},
    "ellipse": {"cx", "cy", "rx", "ry", "fill"},
    "line": {"x1", "y1", "x2", "y2"},
    "polygon": {"points", "fill"},
    "polyline": {"points", "fill"},
    "rect": {"x", "y", "width", "height", "rx", "ry", "fill"},
}
PREFIXES = {"aria-", "data-"}
URL_SCHEMES = {"http", "https", "mailto"}
# Tables' column alignment is the one style Markdown writes; nothing else may restyle a page.
TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);?")

TAG_NAME = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
# A scheme as a browser reads it, tabs, newlines and spaces dropped (taken
# out of the match after): the letters and the rest of a run of scheme
# characters and spaces before a colon. Tried at the start of a run only:
# trying from each letter in turn took as long as the rest of the check.
SCHEME = re.compile(r"(?<![A-Za-z0-9+.\x00-\x20-])[0-9+.\x00-\x20-]*+([A-Za-z][A-Za-z0-9+.\x00-\x20-]*+):")
SPACE = re.compile(r"[\x00-\x20]")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data", "srcset"}


# Ids the theme's and our scripts look up (Material's start with "__"): an
# element of a page with one of them would stand in for their settings.
RESERVED_IDS = {"training-config"}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "style":
        return value if TABLE_ALIGN.fullmatch(value) else None
    # A quiz form never submits: "dialog" keeps it on the page without script.
    if attribute == "method":
        return value if value == "dialog" else None
    if attribute == "id" and (value.startswith("__") or value in RESERVED_IDS):
        return None
    return value


def sanitised(content: str) -> str:
    return nh3.clean(content, tags=TAGS, clean_content_tags={"script", "style"}, attributes=ATTRIBUTES,
                     generic_attribute_prefixes=PREFIXES, url_schemes=URL_SCHEMES,
                     attribute_filter=_filter, strip_comments=False, link_rel=None)


def _everything_kept(content: str) -> str:
    """The same parse and serialisation as `sanitised`, with every tag, attribute and URL scheme in it allowed."""
    tags = {name.lower() for name in TAG_NAME.findall(content)}
    # URL schemes as a browser reads them: entities decoded, tabs and newlines dropped.
    schemes = {SPACE.sub("", s).lower() for s in SCHEME.findall(html.unescape(content))} | URL_SCHEMES
    return nh3.clean(content, tags=tags, clean_content_tags=set(), attributes={},
                     generic_attribute_prefixes={""}, url_schemes=schemes,
                     strip_comments=False, link_rel=None)


class _Inventory(HTMLParser):
    """Elements and attributes of HTML that nh3 wrote (well formed), to name what was removed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: Counter = Counter()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.items[("element", tag, "")] += 1
        for name, value in attrs:
            self.items[("attribute", tag, name, value or "")] += 1


def _inventory(content: str) -> Counter:
    parser = _Inventory()
    parser.feed(content)
    parser.close()
    return parser.items


def removed(before: str, after: str) -> list[tuple[str, str]]:
    """What the allowlist took out: (description, text to look for in the source), in order."""
    lost = _inventory(before) - _inventory(after)
    gone = {item[1] for item in lost if item[0] == "element"}
    found = []
    for item in lost:
        if item[0] == "element":
            found.append((f"<{item[1]}> element", f"<{item[1]}"))
        elif item[1] not in gone:  # An element removed is named once, not with each of its attributes.
            _, tag, name, value = item
            if name == "id":
                found.append((f"id=\"{value}\" on <{tag}> (the theme uses it)", value))
            elif name in URL_ATTRIBUTES or name == "style":
                shown = value if len(value) <= 40 else value[:37] + "..."
                found.append((f"{name}=\"{shown}\" on <{tag}>", value.split(":")[0] + ":" if ":" in value else name))
            else:
                found.append((f"attribute {name} on <{tag}>", name))
    # The elements first, each thing once.
    return sorted(set(found), key=lambda pair: (not pair[0].startswith("<"), pair[0]))


def check(content: str) -> tuple[str, list[tuple[str, str]]]:
    """The content to publish, and what was removed from it (empty: kept byte for byte)."""
    clean = sanitised(content)
    # Kept as it was: the pass allowing everything would keep it all too (it
    # allows more), so it need not run.
    if clean == content:
        return content, []
    whole = _everything_kept(content)
    if clean == whole:
        return content, []
    return clean, removed(whole, clean) or [("markup the allowlist does not accept", "<")]


def line_of(source: str, needle: str, body_offset: int = 0) -> int:
    """The first line of the page's source that holds `needle` (case-insensitive); else the first line of the body."""
    index = source.lower().find(needle.lower())
    return source.count("\n", 0, index) + 1 if index >= 0 else body_offset + 1


def page_content(content: str, page: Page, build: Build, site: Site) -> str:
    """The page's content as published; a warning for each thing the allowlist removed."""
    content, lost = check(content)
    if lost and not build.is_fallback(page):  # A fallback page is reported in its own language's build.
        source = site.text(page.file.abs_src_path)
        offset = structure.body_start(source)[1]
        for what, needle in lost:
            log.warning(
                f"docs/{page.file.src_uri}:{line_of(source, needle, offset)}: {what} is not allowed in a "
                "page and was removed. Pages hold text: write it in Markdown, with links to pages, "
                "http(s) or mailto addresses; no scripts, on... event attributes, styles, frames or <meta>."
            )
    return content
