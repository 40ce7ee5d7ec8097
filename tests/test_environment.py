"""The tests' own environment: no option of the shell that runs them reaches them (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT


def test_no_training_option_or_site_url_reaches_the_tests():
    leaked = sorted(
        name for name in os.environ if name.startswith("TRAINING_") or name == "SITE_URL"
    )
    assert leaked == [], f"{leaked} reached the tests: builds would not be the full ones"


@pytest.mark.slow  # A second pytest: make test runs it, make check does not.
def test_options_exported_in_the_shell_are_cleared_for_the_whole_session():
    """With TRAINING_PREVIEW=on exported, a build would skip its PDFs and the PDF tests would
    read nothing; the session clears it (and every other TRAINING_* and SITE_URL) first."""
    exported = dict(
        os.environ,
        TRAINING_PREVIEW="on",
        TRAINING_OFFLINE="on",
        TRAINING_SOMETHING_NEW="1",
        SITE_URL="http://example.com/",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "tests/test_environment.py::test_no_training_option_or_site_url_reaches_the_tests",
        ],
        cwd=ROOT,
        env=exported,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
