"""The site in browsers that are not set up as ours are.

- Site data blocked (a browser setting or a company policy): reading
  localStorage, sessionStorage or document.cookie throws a SecurityError.
  Pages must load with no uncaught error, search and the light/dark toggle
  must work, and a reader's choice of language must hold for the visit.
- Stored progress in a shape the site never wrote: it is read back, checked
  and replaced, and "Mark complete" keeps working.
- No script at all: the knowledge check keeps the reader's answers and the
  page says what needs script.

Each check is shown failing on a page (or a script) broken on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import configured_languages, english_pages, output_path
from playwright.sync_api import Error as PlaywrightError

from tests.browser import webcheck

LANGUAGES = configured_languages()  # From mkdocs.yml, default first.
FIXTURES = Path(__file__).parent / "fixtures" / "robustness"

# Run before any script of the page: site data is blocked, as Chromium does
# it when a policy blocks cookies for the site.
BLOCK_STORAGE = """(() => {
  const refuse = () => { throw new DOMException("The operation is insecure.", "SecurityError"); };
  for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, { get: refuse, configurable: true });
  }
  Object.defineProperty(Document.prototype, "cookie", { get: refuse, set: refuse, configurable: true });
})();"""

CORRUPT = [
    "5",
    '"x"',
    "true",
    "[]",
    "null",
    '{"customer-service": 5}',
    '{"customer-service": {"complete": "yes", "score": 3}}',
    "{not json",
    # Keys made to break a selector or an object (issue 19, finding 3).
    '{"x\\"]<img src=x onerror=alert(1)>": {"complete": true}, "__proto__": {"complete": true}}',
]


def paths() -> list[str]:
    return [
        output_path(s, lang).removesuffix("index.html")
        for lang in LANGUAGES
        for s in english_pages()
    ]


def blocked_context(browser, locale: str = "en-GB"):
    context = browser.new_context(viewport=webcheck.DESKTOP, locale=locale)
    context.add_init_script(BLOCK_STORAGE)
    return context


def open_watched(context, url: str, route=None):
    page = context.new_page()
    watch = webcheck.Watch(origin=url.split("/", 3)[0] + "//" + url.split("/", 3)[2]).attach(page)
    if route:
        page.route(*route)  # After the Watch's own route, so it comes first.
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, watch


def storage_blocked_problems(browser, url: str, route=None) -> list[str]:
    """What goes wrong on `url` with site data blocked: errors, search, toggle."""
    context = blocked_context(browser)
    page, watch = open_watched(context, url, route)
    problems = list(watch.problems())
    # The light/dark toggle: a visible button that changes the scheme.
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    if toggle.count() != 1 or not toggle.is_visible():
        problems.append("the light/dark toggle is not shown")
    else:
        scheme = page.get_attribute("body", "data-md-color-scheme")
        toggle.click()
        if page.get_attribute("body", "data-md-color-scheme") == scheme and toggle.count() == 1:
            toggle.click()  # From "system", the first step may keep the scheme.
        if page.get_attribute("body", "data-md-color-scheme") == scheme:
            problems.append("the light/dark toggle does not change the scheme")
    # Search: results arrive, rather than "Initializing search" for ever.
    try:
        page.keyboard.press("s")
        word = "clienti" if "/it/" in url else "customer"
        page.locator("input.md-search__input").press_sequentially(word)
        page.wait_for_function(
            "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)",
            timeout=5000,
        )
    except PlaywrightError:  # Its timeout included.
        meta = page.text_content(".md-search-result__meta") or ""
        problems.append(f"search does not work: {meta.strip()!r}")
    problems += [p for p in watch.problems() if p not in problems]
    context.close()
    return problems


@pytest.mark.parametrize("path", paths())
def test_pages_work_with_site_data_blocked(browser, base_url, path):
    assert storage_blocked_problems(browser, base_url + path) == []


def test_storage_check_catches_a_page_without_the_guard(browser, base_url):
    # The site as it was: Material reading localStorage unguarded.
    route = ("**/storage-guard.js", lambda r: r.fulfill(body="", content_type="text/javascript"))
    problems = storage_blocked_problems(browser, base_url + "modules/customer-service/", route)
    text = "\n".join(problems)
    assert "SecurityError" in text or "insecure" in text, text
    assert "search does not work" in text, text


def language_choice_problems(browser, base_url: str, route=None) -> list[str]:
    """An Italian browser with site data blocked chooses English on /it/."""
    context = blocked_context(browser, locale="it-IT")
    page, watch = open_watched(context, base_url, route)
    problems = []
    if not page.url.endswith("/it/"):
        problems.append(f"an Italian browser at / stayed on {page.url}")
    # The root sends an Italian browser on while its own files may still be
    # loading: those requests are cut off by the browser, which is no fault.
    watch.failed = [f for f in watch.failed if "net::ERR_ABORTED" not in f]
    page.locator(".md-select button").first.hover()
    with page.expect_navigation():
        page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # Time for a redirect, if one were coming.
    if page.url != base_url:
        problems.append(f"choosing English on /it/ ends on {page.url}, not {base_url}")
    problems += watch.problems()
    context.close()
    return problems


def test_language_choice_holds_with_site_data_blocked(browser, base_url):
    assert language_choice_problems(browser, base_url) == []


def test_language_check_catches_a_choice_that_is_not_kept(browser, base_url):
    # Pages that send no referrer: the home page cannot tell the reader chose it.
    problems = language_choice_problems(browser, base_url, ("**/*", _no_referrer_policy))
    assert any("ends on" in p for p in problems), problems


def _no_referrer_policy(route):
    # Serve every page as if it said <meta name="referrer" content="no-referrer">:
    # the home page then cannot see that the reader came from the site.
    response = route.fetch()
    headers = dict(response.headers, **{"referrer-policy": "no-referrer"})
    route.fulfill(response=response, headers=headers)


# -----------------------------------------------------------------------------
# Stored progress in a shape the site never wrote
# -----------------------------------------------------------------------------


def corrupt_progress_problems(
    browser, home: str, module: str, value: str, key: str = webcheck.stored_key("progress")
) -> list[str]:
    context = browser.new_context(viewport=webcheck.DESKTOP)
    # Stored once, before the first page; later pages read what the site wrote.
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem({json.dumps(key)}, {json.dumps(value)});"
        " sessionStorage.setItem('seeded', '1'); }"
    )
    problems = []
    page, watch = open_watched(context, module)
    button = page.locator("[data-training-complete] button")
    button.click()
    if button.get_attribute("aria-pressed") != "true":
        problems.append(f"{value}: 'Mark complete' does not work")
    stored = page.evaluate("key => localStorage.getItem(key)", key)
    try:
        entry = json.loads(stored)[
            page.get_attribute("[data-training-complete]", "data-training-complete")
        ]
        if entry.get("complete") is not True:
            problems.append(f"{value}: not saved, stored {stored}")
    except (ValueError, TypeError, KeyError, AttributeError):  # Not JSON, or not the shape saved.
        problems.append(f"{value}: not saved, stored {stored}")
    page.goto(home)
    page.wait_for_load_state("networkidle")
    status = " ".join(page.locator("[data-training-status]").all_text_contents())
    if "undefined" in status or "NaN" in status:
        problems.append(f"{value}: the home page shows {status!r}")
    problems += [f"{value}: {p}" for p in watch.problems()]
    context.close()
    return problems


@pytest.mark.parametrize("value", CORRUPT)
def test_corrupt_stored_progress_is_recovered(browser, base_url, value):
    assert (
        corrupt_progress_problems(browser, base_url, base_url + "modules/customer-service/", value)
        == []
    )


def test_score_without_a_total_is_not_shown(browser, base_url):
    context = browser.new_context(viewport=webcheck.DESKTOP)
    context.add_init_script(
        f"localStorage.setItem('{webcheck.stored_key('progress')}',"
        ' \'{"customer-service": {"complete": true, "score": 3}}\')'
    )
    page, watch = open_watched(context, base_url)
    status = page.text_content("[data-training-status=customer-service]")
    context.close()
    assert "undefined" not in status and "3" not in status, status
    assert watch.problems() == []


def test_corrupt_progress_check_catches_a_script_that_trusts_storage(browser):
    fixture = FIXTURES / "trusting-progress.html"
    with webcheck.serve(FIXTURES, webcheck.free_port()) as url:
        # The fixture's own key, as scripts before stored keys were versioned used.
        problems = corrupt_progress_problems(
            browser, url + fixture.name, url + fixture.name, "5", "training-progress"
        )
    assert any("uncaught" in p or "does not work" in p for p in problems), problems


# -----------------------------------------------------------------------------
# "Progress cleared": said on every click, then gone
# -----------------------------------------------------------------------------


def test_progress_cleared_message_is_said_again_and_then_goes(browser, base_url):
    context = browser.new_context(viewport=webcheck.DESKTOP)
    page = context.new_page()
    page.clock.install()
    page.goto(base_url)
    status = page.locator("[data-training-reset-status]")
    button = page.locator("[data-training-reset]")

    def clear():  # The button asks first; the answer clears.
        button.click()
        page.locator("[data-training-reset-yes]").click()

    clear()
    said = status.inner_text()
    assert said
    # Each change of a live region's text is what a screen reader announces.
    page.evaluate(
        """s => { window.__said = [];
      new MutationObserver(() => __said.push(document.querySelector(s).textContent))
        .observe(document.querySelector(s), {childList: true, characterData: true, subtree: true}); }""",
        "[data-training-reset-status]",
    )
    clear()
    page.clock.run_for(500)
    assert page.evaluate("window.__said") == ["", said]
    page.clock.run_for(10000)
    assert status.inner_text() == ""
    context.close()


# -----------------------------------------------------------------------------
# No script
# -----------------------------------------------------------------------------


def no_script_problems(browser, url: str) -> list[str]:
    context = browser.new_context(viewport=webcheck.DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    problems = []
    first = page.locator("form.training-quiz input").first
    first.check()
    check = page.locator("form.training-quiz button[type=submit]")
    if check.count() and check.is_visible():
        check.click()
        page.wait_for_timeout(300)
    else:
        first.press("Enter")  # Implicit submission, from the keyboard.
        page.wait_for_timeout(300)
    if "?" in page.url:
        problems.append(f"the knowledge check reloaded the page: {page.url}")
    if not page.locator("form.training-quiz input").first.is_checked():
        problems.append("the reader's answer was cleared")
    if not page.locator("[data-training-noscript]").first.is_visible():
        problems.append("nothing says that the knowledge check needs script")
    key = page.locator(".training-quiz__key")
    if not key.count():
        problems.append("no answer key without script")
    else:
        key.locator("summary").click()
        if "Correct" not in key.inner_text() and "corretta" not in key.inner_text():
            problems.append("the answer key does not say which answers are right")
    for selector in ("[data-training-complete] button", "[data-training-reset]"):
        if page.locator(selector).count() and page.locator(selector).first.is_visible():
            problems.append(f"{selector} is shown but cannot work without script")
    context.close()
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_knowledge_check_without_script_keeps_answers_and_explains(browser, base_url, language):
    prefix = "" if language == "en" else "it/"
    assert no_script_problems(browser, base_url + prefix + "modules/customer-service/") == []


def test_no_script_check_catches_a_quiz_that_reloads(browser):
    with webcheck.serve(FIXTURES, webcheck.free_port()) as url:
        problems = no_script_problems(browser, url + "reloading-quiz.html")
    assert any("reloaded" in p for p in problems), problems
    assert any("needs script" in p for p in problems), problems
