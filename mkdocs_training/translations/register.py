"""What each translation was made from: a copy of the English page as it was when the translation was marked current.

`make translated FILE=docs/modules/m.it.md` keeps the English page's text in
the register, `translated-from/<lang>/<page as under docs/>`:

    translated-from/it/modules/m.md     the English of docs/modules/m.md the
                                        Italian translation was reviewed against

Outside docs/, so it is never published as a page. The section hashes in the
translation's front matter say *whether* a section changed (status.py, with
no register needed); the copy here says *how*: `make translations` and the
translators' status page show, per changed section, the English diff since
the translation was made.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from mkdocs_training.core.pages import Checked

FOLDER = "translated-from"
META = "_meta"
INTRO = "_intro"


def path_of(root: Path, docs: Path, english: Path, language: str) -> Path:
    """Where the English text a translation into `language` was made from is kept.

    `english` is the English page as messages show it (docs/modules/m.md),
    relative to `root`, or absolute.
    """
    english = english if english.is_absolute() else root / english
    return root / FOLDER / language / english.resolve().relative_to(docs.resolve())


def sections(source: Checked) -> dict[str, tuple[int, str]]:
    """Each section's first line and text, by key: _meta (title and description),
    _intro (the text under the page title), then each heading's anchor, in page order.
    status.py hashes these texts; a diff compares them."""
    lines = source.text.splitlines()
    meta = (
        f"title: {source.meta.get('title', '')}\ndescription: {source.meta.get('description', '')}"
    )
    found: dict[str, tuple[int, str]] = {META: (1, meta)}
    page_sections = source.page.sections
    starts = [s.heading.line if s.heading else 1 for s in page_sections]
    ends = starts[1:] + [len(lines) + 1]
    intro: list[str] = []
    intro_line = 0
    for section, start, end in zip(page_sections, starts, ends, strict=True):
        text = "\n".join(lines[start - 1 : end - 1])
        if section.heading is None or section.heading.level == 1:
            if (
                section.heading is None
            ):  # The front matter is _meta's (and the record's), not the introduction's.
                start += source.front_matter_lines
                text = "\n".join(lines[source.front_matter_lines : end - 1])
            intro_line = intro_line or start
            intro.append(text)
        else:
            found[section.heading.anchor or section.heading.text] = (start, text)
    found[INTRO] = (intro_line or 1, "\n".join(intro))
    return {META: found.pop(META), INTRO: found.pop(INTRO), **found}


def section_diff(old: tuple[int, str] | None, new: tuple[int, str] | None) -> list[str]:
    """The English lines of one section, before and after: '-' removed, '+' added,
    ' ' unchanged context (blank lines left out), and '@@ line N' where a change
    starts in today's English page."""
    _, old_text = old or (1, "")
    new_start, new_text = new or (1, "")
    before, after = _lines(old_text), _lines(new_text)
    # Where the section's first kept line is in the English file (text.strip() drops leading blanks).
    first = (
        new_start + len(new_text) - len(new_text.lstrip("\n")) if new_text.strip() else new_start
    )
    out: list[str] = []
    for group in difflib.SequenceMatcher(None, before, after, autojunk=False).get_grouped_opcodes(
        1
    ):
        changed = next(op for op in group if op[0] != "equal")
        # A section gone from the English has no line there to point at.
        out.append(
            f"@@ line {first + changed[3]}" if new is not None else "@@ removed from the English"
        )
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [f"  {line}" for line in before[i1:i2] if line]
                continue
            out += [f"- {line}".rstrip() for line in before[i1:i2]]
            out += [f"+ {line}".rstrip() for line in after[j1:j2]]
    return out


def _lines(text: str) -> list[str]:
    # Trailing spaces and blank lines at the ends do not count as a change (as in the hashes).
    return [line.rstrip() for line in text.strip().splitlines()]


def diffs(kept: Checked | None, current: Checked, keys: list[str]) -> dict[str, list[str]]:
    """Per changed section key, the diff of the English since the translation was made.

    With nothing kept (a translation marked before the register existed, or
    never marked), there is nothing to compare with: no diffs.
    """
    if kept is None:
        return {}
    before, after = sections(kept), sections(current)
    return {key: section_diff(before.get(key), after.get(key)) for key in keys}
