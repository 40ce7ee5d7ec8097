"""A language is configuration: `make new-language LANG=fr` on the 'control' fixture site, then a build.

French has no page yet: every page is published in English under the French
notice, with its own 404 page, search index and stemmer, and nothing printed per page.
"""

from __future__ import annotations

import pytest
from conftest import configured_languages, make_site, mkdocs_build, soup
from test_translations import rows, status
from test_xliff import run


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("french")
    project = make_site(tmp, "control")
    result = run(project, "new-language", "fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Written: locales/fr.yml, glossary/fr.yml, mkdocs.yml. The site builds with 'fr' now: its pages show in "
        "English under a notice until translated (docs/<page>.fr.md).\n"
    )
    # The home page names the languages with the marker, in the reader's language.
    for name, sentence in (("index.md", "Read it in"), ("index.it.md", "Leggilo in")):
        with (project / "docs" / name).open("a", encoding="utf-8") as page:
            page.write(f"\n{sentence} <!-- training:languages -->.\n")
    assert run(project, "translations", "mark", "docs/index.it.md").returncode == 0
    built = mkdocs_build(project / "mkdocs.yml", tmp / "site", preview=True)
    assert built.returncode == 0, built.output
    return project, built


def test_the_config_gets_the_language_and_a_partial_policy(french):
    project, _ = french
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert (
        "        - locale: fr\n          name: Français\n          theme:\n            language: fr\n"
        in config
    )
    assert "  - training:\n      translations:\n        fr: partial\n" in config
    # What the site's tests are parametrised by (conftest): French is among them.
    assert configured_languages(project / "mkdocs.yml") == ["en", "it", "fr"]
    # French has one, many and other (CLDR): each plural string has exactly those, in English for now.
    strings = (project / "locales" / "fr.yml").read_text(encoding="utf-8")
    assert (
        "reading_time:\n  one: '{minutes} min read'\n  many: '{minutes} min read'\n  other:"
        in strings
    )


def test_a_new_language_is_missing_everywhere_and_the_check_only_warns(french):
    project, _ = french
    result = status(project, "--check")
    assert result.returncode == 0, result.stdout
    assert "docs/modules/m.md fr missing" in rows(result.stdout)
    assert "Partial language (mkdocs.yml), so warnings only: fr." in result.stdout


def test_french_pages_have_their_switcher_404_search_and_notice(french):
    _, built = french
    site = built.site
    switcher = [
        a["hreflang"]
        for a in soup(site / "modules" / "m" / "index.html").select(".md-select a[hreflang]")
    ]
    assert switcher == ["en", "it", "fr"]
    page = soup(site / "fr" / "modules" / "m" / "index.html")
    assert page.html["lang"] == "fr"
    assert page.select_one("article [data-training-notice=missing]") is not None
    assert soup(site / "fr" / "404.html").html["lang"] == "fr"
    assert '"lang":["fr"]' in (site / "fr" / "search" / "search_index.json").read_text(
        encoding="utf-8"
    )


def test_no_message_per_missing_page(french):
    _, built = french
    assert "WARNING" not in built.output
    assert [
        line for line in built.output.splitlines() if "m.md" in line or "index.md" in line
    ] == []


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("it", "'it' is a language of this site already (mkdocs.yml: en, it)."),
        ("xx", "'xx' is not a language CLDR knows. Use a code such as fr, de or pt_BR."),
        ("French", "'French' is not a language code. Use a CLDR code such as fr, de or pt_BR."),
    ],
)
def test_a_wrong_language_is_refused_and_nothing_written(tmp_path, code, message):
    project = make_site(tmp_path, "control")
    before = {p: p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}
    result = run(project, "new-language", code)
    assert (result.returncode, result.stderr) == (1, message + "\n")
    assert {p: p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()} == before


def test_the_home_page_lists_the_configured_languages_in_the_readers_language(french):
    _, built = french
    english = soup(built.site / "index.html").find(
        string=lambda t: t and t.startswith("Read it in")
    )
    assert english == "Read it in English, Italian, and French."
    italian = soup(built.site / "it" / "index.html").find(
        string=lambda t: t and t.startswith("Leggilo in")
    )
    assert italian == "Leggilo in inglese, italiano e francese."


@pytest.mark.build
def test_the_published_build_makes_the_new_languages_pdfs(tmp_path):
    project = make_site(tmp_path, "control")
    assert run(project, "new-language", "fr").returncode == 0
    built = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")  # Not a preview: PDFs too.
    assert built.returncode == 0, built.output
    from pypdf import PdfReader

    module = PdfReader(built.site / "fr" / "modules" / "m" / "m.pdf")
    assert "Fixture module" in module.pages[0].extract_text()
    # The whole training's file is named by locales/fr.yml (English until translated).
    assert (built.site / "fr" / "staff-training.pdf").read_bytes().startswith(b"%PDF")
