"""Languages of the site, their interface strings, and page/translation pairs.

The list of languages has one source of truth: the i18n plugin in mkdocs.yml.
Everything here works for any number of languages, not only English and Italian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
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
    def from_config(cls, config: MkDocsConfig) -> "Languages":
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
        plugin = config.plugins["i18n"]
        return plugin.current_language or Languages.from_config(config).default


# -----------------------------------------------------------------------------
# Interface strings (locales/<language>.yml)
# -----------------------------------------------------------------------------


@dataclass
class Strings:
    by_language: dict[str, dict]
    problems: list[str] = field(default_factory=list)


def _keys(data: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in data.items():
        keys.add(prefix + str(key))
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


def load_strings(root: Path, codes: list[str]) -> Strings:
    """Every language's strings, with a problem for each file or key that is missing."""
    result = Strings({})
    for code in codes:
        path = root / "locales" / f"{code}.yml"
        try:
            result.by_language[code] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            result.problems.append(
                f"locales/{code}.yml is missing: copy locales/{codes[0]}.yml and translate it."
            )
            result.by_language[code] = {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            result.problems.append(f"locales/{code}.yml{line}: not valid YAML ({error}). Fix the syntax.")
            result.by_language[code] = {}
    reference = _keys(result.by_language[codes[0]])
    for code in codes[1:]:
        have = _keys(result.by_language[code])
        for key in sorted(reference - have):
            result.problems.append(f"locales/{code}.yml: key '{key}' is missing; translate it from locales/{codes[0]}.yml.")
        for key in sorted(have - reference):
            result.problems.append(f"locales/{code}.yml: key '{key}' is not in locales/{codes[0]}.yml; remove it or add it there.")
        # Build on: a missing string shows in English, and the strict build fails on the warning above.
        result.by_language[code] = _merged(result.by_language[codes[0]], result.by_language[code])
    return result


def _merged(base: dict, over: dict) -> dict:
    """`over` on top of `base`, key by key at every level."""
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merged(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


# -----------------------------------------------------------------------------
# Pages and their translations
# -----------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def front_matter(text: str) -> dict:
    """The page's front matter; {} when it has none or it is broken (the checks
    in tools/translations.py report broken front matter)."""
    match = FRONT_MATTER.match(text)
    try:
        data = yaml.safe_load(match.group(1)) if match else {}
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
