"""A 404 page per language: every language build renders 404.html to the site root, so each version is kept and written to its own folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import normalize_url

from mkdocs_training.core import i18n
from mkdocs_training.core.context import Build, Site


def template_context(context: dict, config: MkDocsConfig, build: Build) -> None:
    # The alternates still point at the last page rendered; on a page that
    # does not exist, the switcher can only offer each language's home.
    # static-i18n sets extra.alternate as an attribute, which templates read
    # before the mapping item; set both.
    extra: Any = config.extra  # An attribute the engine's type for it does not declare.
    alternates = getattr(extra, "alternate", None) or extra.get("alternate") or []
    home = "index.html" if build.offline else ""  # From a folder, a link must name the file.
    roots = [dict(alt, link=i18n.folder(alt["lang"], build.languages) + home) for alt in alternates]
    extra.alternate = roots
    extra["alternate"] = roots
    if build.offline:
        relative_links(context, config, build)


@dataclass
class NotFound:
    """Each language's 404 page, kept across the language builds: language -> HTML."""

    by_language: dict[str, str] = field(default_factory=dict)


def keep(output: str, build: Build, site: Site) -> None:
    site.own(NotFound).by_language[build.language] = output


def write(config: MkDocsConfig, build: Build, site: Site) -> None:
    i18n.write_per_language(
        config,
        build.languages,
        "404.html",
        site.own(NotFound).by_language,
        lambda html, code: html,
        build.is_last,
        build.built_here,
    )


def relative_links(context: dict, config: MkDocsConfig, build: Build) -> None:
    """From a folder (file://) there is no site root: links relative to where this 404 page is written.

    MkDocs gives error pages links from the server's root (/assets/...), so
    that they work at any address; opened as a file, those point at the
    root of the disk. Each language's copy goes to its own folder (write below).
    """
    folder = i18n.folder(build.language, build.languages)
    base = "/".join(".." for _ in folder.strip("/").split("/")) if folder else "."
    context["base_url"] = base
    context["extra_css"] = [normalize_url(path, None, base) for path in config.extra_css]
    context["extra_javascript"] = [
        normalize_url(str(script), None, base) for script in config.extra_javascript
    ]
