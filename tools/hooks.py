"""MkDocs hooks of the training library (listed under `hooks:` in mkdocs.yml).

static-i18n builds the site once per language, default language first, and
runs every event again for each build. These hooks:

- localize our interface strings for the language being built;
- check every page once (bad input, and each translation against its
  English page), failing the strict build on problems;
- tell readers when a page is not in their language or is out of date;
- fill the markers that pages use for generated content;
- write what static-i18n leaves shared or wrong: a 404 page, a search
  index and a sitemap per language.
"""

from __future__ import annotations

import datetime
import gzip
import json
import math
import os
import posixpath
import re
import sys
from pathlib import Path

from babel.dates import format_date
from bs4 import BeautifulSoup, NavigableString
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# MkDocs loads this file by path with only tools/ on sys.path; the project
# root must be there too for the package import below.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import deploy, glossary, i18n, pdf, quiz, structure, translations  # noqa: E402

log = get_plugin_logger("training")

# Set for each language build in on_config, read by the later events.
current: dict = {}
# Kept across the language builds of one site build.
site: dict = {"report": None, "unreadable": set(), "not_found": {}, "search": {}, "sitemap": {}}

# -----------------------------------------------------------------------------
# Configuration: interface strings of the language being built
# -----------------------------------------------------------------------------


# Before the search plugin (priority 0) sets up this build's index. static-i18n
# has already chosen the language of the build (it sets it before each build).
@event_priority(10)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    languages = i18n.Languages.from_config(config)
    language = languages.building(config)
    one_search_index_per_language(config, language)
    strings = i18n.load_strings(Path(config.config_file_path).parent, languages.codes)
    if language == languages.default:  # Once per site, not once per language.
        for problem in strings.problems:
            log.warning(problem)
    ui = strings.by_language[language]
    terms = glossary.load(Path(config.config_file_path).parent, languages.codes)
    if language == languages.default:
        for problem in terms.problems:
            log.warning(problem)
    current.clear()
    current.update(languages=languages, language=language, ui=ui, nav=None, env=None, config=config,
                   terms=terms.by_language.get(language, []), fragments={})

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
    if offline():
        # Opened from a folder: links must name files, and search needs the
        # iframe-worker shim (copied from its npm package, never a CDN).
        config.use_directory_urls = False
        config.extra["polyfills"] = [SHIM_TARGET]
    return config


# -----------------------------------------------------------------------------
# Modes: `make offline` builds for file://, `make serve` is a quick preview
# -----------------------------------------------------------------------------

SHIM_SOURCE = Path(__file__).resolve().parent.parent / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"


def offline() -> bool:
    return os.environ.get("TRAINING_OFFLINE", "off") == "on"


# `make serve` sets TRAINING_PREVIEW=on: no PDFs, no precompressed files.
# The published build (`mkdocs build`, `make build`) always makes them.
def preview() -> bool:
    return os.environ.get("TRAINING_PREVIEW", "off") == "on"


# Each language gets its own search index with its own stemmer: the search
# plugin keeps the first build's language unless told, and static-i18n merges
# every language's entries into the root index after the last build even with
# reconfigure_search off. That merge is switched off here; on_post_build
# writes one index per language instead.
def one_search_index_per_language(config: MkDocsConfig, language: str) -> None:
    search = config.plugins.get("material/search")
    if search is None:
        log.warning("mkdocs.yml: the search plugin is not configured; add 'search' under 'plugins:'.")
        return
    search.config.lang = [language]
    i18n_plugin = config.plugins["i18n"]
    if not hasattr(i18n_plugin, "reconfigure_search_index"):
        log.warning(
            "mkdocs-static-i18n no longer has reconfigure_search_index(): check how it "
            "writes the search index and update one_search_index_per_language() in tools/hooks.py."
        )
        return
    i18n_plugin.reconfigure_search_index = lambda config: None


# -----------------------------------------------------------------------------
# Files: every page checked once, before static-i18n narrows them to one language
# -----------------------------------------------------------------------------


@event_priority(10)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    languages: i18n.Languages = current["languages"]
    if current["language"] == languages.default:
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir)
        pages = [docs / f.src_path for f in files.documentation_pages()]
        report = translations.scan(pages, languages, root)
        for problem in report.problems:
            log.warning(problem)
        site.update(report=report, docs=docs, root=root, not_found={}, search={}, sitemap={})
        # A page that is not UTF-8 is reported above; MkDocs would only add a
        # traceback for it, so it is left out of the build (which fails anyway).
        site["unreadable"] = {str(path) for path in report.undecodable}
    for file in list(files.documentation_pages()):
        if str(_shown(Path(config.docs_dir) / file.src_path)) in site["unreadable"]:
            files.remove(file)
    return files


def _shown(path: Path) -> Path:
    try:
        return path.resolve().relative_to(site["root"].resolve())
    except ValueError:
        return path


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    current["nav"] = nav
    return nav


# -----------------------------------------------------------------------------
# Pages: the reader always knows when a page is not current in their language
# -----------------------------------------------------------------------------


def is_fallback(page: Page) -> bool:
    """Shown in this language's site, but written in another (it is not translated yet)."""
    return getattr(page.file, "locale", current["language"]) != current["language"]


def english_path(page: Page) -> Path:
    return _shown(site["docs"] / i18n.source_uri(page.file.src_uri))


def status_of(page: Page) -> translations.Status | None:
    return site["report"].status_of(english_path(page), current["language"])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_fallback(page):
        # The other language's text must not turn up in this language's search.
        page.meta["search"] = {"exclude": True}

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

    markdown = structure.MARKER.sub(fill, markdown)
    return quiz.FENCE.sub(lambda match: render_quiz(page, match), markdown)


# A quiz becomes a placeholder paragraph here and its HTML in on_page_content,
# so that Markdown never sees (or rewraps) the form.
def render_quiz(page: Page, match: re.Match) -> str:
    questions, _ = quiz.parse(match.group(1), Path(page.file.src_uri), 1)  # Problems: see on_files.
    number = sum(1 for key in current["fragments"] if key.startswith(page.file.src_uri)) + 1
    html = macros().quiz(f"quiz-{number}", questions, current["ui"]["quiz"])
    return fragment(page, html)


def fragment(page: Page, html: str) -> str:
    key = f"{page.file.src_uri}#{len(current['fragments'])}"
    current["fragments"][key] = html
    return f"\n\nTRAINING-FRAGMENT-{len(current['fragments']) - 1}\n\n"


def put_fragments(html: str, page: Page) -> str:
    def put(match: re.Match) -> str:
        for key, value in current["fragments"].items():
            if key.startswith(f"{page.file.src_uri}#") and key.endswith(f"#{match.group(1)}"):
                return value
        raise ValueError(f"{page.file.src_uri}: fragment {match.group(1)} was lost")

    return re.sub(r"<p>TRAINING-FRAGMENT-(\d+)</p>", put, html)


def macros():
    # MkDocs makes its template environment after rendering pages; this one
    # reads the same theme folders, overrides/ included.
    if current["env"] is None:
        current["env"] = current["config"].theme.get_env()
    return current["env"].get_template("partials/training.html").module


def front_matter_lines(page: Page) -> int:
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return structure.body_start(source)[1]


# Notices go at the top of the content, from overrides/partials/training-notice.html.
# Each carries data-training-notice="<kind>" so tests and people can find it.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = put_fragments(html, page)
    if is_module(page):
        html = module_extras(html, page)
    if not is_fallback(page) and i18n.source_uri(page.file.src_uri) != GLOSSARY_PAGE:
        html = link_terms(html, page)
    return with_notice(html, page)


def with_notice(html: str, page: Page) -> str:
    languages: i18n.Languages = current["languages"]
    if current["language"] == languages.default:
        return html
    ui = current["ui"]["notice"]
    original = getattr(page.file, "alternates", {}).get(languages.default)
    source_url = get_relative_url(original.url, page.url) if original else None
    if is_fallback(page):
        notice = render_notice("missing", ui["missing_title"], ui["missing_text"], [], source_url)
        return f'{notice}<div lang="{page.file.locale}">{html}</div>'
    status = status_of(page)
    if status is None or status.state != translations.OUTDATED:
        return html
    own_ids = {item.id for item in _toc_items(page.toc)}
    sections = []
    for key in status.changed:
        if key == translations.META:
            sections.append({"title": ui["meta"]})
        elif key == translations.INTRO:
            sections.append({"title": ui["intro"]})
        elif key in own_ids:
            title = next(item.title for item in _toc_items(page.toc) if item.id == key)
            sections.append({"title": title, "href": f"#{key}"})
        else:  # New in English: there is no translated heading to name it by.
            sections.append({"title": status.titles.get(key, key), "lang": languages.default})
    notice = render_notice("outdated", ui["outdated_title"], ui["outdated_text"], sections, source_url)
    return notice + html


def _toc_items(toc):
    for item in toc:
        yield item
        yield from _toc_items(item.children)


def render_notice(kind: str, title: str, text: str, sections: list[dict], source_url: str | None) -> str:
    macros()  # Makes sure the template environment exists.
    template = current["env"].get_template("partials/training-notice.html")
    return template.render(
        kind=kind, title=title, text=text, sections=sections, source_url=source_url,
        source_link=current["ui"]["notice"]["source_link"], source_lang=current["languages"].default,
    )


def review_date(value) -> datetime.date | None:
    """A page's last_reviewed, or None when it is missing or not a date."""
    return value if isinstance(value, datetime.date) else None


def is_module(page: Page) -> bool:
    return page.file.src_uri.startswith("modules/")


def module_id(page: Page) -> str:
    """The same in every language, so progress follows the reader across languages."""
    return Path(i18n.source_uri(page.file.src_uri)).stem


# Under the title: reading time, last review and owner. At the end: the
# button that marks the module complete.
def module_extras(html: str, page: Page) -> str:
    ui = current["ui"]
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    parts = [ui["reading_time"].format(minutes=reading_minutes(text))]
    reviewed = review_date(page.meta.get("last_reviewed"))
    if reviewed:  # Otherwise on_files has reported it and the build fails.
        date = format_date(reviewed, format="long", locale=ui["date_locale"])
        parts.append(ui["meta"]["reviewed"].format(date=date, owner=page.meta.get("owner", "")))
    line = " · ".join(parts)
    meta = macros().meta(line)
    html = re.sub(r"(</h1>)", lambda m: m.group(1) + meta, html, count=1)
    return html + macros().progress(module_id(page), ui["progress"])


GLOSSARY_PAGE = "glossary.md"
# Where terms are not linked: headings, links, code, form labels, and the
# tooltips themselves.
NO_TERMS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend",
            "button", "script", "style", "dt", "summary"}


def glossary_url(page: Page) -> str | None:
    for other in current["nav"].pages if current["nav"] else []:
        if i18n.source_uri(other.file.src_uri) == GLOSSARY_PAGE:
            return get_relative_url(other.url, page.url)
    return None


# The first use of each glossary term on a page links to its entry and shows
# its definition on hover and keyboard focus.
def link_terms(html: str, page: Page) -> str:
    href = glossary_url(page)
    if not href or not current["terms"]:
        return html
    forms = sorted(
        ((form, term) for term in current["terms"] for form in term.forms),
        key=lambda pair: -len(pair[0]),
    )
    # Words of a term may be split across lines in the HTML: any whitespace matches.
    pattern = re.compile(
        r"\b(" + "|".join(r"\s+".join(map(re.escape, f.split())) for f, _ in forms) + r")\b", re.I
    )
    by_form = {" ".join(form.lower().split()): term for form, term in forms}
    soup = BeautifulSoup(html, "html.parser")
    done: set[str] = set()
    queue = list(soup.find_all(string=True))
    while queue:
        text = queue.pop(0)
        if any(parent.name in NO_TERMS for parent in text.parents):
            continue
        if any("admonition-title" in (parent.get("class") or []) or parent.has_attr("data-training-meta")
               for parent in text.parents if parent.name):
            continue
        def term_of(match: re.Match) -> glossary.Term:
            return by_form[" ".join(match.group(1).lower().split())]

        match = next((m for m in pattern.finditer(text) if term_of(m).id not in done), None)
        if match is None:
            continue
        term = term_of(match)
        done.add(term.id)
        element = BeautifulSoup(
            macros().term(term.id, match.group(1), term.definition, f"{href}#{term.id}"), "html.parser"
        )
        rest = NavigableString(text[match.end():])
        text.replace_with(NavigableString(text[: match.start()]), element, rest)
        queue.insert(0, rest)  # Other terms may follow in the same text.
    return str(soup)


# After static-i18n (priority 50) has pointed config.extra.alternate at this page.
@event_priority(40)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    languages: i18n.Languages = current["languages"]
    add_language_context(context)
    context["training_module"] = module_id(page) if is_module(page) else None
    # static-i18n links the home pages' switcher to "/" and "/it/": absolute
    # paths, wrong on a sub-path and from a folder. Every page gets the same
    # site-relative links instead (the template makes them page-relative).
    alternates = getattr(page.file, "alternates", {})
    for alt in config.extra.alternate:
        if alt["lang"] in alternates:
            alt["link"] = alternates[alt["lang"]].url
    links = {alt["lang"]: urljoin(config.site_url, alt["link"].lstrip("/")) for alt in config.extra.alternate}
    # Every page goes into this language's PDF, an untranslated one with its notice.
    current.setdefault("pages", {})[page.file.src_uri] = page
    if is_fallback(page):
        # Not a page in this language: point search engines at the original,
        # and announce no alternates for it.
        page.canonical_url = links.get(page.file.locale, page.canonical_url)
        context["hreflang"] = []
        return context
    # Announce only the languages the page really exists in.
    status = {code: site["report"].status_of(english_path(page), code) for code in languages.translations}
    real = [
        code for code in languages.codes
        if code in links and (code == languages.default or (status[code] and status[code].state != translations.MISSING))
    ]
    context["hreflang"] = [{"lang": code, "href": links[code]} for code in real]
    if len(real) > 1:
        context["hreflang"].append({"lang": "x-default", "href": links[languages.default]})
    else:
        context["hreflang"] = []
    # The sitemap lists the same pairs.
    site["sitemap"].setdefault(str(english_path(page)), {})[current["language"]] = {
        "loc": page.canonical_url, "alternates": context["hreflang"],
    }
    return context


# Templates outside pages (404.html) see the same strings and language root.
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    add_language_context(context)
    if template_name == "404.html":
        # The alternates still point at the last page rendered; on a page that
        # does not exist, the switcher can only offer each language's home.
        # static-i18n sets extra.alternate as an attribute, which templates read
        # before the mapping item; set both.
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
        roots = [dict(alt, link="" if alt["lang"] == current["languages"].default else f"{alt['lang']}/")
                 for alt in alternates]
        config.extra.alternate = roots
        config.extra["alternate"] = roots
    return context


def add_language_context(context: dict) -> None:
    languages: i18n.Languages = current["languages"]
    context["ui"] = current["ui"]
    context["language_root"] = "" if current["language"] == languages.default else f"{current['language']}/"
    context["site_languages"] = languages.codes


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid_html(output)


# Material's nav-item.html writes tabindex="" on section labels, which is not
# valid HTML (tabindex takes a number) and means the same as no attribute.
def valid_html(output: str) -> str:
    return output.replace(' tabindex=""', "")


# -----------------------------------------------------------------------------
# Generated content behind markers
# -----------------------------------------------------------------------------


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
        lang = getattr(module.file, "locale", current["language"])
        foreign = lang != current["language"]
        label = f' <span class="training-badge">{ui["notice"]["english_only"]}</span>' if foreign else ""
        if foreign:  # Title and summary are in the original language: say so (WCAG 3.1.2).
            meta = {key: f'<span lang="{lang}">{meta.get(key, "")}</span>' for key in ("title", "description")}
        # A missing title or description is reported by the checks in on_files.
        status = f'<span class="training-status" data-training-status="{module_id(module)}"></span>'
        cards.append(
            f"-   [**{meta.get('title') or module.file.src_uri}**]({target}){{ hreflang={lang} }}{label}\n\n"
            f"    {meta.get('description', '')}\n\n"
            f"    {ui['reading_time'].format(minutes=minutes)}<br>{status}\n"
        )
    if not cards:
        log.warning(f"docs/{page.file.src_uri}: '<!-- training:modules -->' found no pages under docs/modules/.")
    reset = fragment(page, macros().reset(ui["progress"], pdf_name(), ui["pdf"]))
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n" + reset


WORDS_PER_MINUTE = 200


def reading_minutes(text: str) -> int:
    body, _ = structure.body_start(text)
    body = re.sub(r"(?m)^\s*-?\s*(question|answers|text|correct|feedback):", " ", body)
    words = re.findall(r"\w+", re.sub(r"\{[^}]*\}|<[^>]+>|\([^)]*\.md[^)]*\)", " ", body))
    return max(1, math.ceil(len(words) / WORDS_PER_MINUTE))


def glossary_list(page: Page) -> str:
    terms = sorted(current["terms"], key=lambda term: term.term.lower())
    return fragment(page, macros().glossary(terms))


MARKERS = {
    "training:modules": module_list,
    "training:glossary": glossary_list,
}


# -----------------------------------------------------------------------------
# Build output: what each language build writes to the same shared file
# -----------------------------------------------------------------------------


# Every language build renders 404.html to the site root, so the last one wins.
# Keep each language's version and write them all once the last build is done.
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    output_content = valid_html(output_content)
    if template_name == "404.html":
        site["not_found"][current["language"]] = output_content
    return output_content


# After the search plugin has written this build's index to search/ (the same
# file for every language), and before static-i18n starts the next build.
# Each build writes the shared files from what the builds so far have made,
# so whichever build is last leaves them right.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    languages = i18n.Languages.from_config(config)
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        site["search"][current["language"]] = json.loads(index.read_text(encoding="utf-8"))
    last = current["language"] == languages.codes[-1]
    write_per_language(config, languages, "404.html", site["not_found"], lambda html, code: html, last)
    write_per_language(config, languages, "search/search_index.json", site["search"], search_index, last)
    if offline():  # From file://, Material loads the index as a script, not with fetch.
        write_per_language(config, languages, "search/search_index.js", site["search"],
                           lambda index, code: f"var __index = {search_index(index, code)}", last)
    write_sitemap(config, languages)
    disable_sitemap_lookup(config)
    write_pdf(config, languages)
    if last:
        finish(config)


# Once every language is built: what depends on the whole site.
def finish(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    if offline():
        if not SHIM_SOURCE.exists():
            log.warning(f"{SHIM_SOURCE} is missing: run `npm ci` (make offline does).")
        else:
            (site_dir / SHIM_TARGET).write_bytes(SHIM_SOURCE.read_bytes())
        return
    (site_dir / "_headers").write_text(deploy.netlify_headers(site_dir), encoding="utf-8")
    if not preview():
        count = deploy.precompress(site_dir)
        log.info(f"precompressed {count} files (.gz, .br)")


# -----------------------------------------------------------------------------
# Build output: the whole training as one PDF per language
# -----------------------------------------------------------------------------

def pdf_name() -> str:
    return current["ui"]["pdf"]["file"]


def write_pdf(config: MkDocsConfig, languages: i18n.Languages) -> None:
    if preview():
        log.info(f"PDF for '{current['language']}' skipped (TRAINING_PREVIEW=on)")
        return
    pages = current.get("pages", {})
    chapters, glossary_chapter, reviewed = [], None, []
    for page in current["nav"].pages:
        rendered = pages.get(page.file.src_uri)
        if rendered is None:
            continue
        reviewed.append(rendered.meta.get("last_reviewed"))
        chapter = pdf.Chapter(Path(i18n.source_uri(page.file.src_uri)).stem, rendered.title, rendered.content)
        if is_module(page):
            chapters.append(chapter)
        elif i18n.source_uri(page.file.src_uri) == GLOSSARY_PAGE:
            glossary_chapter = chapter
    # The cover's date is the newest review among the pages: it changes with
    # the content, not with the day of the build.
    dates = [d for d in map(review_date, reviewed) if d]
    newest = max(dates) if dates else datetime.date(1970, 1, 1)
    strings = current["ui"]["pdf"]
    html = pdf.document(
        current["language"], config.site_name, strings["subtitle"],
        format_date(newest, format="long", locale=current["ui"]["date_locale"]), strings, chapters, glossary_chapter,
    )
    folder = Path(config.site_dir) / ("" if current["language"] == languages.default else current["language"])
    created = datetime.datetime.combine(newest, datetime.time(), tzinfo=datetime.timezone.utc)
    pdf.write(folder / pdf_name(), html, config.site_author or "", created)


def write_per_language(config, languages, name: str, versions: dict, transform, last: bool) -> None:
    for code in languages.codes:
        if code not in versions:
            if last:
                log.warning(f"no {name} was made for '{code}'; is its build disabled in mkdocs.yml?")
            continue
        path = Path(config.site_dir) / ("" if code == languages.default else code) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(transform(versions[code], code), encoding="utf-8")


# A language's index, with locations relative to that language's root (the
# base its pages give Material's search; see overrides/main.html).
def search_index(index: dict, code: str) -> str:
    prefix = "" if code == current["languages"].default else f"{code}/"
    docs = [dict(doc, location=doc["location"].removeprefix(prefix)) for doc in index["docs"]]
    return json.dumps(dict(index, docs=docs), ensure_ascii=False, separators=(",", ":"))


def write_sitemap(config: MkDocsConfig, languages: i18n.Languages) -> None:
    entries = []
    for source, by_language in sorted(site["sitemap"].items()):
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
        if SITEMAP_LOOKUP_CALL not in code and "sourceMappingURL" not in code:
            continue  # Already done by an earlier language build.
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
