"""The markers pages use for generated content (`<!-- training:modules -->`), and the Markdown pass that fills them."""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

from mkdocs_training import glossary, modules, quiz, scorecard, structure
from mkdocs_training.context import Build, Site
from mkdocs_training.log import log
from mkdocs_training.translations import language_list, status_page

MARKERS = {
    "training:modules": modules.module_list,
    "training:glossary": glossary.glossary_list,
    "training:criteria": scorecard.criteria_list,
    "training:scorecard": scorecard.form,
    "training:translations": status_page.status_list,
    "training:languages": language_list.language_list,
}


def on_page_markdown(markdown: str, page: Page, build: Build, site: Site) -> str:
    """Markers filled, then quizzes made placeholders; an unknown marker is an error, not a blank."""

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name in MARKERS:
            return MARKERS[name](page, build, site)
        offset = site.body(page.file.abs_src_path)[1]
        line = markdown.count("\n", 0, match.start()) + 1 + offset
        log.warning(
            f"docs/{page.file.src_uri}:{line}: unknown marker '<!-- {name} -->'. "
            f"Known markers: {', '.join(sorted(MARKERS))}."
        )
        return match.group(0)

    markdown = structure.MARKER.sub(fill, markdown)
    return quiz.render_all(markdown, page, build, site)
