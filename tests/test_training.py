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


# A test-wise reader must not score by picking the longest answer or a
# favourite position. (A content rule over every page; it could move into
# the build's quiz checks, tools/quiz.py, which owns the other quiz rules.)
def guessable(questions: list[quiz.Question]) -> list[str]:
    problems = []
    longest = 0
    for question in questions:
        lengths = [len(a.text) for a in question.answers]
        if lengths.count(max(lengths)) == 1 and question.answers[lengths.index(max(lengths))].correct:
            longest += 1
    if longest * 2 > len(questions):
        problems.append(f"the correct answer is the longest option in {longest} of {len(questions)} questions; "
                        "balance the lengths of the answers")
    for multiple, kind in ((False, "single-choice"), (True, "multiple-choice")):
        keys = {tuple(i + 1 for i, a in enumerate(q.answers) if a.correct) for q in questions if q.multiple == multiple}
        count = sum(q.multiple == multiple for q in questions)
        if count >= 2 and len(keys) == 1:
            problems.append(f"every {kind} question has its correct answers at {', '.join(map(str, keys.pop()))}; "
                            "vary where they are")
    offered = max(len(q.answers) for q in questions)
    for position in range(1, offered + 1):
        having = [q for q in questions if len(q.answers) >= position]
        if len(having) >= 4 and not any(q.answers[position - 1].correct for q in having):
            problems.append(f"answer {position} is never correct in {len(having)} questions; make it correct in some")
    return problems


# Feedback is shown under the reader's own choices and the correct answers,
# after a label that already gives the verdict; a "Right." or "No." opener
# would repeat it, or contradict it.
VERDICT_OPENER = re.compile(r"^(right|correct|wrong|yes|no|not quite|exactly|esatto|giusto|sbagliato|sì|non proprio)\b\W",
                            re.IGNORECASE)


def verdict_openers(questions: list[quiz.Question]) -> list[str]:
    return [f"question {number}: feedback opens with a verdict: {answer.feedback!r}"
            for number, question in enumerate(questions, start=1)
            for answer in question.answers if VERDICT_OPENER.match(answer.feedback)]


def test_verdict_opener_check_catches_right_and_no():
    [(_, questions, _)] = quiz.blocks((FIXTURES / "feedback_verdict.md").read_text(encoding="utf-8"), Path("x"))
    assert verdict_openers(questions) == [
        "question 1: feedback opens with a verdict: 'Right. Because it is.'",
        "question 1: feedback opens with a verdict: 'No, because it is not.'",
    ]


def test_guessable_check_catches_length_and_position_patterns():
    [(_, questions, _)] = quiz.blocks((FIXTURES / "guessable.md").read_text(encoding="utf-8"), Path("x"))
    assert guessable(questions) == [
        "the correct answer is the longest option in 4 of 4 questions; balance the lengths of the answers",
        "every single-choice question has its correct answers at 1; vary where they are",
        "every multiple-choice question has its correct answers at 1, 2; vary where they are",
        "answer 3 is never correct in 4 questions; make it correct in some",
    ]


@pytest.mark.parametrize("page", [p for m in MODULES for p in (m, m.replace(".md", ".it.md"))])
def test_knowledge_checks_cannot_be_guessed_from_length_or_position(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    for _, questions, _ in quiz.blocks(text, Path(page)):
        assert guessable(questions) == [], page
        assert verdict_openers(questions) == [], page
        # The hint under each question says "choose one" or "choose all"; the
        # question itself does not say it again.
        strings = quiz_strings("it" if page.endswith(".it.md") else "en")
        for question in questions:
            hint = strings["choose_all" if question.multiple else "choose_one"].rstrip(".").lower()
            assert hint not in question.text.lower() and "all that apply" not in question.text.lower(), question.text


# Body text gets curly quotes from the smarty extension; text from YAML
# (knowledge checks, glossary, interface strings) is shown as written, so it
# is written with ’ “ ” to look the same.
def straight_quotes(texts: dict[str, str]) -> list[str]:
    return [f"{where}: straight quote in {text!r}; write ’ or “ ”" for where, text in texts.items()
            if "'" in text or '"' in text]


def test_straight_quote_check_names_the_text():
    assert straight_quotes({"a": "It’s “fine”.", "b": "It's not"}) == [
        "b: straight quote in \"It's not\"; write ’ or “ ”"]


def yaml_texts() -> dict[str, str]:
    import yaml

    texts = {}
    for page in [p for m in MODULES for p in (m, m.replace(".md", ".it.md"))]:
        for _, questions, _ in quiz.blocks((ROOT / "docs" / page).read_text(encoding="utf-8"), Path(page)):
            for n, q in enumerate(questions, start=1):
                texts[f"{page} question {n}"] = q.text
                for i, a in enumerate(q.answers, start=1):
                    texts[f"{page} question {n} answer {i}"] = a.text + " " + a.feedback
    for language in ("en", "it"):
        for term in glossary.load(ROOT, ["en", "it"]).by_language[language]:
            texts[f"glossary/{language}.yml {term.id}"] = term.term + " " + term.definition

        def walk(data, where):
            for key, value in data.items():
                if isinstance(value, dict):
                    walk(value, f"{where}.{key}")
                elif isinstance(value, str):
                    texts[f"{where}.{key}"] = value
        walk(yaml.safe_load((ROOT / "locales" / f"{language}.yml").read_text(encoding="utf-8")), f"locales/{language}.yml")
    return texts


def test_text_from_yaml_uses_the_same_typography_as_the_pages():
    texts = yaml_texts()
    assert any("’" in text for text in texts.values())  # The texts were found.
    assert straight_quotes(texts) == []


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
    ("en", r"^\d+ min read · Last reviewed: 23 November 2026 · Owner: Staff training team$"),
    ("it", r"^\d+ min di lettura · Ultima revisione: 23 novembre 2026 · A cura di: Team formazione del personale$"),
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

    return yaml.safe_load((ROOT / "locales" / f"{language}.yml").read_text(encoding="utf-8"))["quiz"]


def open_quiz(browser, base_url, language="en", seed=None, size="desktop"):
    from tools import webcheck

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
        picked = question.locator("input[data-correct=true]") if good else question.locator("input[data-correct=false]").first
        assert picked.count() > 0
        for i in range(picked.count()):
            picked.nth(i).check()


def check_answers(page, language):
    page.get_by_role("button", name=quiz_strings(language)["check"]).click()


def test_answers_are_in_a_new_order_per_reader_and_the_keyboard_follows_it(browser, base_url, site):
    source = [[i["value"] for i in q.select("input")]
              for q in soup(site / "modules/customer-service/index.html").select("form.training-quiz fieldset")]
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
            assert page.evaluate("document.activeElement.value") == first.nth(1).get_attribute("value")
        page.context.close()
        assert watch.problems() == []
    assert any(order != source for order in orders), "answers are shown in source order"
    assert len({str(order) for order in orders}) > 1, "every reader gets the same order"


@pytest.mark.parametrize("language", ["en", "it"])
def test_each_question_gets_a_verdict_and_only_chosen_or_correct_answers_get_feedback(browser, base_url, language):
    strings = quiz_strings(language)
    page, watch = open_quiz(browser, base_url, language)
    total = page.locator("form.training-quiz fieldset").count()
    answer(page, [False] + [True] * (total - 2) + [None])
    check_answers(page, language)
    questions = page.locator("form.training-quiz fieldset")
    verdicts = [questions.nth(i).locator(".training-quiz__question-verdict").inner_text() for i in range(total)]
    assert verdicts == [strings["question_wrong"]] + [strings["question_right"]] * (total - 2) + [
        strings["question_unanswered"]]
    for index in range(total):
        for item in questions.nth(index).locator(".training-quiz__answer").all():
            box = item.locator("input")
            feedback = item.locator(".training-quiz__feedback")
            chosen, right = box.is_checked(), box.get_attribute("data-correct") == "true"
            if chosen or right:
                expected = strings["chosen_right" if right else "chosen_wrong"] if chosen else strings["missed"]
                assert feedback.is_visible()
                assert feedback.locator(".training-quiz__verdict").inner_text() == expected
                assert box.get_attribute("aria-describedby") == feedback.get_attribute("id")
            else:
                assert not feedback.is_visible()
                assert box.get_attribute("aria-describedby") is None
    # The question's verdict is part of its description for screen readers.
    described = questions.first.get_attribute("aria-describedby").split()
    assert questions.first.locator(".training-quiz__question-verdict").get_attribute("id") in described
    page.context.close()
    assert watch.problems() == []


def test_checking_with_nothing_chosen_asks_for_answers_and_keeps_the_earlier_score(browser, base_url):
    strings = quiz_strings("en")
    page, watch = open_quiz(browser, base_url)
    total = page.locator("form.training-quiz fieldset").count()
    answer(page, [True] * total)
    check_answers(page, "en")
    stored = page.evaluate("localStorage.getItem('training-progress')")
    assert '"score":%d' % total in stored
    page.get_by_role("button", name=strings["reset"]).click()
    check_answers(page, "en")
    assert page.locator(".training-quiz__result").inner_text() == strings["empty"]
    assert page.locator(".training-quiz__feedback:visible, .training-quiz__question-verdict:visible").count() == 0
    assert page.locator("fieldset[data-result]").count() == 0
    assert page.evaluate("localStorage.getItem('training-progress')") == stored
    page.context.close()
    assert watch.problems() == []


@pytest.mark.parametrize(("language", "right", "expected"), [
    ("en", 0, "You answered 0 questions correctly out of 5."),
    ("en", 1, "You answered 1 question correctly out of 5."),
    ("en", 2, "You answered 2 questions correctly out of 5."),
    ("it", 0, "Hai risposto correttamente a 0 domande su 5."),
    ("it", 1, "Hai risposto correttamente a 1 domanda su 5."),
    ("it", 2, "Hai risposto correttamente a 2 domande su 5."),
])
def test_score_sentence_uses_the_plural_rules_of_the_page_language(browser, base_url, language, right, expected):
    page, watch = open_quiz(browser, base_url, language)
    total = page.locator("form.training-quiz fieldset").count()
    assert total == 5
    answer(page, [True] * right + [False] * (total - right))
    check_answers(page, language)
    assert page.locator(".training-quiz__result").inner_text() == expected
    page.context.close()
    assert watch.problems() == []
