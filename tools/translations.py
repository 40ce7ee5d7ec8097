"""Translation status: which translations are current, outdated, missing or broken.

Each translation records, in its front matter, a short hash of every section
(per heading) of the English page it was checked against:

    translated_from:
      _meta: 3f2a9c0d1b7e     # title and description
      _intro: 9b1c44e0a2d5    # the text under the page title
      who-serves-the-customer: 0c7d1e93f4aa

Comparing these with the English page as it is now says which sections
changed since, with no git history and no server. `python -m tools
translations` prints the status of every page; `... mark FILE` records a
reviewed translation as current.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools import quiz
from tools.i18n import Languages, split_locale
from tools.structure import Page, Problem, compare, missing_anchors, parse

RECORD_KEY = "translated_from"
# Front matter every page must have: the home page, the module cards and
# the page footers are made from these.
REQUIRED_META = ("title", "description", "owner", "last_reviewed")
META = "_meta"
INTRO = "_intro"
# Page file names whose last suffix looks like a language: page.fr.md, page.pt_BR.md
LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2}(?:_[A-Z]{2})?)\.md$")

NOT_UTF8 = "not UTF-8"
UP_TO_DATE = "up to date"
OUTDATED = "outdated"
MISSING = "missing"
ORPHAN = "orphan"
MISMATCH = "structure mismatch"

# -----------------------------------------------------------------------------
# Reading a page: bytes -> text -> front matter -> body, each step checked
# -----------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


@dataclass
class Source:
    path: Path  # As shown in messages: relative to the project.
    text: str
    meta: dict
    page: Page


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
            loaded = yaml.safe_load(match.group(1) or "")
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
    for _, _, quiz_problems in quiz.blocks(text, shown):
        problems += quiz_problems
    return Source(shown, text, meta, parse(text, shown)), problems


# -----------------------------------------------------------------------------
# Section hashes
# -----------------------------------------------------------------------------


def _digest(text: str) -> str:
    normal = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def section_hashes(source: Source) -> dict[str, str]:
    """A short hash per section of an English page, in page order."""
    lines = source.text.splitlines()
    hashes = {META: _digest(f"{source.meta.get('title', '')}\n{source.meta.get('description', '')}")}
    sections = source.page.sections
    starts = [s.heading.line if s.heading else 1 for s in sections]
    ends = starts[1:] + [len(lines) + 1]
    intro = []
    for section, start, end in zip(sections, starts, ends):
        text = "\n".join(lines[start - 1 : end - 1])
        if section.heading is None or section.heading.level == 1:
            intro.append(text if section.heading else re.sub(FRONT_MATTER, "", text))
        else:
            hashes[section.heading.anchor or section.heading.text] = _digest(text)
    hashes[INTRO] = _digest("\n".join(intro))
    # _meta and _intro first, then the sections in page order.
    return {META: hashes.pop(META), INTRO: hashes.pop(INTRO), **hashes}


def recorded_hashes(source: Source) -> dict[str, str]:
    value = source.meta.get(RECORD_KEY) or {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


# -----------------------------------------------------------------------------
# Status of every page in every language
# -----------------------------------------------------------------------------


@dataclass
class Status:
    english: Path  # The English page (for an orphan: the path it should have).
    language: str
    state: str
    translation: Path | None = None
    changed: list[str] = field(default_factory=list)  # Section keys, English order.
    details: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # English heading per section key.


@dataclass
class Report:
    statuses: list[Status]
    problems: list[Problem]  # Bad input: the build must fail on each.
    undecodable: list[Path] = field(default_factory=list)  # Not UTF-8: MkDocs cannot even read them.

    def status_of(self, english: Path, language: str) -> Status | None:
        return next((s for s in self.statuses if s.english == english and s.language == language), None)


def scan(pages: list[Path], languages: Languages, root: Path) -> Report:
    """Read every page once; report bad input and the state of each translation."""

    def shown(path: Path) -> Path:
        try:
            return path.resolve().relative_to(root.resolve())
        except ValueError:
            return path

    problems: list[Problem] = []
    groups: dict[Path, dict[str, Source]] = {}
    unreadable: set[tuple[Path, str]] = set()  # Reported already: say nothing more of them.
    undecodable: list[Path] = []
    for path in sorted(pages):
        name, locale = split_locale(path.as_posix(), languages.codes)
        unknown = LANGUAGE_SUFFIX.search(path.name)
        if locale is None and unknown:
            problems.append(
                Problem(shown(path), 1,
                        f"'{unknown.group(1)}' is not a language of this site "
                        f"({', '.join(languages.codes)}). Add it under plugins > i18n > languages "
                        "in mkdocs.yml, or rename the file.")
            )
            continue
        source, bad = read(path, shown(path))
        problems += bad
        key = shown(Path(name))
        if source is not None:
            groups.setdefault(key, {})[locale or languages.default] = source
        else:
            groups.setdefault(key, {})
            unreadable.add((key, locale or languages.default))
            if bad and bad[0].message.startswith(NOT_UTF8):
                undecodable.append(shown(path))

    statuses: list[Status] = []
    for english_path, versions in sorted(groups.items()):
        english = versions.get(languages.default)
        if (english_path, languages.default) in unreadable:
            continue  # Its translations cannot be compared with it until it is fixed.
        if english is None:
            for code, orphan in versions.items():
                statuses.append(Status(english_path, code, ORPHAN, orphan.path))
                problems.append(
                    Problem(orphan.path, 1,
                            f"translation with no English page: add {english_path} or remove this file.")
                )
            continue
        problems += missing_anchors(english.page)
        current = section_hashes(english)
        for code in languages.translations:
            translation = versions.get(code)
            if (english_path, code) in unreadable:
                continue
            if translation is None:
                statuses.append(Status(english_path, code, MISSING))
                continue
            problems += missing_anchors(translation.page)
            recorded = recorded_hashes(translation)
            changed = [key for key, value in current.items() if recorded.get(key) != value]
            changed += [key for key in recorded if key not in current]  # Removed in English.
            mismatches = compare(english.page, translation.page)
            details = [str(p) for p in mismatches]
            if not recorded:
                details.insert(0, f"{translation.path}: never marked as reviewed "
                                  f"(no '{RECORD_KEY}' in its front matter)")
            if changed:
                titles = {h.anchor or h.text: h.text for h in english.page.headings}
                statuses.append(
                    Status(english_path, code, OUTDATED, translation.path, changed, details, titles)
                )
            elif mismatches:
                # Current but shaped differently: a translator's slip, not an English change.
                statuses.append(Status(english_path, code, MISMATCH, translation.path, [], details))
                problems += mismatches
            else:
                statuses.append(Status(english_path, code, UP_TO_DATE, translation.path))
    return Report(statuses, problems, undecodable)


# -----------------------------------------------------------------------------
# Recording a reviewed translation as current
# -----------------------------------------------------------------------------


def mark(translation: Path, languages: Languages) -> list[str]:
    """Write the English page's current section hashes into the translation.

    Returns the keys of the sections whose hashes changed.
    """
    name, locale = split_locale(translation.as_posix(), languages.codes)
    if locale is None:
        raise ValueError(f"{translation}: not a translation (expected a name like page.it.md).")
    english_file = Path(name)
    english, bad = read(english_file, english_file)
    if english is None:
        raise ValueError(str(bad[0]))
    own, bad = read(translation, translation)
    if own is None:
        raise ValueError(str(bad[0]))
    hashes = section_hashes(english)
    changed = [k for k, v in hashes.items() if recorded_hashes(own).get(k) != v]
    block = f"{RECORD_KEY}:\n" + "".join(f"  {k}: {v}\n" for k, v in hashes.items())
    text = own.text
    match = FRONT_MATTER.match(text)
    front = match.group(1) or "" if match else ""
    # Drop the old record (its key line and indented lines), keep everything else as written.
    front = re.sub(rf"(?m)^{RECORD_KEY}:.*\n(?:[ \t]+.*\n)*", "", front)
    new_front = f"---\n{front}{block}---\n"
    body = text[match.end():] if match else "\n" + text
    translation.write_text(new_front + body, encoding="utf-8")
    return changed
