"""What the events share: the state of one language build and of the whole site build.

static-i18n builds the site once per language, default language first, and
runs every event again for each build. `Build` is made afresh in on_config
for each language; `Site` lives across the language builds of one site build.

Both hold only what every feature needs (the config, the languages, the
strings, the navigation, the pages as read). A feature's own state is an
object of its own class, kept on either with `own()`: core knows none of its
fields, and no feature reads another's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_training.core import i18n
from mkdocs_training.core.pages import Checked
from mkdocs_training.core.sources import body_of, plain_text

if TYPE_CHECKING:
    from mkdocs.utils.templates import TemplateContext

State = TypeVar("State")


def source_path(page: Page) -> str:
    """The page's file in docs/, as Site.source/text/body take it.

    The engine's File has no source file only when a plugin generated it
    from a string; no plugin of this site makes pages that way.
    """
    path = page.file.abs_src_path
    if path is None:
        raise RuntimeError(f"{page.file.src_uri}: a generated page, with no file in docs/ to read")
    return path


def template_values(context: TemplateContext) -> dict[str, Any]:
    """A template context as the dict it is, to add the keys our templates read (ui, hreflang...).

    The engine types the context with its own keys only (a TypedDict); the
    plugins add theirs to the same dict, static-i18n too.
    """
    return cast("dict[str, Any]", context)


class Owner:
    """Keeps each feature's own state, one object per class, made on first use."""

    _owned: dict[type, Any]

    def own(self, kind: type[State]) -> State:
        """The state of class `kind` (a feature's), made with no arguments the first time it is asked for."""
        if kind not in self._owned:
            self._owned[kind] = kind()
        return self._owned[kind]


@dataclass
class Site(Owner):
    """Kept across the language builds of one site build."""

    docs: Path = Path("docs")
    root: Path = Path(".")
    sources: dict[Path, Checked] = field(
        default_factory=dict
    )  # Every readable page, read once (pages.py).
    unreadable: set[str] = field(default_factory=set)
    _owned: dict[type, Any] = field(default_factory=dict, repr=False)

    def source(self, abs_path: str) -> Checked | None:
        """A page's source as read in on_files; None if it could not be read."""
        return self.sources.get(self.shown(Path(abs_path)))

    def text(self, abs_path: str) -> str:
        source = self.source(abs_path)
        return source.text if source else plain_text(Path(abs_path).read_text(encoding="utf-8"))

    def body(self, abs_path: str) -> tuple[str, int]:
        """A page's text after its front matter, and the lines before it (the engine's page.markdown starts there)."""
        source = self.source(abs_path)
        if source:
            return source.body, source.body_line
        return body_of(self.text(abs_path))

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
class Build(Owner):
    """One language build: set in on_config, read by the later events."""

    config: MkDocsConfig
    languages: i18n.Languages
    language: str
    ui: dict
    preview: bool = False
    offline: bool = False
    cache: bool = False
    whole_pdf_max_modules: int = 30  # See config.py.
    only_language: str = ""  # Set: this process builds one language, for parallel.py to merge.
    nav: Navigation | None = None
    by_source: dict[str, Page] = field(
        default_factory=dict
    )  # English file name -> page in the nav.
    fragments: dict[int, tuple[str, str]] = field(
        default_factory=dict
    )  # Number -> (src_uri, HTML).
    fragment_counts: dict[str, int] = field(default_factory=dict)  # src_uri -> fragments so far.
    env: Any = None
    _owned: dict[type, Any] = field(default_factory=dict, repr=False)

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
        return i18n.file_locale(page.file, self.language) != self.language

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


class Plugin(Protocol):
    """What the training plugin (plugin.py) keeps across its events."""

    site: Site
    build: Build


def training_plugin(config: MkDocsConfig) -> Plugin:
    """The training plugin of a loaded config, for code that reaches it there (serve's fast/one_page.py).

    config.plugins types each plugin as BasePlugin, and a room may not import
    plugin.py (tests/test_architecture.py): Plugin names what is read of it.
    """
    return cast("Plugin", config.plugins["training"])


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
