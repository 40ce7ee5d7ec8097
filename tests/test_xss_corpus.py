"""A corpus of published XSS and HTML-injection vectors, through every way text gets into a page.

The vectors are data, in tests/fixtures/xss/ (its README names the sources).
One fixture site carries all of them: each attack page takes a dozen, as its
front-matter title and description, quiz questions, answers and feedback,
admonition titles, attribute lists, raw HTML and inline HTML; the glossary
and both locale files get them too. It is built once (not strict: the
vectors are warnings, which is the point), and every page is opened in
Chromium with no Content-Security-Policy, served over HTTP and from file://.
Nothing may open a dialog, run, navigate, or ask another host for anything.

    .venv/bin/python -m pytest tests/test_xss_corpus.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_site

from mkdocs_training.core.locales import NOT_TEXT
from mkdocs_training.publish import sanitise
from tests.browser import webcheck

CORPUS = Path(__file__).parent / "fixtures" / "xss"
PER_PAGE = 12


def read(path: Path) -> list[str]:
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


VECTORS = [
    v for path in sorted(CORPUS.glob("*.txt")) if path.name != "attributes.txt" for v in read(path)
]
ATTRIBUTE_VECTORS = read(CORPUS / "attributes.txt")
PAGES = [VECTORS[i : i + PER_PAGE] for i in range(0, len(VECTORS), PER_PAGE)]


def test_the_corpus_is_a_few_hundred_vectors():
    assert len(VECTORS) >= 300 and len(ATTRIBUTE_VECTORS) >= 25
    assert len(set(VECTORS)) == len(VECTORS), "a vector is listed twice"


# -----------------------------------------------------------------------------
# The fixture site
# -----------------------------------------------------------------------------


def quoted(text: str) -> str:
    """`text` as a YAML string (JSON's double-quoted form is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def attack_page(number: int, vectors: list[str]) -> str:
    """One page with its vectors in each entry point; raw and inline HTML last,
    since a vector such as an unclosed <textarea> takes in the rest of the page."""
    first, second, third = vectors[0], vectors[1 % len(vectors)], vectors[2 % len(vectors)]
    attributes = [ATTRIBUTE_VECTORS[(number * 3 + i) % len(ATTRIBUTE_VECTORS)] for i in range(3)]
    lines = [
        "---",
        f"title: {quoted(first)}",
        f"description: {quoted(second)}",
        "owner: Corpus",
        "last_reviewed: 2026-11-23",
        "---",
        "",
        f"# Attack page {number} {{ #attack-{number} }}",
        "",
        f"Laughter{number} starts here: glossary terms show their definitions.",
        "",
        "## Knowledge check { #knowledge-check }",
        "",
        "```quiz",
    ]
    for vector in vectors[:4]:
        lines += [
            f"- question: {quoted(vector)}",
            "  answers:",
            f"    - text: {quoted(vector + ' (1)')}",
            "      correct: true",
            f"      feedback: {quoted(third)}",
            f"    - text: {quoted(second + ' (2)')}",
            f"      feedback: {quoted(vector)}",
        ]
    lines += ["```", "", "## Admonition titles { #admonition-titles }", ""]
    for vector in vectors:
        lines += [f'!!! note "{vector.replace(chr(34), chr(39))}"', "", "    Body.", ""]
    lines += ["## Attribute lists { #attribute-lists }", ""]
    for attribute in attributes:
        lines += [
            "A paragraph with attributes.",
            f"{{ {attribute} }}",
            "",
            f"[A link]({'#x'}){{ {attribute} }}",
            "",
        ]
    lines += ["## Inline HTML { #inline-html }", ""]
    for vector in vectors:
        lines += [f"Text before {vector} text after.", ""]
    lines += ["", "## Raw HTML { #raw-html }", ""]
    for vector in vectors:
        lines += [vector, ""]
    return "\n".join(lines) + "\n"


def poisoned(value, vectors, key=""):
    """Every text of a locale file with a vector after it (braces taken out: they are placeholders)."""
    if isinstance(value, dict):
        return {k: poisoned(v, vectors, f"{key}{k}.") for k, v in value.items()}
    if isinstance(value, str) and key[:-1] not in NOT_TEXT:
        vector = (
            vectors[zlib.crc32(key.encode()) % len(vectors)].replace("{", "(").replace("}", ")")
        )
        return f"{value} {vector}"
    return value


def glossary_entries(language: str) -> str:
    entries = {}
    for number, vectors in enumerate(PAGES):
        entries[f"corpus-{number}"] = {
            "term": vectors[0],
            "definition": vectors[-1],
            "forms": [f"laughter{number}"],
        }
    return yaml.safe_dump(entries, allow_unicode=True, width=10_000)


def build_corpus_site(tmp: Path) -> tuple[Path, subprocess.CompletedProcess, float]:
    project = make_site(tmp, "control")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\nstrict: true\n") == 1
    config.write_text(text.replace("\nstrict: true\n", "\nstrict: false\n"), encoding="utf-8")
    for name in (
        "glossary.md",
        "glossary.it.md",
    ):  # The glossary page lists every term and definition.
        (project / "docs" / name).write_text(
            (ROOT / "docs" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    (project / "docs" / "attack").mkdir()
    for number, vectors in enumerate(PAGES):
        (project / "docs" / "attack" / f"p{number:02}.md").write_text(
            attack_page(number, vectors), encoding="utf-8"
        )
    for language in ("en", "it"):
        path = project / "locales" / f"{language}.yml"
        strings = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(poisoned(strings, VECTORS), allow_unicode=True, width=10_000),
            encoding="utf-8",
        )
        glossary = project / "glossary" / f"{language}.yml"
        glossary.write_text(
            glossary.read_text(encoding="utf-8") + "\n" + glossary_entries(language),
            encoding="utf-8",
        )
    site = tmp / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TRAINING_PREVIEW="on")
    start = time.monotonic()
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs_training", "-f", str(config), "build", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    return site, build, time.monotonic() - start


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus_site(tmp_path_factory.mktemp("xss-corpus"))


def test_the_corpus_builds_in_seconds_and_names_what_it_removed(corpus):
    site, build, seconds = corpus
    output = build.stdout + build.stderr
    assert build.returncode == 0, output[-3000:]
    assert "Traceback" not in output
    # A build that hangs on input is an attack too (issue 19): this one is a few seconds.
    print(
        f"corpus: {len(VECTORS)} vectors, {len(PAGES)} pages per language, built in {seconds:.1f} s"
    )
    assert seconds < 60, f"the corpus took {seconds:.1f} s to build"
    for number in range(len(PAGES)):
        assert (
            f"docs/attack/p{number:02}.md:" in output
            and "is not allowed in a page and was removed" in output
        )
    assert len(list(site.rglob("attack/*/index.html"))) == 2 * len(PAGES)


# -----------------------------------------------------------------------------
# Each vector alone through the sanitiser
# -----------------------------------------------------------------------------

URL_ATTRIBUTES = {
    "href",
    "src",
    "xlink:href",
    "action",
    "formaction",
    "data",
    "poster",
    "srcset",
    "background",
}
# A URL's scheme as the URL standard reads it (an ASCII letter first); without one it is a relative address.
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
LIVE_ELEMENTS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "meta",
    "base",
    "link",
    "foreignobject",
    "animate",
    "set",
    "template",
    "math",
}


class _Live(HTMLParser):
    """What in sanitised HTML (well formed, as nh3 writes it) could run, load or restyle."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in LIVE_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            # As the URL standard reads an address: C0 controls and spaces around it, tabs and newlines in it, dropped.
            value = re.sub(r"[\t\n\r]", "", (value or "").strip("".join(map(chr, range(0x21)))))
            if name.startswith("on") or name in ("srcdoc", "formaction", "action"):
                self.found.append(f"{tag} {name}")
            elif name == "style" and not (
                tag in ("th", "td") and sanitise.TABLE_ALIGN.fullmatch(value)
            ):
                self.found.append(f"{tag} style={value}")
            elif (
                name in URL_ATTRIBUTES
                and (scheme := SCHEME.match(value))
                and scheme.group(1).lower() not in sanitise.URL_SCHEMES
            ):
                self.found.append(f"{tag} {name}={value}")


@pytest.mark.parametrize("vector", VECTORS + [f"<p {a}>x</p>" for a in ATTRIBUTE_VECTORS])
def test_each_vector_comes_out_of_the_sanitiser_inert_and_stable(vector):
    clean, _ = sanitise.check(vector)  # What a page with it publishes.
    assert sanitise.sanitised(clean) == clean
    live = _Live()
    live.feed(clean)
    live.close()
    assert live.found == [], clean


# -----------------------------------------------------------------------------
# Every page in Chromium, without the CSP
# -----------------------------------------------------------------------------

# What would act for a reader in the page's DOM once loaded: handlers, frames,
# redirects, addresses that run, styles; the theme's own scripts are outside <article>.
DOM_CHECK = """() => {
  // Read through the prototypes: a vector's <input name="attributes"> replaces form.attributes.
  const names = (e) => Element.prototype.getAttributeNames.call(e);
  const get = (e, n) => Element.prototype.getAttribute.call(e, n);
  const tag = (e) => Object.getOwnPropertyDescriptor(Element.prototype, "localName").get.call(e);
  const URLS = ["href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcset", "background", "ping"];
  const found = [];
  for (const element of Document.prototype.querySelectorAll.call(document, "*")) {
    for (const name of names(element).map((n) => n.toLowerCase())) {
      const value = (get(element, name) || "").replace(/^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$/g, "")
        .replace(/[\\t\\n\\r]/g, "").toLowerCase();
      if (name.startsWith("on") || name === "srcdoc" || name === "formaction") {
        found.push(`${tag(element)} ${name}`);
      }
      if (URLS.includes(name) && /^(javascript|vbscript|data):/.test(value) && !/^data:image\\//.test(value)) {
        found.push(`${tag(element)} ${name}=${value.slice(0, 40)}`);
      }
      // The theme's tooltips (content.tooltips) put a title into innerHTML.
      if (name === "title" && value.includes("<")) {
        found.push(`${tag(element)} ${name}=${value.slice(0, 40)}`);
      }
    }
  }
  const body = "body iframe, body frame, body object, body embed, body meta, body base, body link, " +
               "article script, article style, article [style]:not(th):not(td), foreignObject, animate, set";
  for (const element of Document.prototype.querySelectorAll.call(document, body)) {
    found.push(`<${tag(element)}> in the page`);
  }
  if (window.__xss !== undefined) found.push("window.__xss was set");
  return found;
}"""


def pages_to_open(site: Path) -> list[str]:
    english = sorted(p.relative_to(site).as_posix() for p in (site / "attack").rglob("index.html"))
    # Italian pages show the same vectors (untranslated), with the Italian strings.
    others = [
        "index.html",
        "glossary/index.html",
        "it/index.html",
        "it/glossary/index.html",
        "it/attack/p00/index.html",
        "404.html",
        "it/404.html",
    ]
    assert all((site / name).is_file() for name in others)
    return english + others


def problems_in(browser, base: str, pages: list[str], allowed: tuple[str, ...]) -> list[str]:
    problems = []
    context = browser.new_context(viewport=webcheck.DESKTOP)
    page = context.new_page()
    current = {"url": ""}
    page.on(
        "dialog",
        lambda dialog: (
            problems.append(f"{current['url']}: dialog {dialog.message!r}"),
            dialog.dismiss(),
        ),
    )
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(allowed)
            else problems.append(f"{current['url']}: request to {request.url[:80]}")
        ),
    )
    navigations = []
    page.on(
        "framenavigated",
        lambda frame: navigations.append(frame.url) if frame == page.main_frame else None,
    )
    for name in pages:
        current["url"] = base + name
        page.goto(base + name, wait_until="load")
        navigations.clear()
        page.wait_for_timeout(250)  # Autofocus, animations (onbegin), meta refresh.
        problems += [f"{name}: {what}" for what in page.evaluate(DOM_CHECK)]
        problems += [f"{name}: navigated to {url}" for url in navigations]
    context.close()
    return problems


def test_no_vector_runs_served_over_http_without_the_csp(corpus, browser):
    site, _, _ = corpus
    with webcheck.serve(site, webcheck.free_port()) as url:
        assert (
            problems_in(browser, url, pages_to_open(site), (url, "data:", "blob:", "about:")) == []
        )


def test_no_vector_runs_from_file_urls(corpus, browser):
    site, _, _ = corpus
    base = site.resolve().as_uri() + "/"
    # 404 pages name their files from the server's root (/assets/...): they are for a server only.
    pages = [name for name in pages_to_open(site) if not name.endswith("404.html")]
    # From a folder, an address such as "/" is a file of this computer, not a request to another host.
    assert problems_in(browser, base, pages, ("file:///", "data:", "blob:", "about:")) == []
