"""Fixes to what Material writes: invalid HTML in its templates, and its sitemap lookup for the language switcher."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core.log import log


# Material's nav-item.html writes tabindex="" on section labels, which is not
# valid HTML (tabindex takes a number) and means the same as no attribute.
def valid_html(output: str) -> str:
    return output.replace(' tabindex=""', "")


# On every page Material fetches "sitemap.xml" beside each <link rel=alternate>
# so that its switcher can map a page to its translation. That assumes the
# alternates are language roots; static-i18n links each page to its own
# translation, so every lookup is a 404 (and with absolute alternates, a
# request to the production host). The switcher's links are already right,
# so the lookup is switched off: this is its one call in Material 9.8.2.
SITEMAP_LOOKUP_CALL = "ui({document$:ct});"


def disable_sitemap_lookup(config: MkDocsConfig) -> None:
    bundles = list((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        code = bundle.read_text(encoding="utf-8")
        if SITEMAP_LOOKUP_CALL not in code and "sourceMappingURL" not in code:
            continue  # Already done by an earlier language build.
        if code.count(SITEMAP_LOOKUP_CALL) != 1:
            log.warning(
                f"{bundle.name}: Material's sitemap lookup call '{SITEMAP_LOOKUP_CALL}' was not "
                "found exactly once. Material was probably upgraded: find the function that "
                "fetches sitemap.xml for link[rel=alternate] and update SITEMAP_LOOKUP_CALL in "
                "mkdocs_training/publish/theme.py."
            )
            continue
        code = code.replace(SITEMAP_LOOKUP_CALL, "")
        # The source map no longer matches the edited bundle; a wrong map is
        # worse than none, so the reference and the map go.
        code = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", code)
        bundle.write_text(code, encoding="utf-8")
        bundle.with_name(bundle.name + ".map").unlink(missing_ok=True)
    if not bundles:
        log.warning("no Material bundle.*.min.js in the built site; the theme has changed.")
