"""Shortcut `plain-html`: a fast reading of the plain, well-formed HTML that Markdown, our templates and the theme write.

The checks (html_checks.py, publish/inline_code.py) and the glossary read
every page; read by Python's html.parser and BeautifulSoup, they cost more
than the rest of the build. A page in one plain form, whose reading by
html.parser (and so by BeautifulSoup) is not in doubt, is read here by
regular expressions instead: tags with simply quoted attributes, end tags
with nothing in them, whole comments, known references. `is_plain` tells;
for any other page the callers use html.parser as before, so no markup
reads one way here and another way there. With the shortcut off
(TRAINING_FAST=off) `readable` is false and html.parser reads every page.
"""

from __future__ import annotations

import html
import re

from bs4.dammit import EntitySubstitution

from mkdocs_training import fast

# An attribute: a name and a value quoted without < or >, or unquoted without quote, = or /.
# (Possessive: a page is read once, without going back.)
ATTR = r"""[^\s"'<>/=]++(?:="[^"<>]*+"|='[^'<>]*+'|=[^\s"'=<>`/]++)?+"""
ATTRIBUTE = re.compile(r"""\s+([^\s"'<>/=]+)(?:(=)(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'=<>`/]+)))?""")
# A page in the plain form: text without < or >, tags, whole comments, the
# doctype; <script> and <style> (which html.parser reads as text up to their
# end tag) with no "</" in them.
PLAIN = re.compile(
    rf"""(?:
    [^<>]++
  | <(?!(?i:script|style)[\s/>])[a-zA-Z][a-zA-Z0-9]*+(?:\s++{ATTR})*+\s*+/?>
  | </[a-zA-Z][a-zA-Z0-9]*+>
  | <(?i:script)(?:\s++{ATTR})*+\s*+>(?:[^<]++|<(?!/))*+</(?i:script)>
  | <(?i:style)(?:\s++{ATTR})*+\s*+>(?:[^<]++|<(?!/))*+</(?i:style)>
  | <!--[^<>-]*+(?:-[^<>-]++)*+-->
  | <!(?i:doctype)\s++html>
)*+""",
    re.VERBOSE,
)
# In a plain page without <script> or <style>: every start and end tag, in order.
TAG = re.compile(rf"""<(/?)([a-zA-Z][a-zA-Z0-9]*+)((?:\s++{ATTR})*+)\s*+(/?)>""")
# In a plain page: each script, its attributes and its text.
SCRIPT = re.compile(rf"""<(?i:script)((?:\s++{ATTR})*+)\s*+>((?:[^<]++|<(?!/))*+)</(?i:script)>""")
RAW_TEXT_ELEMENT = re.compile(r"<(?i:script|style)[\s/>]")

# One token, for the glossary: text, a start tag (its last group is "slash"),
# an end tag, a comment, the doctype.
TOKEN = re.compile(
    rf"""
    (?P<text>[^<>]++)
  | <(?P<start>[a-zA-Z][a-zA-Z0-9]*+)(?P<attrs>(?:\s++{ATTR})*+)\s*+(?P<slash>/?)>
  | </(?P<end>[a-zA-Z][a-zA-Z0-9]*+)>
  | <!--(?P<comment>[^<>-]*+(?:-[^<>-]++)*+)-->
  | (?P<doctype><!(?i:doctype)\s++html>)
""",
    re.VERBOSE,
)
# What html.parser reads as text up to its end tag.
RAW_TEXT = {"script", "style"}
# Text: & only in a reference html.parser and BeautifulSoup both read whole.
REFERENCE = re.compile(r"&(?:([a-zA-Z][a-zA-Z0-9]*)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
ENTITIES = EntitySubstitution.HTML_ENTITY_TO_CHARACTER


def is_plain(page: str) -> bool:
    return PLAIN.fullmatch(page) is not None


def readable(page: str) -> bool:
    """Whether the callers may read `page` here: the shortcut is on and the page is plain."""
    return fast.enabled("plain-html") and is_plain(page)


def attributes(raw: str) -> list[tuple[str, str | None]]:
    """A tag's attributes (its text after the name) as html.parser gives them: names lowercase, values unescaped."""
    return [
        (key.lower(), value(equals, v1, v2, v3))
        for key, equals, v1, v2, v3 in ATTRIBUTE.findall(raw)
    ]


def value(equals: str, *quoted: str) -> str | None:
    """An attribute's value from ATTRIBUTE's groups: None if it has none, as html.parser gives it."""
    if not equals:
        return None
    text = quoted[0] or quoted[1] or quoted[2]  # One of the three forms; "" for an empty value.
    return html.unescape(text) if "&" in text else text


def _reference(match: re.Match) -> str:
    name, decimal, hexadecimal = match.groups()
    if name is not None:
        character = ENTITIES.get(name)
        if character is None:
            raise ValueError(name)
        return character
    number = int(decimal or hexadecimal, 16 if hexadecimal else 10)
    # BeautifulSoup reads &#128;-&#159; as Windows-1252; those and controls are left to it.
    if 32 <= number < 127 or 160 <= number <= 0xD7FF or 0xE000 <= number <= 0x10FFFF:
        return chr(number)
    raise ValueError(number)


def text(raw: str) -> str | None:
    """Text as BeautifulSoup reads it (references decoded); None if a reference is not plain."""
    if "&" not in raw:
        return raw
    try:
        decoded = REFERENCE.sub(_reference, raw)
    except ValueError:
        return None
    # Every & was part of a plain reference.
    if raw.count("&") != len(REFERENCE.findall(raw)):
        return None
    return decoded
