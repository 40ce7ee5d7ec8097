"""The engine that builds the site, ProperDocs 1.6 (the maintained MkDocs 1.x): the one module that knows it.

Everything that imports the engine, runs it, names its logger or reads its
version does it here, so that a change of engine is a change of this file
(and of the ties listed in ARCHITECTURE.md, "Ties to upstream internals").

- Imports. Material and static-i18n, and the plugin API our modules use
  (`mkdocs.config`, `mkdocs.plugins`, `mkdocs.structure`...), import the
  engine under its old name, `mkdocs`. The `properdocs` command maps those
  imports to `properdocs.*` (properdocs.replacement). A process of ours
  (`python -m mkdocs_training`, pytest, the benchmarks) must do the same
  before anything imports `mkdocs`, or it gets the old MkDocs package, which
  is still installed because Material requires it: importing
  `mkdocs_training` does it (its __init__ imports this module first).
- Commands. The engine runs in a subprocess as `python -m properdocs ...`
  (command()); nothing else names the command.
- Logging. ProperDocs logs to the `properdocs` logger, not `mkdocs`; the old
  name is made a child of it (as the properdocs command does), so that what
  plugins log there is shown and counted in strict mode too.
- Under the old `mkdocs` command the training plugin stops at once, naming
  the command to use (require_engine()): half of a build on the old engine
  and half on the new would not be the site that is tested.
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # For the type checker only, under the name plugins use: serve/server.py subclasses
    # LiveReloadServer.
    from mkdocs.livereload import LiveReloadServer as LiveReloadServer
    from properdocs.utils import CountHandler

NAME = "ProperDocs"
PACKAGE = "properdocs"  # Its distribution, its module (python -m) and its console command.
LOGGER = "properdocs"  # Where it logs; its own modules log under properdocs.<module>.
LEGACY = "mkdocs"  # The name plugins import it by, and an older logger name some still use.


def _activate() -> None:
    """Redirect `mkdocs.*` imports to the engine in this process, unless the old MkDocs already runs it."""
    if LEGACY not in sys.modules:
        import properdocs.replacement  # noqa: F401 (the import installs the redirection)
    engine_logger = logging.getLogger(LOGGER)
    legacy = logging.getLogger(LEGACY)
    if legacy.parent is not engine_logger and running() == PACKAGE:
        legacy.parent = engine_logger
        legacy.setLevel(logging.NOTSET)
        legacy.propagate = True


def running() -> str:
    """The package that answers to `import mkdocs` in this process: 'properdocs', or 'mkdocs' (the old one)."""
    module = sys.modules.get(LEGACY)
    return module.__name__ if module is not None else ""


_activate()

VERSION = importlib.metadata.version(PACKAGE)


def require_engine() -> None:
    """Stop a build that the old `mkdocs` command started, with the command to use instead."""
    if running() != PACKAGE:
        # The running engine's own error: it prints it plainly.
        from mkdocs.exceptions import PluginError

        old = getattr(sys.modules.get(LEGACY), "__version__", "?")
        raise PluginError(
            f"this site is built with {NAME} {VERSION}, not MkDocs {old}: run `{PACKAGE} build -f mkdocs.yml` "
            f"or `{PACKAGE} serve -f mkdocs.yml` in place of `mkdocs ...` (or `make build`, `make serve`)."
        )


def command(*arguments: str) -> list[str]:
    """The engine's command line, run with this Python: command('build', '--strict')."""
    return [sys.executable, "-m", PACKAGE, *arguments]


def environment(base: dict[str, str] | None = None, **extra: str) -> dict[str, str]:
    """The environment for the engine's command; Material 9.8's end-of-life banner is known, so not printed."""
    return dict(os.environ if base is None else base, NO_MKDOCS_2_WARNING="1", **extra)


def logger(name: str = "") -> logging.Logger:
    """The engine's logger, or a child of it ('training.serve' -> properdocs.training.serve)."""
    return logging.getLogger(f"{LOGGER}.{name}" if name else LOGGER)


def console(
    level: int = logging.INFO, formatter: logging.Formatter | None = None
) -> logging.Handler:
    """Print the engine's messages as its own command does (`INFO    -  ...`); the handler added."""
    from properdocs.__main__ import ColorFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(formatter or ColorFormatter())
    log = logger()
    log.setLevel(level)
    log.propagate = False
    log.addHandler(handler)
    return handler


def count_warnings() -> CountHandler:
    """A handler that counts the warnings and errors the engine and every plugin log (strict mode)."""
    from properdocs.utils import CountHandler

    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger().addHandler(counter)
    return counter


def load_config(config_file: str, **overrides):
    """mkdocs.yml loaded as the engine loads it (its plugins too), in this process."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from properdocs.config import load_config as load

    return load(str(config_file), **overrides)


def follow_legacy_log_filters() -> None:
    """Apply to the engine's build messages the filters plugins put on the old logger name.

    static-i18n hides the "Documentation built in..." line of each nested
    language build with a filter on `mkdocs.commands.build`; the engine logs
    it on `properdocs.commands.build`, so without this it is printed once per
    language (ARCHITECTURE.md, tie "static-i18n's build log filter").
    """
    build_logger = logger("commands.build")
    if LEGACY != LOGGER and not any(isinstance(f, _LegacyFilters) for f in build_logger.filters):
        build_logger.addFilter(_LegacyFilters())


class _LegacyFilters(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return bool(logging.getLogger(f"{LEGACY}.commands.build").filter(record))


# -----------------------------------------------------------------------------
# Internals `make serve` uses (ARCHITECTURE.md: "the live-reload server and
# _build_page"); tests/test_drift.py checks their signatures.
# -----------------------------------------------------------------------------


def build_module():
    """The engine's build module: build(), and the private _populate_page() and _build_page()."""
    from properdocs.commands import build

    return build


def livereload_module():
    """The engine's live-reload server module: LiveReloadServer, and the private _timestamp()."""
    from properdocs import livereload

    return livereload


def clean_directory(path: str) -> None:
    """Empty a folder but keep its hidden files, as the engine does before a build."""
    from properdocs.utils import clean_directory as clean

    clean(path)
