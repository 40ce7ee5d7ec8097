"""The translatable text of a page or a YAML file, as units with a stable key, a span and placeholders.

A unit is one run of text a translator works on: a heading, a paragraph, a
list item, a quotation, an admonition's title, a knowledge check's question,
answer or feedback, the page's title and description; in YAML files (glossary,
interface strings) each string value, plural forms one by one. Its key names
where it is in the page's structure (`the-part:p1`, `_meta:title`,
`notice.outdated_text.one`), so the English unit and the translated one pair up
by key, and its span says which characters of the file it came from, so a
new translation replaces exactly those and nothing else.

Inside a unit, what must come through translation unchanged is a placeholder
(XLIFF `<x id="n"/>`): Markdown syntax (`**`, `[`, `](target)`, `` `code` ``),
pinned anchors and attribute lists (`{ #anchor }`), and HTML tags.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import yaml

from mkdocs_training.core import sources
from mkdocs_training.core.structure import (
    ADMONITION,
    FENCE,
    HEADING,
    LIST_ITEM,
    MARKER,
    PINNED_ANCHOR,
)

# Kept as they are through translation: code, link targets, attribute lists, HTML, emphasis markers.
PROTECTED = re.compile(
    r"`[^`\n]*`|!?\[|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\{[^}\n]*\}|<[^>\n]+>|\*\*|\*|__|\s*\|\s*"
)
TABLE_RULE = re.compile(r"^\s*\|?[\s|:-]+\|?\s*$")  # | --- | :-: |
QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
YAML_FIELD = re.compile(r"^(\s*(?:-\s+)?)(question|text|feedback|title|description):[ \t]*(.*)$")


@dataclass
class Unit:
    key: str
    parts: list[str | int]  # Text, and placeholder numbers (1, 2, ...) that stand for codes[n - 1].
    codes: list[str]
    start: int  # The span in the file's text that the unit's text takes.
    end: int
    style: str = "markdown"  # "markdown": written as one line of text; "yaml": as a YAML scalar.
    note: str = ""  # Where it is, for the translator.
    line: int = 1

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else self.codes[p - 1] for p in self.parts)

    def written(self, text: str) -> str:
        """The file text for a translated unit, in the unit's own form."""
        if self.style != "yaml":
            return text
        # Plain when YAML reads it back as the same text, else double-quoted (JSON's quoting is YAML's).
        try:
            plain = (
                "\n" not in text
                and ": " not in text
                and " #" not in text
                and yaml.safe_load(text) == text
            )
        except yaml.YAMLError:
            plain = False
        return text if plain else json.dumps(text, ensure_ascii=False)


@dataclass
class Document:
    units: list[Unit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.units = _Units()

    def by_key(self) -> dict[str, Unit]:
        return {unit.key: unit for unit in self.units}


class _Units(list):
    """Units, without those that are only Markdown or HTML (an HTML comment, an image alone): nothing to translate."""

    def append(self, unit: Unit) -> None:
        if any(isinstance(part, str) and part.strip() for part in unit.parts):
            super().append(unit)


def protect(text: str) -> tuple[list[str | int], list[str]]:
    parts: list[str | int] = []
    codes: list[str] = []
    last = 0
    for match in PROTECTED.finditer(text):
        if match.start() > last:
            parts.append(text[last : match.start()])
        codes.append(match.group(0))
        parts.append(len(codes))
        last = match.end()
    if last < len(text):
        parts.append(text[last:])
    return parts, codes


def _unit(key: str, text: str, start: int, end: int, style: str, note: str, line: int) -> Unit:
    parts, codes = protect(text)
    return Unit(key, parts, codes, start, end, style, note, line)


# -----------------------------------------------------------------------------
# Pages
# -----------------------------------------------------------------------------


def page(text: str) -> Document:
    """The units of a Markdown page, keyed by section anchor, kind and number."""
    doc = Document()
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    lines = text.splitlines()
    _, front_lines = sources.body_of(text)
    for number in range(1, front_lines):
        _yaml_field(doc, lines, number - 1, offsets, "_meta", "front matter")
    section = "_intro"
    counts: dict[tuple[str, str], int] = {}
    in_fence, in_quiz, quiz = False, False, 0

    def key(kind: str) -> str:
        counts[(section, kind)] = counts.get((section, kind), 0) + 1
        return f"{section}:{kind}{counts[(section, kind)]}"

    index = front_lines
    while index < len(lines):
        line = lines[index]
        if FENCE.match(line):
            in_fence = not in_fence
            in_quiz = in_fence and line.strip() == "```quiz"
            quiz += in_quiz
            index += 1
            continue
        if in_fence:
            if in_quiz:
                _yaml_field(
                    doc,
                    lines,
                    index,
                    offsets,
                    f"{section}:quiz{quiz}",
                    "knowledge check",
                    numbered=True,
                )
            index += 1
            continue
        heading = HEADING.match(line)
        admonition = ADMONITION.match(line)
        if not line.strip() or MARKER.fullmatch(line.strip()):
            index += 1
        elif heading:
            raw = heading.group(2)
            pinned = PINNED_ANCHOR.search(raw)
            if len(heading.group(1)) > 1 and pinned:
                section = pinned.group(1)
            start = offsets[index] + heading.start(2)
            end = start + (pinned.start() if pinned else len(raw))
            doc.units.append(
                _unit(
                    f"{section}:heading",
                    text[start:end],
                    start,
                    end,
                    "markdown",
                    f"heading, level {len(heading.group(1))}",
                    index + 1,
                )
            )
            index += 1
        elif line.lstrip().startswith("|"):
            # A table row is a unit of its own, one line, its cell borders kept; the rule row has no text.
            if not TABLE_RULE.match(line):
                start = offsets[index] + len(line) - len(line.lstrip())
                doc.units.append(
                    _unit(
                        key("row"),
                        line.strip(),
                        start,
                        start + len(line.strip()),
                        "markdown",
                        "table row",
                        index + 1,
                    )
                )
            index += 1
        elif admonition:
            title = re.search(r'"([^"]*)"', line)
            if title:
                start = offsets[index] + title.start(1)
                doc.units.append(
                    _unit(
                        key("box") + "-title",
                        title.group(1),
                        start,
                        start + len(title.group(1)),
                        "markdown",
                        f"title of a '{admonition.group(3)}' box",
                        index + 1,
                    )
                )
            index += 1
        else:
            index = _block(doc, lines, index, offsets, text, key)
    return doc


def _block(doc: Document, lines: list[str], index: int, offsets: list[int], text: str, key) -> int:
    """A paragraph, list item or quotation: its first line and the lines that continue it."""
    first = lines[index]
    quote = QUOTE_PREFIX.match(first)
    rest = first[quote.end() :] if quote else first
    item = LIST_ITEM.match(rest)
    marker = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+", rest) if item else None
    prefix = (quote.end() if quote else 0) + (
        len(marker.group(0)) if marker else len(rest) - len(rest.lstrip())
    )
    kind = "li" if item else "quote" if quote else "p"
    end = index + 1
    while end < len(lines):
        following = lines[end]
        following_quote = QUOTE_PREFIX.match(following)
        body = following[following_quote.end() :] if following_quote else following
        if (
            not body.strip()
            or HEADING.match(body)
            or ADMONITION.match(body)
            or FENCE.match(body)
            or LIST_ITEM.match(body)
            or MARKER.fullmatch(body.strip())
        ):
            break
        end += 1
    start = offsets[index] + prefix
    stop = offsets[end - 1] + len(lines[end - 1])
    joined = " ".join(QUOTE_PREFIX.sub("", line).strip() for line in lines[index:end])
    joined = joined if end - index > 1 else text[start:stop]
    doc.units.append(
        _unit(
            key(kind),
            joined,
            start,
            stop,
            "markdown",
            {"li": "list item", "quote": "quotation", "p": "paragraph"}[kind],
            index + 1,
        )
    )
    return end


def _yaml_field(
    doc: Document,
    lines: list[str],
    index: int,
    offsets: list[int],
    where: str,
    note: str,
    numbered: bool = False,
) -> None:
    """A `question:`, `text:`, `feedback:`, `title:` or `description:` line of YAML, and its value."""
    match = YAML_FIELD.match(lines[index])
    if not match or not match.group(3).strip():
        return
    raw, last = match.group(3).rstrip(), index
    if raw[0] in ">|":  # A folded or literal block: the more-indented lines below are its text.
        indent = len(lines[index]) - len(lines[index].lstrip())
        while last + 1 < len(lines) and (
            not lines[last + 1].strip()
            or len(lines[last + 1]) - len(lines[last + 1].lstrip()) > indent
        ):
            last += 1
        while last > index and not lines[last].strip():
            last -= 1
        raw = "\n".join([raw] + lines[index + 1 : last + 1])
    try:
        value = yaml.safe_load("value: " + raw if raw[0] in ">|" else raw)
        value = value["value"] if raw[0] in ">|" else value
    except yaml.YAMLError:
        return  # Reported by the page checks.
    if not isinstance(value, str):
        return
    name = match.group(2)
    if numbered:  # Questions number the answers that follow them.
        counts = doc.__dict__.setdefault("_quiz_counts", {})
        if name == "question":
            counts[where] = counts.get(where, 0) + 1
            counts[(where, "answer")] = 0
        elif name == "text":
            counts[(where, "answer")] = counts.get((where, "answer"), 0) + 1
        question, answer = counts.get(where, 0), counts.get((where, "answer"), 0)
        name = f"q{question}" + (f"-{name}{answer}" if name != "question" else "")
    start = offsets[index] + match.start(3)
    doc.units.append(
        _unit(
            f"{where}:{name}",
            value,
            start,
            start + len(raw),
            "yaml",
            f"{note}: {match.group(2)}",
            index + 1,
        )
    )


# -----------------------------------------------------------------------------
# YAML files: glossary/<lang>.yml, locales/<lang>.yml
# -----------------------------------------------------------------------------


def yaml_file(text: str, skip: tuple[str, ...] = ()) -> Document:
    """Every string value, keyed by its path (`notice.outdated_text.one`, `customer.forms.2`)."""
    doc = Document()

    def walk(node, path: list[str]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, path + [str(key.value)])
        elif isinstance(node, yaml.SequenceNode):
            for number, value in enumerate(node.value, start=1):
                walk(value, path + [str(number)])
        elif (
            isinstance(node, yaml.ScalarNode)
            and node.tag.endswith(":str")
            and ".".join(path) not in skip
        ):
            value = node.value
            # A block scalar's span ends after its line break: the next key's line starts there.
            start, end = (
                node.start_mark.index,
                node.start_mark.index
                + len(text[node.start_mark.index : node.end_mark.index].rstrip()),
            )
            if isinstance(value, str) and value.strip():
                doc.units.append(
                    _unit(
                        ".".join(path),
                        value,
                        start,
                        end,
                        "yaml",
                        ".".join(path),
                        node.start_mark.line + 1,
                    )
                )

    walk(yaml.compose(text), [])
    return doc
