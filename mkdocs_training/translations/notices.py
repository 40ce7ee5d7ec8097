"""The notices readers see on a page that is not translated yet or is out of date.

Notices go at the top of the content, from overrides/partials/training-notice.html.
Each carries data-training-notice="<kind>" so tests and people can find it.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_training.core import i18n, locales
from mkdocs_training.core.context import Build, Site
from mkdocs_training.translations import status as translations


def with_notice(html: str, page: Page, build: Build, site: Site) -> str:
    languages = build.languages
    if build.is_default:
        return html
    ui = build.ui["notice"]
    original = i18n.file_alternates(page.file).get(languages.default)
    source_url = get_relative_url(original.url, page.url) if original else None
    if build.is_fallback(page):
        notice = render(build, "missing", ui["missing_title"], ui["missing_text"], [], source_url)
        # static-i18n gives each file its language; a fallback's is the default language.
        return f'{notice}<div lang="{i18n.file_locale(page.file, languages.default)}">{html}</div>'
    report = translations.report_of(site)
    assert report is not None  # Every page is read in on_files, before any is rendered.
    status = report.status_of(site.english_path(page.file.src_uri), build.language)
    if status is None or status.state != translations.OUTDATED:
        return html
    own_titles: dict[str, Markup] = {}
    for item in _toc_items(page.toc):
        # Markdown's table of contents holds a heading's text escaped, as HTML.
        own_titles.setdefault(item.id, Markup(item.title))
    sections = []
    for key in status.changed:
        if key == translations.META:
            sections.append({"title": ui["meta"]})
        elif key == translations.INTRO:
            sections.append({"title": ui["intro"]})
        elif key in own_titles:
            sections.append({"title": own_titles[key], "href": f"#{key}"})
        else:  # New in English: there is no translated heading to name it by.
            sections.append({"title": status.titles.get(key, key), "lang": languages.default})
    # "This part changed:" or "These parts changed:", as the language says it for the number.
    text = locales.plural(ui["outdated_text"], len(sections), build.language)
    notice = render(build, "outdated", ui["outdated_title"], text, sections, source_url)
    return notice + html


def _toc_items(toc):
    for item in toc:
        yield item
        yield from _toc_items(item.children)


def render(
    build: Build, kind: str, title: str, text: str, sections: list[dict], source_url: str | None
) -> str:
    return build.template("partials/training-notice.html").render(
        kind=kind,
        title=title,
        text=text,
        sections=sections,
        source_url=source_url,
        source_link=build.ui["notice"]["source_link"],
        source_lang=build.languages.default,
    )
