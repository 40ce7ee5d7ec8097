"""The training modules: the home page's module list, and each module's meta line (reading time, review, owner) and completion button."""

from __future__ import annotations

import html
import math
import posixpath
import re
from pathlib import Path

from babel.dates import format_date
from mkdocs.structure.pages import Page

from mkdocs_training.core import escaping, fragments, i18n, locales, markers, structure
from mkdocs_training.core.context import Build, Site, source_path
from mkdocs_training.core.log import log
from mkdocs_training.core.page_roles import is_module, module_id, review_date, whole_pdf_wanted

WORDS_PER_MINUTE = 200


def page_context(context: dict, page: Page) -> None:
    """The module a page is (its id keys the reader's progress in the page script), or None."""
    context["training_module"] = module_id(page) if is_module(page) else None


def reading_minutes(body: str) -> int:
    """Minutes to read a page's body (the text after its front matter)."""
    body = re.sub(r"(?m)^\s*-?\s*(question|answers|text|correct|feedback):", " ", body)
    words = re.findall(r"\w+", re.sub(r"\{[^}]*\}|<[^>]+>|\([^)]*\.md[^)]*\)", " ", body))
    return max(1, math.ceil(len(words) / WORDS_PER_MINUTE))


# One reading time per module, whatever the language: the English page's,
# with the text its markers show (the scorecard's criteria). Counting each
# translation's own words gave the same module different times (Italian
# takes about 10% more words to say the same), which readers took for
# different content.
def module_minutes(page: Page, build: Build, site: Site) -> int:
    english = Path(build.config.docs_dir) / i18n.source_uri(page.file.src_uri)
    # An orphan translation has no English page (reported as such): its own text, then.
    body, _ = site.body(str(english) if english.is_file() else source_path(page))
    root = Path(build.config.config_file_path).parent
    shown = structure.MARKER.sub(
        lambda m: "\n\n" + markers.marker_text(m.group(1), root, "en") + "\n\n", body
    )
    return reading_minutes(shown)


def reading_time(minutes: int, build: Build) -> str:
    """ "3 min read", in the plural form the language needs for the number."""
    return locales.plural(build.ui["reading_time"], minutes, build.language).format(minutes=minutes)


# Under the title: reading time, last review and owner. At the end: the
# button that marks the module complete.
def module_extras(html: str, page: Page, build: Build, site: Site, pdf_href: str) -> str:
    ui = build.ui
    parts = [reading_time(module_minutes(page, build, site), build)]
    reviewed = review_date(page.meta.get("last_reviewed"))
    if reviewed:  # Otherwise on_files has reported it and the build fails.
        date = format_date(reviewed, format="long", locale=ui["date_locale"])
        parts.append(
            ui["meta"]["reviewed"].format(
                date=date, owner=escaping.plain(page.meta.get("owner", ""))
            )
        )
    line = " · ".join(parts)
    meta = build.macros().meta(line) + build.macros().module_pdf(pdf_href, ui["pdf"])
    html = re.sub(r"(</h1>)", lambda m: m.group(1) + meta, html, count=1)
    return html + build.macros().progress(module_id(page), ui["progress"])


def as_text(value: str) -> str:
    """Text in Markdown: HTML's special characters as entities, which Markdown keeps as they are."""
    return html.escape(str(value), quote=False)


# The home page's list of modules: title, summary and reading time of every
# page under modules/, in navigation order, in the language being built.
def module_list(page: Page, build: Build, site: Site) -> str:
    ui = build.ui
    here = posixpath.dirname(page.file.src_uri)
    cards = []
    assert build.nav is not None  # Markers are filled in on_page_markdown, after on_nav set it.
    for module in build.nav.pages:
        if not is_module(module):
            continue
        source = site.source(source_path(module))
        meta = (
            dict(source.meta) if source else {}
        )  # Unreadable: reported in on_files, and the build fails.
        # Link to the English file name: static-i18n resolves the language.
        target = posixpath.relpath(i18n.source_uri(module.file.src_uri), here or ".")
        minutes = module_minutes(module, build, site)
        lang = i18n.file_locale(module.file, build.language)
        foreign = lang != build.language
        meta = {key: as_text(meta.get(key) or "") for key in ("title", "description")}
        label = (
            f' <span class="training-badge">{as_text(ui["notice"]["english_only"])}</span>'
            if foreign
            else ""
        )
        if foreign:  # Title and summary are in the original language: say so (WCAG 3.1.2).
            meta = {key: f'<span lang="{lang}">{value}</span>' for key, value in meta.items()}
        # A missing title or description is reported by the checks in on_files.
        status = f'<span class="training-status" data-training-status="{html.escape(module_id(module))}"></span>'
        cards.append(
            f"-   [**{meta.get('title') or module.file.src_uri}**]({target}){{ hreflang={lang} }}{label}\n\n"
            f"    {meta.get('description', '')}\n\n"
            f"    {as_text(reading_time(minutes, build))}<br>{status}\n"
        )
    if not cards:
        log.warning(
            f"docs/{page.file.src_uri}: '<!-- training:modules -->' found no pages under docs/modules/."
        )
    whole = ui["pdf"]["file"] if whole_pdf_wanted(build) else ""
    reset = fragments.add(build, page, build.macros().reset(ui["progress"], whole, ui["pdf"]))
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n" + reset
