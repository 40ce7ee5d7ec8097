"""Shortcuts: code that does, faster, what the engine or static-i18n already does.

Each module here replaces one slow path with a faster one that must give the
same bytes. Nothing else in the package bypasses the engine for speed; the
callers name the shortcut they ask for and fall back to the engine's path
when it is off or declines a page.

| Shortcut (switch name) | Module | What it replaces | When it runs |
| --- | --- | --- | --- |
| `plain-html` | `plain_html.py` | Python's html.parser, in the nesting and anchor check (`html_checks.py`), the sanitiser's list of what it removed (`sanitise.py`) and the inline-code check (`publish/inline_code.py`) | Every page whose HTML is in the plain form (`is_plain`); any other page is read by html.parser |
| `glossary-links` | `glossary_links.py` | BeautifulSoup reading and writing a page to link its glossary terms (`glossary._link_terms_soup`) | Every plain page; `None` (BeautifulSoup) for a page with a comment, script, style or `<template>` |
| `one-page` | `one_page.py` | A full rebuild in `make serve` | A saved Markdown page whose title and front matter did not change: rendered alone with what the last full build recorded; a full build follows in the background (`serve/background.py`) |
| `parallel` | `parallel.py` | static-i18n building the languages one after the other in one process | `python -m mkdocs_training build` (`make build`, `make publish`): one process per language, the folders merged |

One switch turns them off: `TRAINING_FAST=off` (the training plugin's `fast`
option in mkdocs.yml, `!ENV [TRAINING_FAST, on]`). Then html.parser and
BeautifulSoup read every page, every save in `make serve` is a full rebuild,
and `python -m mkdocs_training build` runs the engine's own build in one
process. `TRAINING_FAST=plain-html,parallel` keeps only the named ones on.
`tests/test_fast_paths.py` builds the same sites both ways and compares them
byte for byte.

This module holds only the switch, so that any room may import it without
pulling in the shortcuts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs_training.config import SHORTCUTS

# The shortcuts on in this process: set by the training plugin's on_config from
# its `fast` option (every build sets it again); all on until then.
_on: set[str] = set(SHORTCUTS)


def configure(on: Iterable[str]) -> None:
    """Turn on exactly these shortcuts (names from SHORTCUTS) in this process."""
    names = frozenset(on)
    unknown = names - set(SHORTCUTS)
    if unknown:
        raise ValueError(
            f"unknown shortcut(s) {', '.join(sorted(unknown))}; known: {', '.join(SHORTCUTS)}"
        )
    _on.clear()
    _on.update(names)


def enabled(name: str) -> bool:
    """Whether the shortcut `name` may run in this process."""
    if name not in SHORTCUTS:
        raise ValueError(f"unknown shortcut {name!r}; known: {', '.join(SHORTCUTS)}")
    return name in _on


def chosen(config: Any) -> frozenset[str]:
    """The shortcuts a loaded config turns on (the training plugin's `fast` option)."""
    return frozenset(config.plugins["training"].config.fast)
