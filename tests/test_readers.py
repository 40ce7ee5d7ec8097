"""Readers beyond the gate (issue 23): what keyboard, zoom and screen-reader
users met that axe and the tab walk did not see.

Each test here failed on the site before its fix. The menu's keyboard walk
is in tests/test_drawer.py; focus, forced colours and zoom in
tests/test_readers_view.py.
"""

from __future__ import annotations

import json

import pytest
from conftest import configured_languages, soup

from tests.browser import webcheck

# The site's languages as mkdocs.yml lists them: a language added by configuration is tested too.
LANGUAGES = configured_languages()
MODULE = "modules/customer-service/"


def prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


def open_page(browser, url: str, viewport=webcheck.PHONE, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


# -----------------------------------------------------------------------------
# Quiz: a changed answer takes its verdict and the stored score with it
# -----------------------------------------------------------------------------

STORED = f"JSON.parse(localStorage.getItem('{webcheck.stored_key('progress')}') || '{{}}')"
FIRST = "#quiz-1-1"  # A question with one correct answer: radio buttons.


def choose_all_correct(page) -> int:
    inputs = page.locator("form.training-quiz input")
    for index in range(inputs.count()):
        if inputs.nth(index).get_attribute("data-correct") == "true":
            inputs.nth(index).check()
    return page.locator("form.training-quiz fieldset").count()


def verdict_of(page) -> dict:
    """The first radio question's verdict, result, and the quiz's score line."""
    return page.evaluate(
        """s => {
          const q = document.querySelector(s), v = q.querySelector('.training-quiz__question-verdict');
          return {result: q.getAttribute('data-result'), verdict: v && !v.hidden ? v.textContent : '',
                  feedback: q.querySelectorAll('.training-quiz__feedback:not([hidden])').length,
                  score: document.querySelector('.training-quiz__result').textContent};
        }""",
        FIRST,
    )


def assert_withdrawn(page, how: str) -> None:
    state = verdict_of(page)
    assert state == {"result": None, "verdict": "", "feedback": 0, "score": ""}, (
        f"after {how}: {state}"
    )
    # The module keeps no score until it is checked again.
    assert "score" not in page.evaluate(STORED).get("customer-service", {}), (
        f"after {how}: {page.evaluate(STORED)}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_changing_an_answer_after_checking_withdraws_its_verdict_and_stored_score(
    browser, base_url, language
):
    page = open_page(browser, base_url + prefix(language) + MODULE)
    total = choose_all_correct(page)
    check = page.locator("form.training-quiz button[type=submit]")
    check.click()
    assert verdict_of(page)["result"] == "right"
    assert verdict_of(page)["verdict"] != ""
    assert page.evaluate(STORED)["customer-service"] == {"score": total, "total": total}

    # Arrow keys: the selection moves to another (wrong) answer.
    page.locator(FIRST + " input:checked").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator(FIRST + " input:checked").get_attribute("data-correct") != "true"
    assert_withdrawn(page, "ArrowDown")

    # Checked again, the wrong answer gets its verdict and score.
    check.click()
    assert verdict_of(page)["result"] == "wrong"
    assert page.evaluate(STORED)["customer-service"] == {"score": total - 1, "total": total}

    # The mouse: back to the correct answer.
    page.locator(FIRST + " input[data-correct=true]").click()
    assert_withdrawn(page, "a click")
    check.click()
    assert verdict_of(page)["result"] == "right"
    assert page.evaluate(STORED)["customer-service"] == {"score": total, "total": total}
    page.context.close()


def test_a_change_keeps_the_module_marked_complete(browser, base_url):
    page = open_page(browser, base_url + MODULE)
    page.evaluate(
        "key => localStorage.setItem(key, JSON.stringify({'customer-service': {complete: true}}))",
        webcheck.stored_key("progress"),
    )
    page.reload()
    choose_all_correct(page)
    page.locator("form.training-quiz button[type=submit]").click()
    page.locator(FIRST + " input:not([data-correct=true])").first.click()
    assert page.evaluate(STORED) == {"customer-service": {"complete": True}}
    page.context.close()


# -----------------------------------------------------------------------------
# Names: page titles, palette radio buttons, heading permalinks (built HTML)
# -----------------------------------------------------------------------------

SITE_NAME = {"en": "Staff training library", "it": "Formazione del personale"}
NOT_FOUND = {"en": "Page not found", "it": "Pagina non trovata"}
PERMALINK = {"en": "Link to this section", "it": "Link a questa sezione"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_say_page_not_found_and_name_the_site_once_on_the_home_page(site, language):
    home = soup(site / prefix(language) / "index.html").title.get_text()
    assert home == SITE_NAME[language]
    missing = soup(site / prefix(language) / "404.html").title.get_text()
    assert missing == f"{NOT_FOUND[language]} - {SITE_NAME[language]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_palette_radio_is_named_after_the_scheme_it_selects(site, language):
    """Material's label for radio N is the toggle shown while scheme N-1 is
    on, titled with what it switches to: the name radio N must have."""
    page = soup(site / prefix(language) / "index.html")
    labels = page.select("form[data-md-component=palette] label[for]")
    assert len(labels) == 3
    for label in labels:
        radio = page.find("input", id=label["for"])
        assert radio["aria-label"] == label["title"], (
            radio["data-md-color-media"],
            radio["aria-label"],
        )


@pytest.mark.parametrize("page", ["index.html", "glossary/index.html", MODULE + "index.html"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_heading_permalink_has_a_name(site, language, page):
    links = soup(site / prefix(language) / page).select("a.headerlink")
    assert links
    assert [link.get("aria-label") for link in links] == [PERMALINK[language]] * len(links)


# -----------------------------------------------------------------------------
# Progress on the home page: words that agree with the numbers; clearing asks
# -----------------------------------------------------------------------------

STATUS = {
    "en": "Not marked as complete yet · Last check: 5 of 5 correct",
    "it": "Non ancora segnato come completato · Ultima verifica: 5 su 5 corrette",
}
RESET = {
    "en": ("Clear my progress", "Yes, clear it", "Keep my progress"),
    "it": ("Cancella i miei progressi", "Sì, cancella", "Mantieni i progressi"),
}
CLEARED = {
    "en": "Your progress has been cleared for: {}.",
    "it": "Sono stati cancellati i progressi di questi moduli: {}.",
}
AND = {"en": " and ", "it": " e "}
NOTHING = {"en": "There was no progress to clear.", "it": "Non c’erano progressi da cancellare."}
SOME = {"customer-service": {"score": 5, "total": 5}, "supplier-guidelines": {"complete": True}}


def home_with(browser, base_url, language, stored):
    page = open_page(browser, base_url + prefix(language))
    key = webcheck.stored_key("progress")
    page.evaluate("([key, s]) => localStorage.setItem(key, JSON.stringify(s))", [key, stored])
    page.reload()
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_full_marks_beside_no_completion_mark_say_what_each_is(browser, base_url, language):
    page = home_with(browser, base_url, language, SOME)
    assert page.locator("[data-training-status=customer-service]").inner_text() == STATUS[language]
    page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_clear_my_progress_asks_first_and_says_what_it_cleared(browser, base_url, language):
    reset, yes, keep = RESET[language]
    page = home_with(browser, base_url, language, SOME)
    titles = [page.locator(f"li:has([data-training-status={m}]) strong").inner_text() for m in SOME]
    status = page.locator("[data-training-reset-status]")
    page.get_by_role("button", name=reset).click()
    # Nothing deleted yet: a question, with focus on its answer.
    assert page.evaluate(STORED) == SOME
    assert page.evaluate("document.activeElement.textContent.trim()") == yes
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.textContent.trim()") == reset
    page.get_by_role("button", name=reset).click()
    page.get_by_role("button", name=keep).click()
    assert page.evaluate(STORED) == SOME and status.inner_text() == ""
    page.get_by_role("button", name=reset).click()
    page.get_by_role("button", name=yes).click()
    assert page.evaluate(STORED) == {}
    assert status.inner_text() == CLEARED[language].format(AND[language].join(titles))
    assert page.evaluate("document.activeElement.textContent.trim()") == reset
    page.get_by_role("button", name=reset).click()
    page.get_by_role("button", name=yes).click()
    page.wait_for_timeout(300)  # Said again after a moment, to be announced.
    assert status.inner_text() == NOTHING[language]
    page.context.close()


# -----------------------------------------------------------------------------
# Language switcher: says which language is on, keeps the section
# -----------------------------------------------------------------------------

OTHER = {"en": "it", "it": "en"}
SECTION = "#who-serves-the-customer"


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_marks_the_current_language(site, language):
    links = soup(site / prefix(language) / MODULE / "index.html").select("a.md-select__link")
    assert {link["hreflang"]: link.get("aria-current") for link in links} == {
        language: "page",
        OTHER[language]: None,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_keeps_the_section_the_reader_is_on(browser, base_url, language):
    page = open_page(browser, base_url + prefix(language) + MODULE + SECTION, webcheck.DESKTOP)
    other = OTHER[language]
    page.locator(".md-select button").first.hover()
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang={other}]").click()
    assert page.url == base_url + prefix(other) + MODULE + SECTION
    # And after moving to another section on the page.
    page.evaluate("location.hash = '#check-your-understanding'")
    page.locator(".md-select button").first.hover()
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang={language}]").click()
    assert page.url == base_url + prefix(language) + MODULE + "#check-your-understanding"
    page.context.close()


# -----------------------------------------------------------------------------
# Material's stored colour scheme, checked before Material reads it
# -----------------------------------------------------------------------------

BAD_PALETTE = ["{not json", '{"index": 7, "color": {"scheme": "slate"}}', "5"]


def with_stored_palette(browser, url: str, value: str):
    context = browser.new_context(viewport=webcheck.DESKTOP)
    # Once, before the first page's scripts: what an earlier visit left.
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem('/.__palette', {json.dumps(value)}); }}"
    )
    page = context.new_page()
    watch = webcheck.Watch(origin=url.split("/", 3)[0] + "//" + url.split("/", 3)[2]).attach(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, watch


@pytest.mark.parametrize("value", BAD_PALETTE)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_stored_scheme_that_no_longer_fits_is_dropped_before_material_reads_it(
    browser, base_url, language, value
):
    page, watch = with_stored_palette(browser, base_url + prefix(language), value)
    assert watch.problems() == []
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    assert toggle.count() == 1 and toggle.is_visible()
    scheme = page.get_attribute("body", "data-md-color-scheme")
    toggle.click()
    toggle.click()  # From the system setting, one of two steps changes the scheme.
    assert page.get_attribute("body", "data-md-color-scheme") != scheme or toggle.count() == 1
    assert watch.problems() == []
    page.context.close()


def test_a_stored_choice_that_still_fits_is_kept_with_the_current_colours(browser, base_url):
    stale = '{"index": 2, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "red", "accent": "red"}}'
    page, watch = with_stored_palette(browser, base_url, stale)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert page.get_attribute("body", "data-md-color-primary") == "indigo"
    assert watch.problems() == []
    page.context.close()
