"""Translation status: which translations are current, outdated, missing or broken.

Each translation records, in its front matter, a short hash of every section
(per heading) of the English page it was checked against:

    translated_from:
      _meta: 3f2a9c0d1b7e     # title and description
      _intro: 9b1c44e0a2d5    # the text under the page title
      who-serves-the-customer: 0c7d1e93f4aa

Comparing these with the English page as it is now says which sections
changed since, with no git history and no server. `python -m mkdocs_training
translations` prints the status of every page; `... mark FILE` records a
reviewed translation as current.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_training.core import i18n, module_ids, sources
from mkdocs_training.core.context import Site
from mkdocs_training.core.i18n import Languages, split_locale
from mkdocs_training.core.pages import UNBUILDABLE, Checked, read
from mkdocs_training.core.problems import Problem
from mkdocs_training.core.structure import compare, missing_anchors
from mkdocs_training.translations import register

RECORD_KEY = "translated_from"
META = "_meta"
INTRO = "_intro"

UP_TO_DATE = "up to date"
OUTDATED = "outdated"
NOT_REVIEWED = "not yet reviewed"  # A translation never marked current: new, not behind.
MISSING = "missing"
ORPHAN = "orphan"
MISMATCH = "structure mismatch"

# -----------------------------------------------------------------------------
# Section hashes
# -----------------------------------------------------------------------------


def _digest(text: str) -> str:
    normal = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def section_hashes(source: Checked) -> dict[str, str]:
    """A short hash per section of an English page, in page order."""
    lines = source.text.splitlines()
    hashes = {
        META: _digest(f"{source.meta.get('title', '')}\n{source.meta.get('description', '')}")
    }
    sections = source.page.sections
    starts = [s.heading.line if s.heading else 1 for s in sections]
    ends = starts[1:] + [len(lines) + 1]
    intro = []
    for section, start, end in zip(sections, starts, ends, strict=True):
        text = "\n".join(lines[start - 1 : end - 1])
        if section.heading is None or section.heading.level == 1:
            # Before the first heading: the text after the front matter (which is _meta's).
            intro.append(
                text if section.heading else "\n".join(lines[source.front_matter_lines : end - 1])
            )
        else:
            hashes[section.heading.anchor or section.heading.text] = _digest(text)
    hashes[INTRO] = _digest("\n".join(intro))
    # _meta and _intro first, then the sections in page order.
    return {META: hashes.pop(META), INTRO: hashes.pop(INTRO), **hashes}


def recorded_hashes(source: Checked) -> dict[str, str]:
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
    # Per changed section key, the English diff since the translation was made (register.py);
    # empty when the English it was made from is not kept.
    diffs: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Report:
    statuses: list[Status]
    problems: list[Problem]  # Bad input: the build must fail on each.
    undecodable: list[Path] = field(
        default_factory=list
    )  # Not UTF-8, too large or deep: left out of the build.
    sources: dict[Path, Checked] = field(
        default_factory=dict
    )  # Every readable page, by path as shown.

    def __post_init__(self) -> None:
        # The first status of a page and language, as a list scan would find it.
        self._by_page: dict[tuple[Path, str], Status] = {}
        for status in self.statuses:
            self._by_page.setdefault((status.english, status.language), status)

    def status_of(self, english: Path, language: str) -> Status | None:
        return self._by_page.get((english, language))


@dataclass
class Translations:
    """The translations' state across the language builds of one site build: on_files' report."""

    report: Report | None = None


def keep(report: Report, site: Site) -> None:
    site.own(Translations).report = report


def report_of(site: Site) -> Report | None:
    return site.own(Translations).report


def scan(
    pages: list[Path],
    languages: Languages,
    root: Path,
    docs: Path | None = None,
    checks: Sequence[Callable[[Checked], list[Problem]]] = (),
) -> Report:
    """Read every page once; report bad input and the state of each translation.

    `checks` are the other features' checks of a page that could be read
    (the knowledge checks': quiz/blocks.py), each page's after its own problems.

    With `docs` (the docs folder), outdated translations also get the diff of
    the English since they were made, from the register (register.py).
    """

    def shown(path: Path) -> Path:
        try:
            return path.resolve().relative_to(root.resolve())
        except ValueError:
            return path

    def uri(path: Path) -> str:
        """The page's name under docs/ (under the project, without `docs`)."""
        try:
            return (
                path.resolve().relative_to(docs.resolve()).as_posix()
                if docs
                else shown(path).as_posix()
            )
        except ValueError:
            return shown(path).as_posix()

    problems: list[Problem] = []
    groups: dict[Path, dict[str, Checked]] = {}
    unreadable: set[tuple[Path, str]] = set()  # Reported already: say nothing more of them.
    undecodable: list[Path] = []
    found: dict[Path, Checked] = {}
    for path in sorted(pages):
        name, locale = split_locale(path.as_posix(), languages.codes)
        unknown = i18n.suffix_language(path.name)
        if locale is None and unknown:
            problems.append(
                Problem(
                    shown(path),
                    1,
                    f"'{unknown}' is not a language of this site "
                    f"({', '.join(languages.codes)}). Add it under plugins > i18n > languages "
                    "in mkdocs.yml, or rename the file.",
                )
            )
            continue
        source, bad = read(path, shown(path), uri(path), languages.codes)
        problems += bad
        key = shown(Path(name))
        if source is not None:
            for check in checks:
                problems += check(source)
            found[source.path] = source
            groups.setdefault(key, {})[locale or languages.default] = source
        else:
            groups.setdefault(key, {})
            unreadable.add((key, locale or languages.default))
            if bad and bad[0].message.startswith(UNBUILDABLE):
                undecodable.append(shown(path))

    problems += module_ids.distinct_ids(
        [v[languages.default] for v in groups.values() if languages.default in v]
    )
    statuses: list[Status] = []
    for english_path, versions in sorted(groups.items()):
        english = versions.get(languages.default)
        if (english_path, languages.default) in unreadable:
            continue  # Its translations cannot be compared with it until it is fixed.
        if english is None:
            for code, orphan in versions.items():
                statuses.append(Status(english_path, code, ORPHAN, orphan.path))
                problems.append(
                    Problem(
                        orphan.path,
                        1,
                        f"translation with no English page: add {english_path} or remove this file.",
                    )
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
            problems += module_ids.same_id(english, translation)
            recorded = recorded_hashes(translation)
            changed = [key for key, value in current.items() if recorded.get(key) != value]
            changed += [key for key in recorded if key not in current]  # Removed in English.
            mismatches = compare(english.page, translation.page)
            details = [str(p) for p in mismatches]
            if not recorded:
                # Nothing to be behind: every section would count as changed, which says nothing.
                details.insert(
                    0,
                    f"{translation.path}: never marked as reviewed (no '{RECORD_KEY}' in its "
                    "front matter). Once reviewed: make translated FILE=" + str(translation.path),
                )
                statuses.append(
                    Status(english_path, code, NOT_REVIEWED, translation.path, [], details)
                )
            elif changed:
                titles = {h.anchor or h.text: h.text for h in english.page.headings}
                diffs = {}
                if recorded and docs is not None:
                    kept_path = register.path_of(root, docs, english.path, code)
                    kept = read(kept_path, shown(kept_path))[0] if kept_path.is_file() else None
                    # A copy whose sections do not hash to what the translation records is not
                    # what it was made from (a merge, a hand edit): a diff from it would mislead.
                    stale = kept is not None and section_hashes(kept) != recorded
                    diffs = register.diffs(None if stale else kept, english, changed)
                    if kept is None or stale:
                        why = (
                            "this copy of the English is not the one the translation was made from "
                            "(its sections differ from the translation's record)"
                            if stale
                            else "no copy of the English this translation was made from"
                        )
                        details.append(
                            f"{shown(kept_path)}: {why}, so what changed cannot be shown. "
                            "Mark the translation again once it is reviewed (make translated)."
                        )
                statuses.append(
                    Status(
                        english_path,
                        code,
                        OUTDATED,
                        translation.path,
                        changed,
                        details,
                        titles,
                        diffs,
                    )
                )
            elif mismatches:
                # Current but shaped differently: a translator's slip, not an English change.
                statuses.append(Status(english_path, code, MISMATCH, translation.path, [], details))
                problems += mismatches
            else:
                statuses.append(Status(english_path, code, UP_TO_DATE, translation.path))
    return Report(statuses, problems, undecodable, found)


# -----------------------------------------------------------------------------
# Recording a reviewed translation as current
# -----------------------------------------------------------------------------


class NotMarked(ValueError):
    """A translation that is not recorded as current, with every reason (file and line)."""

    def __init__(self, translation: Path, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(
            f"not recorded as current: {len(problems)} problem(s) to fix first, "
            f"then run make translated again.\n{lines}"
        )


def mark(translation: Path, languages: Languages, root: Path, docs: Path) -> list[str]:
    """Write the English page's current section hashes into the translation,
    and keep the English text in the register (register.py) for later diffs.

    Returns the keys of the sections whose hashes changed.
    """
    name, locale = split_locale(translation.as_posix(), languages.codes)
    if locale is None:
        raise ValueError(f"{translation}: not a translation (expected a name like page.it.md).")
    english_file = Path(name)
    english, bad = read(english_file, english_file)
    if english is None:
        raise ValueError(str(bad[0]))
    own, bad = read(translation, translation, translation.name, languages.codes)
    if own is None:
        raise ValueError(str(bad[0]))
    # Only a translation shaped like its English page is recorded as current:
    # the same headings and anchors, admonitions, lists, links and knowledge checks.
    problems = (
        bad
        + missing_anchors(english.page)
        + missing_anchors(own.page)
        + compare(english.page, own.page)
    )
    if problems:
        raise NotMarked(translation, problems)
    hashes = section_hashes(english)
    changed = [k for k, v in hashes.items() if recorded_hashes(own).get(k) != v]
    block = f"{RECORD_KEY}:\n" + "".join(f"  {k}: {v}\n" for k, v in hashes.items())
    front, end = sources.fence(own.text)
    front, body = front or "", own.text[end:]
    # Drop the old record (its key line and indented lines), keep everything else as written.
    front = re.sub(rf"(?m)^{RECORD_KEY}:.*\n(?:[ \t]+.*\n)*", "", front)
    new_front = f"---\n{front}{block}---\n"
    body = body if own.front_matter_lines else "\n" + body
    kept = register.path_of(root, docs, english_file.resolve(), locale)
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(english_file.read_bytes())
    translation.write_text(new_front + body, encoding="utf-8")
    return changed
