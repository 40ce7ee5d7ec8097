"""Our interface strings (locales/<language>.yml) and the theme labels they translate."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.log import log


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


# Palette toggle labels: mkdocs.yml names them in English. The config object
# is shared by all language builds, so keep the English name to start from.
def localize_theme(config: MkDocsConfig, language: str, ui: dict) -> None:
    for option in config.theme.get("palette") or []:
        toggle = option.get("toggle")
        if toggle:
            name = toggle.setdefault("source_name", toggle["name"])
            if name not in ui["palette"]:
                log.warning(
                    f"mkdocs.yml: palette toggle '{name}' has no entry in "
                    f"locales/{language}.yml under 'palette:'. Add its translation there."
                )
                continue
            toggle["name"] = ui["palette"][name]

    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui["permalink_title"]
