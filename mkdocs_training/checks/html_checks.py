"""Checks on a page's built content: ids used twice, and elements nested too deep to print.

An anchor given twice (`{ #part }` on two headings, or a heading and a
glossary entry) makes links to it land on the first one only. Markup nested
hundreds deep (raw HTML, for example) makes WeasyPrint run out of
recursion when it builds the PDF.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from mkdocs.structure.pages import Page

from mkdocs_training.core.context import Build, Site, source_path
from mkdocs_training.core.log import log
from mkdocs_training.fast import plain_html

# Twice the list and quotation limit of pages.py (ul > li per level), with room for the rest.
MAX_DEPTH = 60
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter = Counter()
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1
        if tag not in VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth = max(0, self.depth - 1)


ID_HINT = re.compile("id", re.IGNORECASE)  # Only a tag with this in its attributes can have an id.


def _shape(content: str) -> _Shape:
    shape = _Shape()
    if not plain_html.readable(content) or plain_html.RAW_TEXT_ELEMENT.search(content):
        shape.feed(content)  # Read in full (fast/plain_html.py).
        shape.close()
        return shape
    # A plain page without scripts: its tags, found by one regular expression,
    # counted as _Shape counts what html.parser reports.
    depth = deepest = 0
    for end, name, raw, closed in plain_html.TAG.findall(content):
        if end:
            if depth and name.lower() not in VOID:
                depth -= 1
            continue
        if raw and ID_HINT.search(raw):
            for key, equals, *quoted in plain_html.ATTRIBUTE.findall(raw):
                if key.lower() == "id" and (value := plain_html.value(equals, *quoted)):
                    shape.ids[value] += 1
        if not closed and name.lower() not in VOID:
            depth += 1
            deepest = max(deepest, depth)
    shape.deepest = deepest
    return shape


def check(content: str, page: Page, build: Build, site: Site) -> str:
    """The content, or, if it is nested too deep to print, a short note (the build fails on the warning)."""
    if build.is_fallback(page):  # Checked in its own language's build.
        return content
    shape = _shape(content)
    source = site.text(source_path(page))
    offset = site.body(source_path(page))[1]
    where = f"docs/{page.file.src_uri}"
    for anchor, count in sorted(shape.ids.items()):
        if count > 1:
            line = second_line(source, f"#{anchor}", offset)
            log.warning(
                f"{where}:{line}: the anchor #{anchor} is used {count} times on this page; links "
                "to it reach only the first. Give each heading or element its own anchor."
            )
    if shape.deepest > MAX_DEPTH:
        log.warning(
            f"{where}:{offset + 1}: its HTML is nested {shape.deepest} elements deep (at most "
            f"{MAX_DEPTH}). Flatten it: fewer nested lists, quotations or <div>s."
        )
        return "<p>This page is nested too deeply to publish; see the build's warnings.</p>"
    return content


def second_line(source: str, needle: str, offset: int) -> int:
    """The line of the second use of `needle` (the one to change); else of the first, or the body's first line."""
    first = source.find(needle)
    second = source.find(needle, first + 1) if first >= 0 else -1
    index = second if second >= 0 else first
    return source.count("\n", 0, index) + 1 if index >= 0 else offset + 1
