"""The markers pages use for generated content (`<!-- training:modules -->`), and the Markdown pass that fills them.

Which feature fills which marker is plugin.py's to say (it passes the
fillers in); here is only the pass, and what each marker shows as prose,
which the reading time and the readability figures count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from mkdocs.structure.pages import Page

from mkdocs_training.core import structure, yamlfile
from mkdocs_training.core.context import Build, Site, source_path
from mkdocs_training.core.log import log

# A marker's filler: the Markdown (or fragment placeholder) that replaces it.
Filler = Callable[[Page, Build, Site], str]


def fill(markdown: str, page: Page, build: Build, site: Site, fillers: Mapping[str, Filler]) -> str:
    """Every marker replaced by its filler; an unknown marker is an error, not a blank."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in fillers:
            return fillers[name](page, build, site)
        offset = site.body(source_path(page))[1]
        line = markdown.count("\n", 0, match.start()) + 1 + offset
        log.warning(
            f"docs/{page.file.src_uri}:{line}: unknown marker '<!-- {name} -->'. "
            f"Known markers: {', '.join(sorted(fillers))}."
        )
        return match.group(0)

    return structure.MARKER.sub(replace, markdown)


def data(root: Path, folder: str, language: str) -> dict:
    path = root / folder / f"{language}.yml"
    return (yamlfile.load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


def marker_text(name: str, root: Path, language: str) -> str:
    """What a marker shows, as prose: the glossary's terms, the scorecard's criteria."""
    if name == "training:glossary":
        return "\n\n".join(
            f"{e['definition']}"
            for e in data(root, "glossary", language).values()
            if isinstance(e, dict) and "term" in e and "definition" in e
        )
    if name in ("training:criteria", "training:scorecard"):
        blocks = []
        for entry in data(root, "scorecard", language).values():
            if isinstance(entry, dict):
                fields = [entry.get(k, "") for k in ("look_for", "before", "during")] + list(
                    entry.get("levels", [])
                )
                blocks.append(f"- {entry.get('name', '')}\n" + "".join(f"- {f}\n" for f in fields))
        return "\n".join(blocks)
    return ""
