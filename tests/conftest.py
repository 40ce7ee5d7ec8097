"""Shared fixtures: real builds of the real site, and of small fixture sites; the test kinds."""

from __future__ import annotations

import filecmp
import itertools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_training.core import engine
from tests.browser import webcheck

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITES = Path(__file__).parent / "fixtures" / "sites"

# -----------------------------------------------------------------------------
# The environment: no TRAINING_* option (or SITE_URL) of the shell that runs the
# tests reaches them. Exported TRAINING_PREVIEW=on would make every build skip
# its PDFs; tests that want an option set it themselves. Cleared when pytest
# loads this file, before any test, fixture or xdist worker starts.
# -----------------------------------------------------------------------------

OUTSIDE_OPTIONS = sorted(
    name for name in os.environ if name.startswith("TRAINING_") or name == "SITE_URL"
)
for _name in OUTSIDE_OPTIONS:
    del os.environ[_name]


# -----------------------------------------------------------------------------
# Test kinds (pyproject.toml registers them): `make check` runs the unit tests
# alone, in seconds. A test's kind comes from the fixtures it uses, unless it
# is marked: a browser (or a served site) makes it `browser`, a built site or
# any fixture shared by a module or the session (they build, serve or package)
# makes it `build`, anything else is `unit`. A unit test that starts a build,
# a browser or a server anyway fails and says to mark it.
# -----------------------------------------------------------------------------

KINDS = ("unit", "build", "browser")
BROWSER_FIXTURES = {"browser", "base_url", "engines"}
BUILD_FIXTURES = {"site", "fixture_site", "running"}
CHEAP_SHARED_FIXTURES = {"port", "output_dir", "tmp_path_factory", "worker_id", "testrun_uid"}


def test_kind(item: pytest.Item) -> str:
    marked = [kind for kind in KINDS if item.get_closest_marker(kind)]
    names = set(getattr(item, "fixturenames", ()))
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    shared = {
        name
        for name, defs in definitions.items()
        if name not in CHEAP_SHARED_FIXTURES and any(d.scope != "function" for d in defs)
    }
    if names & BROWSER_FIXTURES:
        found = "browser"
    elif names & BUILD_FIXTURES or shared:
        found = "build"
    else:
        found = "unit"
    if "unit" in marked and found != "unit":
        raise pytest.UsageError(
            f"{item.nodeid} is marked unit but uses {sorted((names & (BROWSER_FIXTURES | BUILD_FIXTURES)) | shared)}:"
            " a unit test needs no build and no browser"
        )
    return marked[-1] if marked else found


# Module fixtures that only start a process over what the session built: each worker may have its own.
CHEAP_MODULE_FIXTURES = {"nginx", "broken_url", "monkeypatch_module"}


# Modules with so many tests on their shared fixture that each worker making it once pays:
# the LMS records' 44 browser tests (the packages take about a minute).
SPREAD_MODULES = {"tests/test_lms_records.py"}


def costly_module(item: pytest.Item) -> str | None:
    """The test's module if the test uses a costly fixture shared by that module's tests
    (a build, packages, a browser over several sites)."""
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    if item.nodeid.split("::")[0] in SPREAD_MODULES:
        return None
    if any(
        defs[-1].scope == "module"
        for name, defs in definitions.items()
        if name not in CHEAP_SHARED_FIXTURES | CHEAP_MODULE_FIXTURES
    ):
        return item.nodeid.split("::")[0]
    return None


# Before xdist reads the groups (--dist loadgroup, make test): the tests that share a module's
# costly fixture run on one worker, so that it is made once, not once per worker.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        kind = test_kind(item)
        if not item.get_closest_marker(kind):
            item.add_marker(kind)
        module = costly_module(item)
        if module and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(module))
        if getattr(config.option, "loadgroup", False):  # An xdist worker under --dist loadgroup.
            _name_group(item)


def _name_group(item: pytest.Item) -> None:
    """What pytest-xdist 3.8 does for --dist loadgroup, and pytest 9.2 lost: the group's name
    after the test's id ('...::test_x[1]@group'), which its scheduler keeps to one worker.
    xdist sets `item._nodeid`; pytest 9.2 reads the id from `item._id`."""
    import dataclasses

    groups = sorted(
        {
            str(m.args[0] if m.args else m.kwargs.get("name", "default"))
            for m in item.iter_markers("xdist_group")
        }
    )
    if not groups or "@" in item.nodeid or not dataclasses.is_dataclass(getattr(item, "_id", None)):
        return
    grouped = dataclasses.replace(item._id)
    object.__setattr__(grouped, "_str_cache", f"{item.nodeid}@{'_'.join(groups)}")
    item._id = grouped


# What a unit test may not start: the engine (a build or `serve`), a browser,
# a web server, the Nu checker, Lighthouse.
HEAVY_COMMANDS = (
    "properdocs",
    "mkdocs",
    "chromium",
    "firefox",
    "WebKitWebDriver",
    "nginx",
    "wrk",
    "java",
    "lighthouse",
    "xvfb-run",
)


def _heavy(args) -> str | None:
    words = [str(a) for a in ([args] if isinstance(args, (str, Path)) else args)]
    for word in words:
        if (
            Path(word.split()[0] if word.strip() else "-").name in HEAVY_COMMANDS
            or "lighthouse" in word
        ):
            return word
    for first, second in itertools.pairwise(words):
        if first == "-m" and second.split(".")[0] in ("properdocs", "mkdocs"):
            return second
    if "mkdocs_training" in words:  # Our CLI: its build, serve, LMS and headers commands build.
        after = words[words.index("mkdocs_training") + 1 :]
        for command in ("build", "serve", "engine", "lms", "headers", "offline-zip"):
            if command in after:
                return f"mkdocs_training {command}"
    return None


@pytest.fixture(autouse=True)
def _unit_tests_stay_light(request, monkeypatch):
    if request.node.get_closest_marker("unit") is None:
        yield
        return
    original = subprocess.Popen.__init__

    def guarded(self, args, *rest, **options):
        heavy = _heavy(args)
        if heavy:
            raise AssertionError(
                f"unit test {request.node.nodeid} started {heavy!r}: mark it "
                "@pytest.mark.build (or browser); unit tests run in `make check`, in seconds"
            )
        original(self, args, *rest, **options)

    monkeypatch.setattr(subprocess.Popen, "__init__", guarded)

    def refuse(*args, **kwargs):
        raise AssertionError(
            f"unit test {request.node.nodeid} serves a site or starts a browser: "
            "mark it @pytest.mark.browser (or build)"
        )

    monkeypatch.setattr(webcheck, "serve", refuse)
    monkeypatch.setattr(webcheck, "nginx", refuse)
    monkeypatch.setattr(webcheck, "launch", refuse)
    yield


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def mkdocs_build(
    config: Path,
    site: Path,
    site_url: str | None = None,
    preview: bool = False,
    offline: bool = False,
    cache: bool = True,
) -> Build:
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


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m mkdocs_training <args>` in `project`, run in this process: the command's own
    `main`, its exit code and what it printed. A new Python for each call cost about a second
    (most of make check); the commands that build still run as processes (mkdocs_build)."""
    import contextlib
    import io
    import logging

    from mkdocs_training import cli

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(project)
    # What the engine logs (a config error, say) goes to stderr, as its command prints it.
    logged = logging.StreamHandler(err)
    logged.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger().addHandler(logged)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exit:  # argparse's usage errors, and sys.exit(message)
                if isinstance(exit.code, str):
                    print(exit.code, file=sys.stderr)
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    finally:
        logging.getLogger().removeHandler(logged)
        os.chdir(here)
    return subprocess.CompletedProcess(
        ["python", "-m", "mkdocs_training", *args], code, out.getvalue(), err.getvalue()
    )


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

    data = yaml.load(
        (config or ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )
    i18n = next(p["i18n"] for p in data["plugins"] if isinstance(p, dict) and "i18n" in p)
    entries = i18n["languages"]
    return [e["locale"] for e in entries if e.get("default") == "true"] + [
        e["locale"] for e in entries if e.get("default") != "true"
    ]


LANGUAGES = configured_languages()


def nav_pages(config: Path | None = None) -> list[str]:
    """The English source of every page in the site's navigation (mkdocs.yml `nav`), sorted,
    e.g. 'modules/customer-service.md'. Tests are parametrised by these; test_site checks
    against the built site's sitemap that they are the pages the build publishes."""
    import yaml

    data = yaml.load(
        (config or ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )
    found: list[str] = []

    def walk(entry) -> None:
        if isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for value in entry:
                walk(value)
        elif isinstance(entry, str) and entry.endswith(".md") and "://" not in entry:
            found.append(entry)

    walk(data["nav"])
    return sorted(found)


def english_pages() -> list[str]:
    """Source paths of the English pages, e.g. 'modules/customer-service.md': the nav's.
    The translators' status page is no training page (no key points, not in the nav);
    the checks of every built file (vnu, security, markup) still read it."""
    return nav_pages()


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
