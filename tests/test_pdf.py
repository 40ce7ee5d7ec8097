"""The PDFs as a screen reader and a printer get them, in both languages.

Tagged (PDF/UA-1): a structure tree with the page's headings, lists, tables,
links and images (with their alternative text), MarkInfo, the language, and
a title that viewers show (DisplayDocTitle). On paper, the knowledge check
keeps each question's hint and the feedback on every answer. Each check is
seen failing on a PDF made without what it looks for.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from conftest import english_pages, make_site, mkdocs_build, output_path, soup
from pdf_structure import (
    LANGUAGES,
    STRINGS,
    expected_elements,
    missing_quiz_text,
    problems,
    structure,
)
from pypdf import PdfReader

from mkdocs_training.pdf import document, paper_quiz

WHOLE = {"en": "staff-training.pdf", "it": "it/formazione-del-personale.pdf"}
SITE_NAME = {"en": "Staff training library", "it": "Formazione del personale"}
CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def module_pdfs(site: Path, language: str, sources: list[str]):
    for source in sources:
        page = site / output_path(source, language)
        yield page, page.parent / f"{Path(source).stem}.pdf"


def title_of(page) -> str:
    return page.select_one("article h1").get_text(" ", strip=True).rstrip("¶ ")


# -----------------------------------------------------------------------------
# The site's PDFs
# -----------------------------------------------------------------------------

MODULES = [source for source in english_pages() if source.startswith("modules/")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pdf_is_tagged_with_its_title_language_and_the_pages_structure(site, language):
    assert len(MODULES) >= 2
    for path, pdf in module_pdfs(site, language, MODULES):
        page = soup(path)
        assert problems(pdf, language, title_of(page), expected_elements(page)) == [], pdf
    # The whole training: cover and chapter headings, the contents as a list of links.
    assert (
        problems(
            site / WHOLE[language], language, SITE_NAME[language], {"H1", "H2", "L", "LI", "Link"}
        )
        == []
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_pdf_keeps_each_questions_hint_and_the_feedback_on_every_answer(
    site, language
):
    for path, pdf in module_pdfs(site, language, MODULES):
        page = soup(path)
        assert page.select("form.training-quiz fieldset"), path  # Something to check.
        assert missing_quiz_text(pdf, page, language) == [], pdf
        assert missing_quiz_text(site / WHOLE[language], page, language) == []


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """A module with a table, an image, a link and both kinds of question, in both languages."""
    project = make_site(tmp_path_factory.mktemp("pdf"), "pdf-structure")
    build = mkdocs_build(project / "mkdocs.yml", project.parent / "site")  # With the PDFs.
    assert build.returncode == 0, build.output
    return build.site


@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_images_and_links_reach_the_structure(fixture_site, language):
    [(path, pdf)] = module_pdfs(fixture_site, language, ["modules/m.md"])
    page = soup(path)
    expected = expected_elements(page)
    assert {"Table", "TH", "TD", "Figure", "Link", "H3"} <= expected
    assert problems(pdf, language, title_of(page), expected) == []
    assert missing_quiz_text(pdf, page, language) == []
    # The image's own alternative text, as the page gives it.
    assert structure(pdf)["alts"] == [page.select_one("article img")["alt"]]


# -----------------------------------------------------------------------------
# Each check failing: the fixture's module made without what it looks for
# -----------------------------------------------------------------------------


def write_module(
    site: Path, language: str, target: Path, edit=lambda html: html, cache: Path | None = None
) -> tuple[Path, list[str], object]:
    """The fixture module's PDF as the build makes it, its HTML changed by `edit`; its problems and page."""
    [(path, _)] = module_pdfs(site, language, ["modules/m.md"])
    page = soup(path)
    chapter = document.Chapter(
        "m",
        title_of(page),
        page.select_one("article").decode_contents(),
        "docs/modules/m.md",
        output_path("modules/m.md", language),
    )
    html = document.document(
        language,
        chapter.title,
        SITE_NAME[language],
        "1 January 2026",
        STRINGS[language]["pdf"],
        STRINGS[language]["quiz"],
        [chapter],
        None,
        contents=False,
    )
    pdf, found = target / f"m-{language}.pdf", []
    made, _ = document.write(pdf, edit(html), "", CREATED, site, cache, found)
    assert made
    return pdf, found, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checks_pass_on_the_module_made_here_so_that_their_failures_below_mean_something(
    fixture_site, tmp_path, language
):
    pdf, found, page = write_module(fixture_site, language, tmp_path)
    assert found == []
    assert problems(pdf, language, title_of(page), expected_elements(page)) == []
    assert missing_quiz_text(pdf, page, language) == []


def test_an_untagged_pdf_made_with_the_old_options_fails(fixture_site, tmp_path, monkeypatch):
    monkeypatch.setattr(document, "OPTIONS", {})  # As before issue 23: no pdf_variant.
    pdf, _, page = write_module(fixture_site, "en", tmp_path)
    found = problems(pdf, "en", title_of(page), expected_elements(page))
    assert found[:4] == [
        "no structure tree (StructTreeRoot): the PDF is not tagged",
        "MarkInfo/Marked is not true",
        "the metadata does not say PDF/UA-1 (pdfuaid:part)",
        "ViewerPreferences/DisplayDocTitle is not true: viewers show the file name",
    ]
    assert {
        "no H1 element in the structure",
        "no Table element in the structure",
        "no Figure element in the structure",
        "no Link element in the structure",
    } <= set(found)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda html: html.replace('<html lang="it">', "<html>"), "Lang is '', not 'it'"),
        (
            lambda html: re.sub(r"<title>.*?</title>", "", html),
            "the title is '', not 'Modulo di prova'",
        ),
        (
            lambda html: html.replace('alt="Una barra blu', 'data-alt="'),
            "1 Figure element(s) without Alt",
        ),
        (
            lambda html: re.sub(r"(?s)<table>.*?</table>", "", html),
            "no Table element in the structure",
        ),
        # Lists written as paragraphs, as a careless conversion does.
        (
            lambda html: (
                re.sub(r"<(/?)(ul|ol)\b[^>]*>", r"<\1div>", html)
                .replace("<li", "<p")
                .replace("</li>", "</p>")
            ),
            "no L element in the structure",
        ),
        (
            lambda html: re.sub(r"<a href=.https[^>]*>(.*?)</a>", r"\1", html),
            "no Link element in the structure",
        ),
        (
            lambda html: re.sub(
                r"<a href=.https[^>]*>", "<a href='https://example.org/guide'></a>", html
            ),
            "1 Link element(s) without text",
        ),
    ],
)
def test_a_pdf_without_what_a_reader_needs_fails(fixture_site, tmp_path, edit, message):
    pdf, _, page = write_module(fixture_site, "it", tmp_path, edit)
    assert message in problems(pdf, "it", title_of(page), expected_elements(page))


def test_a_pdf_that_loses_the_hints_and_feedback_fails(fixture_site, tmp_path, monkeypatch):
    # The quiz as it was printed before issue 23: questions and answers only.
    monkeypatch.setattr(
        paper_quiz, "on_paper", lambda form, strings, quiz: "<p>" + form.legend.get_text() + "</p>"
    )
    pdf, _, page = write_module(fixture_site, "en", tmp_path)
    assert missing_quiz_text(pdf, page, "en") == [
        "not in the PDF: 'Tick one answer.'",
        "not in the PDF: 'The team serves them too.'",
        "not in the PDF: 'Paying is not what makes a customer.'",
        "not in the PDF: 'Tick all the answers that are correct.'",
        "not in the PDF: 'Waiting on its work is not enough; the colleague must use it.'",
        "not in the PDF: 'They use what the supplier makes.'",
        "not in the PDF: 'Customers are served through the colleagues.'",
    ]


def test_weasyprint_names_what_pdf_ua_lacks_and_such_a_pdf_is_not_cached(fixture_site, tmp_path):
    def edit(html: str) -> str:
        return html.replace('<html lang="en">', "<html>").replace('alt="A blue bar', 'data-alt="')

    for _ in range(
        2
    ):  # Made again each time (write_module asserts it), so that every build says it.
        _, found, _ = write_module(fixture_site, "en", tmp_path, edit, tmp_path / "cache")
        assert found == [
            'Image "modules/chart.png" has no required alt description',
            'Missing required "lang" attribute at the root of the document',
        ]
    assert not list((tmp_path / "cache").glob("*.pdf"))


def test_a_change_of_options_makes_the_pdf_afresh(tmp_path, monkeypatch):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    html = '<html lang="en"><head><title>PDF</title></head><body><h1>PDF</h1></body></html>'
    assert document.write(site / "out.pdf", html, "", CREATED, site, cache) == (True, [])
    assert document.write(site / "out.pdf", html, "", CREATED, site, cache) == (False, [])
    monkeypatch.setattr(document, "OPTIONS", {"pdf_variant": "pdf/ua-2"})
    assert document.write(site / "out.pdf", html, "", CREATED, site, cache) == (True, [])
    assert PdfReader(site / "out.pdf").pdf_header == "%PDF-2.0"


@pytest.mark.build
def test_an_image_without_alternative_text_fails_the_build_naming_the_page_and_line(tmp_path):
    project = make_site(tmp_path, "pdf-structure")
    page = project / "docs" / "modules" / "m.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("![A blue bar, the only one in the chart](chart.png)", "![](chart.png)"),
        encoding="utf-8",
    )
    line = text[: text.index("![A blue bar")].count("\n") + 1
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")  # With the PDFs.
    assert build.returncode != 0
    assert (
        f"training: docs/modules/m.md:{line}: the image 'chart.png' has no alternative text, which the PDF "
        "needs for readers who cannot see it. Say what it shows: ![What it shows](image.png)."
    ) in build.output


def test_a_refused_image_is_reported_once_and_a_missing_one_is_a_problem(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    page = '<html lang="en"><head><title>PDF</title></head><body><img alt="A chart" src="{}"></body></html>'
    found: list[str] = []
    refused_url = (
        "http://127.0.0.1:9/chart.png"  # Refused before any connection (document.fetcher).
    )
    assert document.write(
        site / "a.pdf", page.format(refused_url), "", CREATED, site, problems=found
    ) == (True, [refused_url])
    assert found == []  # Not again as "Failed to load image": the build reports it as refused.
    assert document.write(
        site / "b.pdf", page.format("modules/gone.png"), "", CREATED, site, problems=found
    ) == (True, [])
    [problem] = found
    assert problem.startswith(
        f"Failed to load image at '{(site / 'modules' / 'gone.png').resolve().as_uri()}'"
    )
