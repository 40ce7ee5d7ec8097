"""The engine (ProperDocs, mkdocs_training/core/engine.py): strict mode counts its warnings, the old
command stops with the one to use, a clean build is quiet, and nothing else calls the engine."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_training.core import engine
from tests.conftest import ROOT, make_site, mkdocs_build
from tests.test_parallel import parallel_build


def test_the_engine_in_the_lock_is_the_one_running():
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert f"\n{engine.PACKAGE}=={engine.VERSION} " in lock
    assert engine.running() == engine.PACKAGE  # `import mkdocs` answers with the engine here too.
    import mkdocs.plugins

    assert mkdocs.plugins.__name__ == f"{engine.PACKAGE}.plugins"


@pytest.mark.build
def test_a_broken_link_fails_make_build(tmp_path):
    """`make build` is `python -m mkdocs_training build --strict`: the parallel build, under the engine."""
    result = parallel_build(
        make_site(tmp_path, "broken-link") / "mkdocs.yml", tmp_path / "site", preview=True
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert (
        "Doc file 'modules/m.md' contains a link '../missing.md', but the target 'missing.md' is not found"
        in output
    ), output
    assert "the build of 'en' (English) failed" in output
    assert not (tmp_path / "site").exists()


def test_strict_mode_counts_warnings_where_the_running_engine_logs_them():
    """The parallel build's own warnings (config, merge, sitemap) fail it too: counted on the engine's
    logger, where the plugin's and the legacy `mkdocs.*` loggers' records arrive."""
    from mkdocs_training.core.log import log

    counter = engine.count_warnings()
    old_way = logging.Handler(
        logging.WARNING
    )  # What the parallel build counted before: the `mkdocs` logger.
    old_way.records = []
    old_way.emit = old_way.records.append
    logging.getLogger(engine.LEGACY).addHandler(old_way)
    try:
        log.warning("a warning of the training plugin")
        logging.getLogger(f"{engine.LEGACY}.plugins.other").warning(
            "a plugin that logs under the old name"
        )
        assert counter.get_counts() == [("WARNING", 2)]
        # The hole this closes: the plugin's warning never reached the old counter.
        assert [r.getMessage() for r in old_way.records] == [
            "a plugin that logs under the old name"
        ]
    finally:
        engine.logger().removeHandler(counter)
        logging.getLogger(engine.LEGACY).removeHandler(old_way)


@pytest.mark.build
def test_the_old_mkdocs_command_stops_and_names_the_command_to_use(tmp_path):
    project = make_site(tmp_path, "control")
    old = subprocess.run(
        [sys.executable, "-m", engine.LEGACY, "build", "-d", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=engine.environment(TRAINING_PREVIEW="on"),
        check=False,
    )
    assert old.returncode == 1
    assert (
        f"this site is built with ProperDocs {engine.VERSION}, not MkDocs 1.6.1: run `properdocs build "
        "-f mkdocs.yml`" in old.stderr
    ), old.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.build
def test_a_clean_build_prints_no_warning_and_one_build_time(tmp_path):
    build = mkdocs_build(
        make_site(tmp_path, "control") / "mkdocs.yml", tmp_path / "site", preview=True
    )
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output
    assert "Unable to detect lunr languages" not in build.output
    assert build.output.count("Documentation built in") == 1, build.output
    assert build.output.count("Building documentation to directory") == 1, build.output


def test_static_i18n_filters_reach_the_engines_build_messages():
    """static-i18n hides its nested builds' lines with a filter on the old logger name."""
    engine.follow_legacy_log_filters()
    seen = []
    handler = logging.Handler()
    handler.emit = seen.append
    build_logger = engine.logger("commands.build")
    build_logger.addHandler(handler)
    level = build_logger.level
    build_logger.setLevel(logging.INFO)
    legacy = logging.getLogger(f"{engine.LEGACY}.commands.build")
    hide = lambda record: not record.msg.startswith("Documentation built in")  # noqa: E731 (as static-i18n's)
    # An in-process build earlier in this worker (test_serve) leaves static-i18n's own filter on the
    # legacy logger: set it aside, so the test sees only the filter it adds, whatever ran before.
    earlier = list(legacy.filters)
    for left in earlier:
        legacy.removeFilter(left)
    try:
        build_logger.info("Documentation built in 1.00 seconds")
        legacy.addFilter(hide)
        build_logger.info("Documentation built in 2.00 seconds")
        build_logger.info("Something else")
    finally:
        legacy.removeFilter(hide)
        for left in earlier:
            legacy.addFilter(left)
        build_logger.removeHandler(handler)
        build_logger.setLevel(level)
    assert [r.getMessage() for r in seen] == [
        "Documentation built in 1.00 seconds",
        "Something else",
    ]


# -----------------------------------------------------------------------------
# Nothing but engine.py calls, imports or logs to the engine by name
# -----------------------------------------------------------------------------

DIRECT = [
    (re.compile(r"""["']-m["'],\s*["']mkdocs["']"""), "runs the old engine (python -m mkdocs)"),
    (
        re.compile(r"\$\(BIN\)/(?:mkdocs|properdocs)\b"),
        "runs the engine's command from the Makefile",
    ),
    (re.compile(r"""getLogger\(\s*f?["'](?:mkdocs|properdocs)\b"""), "names the engine's logger"),
    (
        re.compile(r"^\s*(?:from|import) properdocs\b", re.MULTILINE),
        "imports the engine by its new name",
    ),
    (
        re.compile(
            r"^\s*from mkdocs(?:\.commands|\.livereload|\.__main__|\.config import load_config|"
            r"\.utils import (?:CountHandler|clean_directory))\b",
            re.MULTILINE,
        ),
        "uses the engine, not the plugin API",
    ),
]


def direct_engine_uses(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for pattern, what in DIRECT:
            for match in pattern.finditer(text):
                found.append(
                    f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:"
                    f"{text.count(chr(10), 0, match.start()) + 1}: {what}"
                )
    return found


def project_files() -> list[Path]:
    files = [ROOT / "Makefile", *sorted((ROOT / ".ci").glob("*"))]
    for folder in ("mkdocs_training", "tests", "benchmarks"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return [
        path
        for path in files
        if path.is_file() and path.name not in ("engine.py", "test_engine.py")
    ]


def test_nothing_but_the_engine_module_calls_the_engine():
    assert direct_engine_uses(project_files()) == []


def test_the_direct_use_check_catches_each_kind(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'command = [sys.executable, "-m", "mkdocs", "build"]\nlogging.getLogger("mkdocs")\n'
        "from mkdocs.commands import build\nimport properdocs.replacement\n",
        encoding="utf-8",
    )
    makefile = tmp_path / "Makefile"
    makefile.write_text("lms:\n\t$(BIN)/mkdocs build --strict\n", encoding="utf-8")
    assert direct_engine_uses([sample, makefile]) == [
        "sample.py:1: runs the old engine (python -m mkdocs)",
        "sample.py:2: names the engine's logger",
        "sample.py:4: imports the engine by its new name",
        "sample.py:3: uses the engine, not the plugin API",
        "Makefile:2: runs the engine's command from the Makefile",
    ]
