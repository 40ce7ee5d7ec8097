"""A module's id is one per module and the same in every language (see sources.module_id).

It keys the reader's stored progress, names the module's PDF and its LMS
package, so two modules with one id, or a translation with another id, would
mix readers' records: both are reported, naming the file and line.
"""

from __future__ import annotations

from mkdocs_training.core import sources
from mkdocs_training.core.pages import Checked
from mkdocs_training.core.problems import Problem


def id_line(page: Checked) -> int:
    return 1 + next(
        (n for n, text in enumerate(page.text.splitlines()) if text.startswith("id:")), 0
    )


def same_id(english: Checked, translation: Checked) -> list[Problem]:
    """A module has one id in every language: it keys the reader's progress, the PDF and the LMS package."""
    if english.meta.get("id") == translation.meta.get("id"):
        return []
    wanted = english.meta.get("id")
    fix = (
        f"write id: {wanted} in its front matter"
        if wanted
        else "remove its id, as the English page has none"
    )
    return [
        Problem(
            translation.path,
            id_line(translation),
            f"its id differs from the English page's ({english.path}): {fix}. A module has one id in "
            "every language, which keeps the reader's progress, its PDF and its LMS package.",
        )
    ]


def distinct_ids(english: list[Checked]) -> list[Problem]:
    """Two modules with one id would share the reader's progress and overwrite each other's PDF."""
    seen: dict[str, Checked] = {}
    problems = []
    for page in sorted(english, key=lambda p: str(p.path)):
        if not page.source.src_uri.startswith("modules/"):
            continue
        key = sources.module_id(page.meta, page.source.stem)
        if key in seen:
            problems.append(
                Problem(
                    page.path,
                    id_line(page),
                    f"module id '{key}' is also {seen[key].path}'s: give this module an id "
                    "of its own (id: <lower-case-words>).",
                )
            )
        seen.setdefault(key, page)
    return problems
