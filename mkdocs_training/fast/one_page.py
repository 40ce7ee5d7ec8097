"""Shortcut `one-page`: in `make serve`, one saved page rendered again alone instead of a full rebuild.

What each language build leaves behind is recorded (Recorder), and one
page is rendered again with it (rerender), as the engine's build() renders
it. serve/server.py takes this path for a saved Markdown page whose title
and front matter did not change, then runs a full build in the background
(serve/background.py); with the shortcut off (TRAINING_FAST=off) every save
is a full rebuild, as `properdocs serve` does.
"""

from __future__ import annotations

import copy
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from mkdocs_training import fast
from mkdocs_training.core import engine, i18n
from mkdocs_training.core.context import Build, training_plugin

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
    training_build: Build  # The training plugin's Build for this language.


@dataclass
class Recording:
    config: MkDocsConfig
    pages: list[Path] = field(
        default_factory=list
    )  # Every page of docs/, as the plugin scans them.
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
        return i18n.current_language(config) or ""  # Set before each language build.

    # Before the training plugin scans the pages (priority 10) and before
    # static-i18n narrows them to one language.
    @event_priority(20)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.recording.pages:
            docs = Path(config.docs_dir)
            self.recording.pages = [docs / f.src_path for f in files.documentation_pages()]
            self.recording.sources = {
                os.path.abspath(f.abs_src_path) for f in files if f.abs_src_path
            }
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
            training_build=training_plugin(config).build,
        )
        return env


def restore(config: MkDocsConfig, language: Language) -> None:
    """Put the config and the plugins back in the state of this language's build."""
    for key, value in language.settings.items():
        config.data[key] = copy.deepcopy(value)
    config.theme.clear()
    config.theme.update(copy.deepcopy(language.theme))
    i18n.set_current_language(config, language.code)
    training_plugin(config).build = language.training_build


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
    from mkdocs_training.core.i18n import split_locale
    from mkdocs_training.lms.modules import site_problems
    from mkdocs_training.quiz import blocks as quiz
    from mkdocs_training.translations import status

    name = split_locale(path.resolve().as_posix(), languages.codes)[0]
    group = [
        page
        for page in pages
        if split_locale(Path(page).resolve().as_posix(), languages.codes)[0] == name
    ]
    fresh = status.scan(group, languages, root, checks=[quiz.content_problems])
    problems = fresh.problems + site_problems(
        [checked.source for checked in fresh.sources.values()], languages
    )
    if problems or report.problems or fresh.undecodable:
        raise FullRebuild(f"{problems[0]}" if problems else "pages with problems")
    english = {s.english for s in fresh.statuses}
    sources = {**report.sources, **fresh.sources}
    statuses = [s for s in report.statuses if s.english not in english] + fresh.statuses
    return status.Report(statuses, [], list(report.undecodable), sources)


def forget(build, page) -> None:
    """What the plugin counted of a page's first rendering: the quizzes it made (numbered per page)."""
    build.fragment_counts.pop(page.file.src_uri, None)


def outline(page) -> tuple:
    """What other pages show of a page: its title (navigation, previous/next) and front matter (home page list)."""
    return page.title, dict(page.meta)


def rerender(recording: Recording | None, path: Path, handlers: list[logging.Handler]) -> list[str]:
    """Render the page at `path` again in each language whose site shows it; the URLs written.

    Raises FullRebuild when the page cannot be rendered alone, or the shortcut is off.
    """
    from mkdocs_training.translations import status

    if not fast.enabled("one-page"):
        raise FullRebuild("the one-page shortcut is off (TRAINING_FAST)")
    if recording is None or not recording.complete:
        raise FullRebuild("the last full build did not finish")
    config = recording.config
    targets = [
        (language, file)
        for language in recording.languages.values()
        for file in language.files.documentation_pages()
        if file.abs_src_path is not None and Path(file.abs_src_path) == path
    ]
    if not targets:
        raise FullRebuild("not a page of the last build")
    site = training_plugin(config).site
    held = Warnings()
    engine.logger().addHandler(held)  # The engine's logger: what strict mode counts.
    for handler in handlers:
        handler.addFilter(held_back)
    written = []
    try:
        languages = targets[0][0].training_build.languages
        report = rescan(status.report_of(site), recording.pages, path, languages, site.root)
        status.keep(report, site)
        site.sources = report.sources
        for language, file in targets:
            restore(config, language)
            page = file.page
            if page is None:  # Every page of the last build has one.
                raise FullRebuild("not a page of the last build")
            forget(language.training_build, page)
            before = outline(page)
            try:
                engine.build_module()._populate_page(page, config, language.files)
            except Exception as error:
                raise FullRebuild(f"re-rendering raised {type(error).__name__}: {error}") from error
            if outline(page) != before:
                raise FullRebuild("its title or front matter changed")
            doc_files = language.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            try:
                engine.build_module()._build_page(
                    page, config, doc_files, language.nav, language.env
                )
            except Exception as error:
                raise FullRebuild(f"re-rendering raised {type(error).__name__}: {error}") from error
            page.validate_anchor_links(
                files=language.files, log_level=config.validation.links.anchors
            )
            written.append(page.url or "/")
        if held.records:
            first = held.records[0]
            raise FullRebuild(f"re-rendering warned: {first.getMessage()}")
    finally:
        engine.logger().removeHandler(held)
        for handler in handlers:
            handler.removeFilter(held_back)
    return written
