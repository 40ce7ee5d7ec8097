"""The translators' status page: `<!-- training:translations -->` becomes every translation's state,
with the English diff since each outdated one was made (register.py).

For translators without a terminal: the same as `make translations`, on a
page of the site that the learner navigation does not link to
(docs/translation-status.md). HTML from overrides/partials/training.html's
`translations` macro; strings from locales/<lang>.yml, `status_page`.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from mkdocs_training.core import fragments
from mkdocs_training.core.context import Build, Site
from mkdocs_training.translations import status as translations


def status_list(page: Page, build: Build, site: Site) -> str:
    ui = build.ui["status_page"]
    section_names = {
        translations.META: build.ui["notice"]["meta"],
        translations.INTRO: build.ui["notice"]["intro"],
    }
    tables = []
    for code in build.languages.translations:
        rows = []
        for status in report.statuses if (report := translations.report_of(site)) else []:
            if status.language != code:
                continue
            sections = []
            for key in status.changed:
                name = section_names.get(key) or f"#{key}"
                title = status.titles.get(key)
                sections.append(
                    {
                        "name": f"{name} ({title})" if title else name,
                        "lines": [_line(line) for line in status.diffs.get(key, [])],
                    }
                )
            page_path = (
                status.translation if status.state == translations.ORPHAN else status.english
            )
            rows.append(
                {
                    "page": str(page_path),
                    "state": status.state,
                    "label": ui["states"][status.state],
                    "sections": sections,
                    "details": status.details,
                }
            )
        tables.append({"code": code, "name": build.languages.names.get(code, code), "rows": rows})
    return fragments.add(
        build, page, build.macros().translations(tables, ui, build.languages.default)
    )


def _line(line: str) -> dict:
    """One diff line: its kind (added, removed, same, where) and its text without the marker."""
    if line.startswith("@@"):
        return {"kind": "where", "text": line}
    kind = {"+": "added", "-": "removed"}.get(line[:1], "same")
    return {"kind": kind, "text": line[2:]}
