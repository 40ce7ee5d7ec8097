"""The sitemap: one sitemap.xml for the whole site, every page with its language alternates."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training import i18n
from mkdocs_training.context import Site


def add(site: Site, english: Path, language: str, loc: str, alternates: list[dict]) -> None:
    """A page of one language, with the same hreflang pairs its <head> announces."""
    site.sitemap.setdefault(str(english), {})[language] = {"loc": loc, "alternates": alternates}


def write(config: MkDocsConfig, languages: i18n.Languages, site: Site) -> None:
    entries = []
    for _english, by_language in sorted(site.sitemap.items()):
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
