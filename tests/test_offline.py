"""The offline zip, opened from a folder (file://) in Chromium; reproducible builds."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, differences, mkdocs_build

from mkdocs_training.publish import offline
from tests.browser import webcheck

DATE = (2026, 11, 23, 0, 0, 0)


def offline_build(target: Path) -> Path:
    build = mkdocs_build(ROOT / "mkdocs.yml", target, offline=True)
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    """The zip as staff get it, unzipped into a folder."""
    tmp = tmp_path_factory.mktemp("offline")
    site = offline_build(tmp / "staff-training")
    archive = tmp / "staff-training.zip"
    offline.offline_zip(site, archive, "staff-training", DATE)
    folder = tmp / "unzipped"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    return {"archive": archive, "site": site, "root": (folder / "staff-training").as_uri() + "/"}


def open_file(browser, url: str, locale: str = "en-US"):
    context = browser.new_context(locale=locale, viewport=webcheck.DESKTOP)
    page = context.new_page()
    watch = webcheck.Watch(origin="file://").attach(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, watch


def test_zip_holds_the_site_and_nothing_only_servers_need(unzipped):
    names = zipfile.ZipFile(unzipped["archive"]).namelist()
    assert "staff-training/index.html" in names
    assert "staff-training/it/modules/customer-service.html" in names  # File links, not folders.
    assert (
        "staff-training/staff-training.pdf" in names
        and "staff-training/it/formazione-del-personale.pdf" in names
    )
    assert "staff-training/assets/javascripts/iframe-worker-shim.js" in names
    assert "staff-training/it/search/search_index.js" in names
    assert not [n for n in names if n.endswith((".gz", ".br", "_headers"))]


def test_same_site_gives_the_same_zip(unzipped, tmp_path):
    again = tmp_path / "again.zip"
    offline.offline_zip(unzipped["site"], again, "staff-training", DATE)
    assert again.read_bytes() == unzipped["archive"].read_bytes()


def test_navigation_language_switch_and_search_work_from_a_folder(browser, unzipped):
    root = unzipped["root"]
    page, watch = open_file(browser, root + "index.html")
    with page.expect_navigation():
        page.locator("nav.md-nav--primary a[href$='customer-service.html']").first.click()
    assert page.url == root + "modules/customer-service.html"
    page.locator(".md-select button").first.hover()
    with page.expect_navigation():
        page.locator("a.md-select__link[hreflang=it]").click()
    assert page.url == root + "it/modules/customer-service.html"
    assert page.get_attribute("html", "lang") == "it"
    results = webcheck.search(page, "riconoscimento")
    assert (
        results
        and results[0].split("?")[0].split("#")[0] == root + "it/modules/customer-service.html"
    )
    page.keyboard.press("Escape")
    # (The home page would now send this reader to Italian: they chose it.)
    page.goto(root + "modules/customer-service.html")
    results = webcheck.search(page, "contractors")
    assert (
        results
        and results[0].split("?")[0].split("#")[0] == root + "modules/supplier-guidelines.html"
    )
    page.context.close()
    assert watch.problems() == []


def test_knowledge_check_and_progress_work_from_a_folder(browser, unzipped):
    root = unzipped["root"]
    page, watch = open_file(browser, root + "modules/supplier-guidelines.html")
    page.locator("form.training-quiz fieldset").first.locator(
        "input[data-correct=false]"
    ).first.check()
    page.get_by_role("button", name="Check my answers").click()
    assert (
        page.locator(".training-quiz__result").inner_text()
        == "You answered 0 questions correctly out of 6."
    )
    page.get_by_role("button", name="Mark this module as complete").click()
    page.goto(root + "it/index.html")
    status = page.locator("[data-training-status=supplier-guidelines]").inner_text()
    assert status == "Completato · Ultima verifica: 0 su 6 corrette"
    page.context.close()
    assert watch.problems() == []


def test_italian_reader_opening_the_folder_gets_italian(browser, unzipped):
    page, _ = open_file(browser, unzipped["root"] + "index.html", locale="it-IT")
    assert page.url == unzipped["root"] + "it/index.html"
    page.context.close()


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("reproducible")
    # The first makes everything afresh; the second may take compressed files
    # and PDFs from the cache: both must give the same bytes.
    builds = [
        mkdocs_build(ROOT / "mkdocs.yml", tmp / name, cache=name == "two")
        for name in ("one", "two")
    ]
    assert [b.returncode for b in builds] == [0, 0], builds[0].output
    return [b.site for b in builds]


def test_two_clean_builds_are_byte_identical(two_builds):
    first, second = two_builds
    assert len(list(first.rglob("*.*"))) > 100  # Pages, assets, indexes, PDFs, compressed copies.
    assert differences(first, second) == []


def test_reproducibility_check_catches_one_changed_byte(two_builds, tmp_path):
    changed = tmp_path / "changed"
    shutil.copytree(two_builds[1], changed)
    pdf = changed / "staff-training.pdf"
    data = bytearray(pdf.read_bytes())
    data[-20] ^= 1
    pdf.write_bytes(bytes(data))
    assert differences(two_builds[0], changed) == ["staff-training.pdf"]


@pytest.mark.parametrize(
    ("page", "language", "home"),
    [("404.html", "en", "index.html"), ("it/404.html", "it", "it/index.html")],
)
def test_not_found_pages_open_styled_from_a_folder(
    browser, unzipped, output_dir, page, language, home
):
    root = unzipped["root"]
    opened, watch = open_file(browser, root + page)
    assert watch.problems() == []
    assert opened.get_attribute("html", "lang") == language
    # Material's stylesheet applied (unstyled, the header would be a plain block with no colour).
    header = opened.eval_on_selector(".md-header", "e => getComputedStyle(e).position")
    assert header == "sticky"
    opened.screenshot(path=str(output_dir / f"offline-404-{language}.png"))
    with opened.expect_navigation():
        opened.locator("main a").last.click()  # The 404 page's own link home.
    assert opened.url == root + home
    opened.context.close()
    assert watch.problems() == []
