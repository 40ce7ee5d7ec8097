"""The full build `make serve` runs in another process after a fast re-render, and its output put in place."""

from __future__ import annotations

import filecmp
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

from mkdocs_training.core import engine


def background_command(config_file: str, site_dir: str, serve_url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs_training.serve.background",
        config_file,
        site_dir,
        serve_url,
    ]


def background_build(config_file: str, site_dir: str, serve_url: str) -> int:
    """The full build the server runs in the background: as its own, into another folder."""
    engine.console(formatter=logging.Formatter("%(levelname)-7s -  %(message)s"))
    config = engine.load_config(config_file, site_dir=site_dir)
    config.site_url = serve_url
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        engine.build_module().build(config, serve_url=serve_url)
    except BaseException as error:  # noqa: BLE001 - Abort included: the server shows the errors itself.
        print(error, file=sys.stderr)
        return 1
    finally:
        config.plugins.on_shutdown()
    return 0


def replace_site(new: Path, site: Path) -> int:
    """Make `site` hold what `new` holds (files that differ are moved over); the number changed."""
    changed = 0
    kept = set()
    for folder, _, names in os.walk(new):
        for name in names:
            source = Path(folder) / name
            relative = source.relative_to(new)
            kept.add(relative)
            target = site / relative
            if target.is_file() and filecmp.cmp(source, target, shallow=False):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            changed += 1
    for folder, _, names in os.walk(site):
        for name in names:
            target = Path(folder) / name
            if target.relative_to(site) not in kept:
                target.unlink()
                changed += 1
    shutil.rmtree(new, ignore_errors=True)
    return changed


class Background:
    """The full build running in another process after a fast re-render."""

    def __init__(self, config_file: str, serve_url: str) -> None:
        self.config_file = config_file
        self.serve_url = serve_url
        self.process: subprocess.Popen | None = None
        self.folder: Path | None = None
        self.output: IO[bytes] | None = None
        self.started = 0.0

    def start(self) -> None:
        self.stop()
        self.folder = Path(tempfile.mkdtemp(prefix="mkdocs_training_next_"))
        self.output = tempfile.TemporaryFile()  # noqa: SIM115 - the build writes it; result() reads it.
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            background_command(self.config_file, str(self.folder), self.serve_url),
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )

    def running(self) -> bool:
        return self.process is not None

    def finished(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def stop(self) -> bool:
        """Stop the build if one is running; whether one was."""
        was = self.process is not None and self.process.poll() is None
        if self.process is not None:
            if was:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            self.process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        return was

    def result(self) -> tuple[int, Path, str]:
        """The exit status, output folder and log of a finished build (which this forgets)."""
        assert self.process is not None and self.folder is not None and self.output is not None, (
            "not started"
        )
        status = self.process.returncode
        self.output.seek(0)
        text = self.output.read().decode("utf-8", "replace")
        folder = self.folder
        self.process = None
        self.folder = None
        return status, folder, text


if __name__ == "__main__":
    sys.exit(background_build(*sys.argv[1:4]))
