"""A 404 page per language: every language build renders 404.html to the site root, so each version is kept and written to its own folder."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training import i18n
from mkdocs_training.context import Build, Site


def template_context(config: MkDocsConfig, build: Build) -> None:
    # The alternates still point at the last page rendered; on a page that
    # does not exist, the switcher can only offer each language's home.
    # static-i18n sets extra.alternate as an attribute, which templates read
    # before the mapping item; set both.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    roots = [dict(alt, link=i18n.folder(alt["lang"], build.languages)) for alt in alternates]
    config.extra.alternate = roots
    config.extra["alternate"] = roots


def keep(output: str, build: Build, site: Site) -> None:
    site.not_found[build.language] = output


def write(config: MkDocsConfig, build: Build, site: Site) -> None:
    i18n.write_per_language(config, build.languages, "404.html", site.not_found,
                            lambda html, code: html, build.is_last)
