"""Languages of the site, where each one's pages go, and page/translation pairs.

The list of languages has one source of truth: the i18n plugin in mkdocs.yml.
Everything here works for any number of languages, not only English and Italian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from mkdocs_training import yamlfile
from mkdocs_training.log import log

if TYPE_CHECKING:  # For annotations only: the running engine's config class (engine.py).
    from mkdocs.config.defaults import MkDocsConfig


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
            raise SystemExit("mkdocs.yml: the i18n plugin is not configured; add it under 'plugins:'.")
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
        plugin: Any = config.plugins["i18n"]  # static-i18n's, which has no types.
        return plugin.current_language or Languages.from_config(config).default


# -----------------------------------------------------------------------------
# Pages and their translations
# -----------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def front_matter(text: str) -> dict:
    """The page's front matter; {} when it has none or it is broken (the checks
    in pages.py report broken front matter)."""
    match = FRONT_MATTER.match(text)
    try:
        data = yamlfile.load(match.group(1)) if match else {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def split_locale(path: str, codes: list[str]) -> tuple[str, str | None]:
    """'a/b.it.md' -> ('a/b.md', 'it'); 'a/b.md' -> ('a/b.md', None)."""
    stem, dot, suffix = path.rpartition(".")
    base, _, locale = stem.rpartition(".")
    if base and locale in codes:
        return f"{base}{dot}{suffix}", locale
    return path, None


def source_uri(uri: str) -> str:
    """The English file name of a page, which links should use."""
    return re.sub(r"\.[a-z]{2}(?:_[A-Z]{2})?\.md$", ".md", uri)


def folder(code: str, languages: Languages) -> str:
    """Where a language's pages go, relative to the site root: '' or 'it/'."""
    return "" if code == languages.default else f"{code}/"


def write_per_language(config, languages: Languages, name: str, versions: dict, transform, last: bool,
                       codes: list[str] | None = None) -> None:
    """Write `name` into each language's folder from `versions` (language -> content).

    Each language build writes what the builds so far have made, so whichever
    build is last leaves every language's file right. `codes`: the languages
    this process builds (one, in a parallel build), all by default.
    """
    for code in codes or languages.codes:
        if code not in versions:
            if last:
                log.warning(f"no {name} was made for '{code}'; is its build disabled in mkdocs.yml?")
            continue
        path = Path(config.site_dir) / folder(code, languages) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(transform(versions[code], code), encoding="utf-8")
