"""The training features as built: knowledge checks, glossary, module meta, PDFs.

Browser behaviour (answering by keyboard, progress, tooltips) is in
tests/test_browser.py; here are the sources, the HTML and the PDF files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, english_pages, make_site, mkdocs_build, output_path, soup
from pypdf import PdfReader

from mkdocs_training.core import locales, typography
from mkdocs_training.core.structure import compare, parse_file
from mkdocs_training.glossary import terms as glossary
from mkdocs_training.quiz import blocks as quiz

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
MODULES = [p for p in english_pages() if p.startswith("modules/")]


# -----------------------------------------------------------------------------
# Writing a knowledge check
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "no_correct_answer.md",
            "no_correct_answer.md:10: question 1 has no answer marked 'correct: true'.",
        ),
        (
            "no_feedback.md",
            (
                "no_feedback.md:10: question 1, answer 2 needs 'text:' and 'feedback:' "
                "(the feedback says why the answer is right or wrong)."
            ),
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
            (
                "not_yaml.md:10: quiz is not valid YAML (mapping values are not allowed here). "
                "Quote text that contains ': ' with double quotes."
            ),
        ),
        # The same PyYAML message for a key out of line: the fix is the indentation, not quotes.
        (
            "bad_indent.md",
            (
                "bad_indent.md:13: quiz is not valid YAML (mapping values are not allowed here). Check the "
                "indentation of this line: the keys of one question (question, answers) and of one answer (text, "
                "correct, feedback) must start in the same column, with spaces."
            ),
        ),
        (
            "tab_indent.md",
            (
                "tab_indent.md:11: quiz is not valid YAML (found character '\\t' that cannot start any token). "
                "Indent with spaces, not tabs."
            ),
        ),
    ],
)
def test_quiz_mistakes_are_reported_with_line_and_fix(fixture, message):
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    problems = [str(p) for _, _, found in quiz.blocks(text, Path(fixture)) for p in found]
    assert message in problems


def test_a_good_quiz_has_no_problems_and_knows_single_from_multiple():
    [(line, questions, problems)] = quiz.blocks(
        (FIXTURES / "en_quiz.md").read_text(encoding="utf-8"), Path("x")
    )
    assert (line, problems) == (9, [])
    assert [(q.text, q.multiple, [a.correct for a in q.answers]) for q in questions] == [
        ("Which one?", False, [True, False])
    ]


# The build's content checks on knowledge checks (mkdocs_training/quiz/blocks.py):
# each fails the strict build (tests/test_build_checks.py shows it on a site).


def problems_in(fixture: str) -> list[str]:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    return [str(p) for _, _, found in quiz.blocks(text, Path(fixture)) for p in found]


def test_guessable_check_catches_length_and_position_patterns():
    assert problems_in("guessable.md") == [
        (
            "guessable.md:13: the correct answer is the longest option in 4 of 4 questions, so picking the "
            "longest scores. Balance the lengths: make wrong answers as long and specific as the right ones."
        ),
        (
            "guessable.md:13: every single-choice question has its correct answer at position 1. "
            "Vary where they are (the PDF's answer key keeps this order)."
        ),
        (
            "guessable.md:13: every multiple-choice question has its correct answers at positions 1, 2. "
            "Vary where they are (the PDF's answer key keeps this order)."
        ),
        "guessable.md:13: answer 3 is never correct in 4 questions. Make it the correct one in some.",
    ]


def test_verdict_opener_check_catches_right_and_no():
    assert problems_in("feedback_verdict.md") == [
        (
            "feedback_verdict.md:10: question 1, answer 1: the feedback opens with a verdict ('Right.'). "
            "The page already says whether the answer is right; start with the reason."
        ),
        (
            "feedback_verdict.md:10: question 1, answer 2: the feedback opens with a verdict ('No,'). "
            "The page already says whether the answer is right; start with the reason."
        ),
    ]


def test_repeated_hint_check_catches_choose_all_and_choose_one_in_the_question():
    [(_, questions, _)] = quiz.blocks(
        (FIXTURES / "repeated_hint.md").read_text(encoding="utf-8"), Path("x.md")
    )
    assert [str(p) for p in quiz.repeated_hints(questions, Path("x.md"), quiz_strings("en"))] == [
        (
            "x.md:10: question 1 says 'Choose all that apply.', which the hint under it already says "
            "('Choose all the answers that are correct.'). Remove it from the question."
        ),
        (
            "x.md:20: question 2 says 'Choose one answer.', which the hint under it already says "
            "('Choose one answer.'). Remove it from the question."
        ),
    ]


@pytest.mark.parametrize("page", [p for m in MODULES for p in (m, m.replace(".md", ".it.md"))])
def test_real_knowledge_checks_pass_the_build_checks(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    strings = quiz_strings("it" if page.endswith(".it.md") else "en")
    found = quiz.blocks(text, Path(page))
    assert found
    for _, questions, problems in found:
        assert problems == [], page
        assert quiz.repeated_hints(questions, Path(page), strings) == [], page


# -----------------------------------------------------------------------------
# One typographic treatment for text from YAML and from Markdown
# -----------------------------------------------------------------------------

TYPOGRAPHY = [
    "L'hai scelta tu.",
    "The \"internal customer\" -- isn't it... the '90s' idea?",
    "'Quoted' at the start, \"and\" dell'azienda.",
    "Nothing to change here.",
]


@pytest.mark.parametrize("text", TYPOGRAPHY)
def test_text_from_yaml_gets_what_smarty_gives_the_same_text_in_a_page(text):
    import html

    import markdown

    in_page = html.unescape(
        markdown.markdown(text, extensions=["smarty"]).removeprefix("<p>").removesuffix("</p>")
    )
    assert typography.smarten(text) == in_page
    assert ("'" in text or '"' in text) == (text != in_page)  # The cases do test the quotes.


def test_typography_uses_the_smarty_options_of_mkdocs_yml():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name tags.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    extensions = [e if isinstance(e, dict) else {e: {}} for e in config["markdown_extensions"]]
    [options] = [e["smarty"] or {} for e in extensions if "smarty" in e]
    assert options == typography.OPTIONS


def test_straight_quotes_in_quizzes_glossary_and_strings_are_made_curly(tmp_path):
    [(_, [question], _)] = quiz.blocks(
        (FIXTURES / "straight_quotes.md").read_text(encoding="utf-8"), Path("x")
    )
    assert question.text == "What does “internal customer” mean in the team’s guide?"
    assert [(a.text, a.feedback) for a in question.answers] == [
        (
            "A colleague you serve – it’s in the guide…",
            "The guide’s ‘customer’ is anyone you serve.",
        ),
        ("Dell’azienda, “un cliente”.", "L’hai scelta, ma non è corretta."),
    ]
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "en.yml").write_text(
        "team-lead:\n  term: Team's lead\n  definition: The \"lead\" of a team.\n  forms: [team's lead]\n",
        encoding="utf-8",
    )
    [term] = glossary.load(tmp_path, ["en"]).by_language["en"]
    assert (term.term, term.definition, term.forms) == (
        "Team’s lead",
        "The “lead” of a team.",
        ["team’s lead"],
    )
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "en.yml").write_text(
        "date_locale: en_GB\nquiz:\n  empty: You haven't chosen \"any\" answer.\npdf:\n  file: it's--a.pdf\n",
        encoding="utf-8",
    )
    strings = locales.load_strings(tmp_path, ["en"]).by_language["en"]
    assert strings["quiz"]["empty"] == "You haven’t chosen “any” answer."
    assert strings["pdf"]["file"] == "it's--a.pdf"  # A file name, not text: as written.


@pytest.mark.parametrize("language", ["en", "it"])
def test_built_quizzes_glossary_and_tooltips_have_no_straight_quotes(site, language):
    texts = []
    for page in english_pages():
        html = soup(site / output_path(page, language))
        for element in html.select(
            ".training-quiz legend, .training-quiz label, .training-quiz__feedback, "
            ".training-quiz__hint, [data-training-glossary] dt, "
            "[data-training-glossary] dd, .training-term__tip, [data-training-meta]"
        ):
            texts.append(element.get_text())
    assert any("’" in text for text in texts)  # The texts were found.
    assert [text for text in texts if "'" in text or '"' in text] == []


# -----------------------------------------------------------------------------
# Strings with plural forms (locales/<lang>.yml)
# -----------------------------------------------------------------------------

# Every plural string, for 0, 1 and 2, with {total} 5.
EN_CHANGED = "The original version of this page has changed since this translation was made. "
IT_CHANGED = "La versione inglese di questa pagina è cambiata dopo questa traduzione. "
PLURALS = {
    "reading_time": {
        "en": ["0 min read", "1 min read", "2 min read"],
        "it": ["0 min di lettura", "1 min di lettura", "2 min di lettura"],
    },
    "quiz.result": {
        "en": [
            "You answered 0 questions correctly out of 5.",
            "You answered 1 question correctly out of 5.",
            "You answered 2 questions correctly out of 5.",
        ],
        "it": [
            "Hai risposto correttamente a 0 domande su 5.",
            "Hai risposto correttamente a 1 domanda su 5.",
            "Hai risposto correttamente a 2 domande su 5.",
        ],
    },
    "notice.outdated_text": {
        "en": [
            EN_CHANGED + "These parts changed:",
            EN_CHANGED + "This part changed:",
            EN_CHANGED + "These parts changed:",
        ],
        "it": [
            IT_CHANGED + "Sono cambiate queste parti:",
            IT_CHANGED + "È cambiata questa parte:",
            IT_CHANGED + "Sono cambiate queste parti:",
        ],
    },
}


def real_strings() -> dict:
    strings = locales.load_strings(ROOT, ["en", "it"])
    assert strings.problems == []
    return strings.by_language


def lookup(data: dict, dotted: str):
    for part in dotted.split("."):
        data = data[part]
    return data


def test_every_plural_string_is_in_the_table_of_expected_forms():
    assert set(locales._plurals(real_strings()["en"])) == set(PLURALS)


@pytest.mark.parametrize(("key", "language"), [(k, lang) for k in PLURALS for lang in ("en", "it")])
def test_plural_strings_take_the_form_babel_gives_for_0_1_and_2(key, language):
    forms = lookup(real_strings()[language], key)
    assert [
        locales.plural(forms, n, language).format(minutes=n, right=n, total=5) for n in (0, 1, 2)
    ] == PLURALS[key][language]


def plural_copy(tmp_path: Path, code: str, categories: list[str]) -> Path:
    """A project with en.yml and a copy of it as <code>.yml whose plural maps have `categories`."""
    import yaml

    (tmp_path / "locales").mkdir(exist_ok=True)
    (tmp_path / "locales" / "en.yml").write_text(
        (ROOT / "locales" / "en.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    data = yaml.safe_load((ROOT / "locales" / "en.yml").read_text(encoding="utf-8"))
    for key in PLURALS:
        *parents, last = key.split(".")
        where = lookup(data, ".".join(parents)) if parents else data
        where[last] = {category: f"{category} {{minutes}}" for category in categories}
    (tmp_path / "locales" / f"{code}.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    return tmp_path


def test_a_language_with_other_plural_categories_is_accepted_with_its_own_forms(tmp_path):
    # Polish has one, few, many and other, where English has one and other.
    project = plural_copy(tmp_path, "pl", ["one", "few", "many", "other"])
    strings = locales.load_strings(project, ["en", "pl"])
    assert strings.problems == []
    forms = strings.by_language["pl"]["reading_time"]
    assert [locales.plural(forms, n, "pl") for n in (0, 1, 2, 5, 22)] == [
        "many {minutes}",
        "one {minutes}",
        "few {minutes}",
        "many {minutes}",
        "few {minutes}",
    ]


def test_a_language_with_english_plural_forms_only_is_told_what_it_lacks(tmp_path):
    project = plural_copy(tmp_path, "pl", ["one", "other", "two"])
    problems = [
        p for p in locales.load_strings(project, ["en", "pl"]).problems if "'reading_time'" in p
    ]
    assert [re.sub(r":\d+:", ":N:", p) for p in problems] == [
        (
            "locales/pl.yml:N: 'reading_time' has no 'few' form; Polish needs the plural categories "
            "one, few, many, other. Add 'few:'."
        ),
        (
            "locales/pl.yml:N: 'reading_time' has no 'many' form; Polish needs the plural categories "
            "one, few, many, other. Add 'many:'."
        ),
        (
            "locales/pl.yml:N: 'reading_time' has a 'two' form, which is not a plural category of Polish "
            "(one, few, many, other). Remove it or correct its name."
        ),
    ]


def test_a_plural_string_written_as_one_string_is_reported(tmp_path):
    (tmp_path / "locales").mkdir()
    english = (ROOT / "locales" / "en.yml").read_text(encoding="utf-8")
    (tmp_path / "locales" / "en.yml").write_text(english, encoding="utf-8")
    italian = (ROOT / "locales" / "it.yml").read_text(encoding="utf-8")
    italian = re.sub(
        r"reading_time:\n(  .*\n)+", 'reading_time: "{minutes} min di lettura"\n', italian
    )
    (tmp_path / "locales" / "it.yml").write_text(italian, encoding="utf-8")
    assert locales.load_strings(tmp_path, ["en", "it"]).problems == [
        (
            "locales/it.yml:8: 'reading_time' must have one form per plural category of Italian: "
            "one, many, other (see locales/en.yml)."
        ),
    ]


def test_the_browser_has_the_plural_categories_babel_has(browser):
    # The build checks the forms against Babel; Intl.PluralRules chooses among them.
    page = browser.new_page()
    for language in ("en", "it", "pl"):
        categories = page.evaluate(
            "l => new Intl.PluralRules(l).resolvedOptions().pluralCategories", language
        )
        assert sorted(categories) == sorted(locales.categories(language)), language
        chosen = page.evaluate(
            "l => [0, 1, 2, 3, 5, 11, 22, 1000000].map(n => new Intl.PluralRules(l).select(n))",
            language,
        )
        from babel import Locale

        assert chosen == [
            Locale.parse(language).plural_form(n) for n in (0, 1, 2, 3, 5, 11, 22, 1000000)
        ]
    page.close()


def test_translation_must_keep_the_same_correct_answers():
    english = parse_file(FIXTURES / "en_quiz.md")
    assert compare(english, parse_file(FIXTURES / "it_quiz.md")) == []
    problems = [
        str(p) for p in compare(english, parse_file(FIXTURES / "it_quiz_other_correct_answer.md"))
    ]
    assert any("quiz question with 2 answers, correct: 2" in p for p in problems), problems


# -----------------------------------------------------------------------------
# Glossary data
# -----------------------------------------------------------------------------


def test_real_glossary_has_the_same_terms_in_every_language():
    terms = glossary.load(ROOT, ["en", "it"])
    assert terms.problems == []
    ids = {code: [t.id for t in entries] for code, entries in terms.by_language.items()}
    assert ids["en"] == ids["it"]
    assert {
        "internal-customer",
        "external-customer",
        "supplier",
        "contractor",
        "service-level",
    } <= set(ids["en"])


def test_glossary_problems_name_the_file_and_the_fix(tmp_path):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "en.yml").write_text(
        "supplier:\n  term: Supplier\n  definition: A business.\nBad_Id:\n  term: X\n  definition: Y.\n",
        encoding="utf-8",
    )
    (tmp_path / "glossary" / "it.yml").write_text(
        "fornitore:\n  term: Fornitore\n", encoding="utf-8"
    )
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
        shapes[language] = [
            [i["type"] + ":" + i["data-correct"] for i in q.select("input")] for q in questions
        ]
        # Every answer has its feedback, and it is not in an HTML comment.
        assert all(f.get_text(strip=True) for f in form.select(".training-quiz__feedback"))
        assert "<!--" not in str(form)
        assert {"radio:true", "checkbox:true"} <= {i for q in shapes[language] for i in q}
    assert shapes["en"] == shapes["it"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # Each module's own last_reviewed: the month as each language writes it.
        (
            "en",
            r"^\d+ min read · Last reviewed: \d{1,2} (November|December) 2026 · Owner: Staff training team$",
        ),
        (
            "it",
            (
                r"^\d+ min di lettura · Ultima revisione: \d{1,2} (novembre|dicembre) 2026 · "
                r"A cura di: Team formazione del personale$"
            ),
        ),
    ],
)
def test_module_shows_reading_time_review_date_and_owner_localized(site, language, expected):
    for module in MODULES:
        meta = soup(site / output_path(module, language)).select_one("[data-training-meta]")
        assert re.match(expected, meta.get_text()), meta.get_text()


def test_reading_time_is_the_same_in_every_language_and_on_the_home_page(site):
    """Computed from the English page for every language (modules.module_minutes)."""
    for module in MODULES:
        minutes = set()
        for language in ("en", "it"):
            meta = (
                soup(site / output_path(module, language))
                .select_one("[data-training-meta]")
                .get_text()
            )
            minutes.add(int(re.match(r"\d+", meta).group(0)))
            home = soup(site / output_path("index.md", language))
            card = next(
                li
                for li in home.select(".grid.cards li")
                if li.a["href"].rstrip("/").endswith(module.removesuffix(".md"))
            )
            minutes.add(int(re.search(r"(\d+) min", card.get_text()).group(1)))
        assert len(minutes) == 1, (module, minutes)


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
    assert {
        "internal-customer",
        "external-customer",
        "supplier",
        "contractor",
        "customer-service",
    } <= linked


# -----------------------------------------------------------------------------
# The PDF of each language
# -----------------------------------------------------------------------------

PDFS = {"en": "staff-training.pdf", "it": "it/formazione-del-personale.pdf"}
# Cover, contents, modules, glossary: in this order.
SECTIONS = {
    "en": [
        "Staff training library",
        "Contents",
        "Customer service: rethink who your customers are",
        "Working with suppliers: guidelines for staff",
        "Answers",
        "Glossary",
    ],
    "it": [
        "Formazione del personale",
        "Indice",
        "Servizio al cliente: ripensa a chi sono i tuoi clienti",
        "Lavorare con i fornitori: linee guida per il personale",
        "Risposte",
        "Glossario",
    ],
}
# Interface words that must not appear in the other language's PDF.
FOREIGN = {
    "en": ["Punti chiave", "Indice", "Risposte"],
    "it": ["Key points", "Contents", "Answers", "min read"],
}


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


MODULE_LINK = {"en": "Download this module as PDF", "it": "Scarica questo modulo in PDF"}


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.parametrize("language", ["en", "it"])
def test_each_module_page_links_to_its_own_pdf_in_its_language_with_the_answer_key(site, language):
    modules = [source for source in english_pages() if source.startswith("modules/")]
    assert len(modules) >= 2
    for source in modules:
        page = site / output_path(source, language)
        html = soup(page)
        [link] = html.select("[data-training-module-pdf] a[download]")
        assert link.get_text(strip=True) == MODULE_LINK[language]
        pdf = page.parent / link["href"]  # Beside the page, named after the English file.
        assert pdf.name == Path(source).stem + ".pdf" and pdf.is_file(), pdf
        reader = PdfReader(pdf)
        assert reader.trailer["/Root"]["/Lang"] == language
        text = pdf_text(pdf)
        title = html.select_one("article h1").get_text(" ", strip=True).rstrip("¶ ")
        answers = SECTIONS[language][4]
        # The module alone: its title first, its answer key after, no other module, no glossary.
        assert text.startswith(title) and text.find(answers) > len(title), (pdf, text[:200])
        others = [s for s in SECTIONS[language][2:4] if s != title]
        assert not [other for other in others if other in text]
        assert not [word for word in FOREIGN[language] if word in text]
        assert MODULE_LINK[language] not in text  # A link for the screen, not for paper.


@pytest.mark.build
def test_the_whole_pdf_is_skipped_above_the_threshold_and_the_home_page_does_not_link_it(tmp_path):
    project = make_site(tmp_path, "control")
    modules = project / "docs" / "modules"
    for name in (
        "m.md",
        "m.it.md",
    ):  # A second module pair: two modules, one more than the threshold.
        (modules / name.replace("m.", "n.", 1)).write_text(
            (modules / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("whole_pdf_max_modules: 30") == 1
    config.write_text(
        text.replace("whole_pdf_max_modules: 30", "whole_pdf_max_modules: 1"), encoding="utf-8"
    )
    build = mkdocs_build(config, tmp_path / "site")  # With the PDFs.
    assert build.returncode == 0, build.output
    for language, whole in PDFS.items():
        assert (
            f"training: PDF of the whole training for '{language}' skipped: 2 modules, more than "
            "whole_pdf_max_modules (1) in mkdocs.yml. Each module has its own PDF."
        ) in build.output
        assert not (build.site / whole).exists()
        home = soup(build.site / output_path("index.md", language))
        assert home.select(".training-reset") and not home.select("a[data-training-pdf]")
        for module in ("m", "n"):
            pdf = build.site / output_path(f"modules/{module}.md", language).replace(
                "index.html", f"{module}.pdf"
            )
            assert PdfReader(pdf).trailer["/Root"]["/Lang"] == language
    assert sorted(p.name for p in build.site.rglob("*.pdf")) == ["m.pdf", "m.pdf", "n.pdf", "n.pdf"]


# -----------------------------------------------------------------------------
# Knowledge checks in the browser: order, verdicts, empty answers, plurals
# -----------------------------------------------------------------------------

QUIZ_PAGE = {"en": "modules/customer-service/", "it": "it/modules/customer-service/"}
# A seeded Math.random, so that a test can give each "reader" a known order.
SEEDED_RANDOM = """
(function (seed) {
  Math.random = function () {
    seed = (seed + 0x6D2B79F5) | 0;
    var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})(%d);
"""


def quiz_strings(language: str) -> dict:
    import yaml

    return yaml.safe_load((ROOT / "locales" / f"{language}.yml").read_text(encoding="utf-8"))[
        "quiz"
    ]


def open_quiz(browser, base_url, language="en", seed=None, size="desktop"):
    from tests.browser import webcheck

    context = browser.new_context(viewport=webcheck.PHONE if size == "phone" else webcheck.DESKTOP)
    if seed is not None:
        context.add_init_script(SEEDED_RANDOM % seed)
    page = context.new_page()
    watch = webcheck.Watch(origin=base_url.rstrip("/")).attach(page)
    page.goto(base_url + QUIZ_PAGE[language])
    return page, watch


def answer_orders(page) -> list[list[str]]:
    """Per question, the source numbers of its answers in the order they are shown."""
    return page.evaluate("""Array.from(document.querySelectorAll('form.training-quiz fieldset'),
        q => Array.from(q.querySelectorAll('input'), i => i.value))""")


def answer(page, right: list[bool]) -> None:
    """Answer question i correctly if right[i], else choose one wrong answer; None leaves it blank."""
    questions = page.locator("form.training-quiz fieldset")
    for index, good in enumerate(right):
        if good is None:
            continue
        question = questions.nth(index)
        picked = (
            question.locator("input[data-correct=true]")
            if good
            else question.locator("input[data-correct=false]").first
        )
        assert picked.count() > 0
        for i in range(picked.count()):
            picked.nth(i).check()


def check_answers(page, language):
    page.get_by_role("button", name=quiz_strings(language)["check"]).click()


def test_answers_are_in_a_new_order_per_reader_and_the_keyboard_follows_it(browser, base_url, site):
    source = [
        [i["value"] for i in q.select("input")]
        for q in soup(site / "modules/customer-service/index.html").select(
            "form.training-quiz fieldset"
        )
    ]
    orders = []
    for seed in (1, 2, 3):
        page, watch = open_quiz(browser, base_url, seed=seed)
        orders.append(answer_orders(page))
        # Every answer is still there, once.
        assert [sorted(o) for o in orders[-1]] == [sorted(s) for s in source]
        if seed == 1:
            # The radio group's arrow keys go to the next answer as shown.
            first = page.locator("form.training-quiz fieldset").first.locator("input")
            first.first.focus()
            page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.value") == first.nth(1).get_attribute(
                "value"
            )
        page.context.close()
        assert watch.problems() == []
    assert any(order != source for order in orders), "answers are shown in source order"
    assert len({str(order) for order in orders}) > 1, "every reader gets the same order"


@pytest.mark.parametrize("language", ["en", "it"])
def test_each_question_gets_a_verdict_and_only_chosen_or_correct_answers_get_feedback(
    browser, base_url, language
):
    strings = quiz_strings(language)
    page, watch = open_quiz(browser, base_url, language)
    total = page.locator("form.training-quiz fieldset").count()
    answer(page, [False] + [True] * (total - 2) + [None])
    check_answers(page, language)
    questions = page.locator("form.training-quiz fieldset")
    verdicts = [
        questions.nth(i).locator(".training-quiz__question-verdict").inner_text()
        for i in range(total)
    ]
    assert verdicts == [strings["question_wrong"]] + [strings["question_right"]] * (total - 2) + [
        strings["question_unanswered"]
    ]
    for index in range(total):
        for item in questions.nth(index).locator(".training-quiz__answer").all():
            box = item.locator("input")
            feedback = item.locator(".training-quiz__feedback")
            chosen, right = box.is_checked(), box.get_attribute("data-correct") == "true"
            if chosen or right:
                expected = (
                    strings["chosen_right" if right else "chosen_wrong"]
                    if chosen
                    else strings["missed"]
                )
                assert feedback.is_visible()
                assert feedback.locator(".training-quiz__verdict").inner_text() == expected
                assert box.get_attribute("aria-describedby") == feedback.get_attribute("id")
            else:
                assert not feedback.is_visible()
                assert box.get_attribute("aria-describedby") is None
    # The question's verdict is part of its description for screen readers.
    described = questions.first.get_attribute("aria-describedby").split()
    assert (
        questions.first.locator(".training-quiz__question-verdict").get_attribute("id") in described
    )
    page.context.close()
    assert watch.problems() == []


def test_checking_with_nothing_chosen_asks_for_answers_and_keeps_the_earlier_score(
    browser, base_url
):
    from tests.browser import webcheck

    strings = quiz_strings("en")
    page, watch = open_quiz(browser, base_url)
    total = page.locator("form.training-quiz fieldset").count()
    answer(page, [True] * total)
    check_answers(page, "en")
    key = webcheck.stored_key("progress")
    stored = page.evaluate("key => localStorage.getItem(key)", key)
    assert f'"score":{total}' in stored
    page.get_by_role("button", name=strings["reset"]).click()
    check_answers(page, "en")
    assert page.locator(".training-quiz__result").inner_text() == strings["empty"]
    assert (
        page.locator(
            ".training-quiz__feedback:visible, .training-quiz__question-verdict:visible"
        ).count()
        == 0
    )
    assert page.locator("fieldset[data-result]").count() == 0
    assert page.evaluate("key => localStorage.getItem(key)", key) == stored
    page.context.close()
    assert watch.problems() == []


@pytest.mark.parametrize(
    ("language", "right", "expected"),
    [
        ("en", 0, "You answered 0 questions correctly out of 5."),
        ("en", 1, "You answered 1 question correctly out of 5."),
        ("en", 2, "You answered 2 questions correctly out of 5."),
        ("it", 0, "Hai risposto correttamente a 0 domande su 5."),
        ("it", 1, "Hai risposto correttamente a 1 domanda su 5."),
        ("it", 2, "Hai risposto correttamente a 2 domande su 5."),
    ],
)
def test_score_sentence_uses_the_plural_rules_of_the_page_language(
    browser, base_url, language, right, expected
):
    page, watch = open_quiz(browser, base_url, language)
    total = page.locator("form.training-quiz fieldset").count()
    assert total == 5
    answer(page, [True] * right + [False] * (total - right))
    check_answers(page, language)
    assert page.locator(".training-quiz__result").inner_text() == expected
    page.context.close()
    assert watch.problems() == []


def test_absolute_word_check_names_each_wrong_answer_in_both_languages():
    message = (
        "absolute words are in {share}, so they mark the wrong answers. Say why the answer is wrong in "
        "its own terms (a reason, a limit), not with an absolute."
    )
    english = message.format(share="3 of 4 wrong answers and 1 of 3 correct ones")
    assert problems_in("absolute_words.md") == [
        f"absolute_words.md:10: question 1, answer 2 says 'at once': {english}",
        f"absolute_words.md:10: question 1, answer 3 says 'nobody': {english}",
        f"absolute_words.md:19: question 2, answer 1 says 'only': {english}",
    ]
    italian = message.format(share="2 of 3 wrong answers and 0 of 2 correct ones")
    assert problems_in("absolute_words.it.md") == [
        f"absolute_words.it.md:10: question 1, answer 2 says 'subito': {italian}",
        f"absolute_words.it.md:10: question 1, answer 3 says 'nessuno': {italian}",
    ]


def test_absolute_words_used_as_often_in_correct_answers_pass():
    text = (FIXTURES / "absolute_words.md").read_text(encoding="utf-8")
    # Each wrong answer reworded without its absolute word: the correct one keeps "only".
    text = (
        text.replace(" at once", " this week")
        .replace("nobody", "the supplier")
        .replace(", and only that", "")
    )
    assert [str(p) for _, _, found in quiz.blocks(text, Path("x.md")) for p in found] == []
