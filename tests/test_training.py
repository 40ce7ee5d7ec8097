"""The training features as built: knowledge checks, glossary, module meta, PDFs.

Browser behaviour (answering by keyboard, progress, tooltips) is in
tests/test_browser.py; here are the sources, the HTML and the PDF files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, english_pages, output_path, soup
from mkdocs_training import glossary, quiz
from mkdocs_training.structure import compare, parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
MODULES = [p for p in english_pages() if p.startswith("modules/")]


# -----------------------------------------------------------------------------
# Writing a knowledge check
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("no_correct_answer.md", "no_correct_answer.md:10: question 1 has no answer marked 'correct: true'."),
        (
            "no_feedback.md",
            "no_feedback.md:10: question 1, answer 2 needs 'text:' and 'feedback:' "
            "(the feedback says why the answer is right or wrong).",
        ),
        (
            "unknown_key.md",
            "unknown_key.md:10: question 1, answer 1: unknown key(s) corect; an answer has correct, feedback, text.",
        ),
        (
            "correct_not_boolean.md",
            "correct_not_boolean.md:10: question 1, answer 1: 'correct' must be true or false.",
        ),
        (
            "not_yaml.md",
            "not_yaml.md:10: quiz is not valid YAML (mapping values are not allowed here). "
            "Quote text that contains ': ' with double quotes.",
        ),
    ],
)
def test_quiz_mistakes_are_reported_with_line_and_fix(fixture, message):
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    problems = [str(p) for _, _, found in quiz.blocks(text, Path(fixture)) for p in found]
    assert message in problems


def test_a_good_quiz_has_no_problems_and_knows_single_from_multiple():
    [(line, questions, problems)] = quiz.blocks((FIXTURES / "en_quiz.md").read_text(encoding="utf-8"), Path("x"))
    assert (line, problems) == (9, [])
    assert [(q.text, q.multiple, [a.correct for a in q.answers]) for q in questions] == [
        ("Which one?", False, [True, False])
    ]


def test_translation_must_keep_the_same_correct_answers():
    english = parse_file(FIXTURES / "en_quiz.md")
    assert compare(english, parse_file(FIXTURES / "it_quiz.md")) == []
    problems = [str(p) for p in compare(english, parse_file(FIXTURES / "it_quiz_other_correct_answer.md"))]
    assert any("quiz question with 2 answers, correct: 2" in p for p in problems), problems


# -----------------------------------------------------------------------------
# Glossary data
# -----------------------------------------------------------------------------


def test_real_glossary_has_the_same_terms_in_every_language():
    terms = glossary.load(ROOT, ["en", "it"])
    assert terms.problems == []
    ids = {code: [t.id for t in entries] for code, entries in terms.by_language.items()}
    assert ids["en"] == ids["it"]
    assert {"internal-customer", "external-customer", "supplier", "contractor", "service-level"} <= set(ids["en"])


def test_glossary_problems_name_the_file_and_the_fix(tmp_path):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "en.yml").write_text(
        "supplier:\n  term: Supplier\n  definition: A business.\nBad_Id:\n  term: X\n  definition: Y.\n", encoding="utf-8"
    )
    (tmp_path / "glossary" / "it.yml").write_text("fornitore:\n  term: Fornitore\n", encoding="utf-8")
    problems = glossary.load(tmp_path, ["en", "it"]).problems
    (tmp_path / "glossary" / "fr.yml").write_text("- term: Fournisseur\n", encoding="utf-8")
    assert glossary.load(tmp_path, ["en", "fr"]).problems == [
        "glossary/en.yml: id 'Bad_Id' must be lowercase words joined by '-'.",
        "glossary/fr.yml: write one 'id:' entry per term (a YAML mapping), not a list.",
    ]
    assert problems == [
        "glossary/en.yml: id 'Bad_Id' must be lowercase words joined by '-'.",
        "glossary/it.yml: 'fornitore' needs 'term:' and 'definition:'.",
        "glossary/it.yml: 'supplier' is missing; translate it from glossary/en.yml.",
    ]


# -----------------------------------------------------------------------------
# The built pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES)
def test_each_module_has_a_knowledge_check_of_four_to_six_questions_in_both_languages(site, module):
    shapes = {}
    for language in ("en", "it"):
        form = soup(site / output_path(module, language)).select_one("form.training-quiz")
        questions = form.select("fieldset")
        assert 4 <= len(questions) <= 6
        shapes[language] = [[i["type"] + ":" + i["data-correct"] for i in q.select("input")] for q in questions]
        # Every answer has its feedback, and it is not in an HTML comment.
        assert all(f.get_text(strip=True) for f in form.select(".training-quiz__feedback"))
        assert "<!--" not in str(form)
        assert {"radio:true", "checkbox:true"} <= {i for q in shapes[language] for i in q}
    assert shapes["en"] == shapes["it"]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", r"^\d+ min read · Last reviewed 23 November 2026 by Staff training team$"),
    ("it", r"^\d+ min di lettura · Ultima revisione: 23 novembre 2026, Team formazione del personale$"),
])
def test_module_shows_reading_time_review_date_and_owner_localized(site, language, expected):
    for module in MODULES:
        meta = soup(site / output_path(module, language)).select_one("[data-training-meta]")
        assert re.match(expected, meta.get_text()), meta.get_text()


def test_module_ends_with_reflection_questions(site):
    for module in MODULES:
        for language in ("en", "it"):
            page = soup(site / output_path(module, language))
            section = page.select_one("h2#reflect-on-your-work")
            assert section is not None
            assert 2 <= len(section.find_next_sibling("ul").select("li")) <= 3


@pytest.mark.parametrize("language", ["en", "it"])
def test_glossary_page_lists_every_term_and_modules_link_to_it(site, language):
    terms = {t.id: t for t in glossary.load(ROOT, ["en", "it"]).by_language[language]}
    page = soup(site / output_path("glossary.md", language))
    listed = {dt["id"]: dt.get_text() for dt in page.select("[data-training-glossary] dt")}
    assert listed == {term_id: term.term for term_id, term in terms.items()}
    linked = set()
    for module in MODULES:
        for term in soup(site / output_path(module, language)).select("[data-training-term]"):
            tip = term.select_one("[role=tooltip]")
            assert term.a["aria-describedby"] == tip["id"]
            assert tip.get_text() == terms[term["data-training-term"]].definition
            assert term.a["href"].endswith(f"glossary/#{term['data-training-term']}")
            linked.add(term["data-training-term"])
    # Multi-word terms match across the line breaks of the source text too.
    assert {"internal-customer", "external-customer", "supplier", "contractor", "customer-service"} <= linked


# -----------------------------------------------------------------------------
# The PDF of each language
# -----------------------------------------------------------------------------

PDFS = {"en": "staff-training.pdf", "it": "it/formazione-del-personale.pdf"}
# Cover, contents, modules, glossary: in this order.
SECTIONS = {
    "en": ["Staff training library", "Contents", "Customer service: rethink who your customers are",
           "Internal customer service: guidelines for suppliers and contractors", "Answers", "Glossary"],
    "it": ["Formazione del personale", "Indice", "Servizio al cliente: ripensa a chi sono i tuoi clienti",
           "Servizio al cliente interno: linee guida per fornitori e collaboratori esterni", "Risposte", "Glossario"],
}
# Interface words that must not appear in the other language's PDF.
FOREIGN = {"en": ["Punti chiave", "Indice", "Risposte"], "it": ["Key points", "Contents", "Answers", "min read"]}


@pytest.mark.parametrize("language", ["en", "it"])
def test_pdf_has_every_section_in_its_language_with_selectable_text(site, language):
    reader = PdfReader(site / PDFS[language])
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\s+", " ", text)
    assert len(reader.pages) >= 6
    position = 0
    for section in SECTIONS[language]:  # Each after the one before it.
        found = text.find(section, position)
        assert found != -1, f"'{section}' not found after position {position}"
        position = found + len(section)
    assert not [word for word in FOREIGN[language] if word in text]
    assert reader.trailer["/Root"]["/Lang"] == language
    # The home page links to it.
    home = soup(site / output_path("index.md", language))
    assert home.select_one("a[data-training-pdf]")["href"] == Path(PDFS[language]).name
