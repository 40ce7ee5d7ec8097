"""Every built page through the W3C Nu Html Checker: no errors.

The Nu checker is the reference validator (the W3C's own service runs it);
it knows rules html-validate does not, such as where autocomplete and
ARIA roles are allowed. It runs offline from the vnu-jar npm package with
Debian's Java (default-jre-headless), all pages in one call.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BROKEN = Path(__file__).parent / "fixtures" / "vnu" / "broken.html"


def vnu(pages: list[Path]) -> subprocess.CompletedProcess:
    java = shutil.which("java")
    if not java:
        pytest.fail(
            "Java is missing: apt-get install default-jre-headless (make test does, as root)"
        )
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make test does)")
    return subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--stdout", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_page_has_no_nu_checker_error(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    result = vnu(pages)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.build
def test_nu_checker_catches_attributes_html_does_not_allow():
    result = vnu([BROKEN])
    assert result.returncode == 1
    assert "Attribute “autocomplete” is only allowed" in result.stdout, result.stdout
    assert "“role” attribute must not be used on any “label”" in result.stdout, result.stdout
