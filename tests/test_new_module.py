"""`make new-module NAME=...`: a page in the shape of the others, in the nav, that builds at once."""

from __future__ import annotations

import pytest
from conftest import make_site, mkdocs_build, soup
from test_xliff import run

NAV = "\nnav:\n  - Home: index.md\n  - Modules:\n      - modules/m.md\n"


def with_nav(tmp_path):
    project = make_site(tmp_path, "control")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(NAV)
    return project


@pytest.mark.build
def test_a_new_module_is_written_added_to_the_nav_and_builds(tmp_path):
    project = with_nav(tmp_path)
    result = run(project, "new-module", "complaints-handling")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Written: docs/modules/complaints-handling.md, mkdocs.yml. Replace its text, keep its shape and anchors; "
        "then translate it (docs/modules/complaints-handling.it.md) and record each translation with make "
        "translated.\n"
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.endswith(
        "  - Modules:\n      - modules/m.md\n      - modules/complaints-handling.md\n"
    )
    built = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    assert built.returncode == 0, built.output
    page = soup(built.site / "modules" / "complaints-handling" / "index.html")
    assert page.h1.get_text().strip().rstrip("¶") == "Complaints handling"
    assert [h["id"] for h in page.select("article h2")] == [
        "the-first-part",
        "reflect-on-your-work",
        "check-your-understanding",
    ]
    assert page.select_one("[data-training-quiz]") is not None
    # Italian readers get it in English under the notice until it is translated.
    italian = soup(built.site / "it" / "modules" / "complaints-handling" / "index.html")
    assert italian.select_one("[data-training-notice=missing]") is not None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Complaints Handling",
            (
                "'Complaints Handling' is not a module name. Use lowercase words joined by '-', "
                "e.g. make new-module NAME=complaints-handling."
            ),
        ),
        ("m", "docs/modules/m.md exists already. Pick another name, or edit that page."),
    ],
)
def test_a_wrong_module_name_is_refused_and_nothing_written(tmp_path, name, message):
    project = with_nav(tmp_path)
    before = {p: p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}
    result = run(project, "new-module", name)
    assert (result.returncode, result.stderr) == (1, message + "\n")
    assert {p: p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()} == before
