"""Shared fixtures: real builds of the real site, and of small fixture sites."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_training.core import engine
from tests.browser import webcheck

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITES = Path(__file__).parent / "fixtures" / "sites"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def mkdocs_build(config: Path, site: Path, site_url: str | None = None, preview: bool = False,
                 offline: bool = False, cache: bool = True) -> Build:
    """`properdocs build --strict` (the engine, engine.py): the languages one after the other, in one
    process. `make build` runs them side by side (parallel.py), with the same
    bytes as output (tests/test_parallel.py).

    `preview` skips the PDFs and precompressed files, as `make serve` does:
    fixture sites test checks and pages, not those. `cache=False` makes
    every compressed file and PDF afresh.
    """
    env = engine.environment()
    env.pop("SITE_URL", None)
    env.pop("TRAINING_PREVIEW", None)
    env.pop("TRAINING_OFFLINE", None)
    env.pop("TRAINING_CACHE", None)
    if not cache:
        env["TRAINING_CACHE"] = "off"
    if preview:
        env["TRAINING_PREVIEW"] = "on"
    if offline:
        env["TRAINING_OFFLINE"] = "on"
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        engine.command("build", "--strict", "-f", str(config), "-d", str(site)),
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def differences(first: Path, second: Path) -> list[str]:
    """Files that are not byte-identical in two sites, or not in both."""
    names = {str(p.relative_to(first)) for p in first.rglob("*") if p.is_file()}
    others = {str(p.relative_to(second)) for p in second.rglob("*") if p.is_file()}
    _, mismatch, errors = filecmp.cmpfiles(first, second, sorted(names & others), shallow=False)
    return sorted(set(mismatch) | set(errors) | (names ^ others))


@pytest.fixture(scope="session")
def port() -> int:
    return webcheck.free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, port) -> Path:
    """The project's own site, built once per test run for the test server's
    address, so that its canonical and alternate URLs are real there."""
    site_url = f"http://127.0.0.1:{port}/"
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site", site_url)
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="session")
def base_url(site, port):
    """The built site served on 127.0.0.1, each language with its own 404 page."""
    with webcheck.serve(site, port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = webcheck.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/: screenshots and reports for people to look at."""
    path = ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path


def configured_languages(config: Path | None = None) -> list[str]:
    """The site's languages as mkdocs.yml lists them under the i18n plugin, the default first:
    tests parametrised by these cover a language added by configuration (make new-language)."""
    import yaml

    data = yaml.load((config or ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(p["i18n"] for p in data["plugins"] if isinstance(p, dict) and "i18n" in p)
    entries = i18n["languages"]
    return [e["locale"] for e in entries if e.get("default") == "true"] + [
        e["locale"] for e in entries if e.get("default") != "true"]


LANGUAGES = configured_languages()


def english_pages() -> list[str]:
    """Source paths of the English pages, e.g. 'modules/customer-service.md'."""
    from mkdocs_training.core.i18n import split_locale

    pages = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        rel = path.relative_to(ROOT / "docs").as_posix()
        # The translators' status page is no training page (no key points, not in the nav);
        # the checks of every built file (vnu, security, markup) still read it.
        if split_locale(rel, LANGUAGES)[1] is None and rel != "translation-status.md":
            pages.append(rel)
    return pages


def output_path(source: str, language: str, default: str = "en") -> str:
    """Where a page is built: 'modules/x.md' -> 'it/modules/x/index.html'."""
    stem = source[: -len(".md")]
    folder = "" if stem == "index" else stem.removesuffix("/index") + "/"
    prefix = "" if language == default else f"{language}/"
    return f"{prefix}{folder}index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# -----------------------------------------------------------------------------
# Fixture sites: the project's config (with its plugin) and strings with tiny docs
# -----------------------------------------------------------------------------


def make_site(tmp_path: Path, name: str) -> Path:
    """A copy of the project's set-up with docs from tests/fixtures/sites.

    The docs are those of the 'control' fixture, overlaid with the files of
    fixture `name`, which holds only what it changes. The page tree comes
    from the files, since fixture pages differ from the real ones.
    """
    project = tmp_path / name
    for part in ("locales", "glossary", "overrides"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\n# Page tree\n")[0] + "\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    # The site's own CSS and JavaScript, which every page loads.
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    shutil.copytree(FIXTURE_SITES / "control", project, dirs_exist_ok=True)
    if name != "control":
        overlay = FIXTURE_SITES / name
        shutil.copytree(overlay, project, dirs_exist_ok=True)
        for deleted in overlay.rglob("*.delete"):
            (project / deleted.relative_to(overlay).with_suffix("")).unlink()
            (project / deleted.relative_to(overlay)).unlink()
        # `<file>.edit.json`: [[old, new], ...] applied to the project's own copy
        # of <file>, so a fixture that breaks one string of locales/it.yml does
        # not carry a stale copy of the whole file. Each old text must be there once.
        for edit in overlay.rglob("*.edit.json"):
            target = project / edit.relative_to(overlay).with_suffix("").with_suffix("")
            text = target.read_text(encoding="utf-8")
            for old, new in json.loads(edit.read_text(encoding="utf-8")):
                assert text.count(old) == 1, f"{edit}: {old!r} is not in {target.name} exactly once"
                text = text.replace(old, new)
            target.write_text(text, encoding="utf-8")
            (project / edit.relative_to(overlay)).unlink()
    return project


@pytest.fixture
def fixture_site(tmp_path):
    def build(name: str) -> Build:
        project = make_site(tmp_path, name)
        return mkdocs_build(project / "mkdocs.yml", tmp_path / f"{name}-site", preview=True)

    return build
