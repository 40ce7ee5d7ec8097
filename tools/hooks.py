"""MkDocs hooks of the training library (listed under `hooks:` in mkdocs.yml).

static-i18n builds the site once per language and runs every event again for
each build. These hooks localize the interface strings of that build, check
that each translation keeps the skeleton of its English page, and fill the
markers that pages use for generated content.
"""

from __future__ import annotations

import math
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# MkDocs loads this file by path with only tools/ on sys.path; the project
# root must be there too for the package import below.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import i18n, structure  # noqa: E402

log = get_plugin_logger("training")

# Set for each language build in on_config, read by the later events.
current: dict = {}

# -----------------------------------------------------------------------------
# Configuration: interface strings of the language being built
# -----------------------------------------------------------------------------


# After static-i18n (priority -100) has switched the config to this build's language.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    languages = i18n.Languages.from_config(config)
    language = languages.building(config)
    strings = i18n.load_strings(Path(config.config_file_path).parent, languages.codes)
    if language == languages.default:  # Once per site, not once per language.
        for problem in strings.problems:
            log.warning(problem)
    ui = strings.by_language[language]
    current.clear()
    current.update(languages=languages, language=language, ui=ui, nav=None)

    # Palette toggle labels: mkdocs.yml names them in English. The config object
    # is shared by all language builds, so keep the English name to start from.
    for option in config.theme.get("palette") or []:
        toggle = option.get("toggle")
        if toggle:
            name = toggle.setdefault("source_name", toggle["name"])
            if name not in ui["palette"]:
                log.warning(
                    f"mkdocs.yml: palette toggle '{name}' has no entry in "
                    f"locales/{language}.yml under 'palette:'. Add its translation there."
                )
                continue
            toggle["name"] = ui["palette"][name]

    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui["permalink_title"]
    return config


# -----------------------------------------------------------------------------
# Files: every translation keeps the skeleton of its English page
# -----------------------------------------------------------------------------


# Before static-i18n narrows the files to one language, so all pages are seen.
@event_priority(10)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    languages: i18n.Languages = current["languages"]
    if current["language"] != languages.default:
        return files  # Checked once, in the first (default-language) build.
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    pages = [docs / f.src_path for f in files.documentation_pages()]
    for problem in i18n.check_pages(pages, languages, root):
        log.warning(problem)
    return files


# -----------------------------------------------------------------------------
# Navigation and pages: generated content behind markers
# -----------------------------------------------------------------------------


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    current["nav"] = nav
    return nav


# Templates see this build's interface strings as `ui` (see overrides/).
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    context["ui"] = current["ui"]
    return context


# After static-i18n (priority 50) has pointed config.extra.alternate at this page.
@event_priority(40)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context["ui"] = current["ui"]
    context["hreflang"] = hreflang(config)
    return context


# Absolute language alternates of the page being rendered, and x-default (the
# default language), for the <head> links in overrides/main.html.
def hreflang(config: MkDocsConfig) -> list[dict]:
    languages: i18n.Languages = current["languages"]
    links = {alt["lang"]: urljoin(config.site_url, alt["link"].lstrip("/")) for alt in config.extra.alternate}
    result = [{"lang": code, "href": links[code]} for code in languages.codes if code in links]
    if languages.default in links:
        result.append({"lang": "x-default", "href": links[languages.default]})
    return result


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name in MARKERS:
            return MARKERS[name](page)
        line = markdown.count("\n", 0, match.start()) + 1 + front_matter_lines(page)
        log.warning(
            f"docs/{page.file.src_uri}:{line}: unknown marker '<!-- {name} -->'. "
            f"Known markers: {', '.join(sorted(MARKERS))}."
        )
        return match.group(0)

    return structure.MARKER.sub(fill, markdown)


def front_matter_lines(page: Page) -> int:
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return structure.body_start(source)[1]


# The home page's list of modules: title, summary and reading time of every
# page under modules/, in navigation order, in the language being built.
def module_list(page: Page) -> str:
    ui = current["ui"]
    nav: Navigation = current["nav"]
    here = posixpath.dirname(page.file.src_uri)
    cards = []
    for module in nav.pages:
        if not module.file.src_uri.startswith("modules/"):
            continue
        text = Path(module.file.abs_src_path).read_text(encoding="utf-8")
        meta = i18n.front_matter(text)
        # Link to the English file name: static-i18n resolves the language.
        target = posixpath.relpath(i18n.source_uri(module.file.src_uri), here or ".")
        minutes = reading_minutes(text)
        cards.append(
            f"-   [**{meta['title']}**]({target})\n\n"
            f"    {meta['description']}\n\n"
            f"    {ui['reading_time'].format(minutes=minutes)}\n"
        )
    if not cards:
        log.warning(f"docs/{page.file.src_uri}: '<!-- training:modules -->' found no pages under docs/modules/.")
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n"


WORDS_PER_MINUTE = 200


def reading_minutes(text: str) -> int:
    body, _ = structure.body_start(text)
    words = re.findall(r"\w+", re.sub(r"\{[^}]*\}|<[^>]+>|\([^)]*\.md[^)]*\)", " ", body))
    return max(1, math.ceil(len(words) / WORDS_PER_MINUTE))


MARKERS = {
    "training:modules": module_list,
}


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid_html(output)


# Material's nav-item.html writes tabindex="" on section labels, which is not
# valid HTML (tabindex takes a number) and means the same as no attribute.
def valid_html(output: str) -> str:
    return output.replace(' tabindex=""', "")


# -----------------------------------------------------------------------------
# Build output: one 404 page per language
# -----------------------------------------------------------------------------

# Every language build renders 404.html to the site root, so the last one wins.
# Keep each language's version and write them all once the last build is done.
not_found_pages: dict[str, str] = {}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    output_content = valid_html(output_content)
    if template_name == "404.html":
        not_found_pages[current["language"]] = output_content
    return output_content


# After static-i18n's on_post_build (priority -100), which runs the other
# languages' builds from inside the default language's build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # A nested language build: the outer build writes the pages.
    write_not_found_pages(config)
    disable_sitemap_lookup(config)


def write_not_found_pages(config: MkDocsConfig) -> None:
    languages = i18n.Languages.from_config(config)
    for code in languages.codes:
        if code not in not_found_pages:
            log.warning(f"no 404 page was rendered for '{code}'; is its build disabled in mkdocs.yml?")
            continue
        folder = Path(config.site_dir) / ("" if code == languages.default else code)
        (folder / "404.html").write_text(not_found_pages[code], encoding="utf-8")
    not_found_pages.clear()


# -----------------------------------------------------------------------------
# Build output: Material's alternate-language sitemap lookup
# -----------------------------------------------------------------------------

# On every page Material fetches "sitemap.xml" beside each <link rel=alternate>
# so that its switcher can map a page to its translation. That assumes the
# alternates are language roots; static-i18n links each page to its own
# translation, so every lookup is a 404 (and with absolute alternates, a
# request to the production host). The switcher's links are already right,
# so the lookup is switched off: this is its one call in Material 9.8.1.
SITEMAP_LOOKUP_CALL = "ui({document$:ct});"


def disable_sitemap_lookup(config: MkDocsConfig) -> None:
    bundles = list((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        code = bundle.read_text(encoding="utf-8")
        if code.count(SITEMAP_LOOKUP_CALL) != 1:
            log.warning(
                f"{bundle.name}: Material's sitemap lookup call '{SITEMAP_LOOKUP_CALL}' was not "
                "found exactly once. Material was probably upgraded: find the function that "
                "fetches sitemap.xml for link[rel=alternate] and update SITEMAP_LOOKUP_CALL in "
                "tools/hooks.py."
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
