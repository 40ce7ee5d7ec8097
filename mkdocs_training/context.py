"""What the events share: the state of one language build and of the whole site build.

static-i18n builds the site once per language, default language first, and
runs every event again for each build. `Build` is made afresh in on_config
for each language; `Site` lives across the language builds of one site build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_training import i18n
from mkdocs_training.core import sources

if TYPE_CHECKING:
    from mkdocs_training.glossary import Term
    from mkdocs_training.pages import Checked
    from mkdocs_training.translations.status import Report


@dataclass
class Site:
    """Kept across the language builds of one site build."""

    report: Report | None = None  # Every page read and checked once (pages.py, translations/).
    docs: Path = Path("docs")
    root: Path = Path(".")
    unreadable: set[str] = field(default_factory=set)
    not_found: dict[str, str] = field(default_factory=dict)  # Language -> its 404 page.
    search: dict[str, dict] = field(default_factory=dict)  # Language -> its search index.
    sitemap: dict[str, dict] = field(default_factory=dict)  # English page -> language -> entry.

    def source(self, abs_path: str) -> Checked | None:
        """A page's source as read in on_files; None if it could not be read."""
        return self.report.sources.get(self.shown(Path(abs_path))) if self.report else None

    def text(self, abs_path: str) -> str:
        source = self.source(abs_path)
        return source.text if source else sources.plain_text(Path(abs_path).read_text(encoding="utf-8"))

    def body(self, abs_path: str) -> tuple[str, int]:
        """A page's text after its front matter, and the lines before it (the engine's page.markdown starts there)."""
        source = self.source(abs_path)
        if source:
            return source.body, source.body_line
        return sources.body_of(self.text(abs_path))

    def english_path(self, src_uri: str) -> Path:
        """The English page of a page, as messages show it (docs/modules/x.md)."""
        return self.shown(self.docs / i18n.source_uri(src_uri))

    def shown(self, path: Path) -> Path:
        """A path as messages show it: relative to the project."""
        try:
            return path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return path


@dataclass
class Build:
    """One language build: set in on_config, read by the later events."""

    config: MkDocsConfig
    languages: i18n.Languages
    language: str
    ui: dict
    terms: list[Term]
    preview: bool = False
    offline: bool = False
    cache: bool = False
    whole_pdf_max_modules: int = 30  # See config.py.
    only_language: str = ""  # Set: this process builds one language, for parallel.py to merge.
    nav: Navigation | None = None
    by_source: dict[str, Page] = field(default_factory=dict)  # English file name -> page in the nav.
    pages: dict[str, Page] = field(default_factory=dict)  # src_uri -> page, as rendered.
    fragments: dict[int, tuple[str, str]] = field(default_factory=dict)  # Number -> (src_uri, HTML).
    fragment_counts: dict[str, int] = field(default_factory=dict)  # src_uri -> fragments so far.
    env: Any = None
    term_matcher: Any = None  # The glossary's terms as one pattern (glossary.Matcher), made once per build.

    @property
    def is_default(self) -> bool:
        return self.language == self.languages.default

    @property
    def is_last(self) -> bool:
        """The last language build of this process: what depends on every language is written then."""
        return bool(self.only_language) or self.language == self.languages.codes[-1]

    @property
    def is_part(self) -> bool:
        """One language of a parallel build: the whole-site steps wait for the merge (parallel.py)."""
        return bool(self.only_language)

    @property
    def built_here(self) -> list[str]:
        """The languages this process builds."""
        return [self.only_language] if self.only_language else self.languages.codes

    def add_language_context(self, context: dict) -> None:
        """What our templates need: the strings and the root of the language being built."""
        context["ui"] = self.ui
        context["language_root"] = i18n.folder(self.language, self.languages)
        context["site_languages"] = self.languages.codes

    def set_nav(self, nav: Navigation) -> None:
        self.nav = nav
        self.by_source = {}
        for page in nav.pages:  # The first page wins, as a scan of the nav would find it.
            self.by_source.setdefault(i18n.source_uri(page.file.src_uri), page)

    def is_fallback(self, page: Page) -> bool:
        """Shown in this language's site, but written in another (it is not translated yet)."""
        return getattr(page.file, "locale", self.language) != self.language

    def template(self, name: str):
        # MkDocs makes its template environment after rendering pages; this one
        # reads the same theme folders, overrides/ included.
        # Autoescaped: every value our templates print is text (page text,
        # locale strings), unless it is marked as HTML (Markup).
        if self.env is None:
            self.env = self.config.theme.get_env()
            self.env.autoescape = True
            # A string our templates print but locales/ lacks is an error, not a blank.
            self.env.undefined = PrintedUndefined
        return self.env.get_template(name)

    def macros(self) -> Macros:
        """The macros of overrides/partials/training.html."""
        return Macros(self.template("partials/training.html").module)


class PrintedUndefined(jinja2.Undefined):
    """Undefined that may be tested (`{% if x.href %}`) but not printed."""

    __str__ = jinja2.Undefined._fail_with_undefined_error


class Macros:
    """Template macros that return plain strings: code adds to them, and a Markup would escape what is added."""

    def __init__(self, module) -> None:
        self._module = module

    def __getattr__(self, name: str):
        macro = getattr(self._module, name)
        return lambda *args, **kwargs: str(macro(*args, **kwargs))
