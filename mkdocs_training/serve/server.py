"""The `make serve` server: the engine's live-reload server, told which files changed, with the fast path."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core import engine
from mkdocs_training.fast import one_page
from mkdocs_training.fast.one_page import FullRebuild, Recorder, Recording
from mkdocs_training.serve.background import Background, replace_site

log = engine.logger("training.serve")
# The engine's private live-reload server and helpers (ARCHITECTURE.md, "Ties to upstream internals").
livereload = engine.livereload_module()
_timestamp = livereload._timestamp
if TYPE_CHECKING:
    LiveReloadServer = engine.LiveReloadServer  # The same class, named for the type checker.
else:
    LiveReloadServer = livereload.LiveReloadServer


class Messages(logging.Handler):
    """The warnings and errors of one build, for the error page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def failure_page(lines: list[str]) -> str:
    """The page every request gets while the site does not build."""
    from html import escape

    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>The site did not build</title>'
        "</head><body><h1>The site did not build</h1><p>Fix what is named below and save: this page "
        "reloads by itself.</p>\n<pre data-training-build-error>"
        + escape("\n".join(lines), quote=False)
        + "</pre></body></html>\n"
    )


class Server(LiveReloadServer):
    """The engine's live-reload server, told which files changed, with a fast path for one page."""

    def __init__(
        self, config_file: str, host: str, port: int, handlers: list[logging.Handler]
    ) -> None:
        self.config_file = os.path.abspath(config_file)
        self.site_dir = tempfile.mkdtemp(prefix="mkdocs_")
        self.handlers = handlers
        self.recording: Recording | None = None
        self.config = self.load()
        self.config.plugins.on_startup(command="serve", dirty=False)
        mount_path = urlsplit(self.config.site_url or "/").path
        # The address the server gives itself (self.url), needed before it exists; written
        # here rather than taken from the engine's private _serve_url().
        self.serve_url = f"http://{host}:{port}{('/' + mount_path.strip('/')).rstrip('/')}/"
        self.config.site_url = self.serve_url
        self.background = Background(self.config_file, self.serve_url)
        self.changes: set[str] = (
            set()
        )  # Files changed since the last build, created, deleted or moved.
        self.failure: list[str] | None = (
            None  # The last full build's messages, while it has failed.
        )
        # Files are polled (as by properdocs serve, which found events unreliable),
        # every 0.2 s rather than 0.5 s: the wait is most of the time from save to page.
        super().__init__(
            builder=self.full_build,
            host=host,
            port=port,
            root=self.site_dir,
            mount_path=mount_path,
            polling_interval=0.2,
        )
        if self.url != self.serve_url:
            raise RuntimeError(
                f"the live-reload server serves {self.url}, not {self.serve_url}: "
                "update Server.__init__ in mkdocs_training/serve/server.py"
            )
        self.error_handler = self.error_page

    def load(self) -> MkDocsConfig:
        config = engine.load_config(self.config_file, site_dir=self.site_dir)
        if getattr(self, "serve_url", None):
            config.site_url = self.serve_url
        return config

    # While the site does not build, every page is the error (file, line, fix), in the browser
    # as in the terminal; the live-reload script reloads it once a save fixes the site.
    def _serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith("/livereload/") and path.endswith(("/", ".html")):
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                failure, epoch = self.failure, self._visible_epoch
            if failure is not None:
                page = self._inject_js_into_html(failure_page(failure).encode("utf-8"), epoch)
                start_response(
                    "500 Internal Server Error",
                    [
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Content-Length", str(len(page))),
                    ],
                )
                return [page]
        return super()._serve_request(environ, start_response)

    def error_page(self, code: int) -> bytes | None:
        page = Path(self.site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    def full_build(self, config: MkDocsConfig | None = None) -> None:
        config = config or self.load()
        recording = Recording(config)
        self.recording = None
        config.plugins["training-serve-recorder"] = Recorder(recording)
        engine.build_module().build(config, serve_url=self.serve_url)
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
                self.changes.add(os.path.abspath(os.fsdecode(event.src_path)))
                if getattr(event, "dest_path", ""):
                    self.changes.add(os.path.abspath(os.fsdecode(event.dest_path)))
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        class Handler(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
                callback(event)

        self._watch_refs[path] = self.observer.schedule(Handler(), path, recursive=recursive)

    def _build_loop(self) -> None:
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(
                    lambda: self._want_rebuild or self._shutdown, timeout=self.shutdown_delay
                ):
                    if self.background.finished():
                        break
                if self._shutdown:
                    break
                changes = None
                if self._want_rebuild:
                    while self._rebuild_cond.wait(timeout=self.build_delay):
                        pass  # Wait for the saving to stop.
                    changes, self.changes = self.changes, set()
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

    def changed(self, changes: set[str]) -> None:
        paths = self.relevant(changes)
        if not paths:
            return  # Only files MkDocs leaves out (an editor's .swp) or gone again.
        if self.background.stop():
            log.info("Background rebuild stopped: newer changes")
        self._wanted_epoch = _timestamp()  # Requests wait from here until publish().
        start = time.monotonic()
        try:
            path = self.one_page(paths)
            written = one_page.rerender(self.recording, path, self.handlers)
        except FullRebuild as reason:
            log.info(f"Full rebuild ({', '.join(sorted(self.shown(p) for p in paths))}): {reason}")
            self.rebuild()
            return
        log.info(
            f"Fast path: {self.shown(str(path))} rendered again ({', '.join(written)}) "
            f"in {time.monotonic() - start:.2f} s; full rebuild in the background"
        )
        self.publish()
        self.background.start()

    def rebuild(self) -> None:
        """The full path, as properdocs serve takes it; on failure the pages show the error until a fix."""
        self._wanted_epoch = _timestamp()
        messages = Messages()
        engine.logger().addHandler(messages)
        try:
            self.full_build()
        except Exception as error:  # noqa: BLE001 - shown on every page until a save fixes it, as the engine does.
            if isinstance(error, SystemExit):
                print(error, file=sys.stderr)
            else:
                import traceback

                traceback.print_exc()
            log.error(
                "An error happened during the rebuild. Every page shows it until a save fixes it."
            )
            self.failure = messages.lines + [str(error)]
            self.publish()
            return
        finally:
            engine.logger().removeHandler(messages)
        self.failure = None
        self.publish()

    def background_done(self) -> None:
        status, folder, _output = self.background.result()
        seconds = time.monotonic() - self.background.started
        if status != 0:
            shutil.rmtree(folder, ignore_errors=True)
            log.info(
                f"Background rebuild failed after {seconds:.1f} s; full rebuild here to show the errors"
            )
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
        for folder in ("locales", "glossary", "scorecard"):
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
