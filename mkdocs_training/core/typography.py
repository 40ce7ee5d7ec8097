"""One typographic treatment for all text: the smarty extension's, applied to text from YAML too.

The pages' Markdown gets curly quotes, apostrophes, dashes and ellipses from
Python-Markdown's smarty extension (mkdocs.yml). Text from YAML files
(knowledge checks, glossary, interface strings) is not Markdown, so it is
put through the same smarty patterns here: authors may write ' and " in
either kind of file and readers see ’ “ ” in both.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions.smarty import SmartyExtension

# The options of smarty in mkdocs.yml (none: the defaults); tests/test_training.py
# checks that they agree.
OPTIONS: dict = {}
PLACEHOLDER = re.compile("\u0002wzxhzdk:(\\d+)\u0003")


@functools.lru_cache(maxsize=1)
def _smarty() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SmartyExtension(**OPTIONS)])


@functools.lru_cache(maxsize=4096)
def smarten(text: str) -> str:
    """`text` with smarty's quotes, apostrophes, dashes and ellipses, as Unicode characters."""
    if not re.search(r"['\"]|--|\.\.\.|<<|>>", text):
        return text
    md = _smarty()
    md.htmlStash.reset()
    root = etree.Element("div")
    element = etree.SubElement(root, "p")
    element.text = text
    # Only smarty's own inline processor, so nothing else of Markdown applies.
    md.treeprocessors["smarty"].run(root)
    stash = md.htmlStash.rawHtmlBlocks

    def stashed(match: re.Match[str]) -> str:
        entity = stash[int(match.group(1))]
        # Smarty stashes its substitutions as entity text, never as elements.
        assert isinstance(entity, str)
        return html.unescape(entity)

    return PLACEHOLDER.sub(stashed, "".join(element.itertext()))
