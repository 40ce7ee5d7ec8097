"""A module's stable id: front matter `id`, else the English file's name; one id per module in every language.

The id keys the reader's stored progress, the module's PDF and its LMS package, so a module keeps them
when its file is renamed (core/sources.module_id; checked in core/pages.py and translations/status.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_training.core import i18n, sources
from mkdocs_training.translations import status

LANGUAGES = i18n.Languages("en", ["en", "it"], {"en": "English", "it": "Italiano"})


def page(extra: str = "") -> str:
    return f"---\ntitle: T\ndescription: D\nowner: O\nlast_reviewed: 2026-11-23\n{extra}---\n\n# T\n\nText.\n"


def scan(tmp_path: Path, files: dict[str, str]) -> list[str]:
    docs = tmp_path / "docs"
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    report = status.scan(sorted(docs.rglob("*.md")), LANGUAGES, tmp_path, docs)
    return [f"{p.path}:{p.line}: {p.message}" for p in report.problems]


def test_the_id_is_the_front_matter_s_else_the_file_s_name():
    assert sources.module_id({"id": "customer-service"}, "renamed-file") == "customer-service"
    assert sources.module_id({}, "customer-service") == "customer-service"


def test_a_renamed_module_that_keeps_its_id_in_every_language_is_fine(tmp_path):
    assert (
        scan(
            tmp_path,
            {
                "modules/new-name.md": page("id: old-name\n"),
                "modules/new-name.it.md": page("id: old-name\n"),
            },
        )
        == []
    )


@pytest.mark.parametrize(
    ("english", "italian", "fix"),
    [
        ("id: old-name\n", "", "write id: old-name"),
        ("id: old-name\n", "id: other-name\n", "write id: old-name"),
        ("", "id: old-name\n", "remove its id"),
    ],
)
def test_a_translation_with_another_id_is_named_with_the_fix(tmp_path, english, italian, fix):
    found = scan(tmp_path, {"modules/m.md": page(english), "modules/m.it.md": page(italian)})
    assert len(found) == 1
    assert found[0].startswith("docs/modules/m.it.md:")
    assert "its id differs from the English page's" in found[0] and fix in found[0]


def test_two_modules_with_one_id_are_reported(tmp_path):
    found = scan(tmp_path, {"modules/a.md": page(), "modules/b.md": page("id: a\n")})
    assert found == [
        (
            "docs/modules/b.md:6: module id 'a' is also docs/modules/a.md's: give this module an id of its own "
            "(id: <lower-case-words>)."
        )
    ]


@pytest.mark.parametrize("value", ["Customer Service", "x_y", "1.2", "-a", "[a]"])
def test_an_id_that_is_not_lower_case_words_is_reported_with_its_line(tmp_path, value):
    found = scan(tmp_path, {"modules/m.md": page(f"id: {value}\n")})
    assert len(found) == 1 and found[0].startswith("docs/modules/m.md:6: id ")
    assert "is not a module id" in found[0]


def test_the_built_module_is_keyed_by_its_id_in_both_languages(fixture_site):
    """The fixture's module file is m.md; with `id: kept-id` its progress and completion are keyed by the id."""
    build = fixture_site("module-id")
    assert build.returncode == 0, build.output
    for path in ("modules/m/index.html", "it/modules/m/index.html"):
        html = (build.site / path).read_text(encoding="utf-8")
        assert 'data-training-complete="kept-id"' in html, path
        assert 'data-training-complete="m"' not in html, path
