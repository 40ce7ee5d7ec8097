"""`make serve`: the preview server, which shows an edited page again in well under a second.

`mkdocs serve` rebuilds both languages on every save (20 s at 100 modules).
This server does one full build first, as MkDocs does, and records for each
language what rendering one page again needs: the config as static-i18n set
it for that language, the files, the navigation, the template environment
and the plugins' language state. Then, on each save:

- fast path: one Markdown page changed and its title and front matter did
  not. That page alone is rendered again, with every plugin's page events
  (in each language whose site shows it), and the browser reloads. A full
  build then runs in the background, in another process, into a separate
  folder, so that what derives from many pages (search index, the other
  language's translation notice, home page list, sitemap) catches up; its
  output replaces the served site and the browser reloads again. A newer
  save stops it and starts it afresh.
- full path, as `mkdocs serve` does: anything else (mkdocs.yml, locales,
  glossary, a new or deleted file, a title change) and a page whose
  re-render raises or warns. Errors show as they do under `mkdocs serve`:
  logged, and the server waits (requests hang) until a save fixes them.

The log says which path each save took, and why a save took the full one.
"""

from __future__ import annotations

import copy
import filecmp
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url, _timestamp
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.training.serve")

# Config entries that are not copied per language: they hold live objects.
# (The theme is copied apart; the extensions' settings are per language:
# static-i18n and Material translate the headings' permalink title.)
SHARED = {"plugins", "theme", "hooks"}


class FullRebuild(Exception):
    """The save must take the full path; the message says why."""


# -----------------------------------------------------------------------------
# What one language build leaves behind for re-rendering a page
# -----------------------------------------------------------------------------


@dataclass
class Language:
    code: str
    settings: dict[str, Any]  # config entries as static-i18n set them for this language
    theme: dict[str, Any]  # theme options (language, palette...) for this language
    files: Files
    nav: Navigation
    env: Any
    training_build: Any  # The training plugin's Build for this language.


@dataclass
class Recording:
    config: MkDocsConfig
    pages: list[Path] = field(default_factory=list)  # Every page of docs/, as the plugin scans them.
    languages: dict[str, Language] = field(default_factory=dict)
    navs: dict[str, Navigation] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)  # Every file of docs/ the build read.
    complete: bool = False  # The whole build succeeded.


class Recorder(BasePlugin):
    """Added to the config of each full build (not to mkdocs.yml): records each language build."""

    def __init__(self, recording: Recording) -> None:
        self.recording = recording

    @staticmethod
    def language(config: MkDocsConfig) -> str:
        return config.plugins["i18n"].current_language

    # Before the training plugin scans the pages (priority 10) and before
    # static-i18n narrows them to one language.
    @event_priority(20)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.recording.pages:
            docs = Path(config.docs_dir)
            self.recording.pages = [docs / f.src_path for f in files.documentation_pages()]
            self.recording.sources = {os.path.abspath(f.abs_src_path) for f in files if f.abs_src_path}
        return files

    @event_priority(-1000)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.recording.navs[self.language(config)] = nav
        return nav

    # After every page is read, before any is written: the config is this language's.
    @event_priority(-1000)
    def on_env(self, env, config: MkDocsConfig, files: Files):
        code = self.language(config)
        self.recording.languages[code] = Language(
            code=code,
            settings={k: copy.deepcopy(v) for k, v in config.data.items() if k not in SHARED},
            theme=copy.deepcopy(dict(config.theme)),
            files=files,
            nav=self.recording.navs[code],
            env=env,
            training_build=config.plugins["training"].build,
        )
        return env


def restore(config: MkDocsConfig, language: Language) -> None:
    """Put the config and the plugins back in the state of this language's build."""
    for key, value in language.settings.items():
        config.data[key] = copy.deepcopy(value)
    config.theme.clear()
    config.theme.update(copy.deepcopy(language.theme))
    config.plugins["i18n"].current_language = language.code
    config.plugins["training"].build = language.training_build


# -----------------------------------------------------------------------------
# The fast path: one page rendered again
# -----------------------------------------------------------------------------


class Warnings(logging.Handler):
    """The warnings and errors logged while a page is rendered again (as the strict build counts them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def held_back(record: logging.LogRecord) -> bool:
    """Filter for the console meanwhile: the full rebuild that follows a warning shows it."""
    return record.levelno < logging.WARNING


def rescan(report, pages: list[Path], path: Path, languages, root: Path):
    """The plugin's reading of every page (on_files), with the edited page's group read again.

    A page and its translations are read and checked together, as on_files
    does for all of them; the other groups' results stay as they were.
    """
    from mkdocs_training.i18n import split_locale
    from mkdocs_training.lms.modules import site_problems
    from mkdocs_training.translations import status

    name = split_locale(path.resolve().as_posix(), languages.codes)[0]
    group = [page for page in pages if split_locale(Path(page).resolve().as_posix(), languages.codes)[0] == name]
    fresh = status.scan(group, languages, root)
    problems = fresh.problems + site_problems(group, languages, root)
    if problems or report.problems or fresh.undecodable:
        raise FullRebuild(f"{problems[0]}" if problems else "pages with problems")
    english = {s.english for s in fresh.statuses}
    sources = {**report.sources, **fresh.sources}
    statuses = [s for s in report.statuses if s.english not in english] + fresh.statuses
    return status.Report(statuses, [], list(report.undecodable), sources)


def outline(page) -> tuple:
    """What other pages show of a page: its title (navigation, previous/next) and front matter (home page list)."""
    return page.title, dict(page.meta)


def rerender(recording: Recording | None, path: Path, handlers: list[logging.Handler]) -> list[str]:
    """Render the page at `path` again in each language whose site shows it; the URLs written.

    Raises FullRebuild when the page cannot be rendered alone.
    """
    if recording is None or not recording.complete:
        raise FullRebuild("the last full build did not finish")
    config = recording.config
    targets = [(language, file) for language in recording.languages.values()
               for file in language.files.documentation_pages() if Path(file.abs_src_path) == path]
    if not targets:
        raise FullRebuild("not a page of the last build")
    training = config.plugins["training"]
    site = training.site
    held = Warnings()
    logging.getLogger("mkdocs").addHandler(held)
    for handler in handlers:
        handler.addFilter(held_back)
    written = []
    try:
        languages = targets[0][0].training_build.languages
        report = rescan(site.report, recording.pages, path, languages, site.root)
        site.report = report
        for language, file in targets:
            restore(config, language)
            page = file.page
            before = outline(page)
            try:
                mkdocs_build._populate_page(page, config, language.files)
            except Exception as error:
                raise FullRebuild(f"re-rendering raised {type(error).__name__}: {error}") from error
            if outline(page) != before:
                raise FullRebuild("its title or front matter changed")
            doc_files = language.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            try:
                mkdocs_build._build_page(page, config, doc_files, language.nav, language.env)
            except Exception as error:
                raise FullRebuild(f"re-rendering raised {type(error).__name__}: {error}") from error
            page.validate_anchor_links(files=language.files, log_level=config.validation.links.anchors)
            written.append(page.url or "/")
        if held.records:
            first = held.records[0]
            raise FullRebuild(f"re-rendering warned: {first.getMessage()}")
    finally:
        logging.getLogger("mkdocs").removeHandler(held)
        for handler in handlers:
            handler.removeFilter(held_back)
    return written


# -----------------------------------------------------------------------------
# The full build, in this process or in the background
# -----------------------------------------------------------------------------


def background_command(config_file: str, site_dir: str, serve_url: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs_training.serve", config_file, site_dir, serve_url]


def background_build(config_file: str, site_dir: str, serve_url: str) -> int:
    """The full build the server runs in the background: as its own, into another folder."""
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(console)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    config = load_config(config_file, site_dir=site_dir)
    config.site_url = serve_url
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build.build(config, serve_url=serve_url)
    except BaseException as error:  # Abort included: the server shows the errors itself.
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
        self.output = None
        self.started = 0.0

    def start(self) -> None:
        self.stop()
        self.folder = Path(tempfile.mkdtemp(prefix="mkdocs_training_next_"))
        self.output = tempfile.TemporaryFile()
        self.started = time.monotonic()
        self.process = subprocess.Popen(background_command(self.config_file, str(self.folder), self.serve_url),
                                        stdout=self.output, stderr=subprocess.STDOUT)

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
        status = self.process.returncode
        self.output.seek(0)
        text = self.output.read().decode("utf-8", "replace")
        folder = self.folder
        self.process = None
        self.folder = None
        return status, folder, text


# -----------------------------------------------------------------------------
# The server
# -----------------------------------------------------------------------------


class Server(LiveReloadServer):
    """MkDocs' live-reload server, told which files changed, with a fast path for one page."""

    def __init__(self, config_file: str, host: str, port: int, handlers: list[logging.Handler]) -> None:
        self.config_file = os.path.abspath(config_file)
        self.site_dir = tempfile.mkdtemp(prefix="mkdocs_")
        self.handlers = handlers
        self.recording: Recording | None = None
        self.config = self.load()
        self.config.plugins.on_startup(command="serve", dirty=False)
        mount_path = urlsplit(self.config.site_url or "/").path
        self.serve_url = _serve_url(host, port, mount_path)
        self.config.site_url = self.serve_url
        self.background = Background(self.config_file, self.serve_url)
        self.changes: list[tuple[str, str]] = []  # (event type, path)
        self.ready = threading.Event()  # Set once the first build is served.
        # Files are polled (as by mkdocs serve, which found events unreliable),
        # every 0.2 s rather than 0.5 s: the wait is most of the time from save to page.
        super().__init__(builder=self.full_build, host=host, port=port, root=self.site_dir, mount_path=mount_path,
                         polling_interval=0.2)
        self.error_handler = self.error_page

    def load(self) -> MkDocsConfig:
        config = load_config(self.config_file, site_dir=self.site_dir)
        if getattr(self, "serve_url", None):
            config.site_url = self.serve_url
        return config

    def error_page(self, code: int) -> bytes | None:
        page = Path(self.site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    def full_build(self, config: MkDocsConfig | None = None) -> None:
        config = config or self.load()
        recording = Recording(config)
        self.recording = None
        config.plugins["training-serve-recorder"] = Recorder(recording)
        mkdocs_build.build(config, serve_url=self.serve_url)
        recording.complete = True
        self.recording = recording

    # As LiveReloadServer.watch, but the callback also keeps which files changed.
    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        import watchdog.events

        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event) -> None:
            if event.is_directory:
                return
            with self._rebuild_cond:
                self.changes.append((event.event_type, os.fsdecode(event.src_path)))
                if getattr(event, "dest_path", ""):
                    self.changes.append((event.event_type, os.fsdecode(event.dest_path)))
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def _build_loop(self) -> None:
        self.ready.set()
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(lambda: self._want_rebuild or self._shutdown,
                                                      timeout=self.shutdown_delay):
                    if self.background.finished():
                        break
                if self._shutdown:
                    break
                changes = None
                if self._want_rebuild:
                    while self._rebuild_cond.wait(timeout=self.build_delay):
                        pass  # Wait for the saving to stop.
                    changes, self.changes = self.changes, []
                    self._want_rebuild = False
            if changes is None:
                self.background_done()
            else:
                self.changed(changes)
        self.background.stop()

    def publish(self) -> None:
        with self._epoch_cond:
            log.info("Reloading browsers")
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()

    def changed(self, changes: list[tuple[str, str]]) -> None:
        paths = self.relevant({os.path.abspath(p) for _, p in changes})
        if not paths:
            return  # Only files MkDocs leaves out (an editor's .swp) or gone again.
        if self.background.stop():
            log.info("Background rebuild stopped: newer changes")
        self._wanted_epoch = _timestamp()  # Requests wait from here until publish().
        start = time.monotonic()
        try:
            path = self.one_page(paths)
            written = rerender(self.recording, path, self.handlers)
        except FullRebuild as reason:
            log.info(f"Full rebuild ({', '.join(sorted(self.shown(p) for p in paths))}): {reason}")
            self.rebuild()
            return
        log.info(f"Fast path: {self.shown(str(path))} rendered again ({', '.join(written)}) "
                 f"in {time.monotonic() - start:.2f} s; full rebuild in the background")
        self.publish()
        self.background.start()

    def rebuild(self) -> None:
        """The full path, as mkdocs serve takes it: on failure the server waits for a fix."""
        self._wanted_epoch = _timestamp()
        try:
            self.full_build()
        except Exception as error:
            if isinstance(error, SystemExit):
                print(error, file=sys.stderr)
            else:
                import traceback

                traceback.print_exc()
            log.error("An error happened during the rebuild. The server will appear stuck until "
                      "build errors are resolved.")
            return
        self.publish()

    def background_done(self) -> None:
        status, folder, output = self.background.result()
        seconds = time.monotonic() - self.background.started
        if status != 0:
            shutil.rmtree(folder, ignore_errors=True)
            log.info(f"Background rebuild failed after {seconds:.1f} s; full rebuild here to show the errors")
            self.rebuild()
            return
        self._wanted_epoch = _timestamp()
        changed = replace_site(folder, Path(self.site_dir))
        log.info(f"Background rebuild done in {seconds:.1f} s ({changed} files changed)")
        self.publish()

    def relevant(self, paths: set[str]) -> set[str]:
        """The changed files a build reads: not dotfiles (MkDocs leaves them out), not files come and gone."""
        known = self.recording.sources if self.recording else set()
        root = Path(self.config_file).parent
        kept = set()
        for path in paths:
            try:
                parts = Path(path).relative_to(root).parts
            except ValueError:
                parts = Path(path).parts
            if any(part.startswith(".") for part in parts):
                continue
            if not os.path.exists(path) and self.recording is not None and path not in known:
                continue
            kept.add(path)
        return kept

    def one_page(self, paths: set[str]) -> Path:
        """The one Markdown page that changed (whether saved in place or replaced by the editor)."""
        if len(paths) != 1:
            raise FullRebuild(f"{len(paths)} files changed")
        path = Path(next(iter(paths)))
        if not path.exists():
            raise FullRebuild("a file was deleted")
        docs = Path(self.config.docs_dir).resolve()
        if path.suffix != ".md" or docs not in path.resolve().parents:
            raise FullRebuild("not a Markdown page under docs/")
        return path

    def shown(self, path: str) -> str:
        try:
            return str(Path(path).resolve().relative_to(Path(self.config_file).parent))
        except ValueError:
            return path

    def start(self) -> None:
        """The first build, then serving and watching (until shutdown())."""
        try:
            self.full_build(self.config)
        except Exception:
            self.cleanup()
            raise
        root = Path(self.config_file).parent
        self.watch(self.config.docs_dir)
        self.watch(self.config_file)
        # The plugin reads these too; MkDocs does not know to watch them.
        for folder in ("locales", "glossary"):
            if (root / folder).is_dir():
                self.watch(str(root / folder))
        self.config.plugins.on_serve(self, config=self.config, builder=self.full_build)
        for item in self.config.watch:
            self.watch(item)
        try:
            self.serve()
        finally:
            self.cleanup()

    def cleanup(self) -> None:
        self.background.stop()
        self.config.plugins.on_shutdown()
        shutil.rmtree(self.site_dir, ignore_errors=True)


def console_handler() -> logging.Handler:
    """MkDocs' own console output (as `mkdocs serve` prints it)."""
    from mkdocs.__main__ import ColorFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def serve(config_file: str, dev_addr: str) -> int:
    host, _, port = dev_addr.rpartition(":")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    server = Server(config_file, host, int(port), [console_handler()])

    # Stopped as by Ctrl+C, so that the background build and temporary folders go too.
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.start()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(background_build(*sys.argv[1:4]))
