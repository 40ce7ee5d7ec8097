"""YAML from the pages (front matter, knowledge checks), read quickly."""

from __future__ import annotations

import yaml

# libyaml's loader, when PyYAML has it, is about ten times faster than the
# pure-Python one: with hundreds of pages, most of the checks' time.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str):
    """yaml.safe_load(text), faster; invalid YAML raises the pure-Python loader's error, whose
    wording (and line) the checks' messages and their tests rely on."""
    try:
        return yaml.load(text, Loader=_FAST)
    except yaml.YAMLError:
        return yaml.safe_load(text)
