"""Each page's source, read and checked once per build: text, front matter, structure, quizzes.

Every feature that needs a page's Markdown, front matter or knowledge checks
gets them from here (a `Checked` page, looked up by path; its `source` is the
page model of core/sources.py), never by reading and parsing the file again.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_training.core import quizzes, sources
from mkdocs_training.core.problems import Problem
from mkdocs_training.core.quizzes import Question
from mkdocs_training.core.sources import FrontMatterError, Source
from mkdocs_training.core.structure import Page, parse

# Front matter every page must have: the home page, the module cards and
# the page footers are made from these.
REQUIRED_META = ("title", "description", "owner", "last_reviewed")
NOT_UTF8 = "not UTF-8"
TOO_LARGE = "the page is too large"
TOO_DEEP = "nested too deeply"
# What stops a page from being built at all: it is reported and left out.
UNBUILDABLE = (NOT_UTF8, TOO_LARGE, TOO_DEEP)
# A training page is a few thousand words; far beyond that is a mistake (a
# pasted export, a generated file) that would take minutes and gigabytes.
MAX_PAGE_BYTES = 512 * 1024
# Lists and quotations deeper than this are no text a reader can follow, and
# at about a hundred levels Markdown and WeasyPrint run out of recursion.
MAX_NESTING = 20
QUOTES = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
LIST_MARKER = re.compile(r"^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+\S")


@dataclass(frozen=True)
class Checked:
    """A page read once (its `source`), with what the checks made of it: its structure and knowledge checks."""

    source: Source
    page: Page
    quizzes: list[tuple[int, list[Question], list[Problem]]] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def meta(self) -> dict[str, Any]:
        return self.source.meta

    @property
    def body(self) -> str:
        return self.source.body

    @property
    def front_matter_lines(self) -> int:
        return self.source.front_matter_lines

    @property
    def body_line(self) -> int:
        return self.source.body_line


def too_deep(text: str, shown: Path) -> Problem | None:
    """The first line whose list items and quotations nest deeper than MAX_NESTING."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        quotes = QUOTES.match(line)
        depth = quotes.group(1).count(">") if quotes else 0
        rest = line[quotes.end() :] if quotes else line
        item = LIST_MARKER.match(rest)
        if item:
            depth += len(item.group(1).expandtabs(4)) // 4 + 1
        if depth > MAX_NESTING:
            return Problem(
                shown,
                number,
                f"{TOO_DEEP}: lists and quotations here are {depth} levels deep "
                f"(at most {MAX_NESTING}). Flatten them: split the list, or use headings.",
            )
    return None


def read(
    path: Path, shown: Path, src_uri: str = "", codes: list[str] | None = None
) -> tuple[Checked | None, list[Problem]]:
    """The page, or the problems that stop it from being read.

    `src_uri`: the page's name under docs/ (its file name when not given);
    `codes`: the site's languages, to tell a translation by its name."""
    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        return None, [
            Problem(
                shown,
                1,
                f"{TOO_LARGE} ({len(raw) // 1024} KB; at most {MAX_PAGE_BYTES // 1024} KB). "
                "Split it into several pages.",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                shown, line, f"{NOT_UTF8} (byte 0x{raw[error.start]:02x}). Save the file as UTF-8."
            )
        ]
    # Windows line ends read as any others (the engine reads them so too).
    text = sources.plain_text(text)
    deep = too_deep(text, shown)
    if deep:
        return None, [deep]
    try:
        source = Source.of(text, shown, src_uri or path.name, codes or [])
    except FrontMatterError as error:
        return None, [error.problem]
    meta, body = source.meta, source.body
    if not body.strip():
        return None, [
            Problem(shown, 1, "the page is empty. Write its content, or delete the file.")
        ]
    missing = [key for key in REQUIRED_META if not meta.get(key)]
    problems = []
    if missing:
        problems.append(
            Problem(
                shown,
                1,
                f"front matter has no {', '.join(missing)}. Every page needs "
                f"{', '.join(REQUIRED_META)} (see README: add a module).",
            )
        )
    title = meta.get("title")
    if isinstance(title, str) and "<" in title:
        # The theme's tooltips show a truncated title as HTML (content.tooltips); escaping.py writes it as ‹.
        line = 1 + next(
            (n for n, text in enumerate(text.splitlines()) if text.startswith("title")), 0
        )
        problems.append(
            Problem(
                shown,
                line,
                "the title holds '<'. Titles are text, and the theme shows "
                "them as HTML in tooltips: write it without '<'.",
            )
        )
    if "id" in meta and not (
        isinstance(meta["id"], str) and sources.MODULE_ID.fullmatch(meta["id"])
    ):
        line = 1 + next(
            (n for n, text in enumerate(text.splitlines()) if text.startswith("id:")), 0
        )
        problems.append(
            Problem(
                shown,
                line,
                f"id '{meta['id']}' is not a module id. Write lower-case words "
                "joined by dashes, e.g. id: customer-service (the file's old name when it is renamed).",
            )
        )
    reviewed = meta.get("last_reviewed")
    if reviewed and not isinstance(reviewed, datetime.date):
        line = 1 + next(
            (n for n, text in enumerate(text.splitlines()) if text.startswith("last_reviewed")), 0
        )
        problems.append(
            Problem(
                shown,
                line,
                f"last_reviewed '{reviewed}' is not a date. Write it as "
                "YYYY-MM-DD, e.g. last_reviewed: 2026-11-23.",
            )
        )
    found = quizzes.blocks(text, shown)  # What the quiz feature checks in them: quiz/blocks.py.
    for _, _, quiz_problems in found:
        problems += quiz_problems
    return Checked(source, parse(text, shown), found), problems
