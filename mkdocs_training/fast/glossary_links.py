"""Shortcut `glossary-links`: glossary terms linked in a page of plain_html.py's plain form, in one pass.

The page is written back byte for byte as BeautifulSoup writes it, so this
fast path and glossary.py's BeautifulSoup path give the same page
(tests/test_markup.py and tests/test_fast_paths.py compare them). Any
other page gets None, and glossary.py reads it with BeautifulSoup; so does
every page with the shortcut off (TRAINING_FAST=off).
"""

from __future__ import annotations

import functools
import re

from bs4 import BeautifulSoup

from mkdocs_training import fast
from mkdocs_training.fast import plain_html

# Where terms are not linked: headings, links, code, form labels, and the
# tooltips themselves.
NO_TERMS = {
    "a",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "label",
    "legend",
    "button",
    "script",
    "style",
    "dt",
    "summary",
}


# What BeautifulSoup's html.parser builder knows of HTML, to write what it would.
_BUILDER = BeautifulSoup("", "html.parser").builder
VOID = frozenset(
    _BUILDER.empty_element_tags or ()
)  # Typed Optional (a builder may keep no list); html.parser keeps one.
KEEP_SPACE = frozenset(_BUILDER.preserve_whitespace_tags or ())
LIST_ATTRIBUTES = {tag: frozenset(names) for tag, names in _BUILDER.cdata_list_attributes.items()}
SPACES = BeautifulSoup.ASCII_SPACES  # Text of these only is written as one space or newline.
WORDS = re.compile(r"\S+")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attributes(name: str, attrs: tuple) -> dict[str, str]:
    """A tag's attributes as BeautifulSoup keeps them: once each (the last
    value), list attributes (class) single-spaced."""
    values: dict[str, str] = {}
    listed = LIST_ATTRIBUTES.get("*", frozenset()) | LIST_ATTRIBUTES.get(name, frozenset())
    for key, value in attrs:
        value = value or ""
        values[key] = " ".join(WORDS.findall(value)) if key in listed else value
    return values


def _start_tag(name: str, values: dict[str, str], slash: str) -> str:
    """A start tag as BeautifulSoup writes it: attributes sorted, values escaped."""
    parts = [f"<{name}"]
    for key, value in sorted(values.items()):
        value = _escape(value)
        if '"' not in value:
            value = '"' + value + '"'
        elif "'" in value:  # Both quotes: double quotes, the inner ones escaped.
            value = '"' + value.replace('"', "&quot;") + '"'
        else:
            value = "'" + value + "'"
        parts.append(f" {key}={value}")
    parts.append(f"{slash}>")
    return "".join(parts)


@functools.lru_cache(maxsize=4096)  # Pages repeat the same few tags.
def _read_tag(raw: str, name: str, attrs: str, slash: str) -> tuple[str, str, bool]:
    """A start tag's name, as BeautifulSoup writes it, and whether terms are left unlinked inside it."""
    name = name.lower()
    values = _attributes(name, tuple(plain_html.attributes(attrs)) if attrs else ())
    blocks = (
        name in NO_TERMS
        or "data-training-meta" in values
        or "admonition-title" in values.get("class", "").split(" ")
    )
    if name in VOID:
        return name, _start_tag(name, values, "/"), blocks
    return name, _start_tag(name, values, "") + (f"</{name}>" if slash else ""), blocks


def link_terms(html: str, matcher, linked) -> str | None:
    """glossary._link_terms_soup for a page in the plain form of plain_html.py, read in one
    pass and written byte for byte as BeautifulSoup would; None for any other
    page: with a comment (BeautifulSoup links terms in comments), a script or
    style, a <template>, or an end tag of a void element; None too with the shortcut off."""
    if not fast.enabled("glossary-links"):
        return None
    out: list[str] = []
    add = out.append
    open_tags: list[tuple[str, bool]] = []  # (name, terms not linked inside it)
    blocked = 0  # Open elements inside which terms are not linked.
    keep_space = 0  # Open <pre> and <textarea>.
    closed_void: list[str] = []  # As BeautifulSoup's already_closed_empty_element.
    done: set[str] = set()
    position, size = 0, len(html)
    token_at = plain_html.TOKEN.match
    while position < size:
        token = token_at(html, position)
        if token is None:
            return None
        position = token.end()
        kind = token.lastgroup
        if kind == "text":
            text = plain_html.text(token.group("text"))
            if text is None:
                return None
            if not keep_space and not text.strip(SPACES):
                add("\n" if "\n" in text else " ")
            elif blocked:
                add(_escape(text))
            else:
                while (match := matcher.first(text, done)) is not None:
                    term = matcher.term_of(match)
                    done.add(term.id)
                    add(_escape(text[: match.start()]))
                    add(linked(term, match.group(1)))
                    text = text[match.end() :]
                add(_escape(text))
        elif kind == "slash":  # A start tag (its last group).
            raw_name, slash = token.group("start", "slash")
            name, written, blocks = _read_tag(token.group(), raw_name, token.group("attrs"), slash)
            if name in plain_html.RAW_TEXT or name == "template" or (slash and name in closed_void):
                return None
            add(written)
            if name in VOID:
                if not slash:
                    closed_void.append(name)
            elif not slash:
                open_tags.append((name, blocks))
                blocked += blocks
                keep_space += name in KEEP_SPACE
        elif kind == "end":
            name = token.group("end").lower()
            if name in VOID or name in closed_void:
                return None
            if any(open_name == name for open_name, _ in open_tags):
                while True:
                    open_name, blocks = open_tags.pop()
                    blocked -= blocks
                    keep_space -= open_name in KEEP_SPACE
                    add(f"</{open_name}>")
                    if open_name == name:
                        break
        else:
            return None
    while open_tags:
        add(f"</{open_tags.pop()[0]}>")
    return "".join(out)
