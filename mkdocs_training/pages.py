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

from mkdocs_training import quiz, yamltext
from mkdocs_training.problems import Problem
from mkdocs_training.structure import Page, body_start, parse

# Front matter every page must have: the home page, the module cards and
# the page footers are made from these.
REQUIRED_META = ("title", "description", "owner", "last_reviewed")
NOT_UTF8 = "not UTF-8"

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


@dataclass
class Source:
    path: Path  # As shown in messages: relative to the project.
    text: str
    meta: dict
    page: Page
    quizzes: list[tuple[int, list[quiz.Question], list[Problem]]] = field(default_factory=list)

    @property
    def front_matter_lines(self) -> int:
        return body_start(self.text)[1]


def read(path: Path, shown: Path) -> tuple[Source | None, list[Problem]]:
    """The page, or the problems that stop it from being read."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown, line, f"{NOT_UTF8} (byte 0x{raw[error.start]:02x}). Save the file as UTF-8.")
        ]
    text = text.removeprefix("\ufeff")
    meta: dict = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yamltext.load(match.group(1) or "")
        except yaml.YAMLError as error:
            # Where the broken value starts (an unclosed quote), else where YAML gave up.
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening ---.
            reason = "; ".join(filter(None, [getattr(error, "context", None),
                                              getattr(error, "problem", None)])) or str(error)
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
    reviewed = meta.get("last_reviewed")
    if reviewed and not isinstance(reviewed, datetime.date):
        line = 1 + next((n for n, text in enumerate(text.splitlines()) if text.startswith("last_reviewed")), 0)
        problems.append(Problem(shown, line, f"last_reviewed '{reviewed}' is not a date. Write it as "
                                "YYYY-MM-DD, e.g. last_reviewed: 2026-11-23."))
    quizzes = quiz.blocks(text, shown)
    for _, _, quiz_problems in quizzes:
        problems += quiz_problems
    return Source(shown, text, meta, parse(text, shown), quizzes), problems

