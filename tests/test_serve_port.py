"""`make serve`'s port: PORT=... picks it, and a busy one is said in one line, with the fix, before any build."""

from __future__ import annotations

import socket
import subprocess

import pytest
from conftest import ROOT, make_site
from test_xliff import run

from tests.browser import webcheck


@pytest.mark.build
def test_a_busy_port_is_named_with_the_fix_and_nothing_is_built(tmp_path):
    project = make_site(tmp_path, "control")
    port = webcheck.free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = run(project, "serve", "--dev-addr", f"127.0.0.1:{port}", in_process=False)
    assert result.returncode == 1
    assert result.stderr == (
        f"127.0.0.1:{port} is not free (Address already in use): another make serve, or another program, "
        f"uses it. Pick another port: make serve PORT={port + 1}\n"
    )
    assert not (project / "site").exists()


def test_make_serve_takes_the_port_from_port():
    dry = subprocess.run(
        ["make", "-n", "serve", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert dry.returncode == 0, dry.stderr
    assert "python -m mkdocs_training serve --dev-addr 127.0.0.1:8123" in dry.stdout
