"""Structure of a Markdown page, and the comparison of a translation with its source.

A translation must have the same skeleton as the English page: the same headings
at the same levels with the same pinned anchors, and in each section the same
admonitions, lists, quotations and internal links. Text is free to differ.
Every problem names the file and line and says what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from mkdocs_training.core import sources
from mkdocs_training.core.problems import Problem
from mkdocs_training.core.quizzes import signature

# -----------------------------------------------------------------------------
# Parsing
# -----------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
PINNED_ANCHOR = re.compile(r"\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
ADMONITION = re.compile(r'^(\s*)(!!!|\?\?\?\+?)\s+([a-z]+)(?:\s+"[^"]*")?\s*$')
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+\S")
QUOTE = re.compile(r"^\s*>")
# Internal links only: [text](page.md#anchor); external URLs are not compared.
LINK = re.compile(r"\]\((?!https?:|mailto:)([^)\s]+)\)")
MARKER = re.compile(r"<!--\s*(training:[a-z-]+)\s*-->")


@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int


@dataclass
class Section:
    """Everything between one heading and the next."""

    heading: Heading | None
    blocks: list[tuple[str, int]] = field(default_factory=list)  # (what, line)

    def signature(self) -> list[str]:
        return [what for what, _ in self.blocks]


@dataclass
class Page:
    path: Path
    sections: list[Section]

    @property
    def headings(self) -> list[Heading]:
        return [s.heading for s in self.sections if s.heading is not None]


def parse(text: str, path: Path) -> Page:
    body, offset = sources.body_of(text)
    sections = [Section(heading=None)]
    in_fence = False
    in_quote = False
    list_indent: int | None = None
    quiz_lines: list[str] | None = None  # Inside a ```quiz block: its YAML so far.
    quiz_start = 0
    for number, line in enumerate(body.splitlines(), start=offset + 1):
        if FENCE.match(line):
            in_fence = not in_fence
            if in_fence and line.strip() == "```quiz":
                quiz_lines, quiz_start = [], number
            elif in_fence:
                sections[-1].blocks.append(("code block", number))
            elif quiz_lines is not None:
                # A knowledge check counts as its questions and their correct answers.
                for what in signature("\n".join(quiz_lines)):
                    sections[-1].blocks.append((what, quiz_start))
                quiz_lines = None
            continue
        if in_fence:
            if quiz_lines is not None:
                quiz_lines.append(line)
            continue
        block = sections[-1].blocks
        heading = HEADING.match(line)
        if heading:
            raw = heading.group(2)
            pinned = PINNED_ANCHOR.search(raw)
            text_only = PINNED_ANCHOR.sub("", raw).strip()
            sections.append(
                Section(
                    Heading(len(heading.group(1)), text_only, pinned and pinned.group(1), number)
                )
            )
            in_quote, list_indent = False, None
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            block.append((f"admonition {admonition.group(3)}", number))
            continue
        item = LIST_ITEM.match(line)
        if item:
            indent = len(item.group(1))
            # Nested items count as part of their parent's list, with their depth.
            depth = "" if list_indent is None or indent <= list_indent else " (nested)"
            if list_indent is None:
                list_indent = indent
            block.append((f"list item{depth}", number))
        elif line.strip() and not line.startswith((" ", "\t")):
            list_indent = None
        if QUOTE.match(line):
            if not in_quote:
                block.append(("quotation", number))
            in_quote = True
        elif not line.strip():
            in_quote = False
        for target in LINK.findall(line):
            block.append((f"link to {target}", number))
        for marker in MARKER.findall(line):
            block.append((f"marker {marker}", number))
    return Page(path, sections)


def parse_file(path: Path) -> Page:
    return parse(sources.plain_text(path.read_text(encoding="utf-8")), path)


# -----------------------------------------------------------------------------
# Checks
# -----------------------------------------------------------------------------


def missing_anchors(page: Page) -> list[Problem]:
    """Headings below the title must pin their anchor, so links survive translation."""
    problems = []
    for heading in page.headings:
        if heading.level > 1 and heading.anchor is None:
            # The anchor Markdown's toc would make (mkdocs.yml keeps its default slugify):
            # accents dropped, not the letter ("Qualità" -> qualita). Pinned, it no longer
            # changes with the heading's wording or language.
            slug = slugify(heading.text, "-") or "section"
            problems.append(
                Problem(
                    page.path,
                    heading.line,
                    f"heading '{heading.text}' has no pinned anchor. "
                    f"Add one, e.g. '{'#' * heading.level} {heading.text} {{ #{slug} }}', "
                    "and use the same anchor in every translation.",
                )
            )
    return problems


def anchor(heading: Heading) -> str:
    """A heading's anchor as messages name it; a heading may have none pinned yet."""
    return f"anchor #{heading.anchor}" if heading.anchor else "no pinned anchor"


def compare(source: Page, translation: Page) -> list[Problem]:
    """Differences in skeleton between an English page and its translation."""
    problems: list[Problem] = []
    here = translation.path

    def where(section: Section) -> int:
        return section.heading.line if section.heading else 1

    src_heads, tr_heads = source.headings, translation.headings
    for index in range(max(len(src_heads), len(tr_heads))):
        src = src_heads[index] if index < len(src_heads) else None
        tr = tr_heads[index] if index < len(tr_heads) else None
        if tr is None:
            assert src is not None  # One of the two is there: index < the longer list's length.
            problems.append(
                Problem(
                    here,
                    tr_heads[-1].line if tr_heads else 1,
                    f"missing heading: the English page has '{src.text}' "
                    f"({'#' + src.anchor if src.anchor else 'no pinned anchor'}, {source.path}:{src.line}). "
                    "Translate that section.",
                )
            )
        elif src is None:
            problems.append(
                Problem(
                    here,
                    tr.line,
                    f"extra heading '{tr.text}': the English page has no heading here. "
                    "Remove it or add it to the English page first.",
                )
            )
        elif tr.anchor is None and src.level == tr.level:
            continue  # missing_anchors() reports it, with the fix.
        elif (src.level, src.anchor) != (tr.level, tr.anchor):
            problems.append(
                Problem(
                    here,
                    tr.line,
                    f"heading '{tr.text}' is level {tr.level} with {anchor(tr)}; "
                    f"the English heading at {source.path}:{src.line} is level {src.level} "
                    f"with {anchor(src)}. Use the same level and anchor.",
                )
            )
    if problems:
        # Sections no longer line up; comparing their contents would only add noise.
        return problems

    for src_section, tr_section in zip(
        source.sections, translation.sections, strict=False
    ):  # Lined up when no problem above.
        src_sig, tr_sig = src_section.signature(), tr_section.signature()
        if src_sig == tr_sig:
            continue
        name = f"'{tr_section.heading.text}'" if tr_section.heading else "the introduction"
        counted = len(problems)
        for what in sorted(set(src_sig) | set(tr_sig)):
            want, have = src_sig.count(what), tr_sig.count(what)
            if want == have:
                continue
            lines = [line for kind, line in tr_section.blocks if kind == what]
            problems.append(
                Problem(
                    here,
                    lines[want] if have > want else where(tr_section),
                    f"section {name} has {have} × {what}, the English has {want} "
                    f"({source.path}:{where(src_section)}). Make them match.",
                )
            )
        if len(problems) == counted:
            problems.append(
                Problem(
                    here,
                    where(tr_section),
                    f"section {name} has the same parts as the English "
                    f"({source.path}:{where(src_section)}) in a different order. "
                    "Put them in the same order.",
                )
            )
    return problems
