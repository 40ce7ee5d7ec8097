"""Languages of the site, where each one's pages go, and page/translation pairs.

The list of languages has one source of truth: the i18n plugin in mkdocs.yml.
Everything here works for any number of languages, not only English and Italian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs_training.core.log import log

if TYPE_CHECKING:  # For annotations only: the running engine's classes (engine.py).
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File


# -----------------------------------------------------------------------------
# Languages
# -----------------------------------------------------------------------------


@dataclass
class Languages:
    default: str
    codes: list[str]  # Default language first.
    names: dict[str, str]

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Languages:
        plugin = config.plugins.get("i18n")
        if plugin is None:
            raise SystemExit(
                "mkdocs.yml: the i18n plugin is not configured; add it under 'plugins:'."
            )
        entries = plugin.config.languages
        default = next(lang.locale for lang in entries if lang.default)
        codes = [default] + [lang.locale for lang in entries if lang.locale != default]
        return cls(default, codes, {lang.locale: lang.name for lang in entries})

    @property
    def translations(self) -> list[str]:
        return self.codes[1:]

    @staticmethod
    def building(config: MkDocsConfig) -> str:
        """The language of the build that is running now."""
        return current_language(config) or Languages.from_config(config).default


# -----------------------------------------------------------------------------
# What static-i18n adds to the engine's objects (it ships no types)
# -----------------------------------------------------------------------------


def current_language(config: MkDocsConfig) -> str | None:
    """The language static-i18n is building (None before its first build)."""
    plugin: Any = config.plugins["i18n"]  # static-i18n's, which has no types.
    return plugin.current_language


def set_current_language(config: MkDocsConfig, code: str) -> None:
    """Make static-i18n take `code` as the language being built (serve's one-page shortcut)."""
    plugin: Any = config.plugins["i18n"]  # static-i18n's, which has no types.
    plugin.current_language = code


def file_locale(file: File, default: str) -> str:
    """The language of a file's text (File.locale, set by static-i18n); `default` for a file it did not mark."""
    locale: str = getattr(file, "locale", default)
    return locale


def file_alternates(file: File) -> dict[str, File]:
    """The file's version for each language (File.alternates, set by static-i18n); none for a file it did not mark."""
    alternates: dict[str, File] = getattr(file, "alternates", {})
    return alternates


def switcher(config: MkDocsConfig) -> list[dict[str, str]]:
    """The language switcher's entries (lang, name, link) for the page being rendered.

    static-i18n points them at the page as the attribute config.extra.alternate,
    which templates read before the mapping item extra["alternate"].
    """
    entries: list[dict[str, str]] = (
        getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    )
    return entries


# -----------------------------------------------------------------------------
# Pages and their translations
# -----------------------------------------------------------------------------

# A language code as static-i18n 1.3.1 accepts one (config.py, RE_LOCALE):
# 'it', 'pt-BR', 'zh-Hant', 'zh-Hant-TW' or 'pt_BR'. Its suffix layout takes a
# file name's last suffix before '.md' as the language when it is configured
# or looks like this (suffix.py), so page.pt-BR.md is Brazilian Portuguese.
LOCALE = r"[a-z]{2}(?:-[A-Za-z]{4})?(?:-[A-Z]{2})?|[a-z]{2}_[A-Z]{2}"
LANGUAGE_SUFFIX = re.compile(rf"\.({LOCALE})\.md$")


def split_locale(path: str, codes: list[str]) -> tuple[str, str | None]:
    """'a/b.it.md' -> ('a/b.md', 'it'); 'a/b.pt-BR.md' -> ('a/b.md', 'pt-BR'); 'a/b.md' -> ('a/b.md', None)."""
    stem, dot, suffix = path.rpartition(".")
    base, _, locale = stem.rpartition(".")
    if base and locale in codes:
        return f"{base}{dot}{suffix}", locale
    return path, None


def source_uri(uri: str) -> str:
    """The English file name of a page, which links should use: 'a/b.pt-BR.md' -> 'a/b.md'."""
    return LANGUAGE_SUFFIX.sub(".md", uri)


def suffix_language(name: str) -> str | None:
    """The language a file name's suffix names, configured or not: 'm.pt-BR.md' -> 'pt-BR'; 'm.md' -> None."""
    match = LANGUAGE_SUFFIX.search(name)
    return match.group(1) if match else None


def is_locale(code: str) -> bool:
    """A language code as static-i18n accepts one (LOCALE)."""
    return re.fullmatch(LOCALE, code) is not None


def folder(code: str, languages: Languages) -> str:
    """Where a language's pages go, relative to the site root: '' or 'it/'."""
    return "" if code == languages.default else f"{code}/"


def write_per_language(
    config,
    languages: Languages,
    name: str,
    versions: dict,
    transform,
    last: bool,
    codes: list[str] | None = None,
) -> None:
    """Write `name` into each language's folder from `versions` (language -> content).

    Each language build writes what the builds so far have made, so whichever
    build is last leaves every language's file right. `codes`: the languages
    this process builds (one, in a parallel build), all by default.
    """
    for code in codes or languages.codes:
        if code not in versions:
            if last:
                log.warning(
                    f"no {name} was made for '{code}'; is its build disabled in mkdocs.yml?"
                )
            continue
        path = Path(config.site_dir) / folder(code, languages) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(transform(versions[code], code), encoding="utf-8")
