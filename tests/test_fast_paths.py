"""The shortcuts of mkdocs_training/fast/ give the bytes the engine's path gives.

Each site is built twice with `python -m mkdocs_training build --strict`
(what `make build` runs): with every shortcut on (the languages in parallel,
plain HTML read by regular expressions, glossary terms linked in one pass),
and with TRAINING_FAST=off (the engine's build in one process, html.parser
and BeautifulSoup reading every page). Every file must be the same, byte for
byte: the real site's pages, search indexes and sitemap, and a fixture
site of markup the regular expressions could misread (references, comments,
`>` in quoted attributes, a marked section, nested inline tags, non-ASCII).
The `make serve` shortcut renders one saved page alone: that page must be
the one a full build of the same files writes; with the switch off, a save
is a full rebuild. Each comparison was seen failing with its shortcut broken
on purpose (attributes left unsorted, references in attributes left
undecoded, a language's Markdown settings not restored, one language's
sitemap entries dropped, the switch ignored).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_training import fast
from mkdocs_training.core import engine
from mkdocs_training.fast import glossary_links, one_page, plain_html
from tests.conftest import ROOT, differences, make_site, mkdocs_build
from tests.test_serve import running  # noqa: F401 (the fixture: make serve over a fixture site)

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
SITE_URL = "http://127.0.0.1:8765/"


def build(config: Path, site: Path, shortcuts: str, preview: bool = False) -> str:
    """`python -m mkdocs_training build --strict` with TRAINING_FAST=`shortcuts`; its output."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("TRAINING_")}
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL, TRAINING_FAST=shortcuts)
    if preview:
        env["TRAINING_PREVIEW"] = "on"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs_training",
            "-f",
            str(config),
            "build",
            "--strict",
            "-d",
            str(site),
        ],
        check=False,
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=env,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


def both_ways(config: Path, tmp: Path, preview: bool = False) -> tuple[Path, Path]:
    fast_output = build(config, tmp / "fast", "on", preview)
    assert "(languages in parallel)" in fast_output
    engine_output = build(config, tmp / "engine", "off", preview)
    assert (
        "the parallel shortcut is off" in engine_output
        and "(languages in parallel)" not in engine_output
    )
    return tmp / "fast", tmp / "engine"


def articles(site: Path) -> dict[str, str]:
    """Each built page's content, by path."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        match = ARTICLE.search(path.read_text(encoding="utf-8"))
        if match:
            found[path.relative_to(site).as_posix()] = match.group(1)
    return found


@pytest.fixture
def shortcuts_restored():
    """An in-process build sets the shortcuts from its config: all on again afterwards."""
    yield
    fast.configure(fast.SHORTCUTS)


# -----------------------------------------------------------------------------
# Whole sites, both ways
# -----------------------------------------------------------------------------


@pytest.mark.build
def test_the_real_site_is_the_same_with_the_shortcuts_off(tmp_path):
    """A preview: the shortcuts change pages, and the PDFs and compressed copies are made from those;
    tests/test_parallel.py compares a full parallel build, PDFs included, with the engine's."""
    fast_site, engine_site = both_ways(ROOT / "mkdocs.yml", tmp_path, preview=True)
    files = {p.relative_to(fast_site).as_posix() for p in fast_site.rglob("*") if p.is_file()}
    for name in (
        "index.html",
        "it/index.html",
        "glossary/index.html",
        "it/glossary/index.html",
        "modules/customer-service/index.html",
        "search/search_index.json",
        "it/404.html",
        "sitemap.xml",
    ):
        assert name in files
    assert differences(fast_site, engine_site) == []


@pytest.mark.build
def test_markup_the_regular_expressions_could_misread_is_the_same_with_the_shortcuts_off(tmp_path):
    project = make_site(tmp_path, "fast-paths")
    fast_site, engine_site = both_ways(project / "mkdocs.yml", tmp_path, preview=True)
    assert differences(fast_site, engine_site) == []
    # Both paths are taken: the edge cases' page is plain (read by the
    # regular expressions), the page with a comment and a marked section is not.
    pages = articles(fast_site)
    assert plain_html.is_plain(pages["edge-cases/index.html"])
    assert "data-training-term" in pages["edge-cases/index.html"]
    source = (project / "docs" / "comments.md").read_text(encoding="utf-8")
    assert not plain_html.is_plain(source[source.index("<!--") :])
    # A comment stays a comment: a glossary term in it is not linked, and its text is not published.
    assert "A comment with" not in pages["comments/index.html"]


# -----------------------------------------------------------------------------
# make serve: one page rendered alone
# -----------------------------------------------------------------------------


@pytest.mark.build
def test_a_page_rendered_alone_is_the_page_of_a_full_build(
    tmp_path, monkeypatch, shortcuts_restored
):
    monkeypatch.setenv("TRAINING_PREVIEW", "on")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for name in (
        "SITE_URL",
        "TRAINING_FAST",
        "TRAINING_CACHE",
        "TRAINING_LANGUAGE",
        "TRAINING_OFFLINE",
    ):
        monkeypatch.delenv(name, raising=False)
    project = make_site(tmp_path, "fast-paths")
    served = tmp_path / "served"
    # What the server does: a full build, recorded per language.
    config = engine.load_config(str(project / "mkdocs.yml"), site_dir=str(served))
    config.site_url = SITE_URL
    recording = one_page.Recording(config)
    config.plugins["training-serve-recorder"] = one_page.Recorder(recording)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        engine.build_module().build(config, serve_url=SITE_URL)
        recording.complete = True
        # A save that keeps the title and front matter: that page alone, in each language that shows it.
        page = project / "docs" / "edge-cases.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace(
                "A contractor.", "A contractor &amp; a customer."
            ),
            encoding="utf-8",
        )
        assert one_page.rerender(recording, page, []) == ["edge-cases/", "it/edge-cases/"]
    finally:
        config.plugins.on_shutdown()
    fresh = mkdocs_build(
        project / "mkdocs.yml", tmp_path / "fresh", site_url=SITE_URL, preview=True
    )
    assert fresh.returncode == 0, fresh.output
    for written in ("edge-cases/index.html", "it/edge-cases/index.html"):
        assert "A contractor &amp; a" in (served / written).read_text(encoding="utf-8")
        assert (served / written).read_bytes() == (fresh.site / written).read_bytes(), written


# -----------------------------------------------------------------------------
# The switch
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, chosen",
    [
        ("on", set(fast.SHORTCUTS)),
        ("off", set()),
        ("parallel", {"parallel"}),
        ("plain-html, glossary-links", {"plain-html", "glossary-links"}),
    ],
)
def test_training_fast_chooses_the_shortcuts(value, chosen, monkeypatch):
    monkeypatch.setenv("TRAINING_FAST", value)
    assert fast.chosen(engine.load_config(str(ROOT / "mkdocs.yml"))) == chosen


def test_an_unknown_shortcut_is_named_with_the_right_form(monkeypatch, caplog):
    monkeypatch.setenv("TRAINING_FAST", "parallel,regex")
    with pytest.raises(Exception, match="configuration error"):
        engine.load_config(str(ROOT / "mkdocs.yml"))
    assert (
        "option 'fast': expected on, off or some of plain-html, glossary-links, one-page, parallel "
        "(comma-separated), got 'parallel,regex'. Set TRAINING_FAST=off"
    ) in caplog.text


def test_each_shortcut_off_takes_the_engine_s_path(shortcuts_restored):
    page = "<p>A customer.</p>"
    assert plain_html.readable(page)
    fast.configure([])
    assert not plain_html.readable(page)  # html.parser reads it.
    assert glossary_links.link_terms(page, None, None) is None  # BeautifulSoup links its terms.
    with pytest.raises(one_page.FullRebuild, match="the one-page shortcut is off"):
        one_page.rerender(None, Path("docs/index.md"), [])


@pytest.fixture
def shortcuts_off(monkeypatch, shortcuts_restored):
    monkeypatch.setenv("TRAINING_FAST", "off")


def test_with_the_switch_off_make_serve_rebuilds_everything(shortcuts_off, running):  # noqa: F811 (the fixture)
    running.edit("modules/m.md", "Summary.", "Summary, edited once.")
    running.wait_served("modules/m/", "Summary, edited once.")
    log = running.log.text()
    assert "Full rebuild (docs/modules/m.md): the one-page shortcut is off (TRAINING_FAST)" in log
    assert "Fast path" not in log
