"""Each page's source, read and checked once per build: text, front matter, structure, quizzes.

Every feature that needs a page's Markdown, front matter or knowledge checks
gets them from here (a `Source`, looked up by path), never by reading and
parsing the file again.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mkdocs_training.core import quizzes, yamlfile
from mkdocs_training.core.problems import Problem
from mkdocs_training.core.quizzes import Question
from mkdocs_training.core.structure import Page, body_start, parse

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

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


@dataclass
class Source:
    path: Path  # As shown in messages: relative to the project.
    text: str
    meta: dict
    page: Page
    quizzes: list[tuple[int, list[Question], list[Problem]]] = field(default_factory=list)

    @property
    def front_matter_lines(self) -> int:
        return body_start(self.text)[1]


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
        rest = line[quotes.end():] if quotes else line
        item = LIST_MARKER.match(rest)
        if item:
            depth += len(item.group(1).expandtabs(4)) // 4 + 1
        if depth > MAX_NESTING:
            return Problem(shown, number, f"{TOO_DEEP}: lists and quotations here are {depth} levels deep "
                           f"(at most {MAX_NESTING}). Flatten them: split the list, or use headings.")
    return None


def read(path: Path, shown: Path) -> tuple[Source | None, list[Problem]]:
    """The page, or the problems that stop it from being read."""
    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        return None, [Problem(shown, 1, f"{TOO_LARGE} ({len(raw) // 1024} KB; at most {MAX_PAGE_BYTES // 1024} KB). "
                              "Split it into several pages.")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown, line, f"{NOT_UTF8} (byte 0x{raw[error.start]:02x}). Save the file as UTF-8.")
        ]
    # Windows line ends read as any others (MkDocs reads them so too).
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    deep = too_deep(text, shown)
    if deep:
        return None, [deep]
    meta: dict = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yamlfile.load(match.group(1) or "")
        except yaml.YAMLError as error:
            # Where the broken value starts (an unclosed quote), else where YAML gave up.
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening ---.
            reason = "; ".join(filter(None, [getattr(error, "context", None),
                                              getattr(error, "problem", None)])) or str(error)
            if isinstance(error, yamlfile.NotPlainData):  # Valid YAML, but more than the text it holds.
                return None, [Problem(shown, line, f"front matter: {reason}.")]
            return None, [
                Problem(shown, line, f"front matter is not valid YAML ({reason}). Fix it, or the "
                        "page would be published with its front matter as text.")
            ]
        if loaded is not None and not isinstance(loaded, dict):
            return None, [
                Problem(shown, 2, "front matter must be 'key: value' lines (a YAML mapping).")
            ]
        meta = loaded or {}
    elif text.startswith("---"):
        return None, [Problem(shown, 1, "front matter starts with '---' but has no closing '---' line.")]
    body = text[match.end():] if match else text
    if not body.strip():
        return None, [Problem(shown, 1, "the page is empty. Write its content, or delete the file.")]
    missing = [key for key in REQUIRED_META if not meta.get(key)]
    problems = []
    if missing:
        problems.append(
            Problem(shown, 1, f"front matter has no {', '.join(missing)}. Every page needs "
                    f"{', '.join(REQUIRED_META)} (see README: add a module).")
        )
    title = meta.get("title")
    if isinstance(title, str) and "<" in title:
        # The theme's tooltips show a truncated title as HTML (content.tooltips); escaping.py writes it as ‹.
        line = 1 + next((n for n, text in enumerate(text.splitlines()) if text.startswith("title")), 0)
        problems.append(Problem(shown, line, "the title holds '<'. Titles are text, and the theme shows "
                                "them as HTML in tooltips: write it without '<'."))
    reviewed = meta.get("last_reviewed")
    if reviewed and not isinstance(reviewed, datetime.date):
        line = 1 + next((n for n, text in enumerate(text.splitlines()) if text.startswith("last_reviewed")), 0)
        problems.append(Problem(shown, line, f"last_reviewed '{reviewed}' is not a date. Write it as "
                                "YYYY-MM-DD, e.g. last_reviewed: 2026-11-23."))
    found = quizzes.blocks(text, shown)  # What the quiz feature checks in them: quiz/blocks.py.
    for _, _, quiz_problems in found:
        problems += quiz_problems
    return Source(shown, text, meta, parse(text, shown), found), problems

