"""Each page's language links: the switcher's targets, hreflang, and the canonical URL of an untranslated page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mkdocs_training.core import i18n
from mkdocs_training.core.context import Build, Site
from mkdocs_training.translations import status as translations


# After static-i18n (priority 50) has pointed config.extra.alternate at this page.
def language_links(
    context: dict[str, Any], page: Page, config: MkDocsConfig, build: Build, site: Site
) -> None:
    languages = build.languages
    # static-i18n links the home pages' switcher to "/" and "/it/": absolute
    # paths, wrong on a sub-path and from a folder. Every page gets the same
    # site-relative links instead (the template makes them page-relative).
    alternates = i18n.file_alternates(page.file)
    switcher = i18n.switcher(config)
    for alt in switcher:
        if alt["lang"] in alternates:
            alt["link"] = alternates[alt["lang"]].url
    links = {
        alt["lang"]: urljoin(config.site_url or "", alt["link"].lstrip("/")) for alt in switcher
    }
    if build.is_fallback(page):
        # Not a page in this language: point search engines at the original,
        # and announce no alternates for it.
        page.canonical_url = links.get(
            i18n.file_locale(page.file, build.language), page.canonical_url
        )
        context["hreflang"] = []
        return
    # Announce only the languages the page really exists in.
    english = site.english_path(page.file.src_uri)
    report = translations.report_of(site)
    status = {
        code: report.status_of(english, code) if report else None for code in languages.translations
    }
    real = [
        code
        for code in languages.codes
        if code in links
        and (
            code == languages.default
            or ((known := status[code]) is not None and known.state != translations.MISSING)
        )
    ]
    context["hreflang"] = [{"lang": code, "href": links[code]} for code in real]
    if len(real) > 1:
        context["hreflang"].append({"lang": "x-default", "href": links[languages.default]})
    else:
        context["hreflang"] = []
