"""The real site, built once: every page in both languages, and what a reader gets."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from conftest import ROOT, configured_languages, english_pages, output_path, soup

from mkdocs_training.core.i18n import Languages
from mkdocs_training.core.structure import parse_file
from mkdocs_training.translations.status import UP_TO_DATE, scan

LANGUAGES = configured_languages()  # From mkdocs.yml, default first.
PAGES = english_pages()


def page_url(source: str, language: str) -> str:
    """The URL path of a built page, e.g. '/it/modules/x/'."""
    return "/" + output_path(source, language).removesuffix("index.html")


def test_the_pages_tests_take_from_the_nav_are_the_pages_the_build_publishes(site):
    """The tests below are parametrised by the nav's pages (PAGES): the built site's sitemap lists
    each of them in each language and, besides them, only pages mkdocs.yml keeps out of the nav."""
    import yaml

    assert PAGES, "the nav lists no page: the tests below would pass on nothing"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    published = {urlparse(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    expected = {page_url(source, language) for source in PAGES for language in LANGUAGES}
    assert expected - published == set(), "pages of the nav that the build did not publish"
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    kept_out = config.get("not_in_nav", "").split()
    others = [path.strip("/").split("/") for path in published - expected]
    others = ["/".join(parts[1:] if parts[0] in LANGUAGES[1:] else parts) for parts in others]
    assert others and all(
        any(fnmatch.fnmatch(f"/{other}.md", pattern) for pattern in kept_out) for other in others
    ), f"published but neither in the nav nor kept out of it: {sorted(published - expected)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("source", PAGES)
def test_every_page_exists_in_every_language(site, source, language):
    assert (site / output_path(source, language)).is_file()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("source", PAGES + ["404.md"])
def test_html_lang_is_the_page_language(site, source, language):
    path = output_path(source, language)
    if source == "404.md":
        path = ("" if language == "en" else f"{language}/") + "404.html"
    assert soup(site / path).html["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("source", PAGES)
def test_switcher_lands_on_the_same_page_in_each_language(site, source, language):
    here = page_url(source, language)
    links = soup(site / output_path(source, language)).select("a.md-select__link[hreflang]")
    targets = {a["hreflang"]: urlparse(urljoin(here, a["href"])).path for a in links}
    assert targets == {lang: page_url(source, lang) for lang in LANGUAGES}


# -----------------------------------------------------------------------------
# Nothing is loaded from another host
# -----------------------------------------------------------------------------

# Attributes through which HTML makes the browser fetch something.
LOADING = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("use", "href"),
    ("image", "href"),
]
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def external(url: str) -> bool:
    url = url.strip()
    return bool(re.match(r"(?i)^(https?:)?//", url))


def loaded_urls(html: Path) -> list[str]:
    page = soup(html)
    urls = []
    for tag, attribute in LOADING:
        for element in page.find_all(tag):
            value = element.get(attribute) or element.get(f"xlink:{attribute}")
            if value:
                urls += [part.split()[0] for part in value.split(",") if part.strip()]
    for link in page.find_all("link"):
        if LOADING_LINK_RELS & set(link.get("rel", [])):
            urls.append(link.get("href", ""))
    for style in page.find_all("style"):
        urls += [a or b for a, b in CSS_URL.findall(style.get_text())]
    for element in page.find_all(style=True):
        urls += [a or b for a, b in CSS_URL.findall(element["style"])]
    return urls


def test_no_page_loads_anything_from_another_host(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 2 * len(PAGES)
    offenders = {
        str(page.relative_to(site)): [u for u in loaded_urls(page) if external(u)] for page in pages
    }
    assert {page: urls for page, urls in offenders.items() if urls} == {}


def test_no_stylesheet_loads_anything_from_another_host(site):
    sheets = list(site.rglob("*.css"))
    assert sheets
    offenders = {}
    for sheet in sheets:
        urls = [a or b for a, b in CSS_URL.findall(sheet.read_text(encoding="utf-8"))]
        if any(external(u) for u in urls):
            offenders[str(sheet.relative_to(site))] = [u for u in urls if external(u)]
    assert offenders == {}


# Material's JavaScript holds third-party URLs that it fetches only when a page
# asks for the feature. Each must stay untriggered; the browser suite watches
# the real requests.
CONDITIONAL_LOADERS = {
    "https://unpkg.com/mermaid": re.compile(r'class="[^"]*\bmermaid\b'),
    "https://api.github.com/": re.compile(r'class="md-source"'),
}


def test_scripts_fetch_from_other_hosts_only_on_features_we_do_not_use(site):
    bundles = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.js"))
    html = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    for url, trigger in CONDITIONAL_LOADERS.items():
        assert url in bundles, f"{url} is gone from Material's JS: update this table"
        assert not trigger.search(html), f"a page uses the feature that loads {url}"


def test_external_url_detection_catches_each_kind_of_reference(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.com/x.js"></script>'
        '<img src="https://example.com/a.png" srcset="local.png 1x, https://example.com/b.png 2x">'
        '<div style="background: url(https://example.com/c.png)"></div>'
        '<a href="https://example.com/just-a-link">a link is not a load</a>'
        '<script src="assets/local.js"></script>',
        encoding="utf-8",
    )
    assert [u for u in loaded_urls(page) if external(u)] == [
        "//cdn.example.com/x.js",
        "https://example.com/a.png",
        "https://example.com/b.png",
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://example.com/c.png",
    ]


# -----------------------------------------------------------------------------
# Both languages have the same structure
# -----------------------------------------------------------------------------


def test_sources_have_no_problems_and_every_translation_is_current():
    languages = Languages("en", LANGUAGES, {"en": "English", "it": "Italiano"})
    report = scan(sorted((ROOT / "docs").rglob("*.md")), languages, ROOT)
    assert [str(p) for p in report.problems] == []
    assert {(str(s.english), s.state) for s in report.statuses} == {
        (f"docs/{page}", UP_TO_DATE) for page in PAGES + ["translation-status.md"]
    }


@pytest.mark.parametrize("source", PAGES)
def test_rendered_pages_have_the_same_anchors_and_key_points(site, source):
    def skeleton(language):
        article = soup(site / output_path(source, language)).select_one("article")
        return (
            [(h.name, h.get("id")) for h in article.find_all(["h2", "h3", "h4"])],
            len(article.select(".admonition.abstract li")),
            len(article.select(".admonition")),
        )

    english, italian = skeleton("en"), skeleton("it")
    assert english == italian
    headings, key_points, _ = english
    assert headings and key_points >= 1


@pytest.mark.parametrize("source", PAGES)
def test_every_page_opens_with_a_summary_and_key_points(source):
    for language in LANGUAGES:
        path = (
            ROOT
            / "docs"
            / (source if language == "en" else source.replace(".md", f".{language}.md"))
        )
        page = parse_file(path)
        intro = page.sections[1]  # The section under the page title (H1).
        assert intro.heading.level == 1, path
        assert intro.signature()[0] == "admonition abstract", f"{path}: key points must come first"


# -----------------------------------------------------------------------------
# What the Italian reader sees is Italian
# -----------------------------------------------------------------------------

# (CSS selector, attribute or None for the text, English, Italian)
UI_STRINGS = [
    ("input.md-search__input", "placeholder", "Search", "Cerca"),
    (".md-header__title .md-ellipsis", None, "Staff training library", "Formazione del personale"),
    ("a.headerlink", "title", "Link to this section", "Link a questa sezione"),
    (
        "form[data-md-component=palette] label",
        "title",
        "Switch to light mode",
        "Passa al tema chiaro",
    ),
    (
        ".md-footer-meta .md-copyright__highlight",
        None,
        "Staff training team",
        "Team formazione del personale",
    ),
]


@pytest.mark.parametrize("source", PAGES)
def test_interface_strings_are_in_the_page_language(site, source):
    for selector, attribute, english, italian in UI_STRINGS:
        for language, expected in (("en", english), ("it", italian)):
            element = soup(site / output_path(source, language)).select_one(selector)
            assert element is not None, f"{selector} not found on {language} {source}"
            value = element.get(attribute) if attribute else element.get_text(strip=True)
            assert value == expected, f"{selector} on {language} {source}"


def test_italian_navigation_is_translated(site):
    nav = soup(site / "it" / "index.html").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("label.md-nav__link, a.md-nav__link")]
    assert "Moduli" in labels
    assert "Pagina iniziale" in labels
    assert "Servizio al cliente: ripensa a chi sono i tuoi clienti" in labels
    assert not {"Home", "Modules", "Customer service: rethink who your customers are"} & set(labels)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_lists_every_module_with_its_reading_time(site, language):
    cards = soup(site / output_path("index.md", language)).select(".grid.cards li")
    modules = [p for p in PAGES if p.startswith("modules/")]
    assert len(cards) == len(modules)
    unit = {"en": r"\d+ min read", "it": r"\d+ min di lettura"}[language]
    for card, module in zip(cards, modules, strict=True):
        href = urlparse(urljoin(page_url("index.md", language), card.a["href"])).path
        assert href == page_url(module, language)
        assert re.search(unit, card.get_text()), card.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_switcher_offers_each_language_home(site, language):
    page = soup(site / ("" if language == "en" else f"{language}/") / "404.html")
    targets = {a["hreflang"]: a["href"].rstrip(".") for a in page.select("a.md-select__link")}
    assert targets == {"en": "/", "it": "/it/"}


def test_each_language_has_its_own_404_page(site):
    english = soup(site / "404.html")
    italian = soup(site / "it" / "404.html")
    assert english.h1.get_text() == "Page not found"
    assert italian.h1.get_text() == "Pagina non trovata"
    assert italian.select_one("article a")["href"] == "/it/"
