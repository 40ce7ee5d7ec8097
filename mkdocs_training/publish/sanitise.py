"""Page content against an allowlist: what authors write is text, never code run for readers.

Each page's content (the Markdown-rendered part and our fragments, not the
theme's templates) is published as nh3 (Rust's ammonia) writes it with the
allowlist below, always: what a browser parses is what the allowlist let
through, with nothing kept "as it was" beside it. nh3 parses as a browser
does (html5ever), so SVG, MathML, foreignObject and misnested markup read the
same to it as to the reader. The page gets a warning per thing removed, with
its file and line (so the strict build fails): a script, <style>, <meta>, a
frame, an on* attribute, a javascript: link...

<noscript> is the one allowed element whose content a browser reads two
ways: as text when script runs (as nh3 does), as markup when it does not
(and in the PDF). Its content is therefore sanitised again as markup, so a
reader without script gets no <meta http-equiv="refresh"> from it either.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import nh3
from mkdocs.structure.pages import Page

from mkdocs_training.core.context import Build, Site, source_path
from mkdocs_training.core.log import log
from mkdocs_training.fast import plain_html

# What Markdown, its extensions (admonition, attr_list, md_in_html, abbr,
# tables, emoji SVGs) and our fragments (quiz forms, glossary tooltips,
# progress buttons) write. Nothing here runs code, loads a page or restyles one.
TAGS = {
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "blockquote",
    "br",
    "button",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "mark",
    "noscript",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
    # Emoji (pymdownx.emoji writes inline SVG icons).
    "svg",
    "path",
    "g",
    "circle",
    "ellipse",
    "line",
    "polygon",
    "polyline",
    "rect",
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

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "cite",
    "data",
    "srcset",
}


# Ids the theme's and our scripts look up (Material's start with "__"): an
# element of a page with one of them would stand in for their settings.
RESERVED_IDS = {"training-config"}


# An address with a scheme or a host ("//host/"): an image from another site,
# which the site never loads (it works with no internet and tracks nobody).
ELSEWHERE = re.compile(r"[\x00-\x20]*(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|[/\\]{2})")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    # Material's content.tooltips shows a title as HTML (innerHTML): in a
    # title, "<" would be markup, so a title with it goes.
    if attribute == "title":
        return None if "<" in value else value
    if tag == "img" and attribute == "src":
        return None if ELSEWHERE.match(value) else value
    if attribute == "style":
        return value if TABLE_ALIGN.fullmatch(value) else None
    # A quiz form never submits: "dialog" keeps it on the page without script.
    if attribute == "method":
        return value if value == "dialog" else None
    if attribute == "id" and (value.startswith("__") or value in RESERVED_IDS):
        return None
    return value


# The content of these goes with them (the rest of a removed element stays, as text).
CLEAN_CONTENT = {
    "script",
    "style",
    "iframe",
    "noembed",
    "noframes",
    "object",
    "template",
    "textarea",
    "title",
    "xmp",
}
# nh3's output read tag by tag (it writes every value double-quoted, a quote
# in one as &quot;), so that "<noscript" inside an attribute value is not
# taken for the element: a <noscript> with its content (text to nh3, up to
# the first </noscript>), any other start tag whole, text, or a lone "<".
START_TAG = r'(?:\s+[^\s"=>]+(?:="[^"]*")?)*\s*/?>'
TOKENS = re.compile(
    rf"<noscript{START_TAG}(?P<inner>.*?)</noscript>|<[a-zA-Z][^\s/>]*{START_TAG}|[^<]+|<",
    re.DOTALL | re.IGNORECASE,
)
NOSCRIPT_END = re.compile(r"</(?=noscript)", re.IGNORECASE)


def _clean(content: str, tags: set[str]) -> str:
    return nh3.clean(
        content,
        tags=tags,
        clean_content_tags=CLEAN_CONTENT,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes=PREFIXES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter,
        strip_comments=True,
        link_rel=None,
    )


def _noscript(match: re.Match) -> str:
    """A <noscript> with its content sanitised as the markup a reader without
    script gets; any other token as it is.

    Sanitised, that content has no </noscript> end tag; the text "</noscript"
    could only be in an attribute value, where nh3 does not escape "<", and
    where a browser running script would end the element early: it is
    written &lt; there (the same value to the reader)."""
    if match.group("inner") is None:
        return match.group(0)
    inner = NOSCRIPT_END.sub("&lt;/", _clean(match.group("inner"), TAGS - {"noscript"}))
    start = match.group(0)[: match.start("inner") - match.start(0)]
    return f"{start}{inner}</noscript>"


def _sanitised_once(content: str) -> str:
    clean = _clean(content, TAGS)
    return TOKENS.sub(_noscript, clean) if "<noscript" in clean else clean


def sanitised(content: str) -> str:
    """The content as published: only what the allowlist keeps, written by nh3,
    and read again until a browser would read it as written.

    Removing an element can leave a tree that HTML cannot write (an <a> in an
    <a> once the <select> between them goes); a browser then builds another
    tree from it, which is how mutation XSS works. Sanitised again, it comes
    out as what the browser builds (usually at the second pass)."""
    clean = _sanitised_once(content)
    for _ in range(3):
        again = _sanitised_once(clean)
        if again == clean:
            break
        clean = again
    return clean


class _Inventory(HTMLParser):
    """Elements and attributes of a page's HTML, as a tokenizer reads them, to name what was removed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: Counter = Counter()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.items[("element", tag, "")] += 1
        for name, value in attrs:
            self.items[("attribute", tag, name, value or "")] += 1


def _inventory(content: str) -> Counter:
    if plain_html.readable(content) and not plain_html.RAW_TEXT_ELEMENT.search(content):
        # The plain form (fast/plain_html.py), read by one regular expression as html.parser would.
        items: Counter = Counter()
        for end, name, raw, _ in plain_html.TAG.findall(content):
            if not end:
                name = name.lower()
                items[("element", name, "")] += 1
                for key, value in plain_html.attributes(raw) if raw else ():
                    items[("attribute", name, key, value or "")] += 1
        return items
    parser = _Inventory()
    try:
        parser.feed(content)
        parser.close()
    except AssertionError:  # A declaration html.parser stops on (declarations.py): read it as text.
        parser = _Inventory()
        parser.feed(content.replace("<!", "&lt;!"))
        parser.close()
    return parser.items


# html5ever (nh3, browsers) writes these SVG elements in camelCase, and
# compares them so against an allowlist: the pass that keeps everything needs them so.
SVG_NAMES = {
    name.lower(): name
    for name in (
        "altGlyph",
        "altGlyphDef",
        "altGlyphItem",
        "animateColor",
        "animateMotion",
        "animateTransform",
        "clipPath",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feImage",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
        "foreignObject",
        "glyphRef",
        "linearGradient",
        "radialGradient",
        "textPath",
    )
}
TAG_NAME = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")


def _as_a_browser_reads_it(content: str) -> str:
    """The content with every element and attribute kept, as a browser's parser builds it
    (nh3 with nothing removed but comments and unknown URL schemes), to find what
    only a browser sees: markup ending a comment or a <noscript> early, for one."""
    names = {name.lower() for name in TAG_NAME.findall(content)}
    tags = names | {SVG_NAMES[name] for name in names & SVG_NAMES.keys()}
    return nh3.clean(
        content,
        tags=tags,
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes={""},
        strip_comments=True,
        link_rel=None,
    )


def removed(before: str, after: str, browser_view: str | None = None) -> list[tuple[str, str]]:
    """What the allowlist took out: (description, text to look for in the source), in order.

    What was there is what a tokenizer (html.parser) reads in the source and
    what a browser builds from it, whichever has more of each thing."""
    browser_view = _as_a_browser_reads_it(before) if browser_view is None else browser_view
    lost = (_inventory(before) | _inventory(browser_view)) - _inventory(after)
    gone = {item[1] for item in lost if item[0] == "element"}
    found = []
    for item in lost:
        if item[0] == "element":
            found.append((f"<{item[1]}> element", f"<{item[1]}"))
        elif (
            item[1] not in gone
        ):  # An element removed is named once, not with each of its attributes.
            _, tag, name, value = item
            if name == "id":
                found.append((f'id="{value}" on <{tag}> (the theme uses it)', value))
            elif name in URL_ATTRIBUTES or name == "style":
                shown = value if len(value) <= 40 else value[:37] + "..."
                found.append(
                    (
                        f'{name}="{shown}" on <{tag}>',
                        value.split(":")[0] + ":" if ":" in value else name,
                    )
                )
            else:
                found.append((f"attribute {name} on <{tag}>", name))
    # The elements first, each thing once.
    return sorted(set(found), key=lambda pair: (not pair[0].startswith("<"), pair[0]))


def check(content: str) -> tuple[str, list[tuple[str, str]]]:
    """The content to publish (always the sanitiser's), and what was removed from it."""
    clean = sanitised(content)
    if clean == content:  # Already as nh3 writes it: nothing removed, nothing to name.
        return clean, []
    # The same tree with everything kept: if the allowlist wrote the same, it
    # removed nothing a browser would build (most pages; reading both
    # inventories costs five times as much).
    browser_view = _as_a_browser_reads_it(content)
    if clean == browser_view:
        return clean, []
    return clean, removed(content, clean, browser_view)


IMAGE_HINT = (
    "The site loads nothing from other hosts: put the image in docs/ and link to it there, "
    "e.g. ![A chart](../images/chart.png)."
)


def line_of(source: str, needle: str, body_offset: int = 0) -> int:
    """The first line of the page's source that holds `needle` (case-insensitive); else the first line of the body."""
    index = source.lower().find(needle.lower())
    return source.count("\n", 0, index) + 1 if index >= 0 else body_offset + 1


def page_content(content: str, page: Page, build: Build, site: Site) -> str:
    """The page's content as published; a warning for each thing the allowlist removed."""
    content, lost = check(content)
    if lost and not build.is_fallback(
        page
    ):  # A fallback page is reported in its own language's build.
        source = site.text(source_path(page))
        offset = site.body(source_path(page))[1]
        for what, needle in lost:
            hint = (
                IMAGE_HINT
                if what.startswith("src=") and what.endswith("<img>")
                else "Pages hold text: write it in Markdown, with links to pages, http(s) or mailto addresses; "
                "no scripts, on... event attributes, styles, frames or <meta>."
            )
            log.warning(
                f"docs/{page.file.src_uri}:{line_of(source, needle, offset)}: {what} is not allowed in a "
                f"page and was removed. {hint}"
            )
    return content
