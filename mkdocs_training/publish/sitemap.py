"""The sitemap: one sitemap.xml for the whole site, every page with its language alternates."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mkdocs_training.core import i18n
from mkdocs_training.core.context import Build, Site


@dataclass
class Entries:
    """The sitemap's entries, kept across the language builds: English page -> language -> entry."""

    by_page: dict[str, dict] = field(default_factory=dict)


def add(page: Page, hreflang: list[dict], build: Build, site: Site) -> None:
    """A page of this language (not a fallback), with the same hreflang pairs its <head> announces."""
    english = site.english_path(page.file.src_uri)
    entry = {"loc": page.canonical_url, "alternates": hreflang}
    site.own(Entries).by_page.setdefault(str(english), {})[build.language] = entry


def write(config: MkDocsConfig, languages: i18n.Languages, site: Site) -> None:
    entries = []
    for _english, by_language in sorted(site.own(Entries).by_page.items()):
        for code in languages.codes:
            if code not in by_language:
                continue
            entry = by_language[code]
            links = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang="{a["lang"]}" href="{escape(a["href"])}"/>'
                for a in entry["alternates"]
            )
            entries.append(f"  <url>\n    <loc>{escape(entry['loc'])}</loc>{links}\n  </url>\n")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "".join(entries) + "</urlset>\n"
    )
    path = Path(config.site_dir) / "sitemap.xml"
    path.write_text(xml, encoding="utf-8")
    path.with_suffix(".xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
