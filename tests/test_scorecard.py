"""The supplier scorecard in Chromium, in both languages: scoring, notes, total and weakest criteria,
CSV export and import, the print view, the blank form without script, and the page from a folder.

Its criteria come from scorecard/<lang>.yml (mkdocs_training/scorecard/criteria.py);
the checks on those files are at the end.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdf
import pytest
import yaml
from conftest import ROOT, mkdocs_build

from mkdocs_training.scorecard import criteria as scorecard
from tests.browser import webcheck

PAGE = {"en": "supplier-scorecard/", "it": "it/supplier-scorecard/"}
CRITERIA = {
    code: list(yaml.safe_load((ROOT / "scorecard" / f"{code}.yml").read_text(encoding="utf-8")))
    for code in ("en", "it")
}
UI = {
    code: yaml.safe_load((ROOT / "locales" / f"{code}.yml").read_text(encoding="utf-8"))[
        "scorecard"
    ]
    for code in ("en", "it")
}
NAMES = {
    code: {
        key: value["name"]
        for key, value in yaml.safe_load(
            (ROOT / "scorecard" / f"{code}.yml").read_text(encoding="utf-8")
        ).items()
    }
    for code in ("en", "it")
}
# Scores that make one weakest criterion: 'answers' at 1, the rest 2 or 3.
SCORES = {
    "service-levels": 2,
    "customers": 3,
    "answers": 1,
    "contact": 2,
    "complaints": 2,
    "causes": 3,
    "consistency": 3,
}  # personal-data left blank: it does not apply to every supplier.


def open_scorecard(browser, url: str, **context):
    page = browser.new_context(viewport=webcheck.DESKTOP, **context).new_page()
    origin = (
        "file://" if url.startswith("file:") else url.split("/", 3)[0] + "//" + url.split("/", 3)[2]
    )
    watch = webcheck.Watch(origin=origin).attach(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, watch


def score(page, scores: dict[str, int], notes: dict[str, str]) -> None:
    for criterion, value in scores.items():
        page.locator(f"#scorecard-{criterion}-{value}").check()
    for criterion, text in notes.items():
        page.locator(f"#scorecard-{criterion}-notes").fill(text)
    page.locator("#scorecard-supplier").fill("Northline Print")


def summary(page) -> tuple[str, str]:
    return (
        page.locator("[data-training-scorecard-total]").inner_text(),
        page.locator("[data-training-scorecard-weakest]").inner_text(),
    )


@pytest.mark.parametrize("language", ["en", "it"])
def test_score_notes_total_and_weakest_survive_a_reload(browser, base_url, language):
    page, watch = open_scorecard(browser, base_url + PAGE[language])
    ui = UI[language]
    assert summary(page)[1] == ui["weakest_none"]
    score(page, SCORES, {"answers": 'Finance chased them 3 times in May, "urgent", see tickets'})
    total = (
        ui["total"].format(score=16, max=24) + ". " + ui["scored"].format(scored=7, count=8) + "."
    )
    weakest = ui["weakest"].format(names=f"{NAMES[language]['answers']} (1)")
    assert summary(page) == (total, weakest)
    # A tie lists every criterion at the lowest score, in the form's order.
    page.locator("#scorecard-contact-1").check()
    assert summary(page)[1] == ui["weakest"].format(
        names=f"{NAMES[language]['answers']} (1), {NAMES[language]['contact']} (1)"
    )
    page.reload()
    assert page.locator("#scorecard-contact-1").is_checked()
    assert page.locator("#scorecard-answers-notes").input_value().startswith("Finance chased them")
    assert page.locator("#scorecard-supplier").input_value() == "Northline Print"
    # Each note field is labelled with its criterion, for screen readers.
    label = page.locator("label[for=scorecard-answers-notes]").inner_text()
    assert label == ui["notes"].format(name=NAMES[language]["answers"])
    page.context.close()
    assert watch.problems() == []


@pytest.mark.parametrize("language", ["en", "it"])
def test_csv_export_and_import_round_trip_and_a_wrong_file_changes_nothing(
    browser, base_url, language, tmp_path
):
    page, watch = open_scorecard(browser, base_url + PAGE[language])
    note = 'Reports late twice, "March" and May; =SUM(A1) stays text'
    score(
        page,
        SCORES,
        {"service-levels": note, "causes": "Line one\nline two", "consistency": "=1+1 is text"},
    )
    with page.expect_download() as download:
        page.locator("[data-training-scorecard-action=export]").click()
    exported = tmp_path / "export.csv"
    download.value.save_as(exported)
    assert download.value.suggested_filename == "scorecard-Northline-Print.csv"
    text = exported.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "id,name,score,notes"
    # A note a spreadsheet would run as a formula is exported as text; only a first character counts.
    assert ",'=1+1 is text" in text and ",'Reports" not in text
    assert '"Reports late twice, ""March"" and May; =SUM(A1) stays text"' in text
    # Cleared, then read back: every score and note returns.
    page.locator("[data-training-scorecard-action=clear]").click()
    assert page.locator("form[data-training-scorecard] input[type=radio]:checked").count() == 0
    page.locator("[data-training-scorecard-file]").set_input_files(str(exported))
    page.wait_for_function(
        "document.querySelector('[data-training-scorecard-status]').textContent"
        ".indexOf('export.csv') >= 0"
    )
    assert page.locator("[data-training-scorecard-status]").inner_text() == UI[language][
        "imported"
    ].format(file="export.csv")
    assert page.locator("#scorecard-service-levels-notes").input_value() == note
    assert page.locator("#scorecard-causes-notes").input_value() == "Line one\nline two"
    assert page.locator("#scorecard-consistency-notes").input_value() == "=1+1 is text"
    assert page.locator("form[data-training-scorecard] input[type=radio]:checked").count() == len(
        SCORES
    )
    before = summary(page)
    # A file that is not an export: the message says why, and the form stays as it was.
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("id,name,score,notes\nanswers,x,7,\n", encoding="utf-8")
    page.locator("[data-training-scorecard-file]").set_input_files(str(wrong))
    page.wait_for_function(
        "document.querySelector('[data-training-scorecard-status]').textContent"
        ".indexOf('wrong.csv') >= 0"
    )
    reason = UI[language]["bad_score"].format(line=2)
    assert page.locator("[data-training-scorecard-status]").inner_text() == UI[language][
        "import_error"
    ].format(file="wrong.csv", reason=reason)
    assert summary(page) == before
    page.context.close()
    assert watch.problems() == []


def test_a_file_saved_with_semicolons_imports(browser, base_url, tmp_path):
    """A spreadsheet set to Italian saves CSV with ';' between fields."""
    page, watch = open_scorecard(browser, base_url + PAGE["it"])
    saved = tmp_path / "salvato.csv"
    saved.write_text(
        'id;name;score;notes\r\nsupplier;Fornitore;;Stampa Nord\r\nanswers;x;1;"Tre solleciti; a maggio"\r\n',
        encoding="utf-8",
    )
    page.locator("[data-training-scorecard-file]").set_input_files(str(saved))
    page.wait_for_function(
        "document.querySelector('[data-training-scorecard-status]').textContent"
        ".indexOf('salvato.csv') >= 0"
    )
    assert page.locator("#scorecard-answers-1").is_checked()
    assert page.locator("#scorecard-answers-notes").input_value() == "Tre solleciti; a maggio"
    assert page.locator("#scorecard-supplier").input_value() == "Stampa Nord"
    page.context.close()
    assert watch.problems() == []


def test_an_export_from_one_language_imports_into_the_other(browser, base_url, tmp_path):
    page, _ = open_scorecard(browser, base_url + PAGE["en"])
    score(page, SCORES, {})
    with page.expect_download() as download:
        page.locator("[data-training-scorecard-action=export]").click()
    download.value.save_as(tmp_path / "en.csv")
    page.evaluate("localStorage.clear()")
    page.goto(base_url + PAGE["it"])
    page.locator("[data-training-scorecard-file]").set_input_files(str(tmp_path / "en.csv"))
    page.wait_for_function(
        "document.querySelector('[data-training-scorecard-status]').textContent !== ''"
    )
    assert summary(page)[0].startswith(UI["it"]["total"].format(score=16, max=24))
    page.context.close()


@pytest.mark.parametrize("language", ["en", "it"])
def test_print_view_is_the_form_alone_on_one_page(browser, base_url, language):
    page, _ = open_scorecard(browser, base_url + PAGE[language])
    score(page, SCORES, {"answers": "Chased three times"})
    page.emulate_media(media="print")
    assert page.locator(".training-scorecard").is_visible()
    assert not page.locator(".training-scorecard__actions").is_visible()
    assert not page.locator("h2#check-your-own-side-first").is_visible()
    assert page.locator("#scorecard-answers-1").is_checked()
    pages = len(pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert pages == 1, f"the printed form runs over {pages} A4 pages"
    page.context.close()


@pytest.mark.parametrize("language", ["en", "it"])
def test_without_script_it_is_a_blank_form_to_print(browser, base_url, language):
    page, _ = open_scorecard(browser, base_url + PAGE[language], java_script_enabled=False)
    ui = UI[language]
    assert page.locator("fieldset[data-criterion]").count() == len(CRITERIA[language])
    assert page.locator("form[data-training-scorecard] input[type=radio]").count() == 4 * len(
        CRITERIA[language]
    )
    assert page.locator("textarea").count() == 0
    assert page.get_by_text(ui["total_paper"].format(max=24)).is_visible()
    assert page.get_by_text(ui["notes_paper"]).first.is_visible()
    notice = page.locator("form[data-training-scorecard] [data-training-noscript]")
    assert notice.is_visible() and notice.inner_text() == ui["no_script"]
    assert not page.locator(".training-scorecard__actions").is_visible()
    page.context.close()


def test_scorecard_works_from_a_folder(browser, tmp_path):
    """The offline build (file://, no server): scoring, storage and export."""
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site", offline=True, preview=True)
    assert build.returncode == 0, build.output
    page, watch = open_scorecard(browser, (build.site / "supplier-scorecard.html").as_uri())
    score(page, SCORES, {"answers": "From a folder"})
    assert summary(page)[0].startswith(UI["en"]["total"].format(score=16, max=24))
    with page.expect_download() as download:
        page.locator("[data-training-scorecard-action=export]").click()
    assert "From a folder" in Path(download.value.path()).read_text(encoding="utf-8-sig")
    page.context.close()
    assert watch.problems() == []


# -----------------------------------------------------------------------------
# The criteria files
# -----------------------------------------------------------------------------


def test_every_language_has_the_same_criteria_with_four_levels():
    criteria = scorecard.load(ROOT, ["en", "it"])
    assert criteria.problems == []
    assert [c.id for c in criteria.by_language["en"]] == [c.id for c in criteria.by_language["it"]]
    assert all(len(c.levels) == 4 for code in ("en", "it") for c in criteria.by_language[code])


def test_criteria_that_differ_between_languages_are_named(tmp_path):
    shutil.copytree(ROOT / "scorecard", tmp_path / "scorecard")
    italian = (tmp_path / "scorecard" / "it.yml").read_text(encoding="utf-8")
    italian = italian.replace("consistency:", "costanza:", 1)
    # Three levels for 'causes': the fourth removed.
    italian = italian.replace(
        "    - Trovano ogni causa e ti dicono che cosa hanno cambiato.\n", "", 1
    )
    (tmp_path / "scorecard" / "it.yml").write_text(italian, encoding="utf-8")
    problems = scorecard.load(tmp_path, ["en", "it"]).problems
    line = italian[: italian.index("causes:")].count("\n") + 1
    assert problems == [
        (
            f"scorecard/it.yml:{line}: 'causes' has 3 levels; write exactly 4 under 'levels:', one descriptor "
            "each for scores 0, 1, 2 and 3."
        ),
        (
            "scorecard/it.yml: its criteria differ from scorecard/en.yml (missing causes, consistency; not in "
            "scorecard/en.yml: costanza; use the same ids, in the same order)."
        ),
    ]


def test_a_page_with_the_scorecard_but_no_criteria_fails_the_build(fixture_site):
    build = fixture_site("scorecard-without-criteria")
    assert build.returncode == 1
    assert (
        "docs/card.md: it shows the supplier scorecard, but scorecard/en.yml has no criteria. "
        "Add them (see scorecard/en.yml)."
    ) in build.output


@pytest.mark.parametrize("language", ["en", "it"])
def test_criteria_the_quiz_names_are_the_scorecard_s(language):
    """A question that quotes a criterion (“Prompt answers for your staff”) quotes its current name:
    renaming a criterion in scorecard/<lang>.yml without the quiz fails here."""
    import re

    from mkdocs_training.quiz import blocks as quiz

    suffix = "" if language == "en" else f".{language}"
    page = ROOT / "docs" / "modules" / f"supplier-guidelines{suffix}.md"
    questions = [
        q for _, found, _ in quiz.blocks(page.read_text(encoding="utf-8"), page) for q in found
    ]
    quoted = {name for q in questions for name in re.findall(r"“([^”]+)”", q.text)}
    assert quoted, "the guidelines' quiz no longer applies a criterion to a case"
    assert quoted <= set(NAMES[language].values()), quoted - set(NAMES[language].values())
    # The same comparison after a criterion is renamed in the data: it fails.
    renamed = {
        key: name + " (renamed)" if name in quoted else name
        for key, name in NAMES[language].items()
    }
    assert not quoted <= set(renamed.values())


@pytest.mark.parametrize(
    "stored",
    [
        "{",
        "[]",
        "null",
        '"text"',
        '{"details": [], "scores": {"answers": 9, "contact": "2", "causes": 1.5, "customers": 3}, "notes": {"answers": 5}}',
    ],
)
def test_corrupt_stored_scores_are_dropped_and_the_form_works(browser, base_url, stored):
    page, watch = open_scorecard(browser, base_url + PAGE["en"])
    key = webcheck.stored_key("scorecard")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, stored])
    page.reload()
    page.wait_for_load_state("networkidle")
    # Only a well-formed entry survives: 'customers' at 3, where it was stored so.
    kept = 3 if "customers" in stored else 0
    assert summary(page)[0].startswith(UI["en"]["total"].format(score=kept, max=24))
    page.locator("#scorecard-answers-2").check()
    assert summary(page)[0].startswith(UI["en"]["total"].format(score=kept + 2, max=24))
    page.context.close()
    assert watch.problems() == []


@pytest.mark.parametrize(
    ("language", "pdf"), [("en", "staff-training.pdf"), ("it", "it/formazione-del-personale.pdf")]
)
def test_the_whole_training_pdf_holds_the_blank_form(site, language, pdf):
    text = " ".join(
        " ".join(page.extract_text().split()) for page in pypdf.PdfReader(site / pdf).pages
    )
    start = text.index(
        UI[language]["total_paper"].format(max=24).split("_")[0]
    )  # After the criteria.
    assert all(name in text for name in NAMES[language].values())
    assert text.count(UI[language]["notes_paper"]) == len(NAMES[language])  # A line per criterion.
    assert (
        UI[language]["clear"] not in text and UI[language]["no_script"] not in text
    )  # No screen controls.
    assert start > text.index(NAMES[language]["personal-data"])
