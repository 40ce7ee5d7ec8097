"""Search loads only when the reader starts to search (issue 10, first visit).

Material requests the search index and starts its worker on every page
load; training.js (docs/assets/javascripts/training/) holds both until the search field
gets focus. A first visit must not fetch them, and search must still work.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import output_path

from tests.browser import webcheck

SEARCH_FILES = re.compile(
    r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$|/lunr/"
)


def first_visit(browser, url: str):
    """Open `url` with an empty cache; the page, its requests so far, and all of them."""
    context = browser.new_context(locale="en-US", viewport=webcheck.DESKTOP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    watch = webcheck.Watch(origin=url.split("/", 3)[0] + "//" + url.split("/", 3)[2]).attach(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, list(requests), requests, watch


def search_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if SEARCH_FILES.search(url.split("?")[0])]


# (module page, language, word it must find on that page)
CASES = [
    ("modules/customer-service.md", "en", "recognition"),
    ("modules/supplier-guidelines.md", "it", "fornitori"),
]


@pytest.mark.parametrize(("source", "language", "word"), CASES)
def test_first_visit_loads_no_search_until_the_reader_searches(
    browser, base_url, source, language, word
):
    page, before, requests, watch = first_visit(browser, base_url + output_path(source, language))
    assert search_requests(before) == []
    # The reader presses Material's search shortcut and types.
    results = webcheck.search(page, word)
    page.wait_for_load_state("networkidle")
    page.context.close()
    loaded = search_requests(requests)
    prefix = "" if language == "en" else f"{language}/"
    assert f"{base_url}{prefix}search/search_index.json" in loaded
    assert any("/workers/search." in url for url in loaded)
    assert results and results[0].startswith(
        base_url + output_path(source, language).removesuffix("index.html")
    )
    assert watch.problems() == []


def test_clicking_the_search_field_starts_search(browser, base_url):
    page, before, requests, _ = first_visit(browser, base_url + output_path("index.md", "it"))
    assert search_requests(before) == []
    page.locator("input.md-search__input").click()
    page.wait_for_load_state("networkidle")
    page.context.close()
    assert f"{base_url}it/search/search_index.json" in requests


def test_check_catches_a_page_that_loads_search_at_once(browser, site, tmp_path):
    # The same page without training.js: Material's own eager loading.
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page_file = broken / output_path("modules/customer-service.md", "en")
    html = page_file.read_text(encoding="utf-8")
    html, count = re.subn(r'<script src="[^"]*training\.js"[^>]*></script>', "", html)
    assert count == 1
    page_file.write_text(html, encoding="utf-8")
    with webcheck.serve(broken, webcheck.free_port()) as url:
        page, before, _, _ = first_visit(
            browser, url + output_path("modules/customer-service.md", "en")
        )
        page.context.close()
    assert f"{url}search/search_index.json" in search_requests(before)
