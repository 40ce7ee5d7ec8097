"""The parallel build (`python -m mkdocs_training build`, what `make build` runs):
the same bytes as `mkdocs build`, and every failure of a language's process stops it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_training.fast import parallel
from tests.conftest import ROOT, differences, make_site, mkdocs_build


def parallel_build(
    config: Path, site: Path, preview: bool = False, cache: bool = True
) -> subprocess.CompletedProcess:
    """`python -m mkdocs_training build --strict`, with the environment conftest.mkdocs_build sets."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in (
        "SITE_URL",
        "TRAINING_PREVIEW",
        "TRAINING_OFFLINE",
        "TRAINING_CACHE",
        "TRAINING_LANGUAGE",
    ):
        env.pop(name, None)
    if preview:
        env["TRAINING_PREVIEW"] = "on"
    if not cache:
        env["TRAINING_CACHE"] = "off"
    return subprocess.run(
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
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """The real site, full (PDFs and compressed copies made afresh, no cache): sequential and parallel."""
    tmp = tmp_path_factory.mktemp("parallel")
    sequential = mkdocs_build(ROOT / "mkdocs.yml", tmp / "sequential", cache=False)
    assert sequential.returncode == 0, sequential.output
    result = parallel_build(ROOT / "mkdocs.yml", tmp / "parallel", cache=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return sequential.site, tmp / "parallel", result.stdout + result.stderr


def test_parallel_build_is_byte_identical_to_mkdocs_build(two_sites):
    sequential, parallel_site, _ = two_sites
    files = [p.relative_to(sequential).as_posix() for p in sequential.rglob("*") if p.is_file()]
    # Both languages' pages, PDFs, search indexes and 404 pages, and the whole-site files.
    for name in (
        "index.html",
        "it/index.html",
        "staff-training.pdf",
        "it/formazione-del-personale.pdf",
        "modules/customer-service/customer-service.pdf",
        "it/modules/customer-service/customer-service.pdf",
        "search/search_index.json",
        "it/search/search_index.json",
        "404.html",
        "it/404.html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "_headers",
        "index.html.br",
        "it/index.html.gz",
    ):
        assert name in files
    assert differences(sequential, parallel_site) == []
    # Nothing of the work left beside the site.
    assert not (parallel_site.parent / f".{parallel_site.name}-languages").exists()


def test_each_language_was_built_in_its_own_process(two_sites):
    output = two_sites[2]
    assert "Building 'en' documentation to directory" in output
    assert "Building 'it' documentation to directory" in output
    assert output.count("Documentation built in") == 3  # Each language, then the whole.


def test_comparison_catches_one_changed_byte_and_a_missing_file(two_sites, tmp_path):
    sequential, parallel_site, _ = two_sites
    changed = tmp_path / "changed"
    shutil.copytree(parallel_site, changed)
    page = changed / "it" / "index.html"
    page.write_bytes(page.read_bytes().replace(b'hreflang="en"', b'hreflang="it"', 1))
    (changed / "sitemap.xml.gz").unlink()
    assert differences(sequential, changed) == ["it/index.html", "sitemap.xml.gz"]


@pytest.mark.build
def test_a_warning_in_one_language_fails_the_build_with_its_message(tmp_path):
    """The Italian page alone holds an on...= attribute: only the Italian process warns."""
    project = make_site(tmp_path, "italian-only-problem")
    site = tmp_path / "site"
    site.mkdir()
    (site / "kept.txt").write_text("from an earlier build", encoding="utf-8")
    result = parallel_build(project / "mkdocs.yml", site, preview=True)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "docs/modules/m.it.md" in output and "onclick" in output
    assert "the build of 'it' (Italiano) failed" in output
    assert "the build of 'en'" not in output
    # The site folder is left as it was.
    assert [p.name for p in site.iterdir()] == ["kept.txt"]


@pytest.mark.build
def test_control_fixture_builds_in_parallel_as_in_sequence(tmp_path):
    """The same fixture without the problem: both ways, the same bytes (no PDFs: a preview)."""
    project = make_site(tmp_path, "control")
    sequential = mkdocs_build(project / "mkdocs.yml", tmp_path / "sequential", preview=True)
    assert sequential.returncode == 0, sequential.output
    result = parallel_build(project / "mkdocs.yml", tmp_path / "parallel", preview=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(sequential.site, tmp_path / "parallel") == []


def test_merge_refuses_a_shared_file_the_languages_wrote_differently(tmp_path):
    parts = {}
    for code, colour in (("en", "red"), ("it", "blue")):
        folder = tmp_path / code
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "extra.css").write_text(f"a {{ color: {colour} }}", encoding="utf-8")
        (folder / "assets" / "same.js").write_text("same", encoding="utf-8")
        page = folder / (code if code != "en" else "") / "index.html"
        page.parent.mkdir(exist_ok=True)
        page.write_text(code, encoding="utf-8")
        parts[code] = folder
    site = tmp_path / "site"
    problems = parallel.merge(parts, site)
    assert problems == [
        f"{site / 'assets' / 'extra.css'}: the 'en' and 'it' builds wrote different versions"
    ]
    assert not site.exists()
    # Once the same, the files merge: each once, every language's own.
    (tmp_path / "it" / "assets" / "extra.css").write_text("a { color: red }", encoding="utf-8")
    assert parallel.merge(parts, site) == []
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "assets/extra.css",
        "assets/same.js",
        "index.html",
        "it/index.html",
    ]
