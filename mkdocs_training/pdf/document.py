"""One PDF of the whole training per language: cover, contents, modules, glossary.

Made offline with WeasyPrint from the pages each language build rendered, so
the PDF says exactly what the site says. Each language writes its own file
(see pdf/__init__.py), so no build overwrites another's.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import logging
import os
import posixpath
import re
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from bs4 import BeautifulSoup

from mkdocs_training.pdf import paper_quiz

CSS = Path(__file__).with_name("pdf.css")
# Tagged PDF/UA-1 (PDF 1.7, which every reader opens): a structure tree with
# headings, lists, tables, links and figures with their alternative text,
# MarkInfo, the language and DisplayDocTitle, so that a screen reader can
# read it and a viewer shows the title, not the file name. Part of the cache
# key (write()): a change of options makes every PDF afresh.
OPTIONS = {"pdf_variant": "pdf/ua-1"}


@dataclass
class Chapter:
    id: str  # Unique in the PDF; prefixes every anchor of the chapter.
    title: str
    html: str  # The page's rendered content.
    source: str = ""  # The page's file, as messages name it (docs/modules/x.md).
    url: str = ""  # The page's built file, from the site's folder (modules/x/index.html): its images' base.


def printable(chapter: Chapter, strings: dict, quiz_strings: dict) -> str:
    """A page's HTML made for paper: anchors kept unique, screen-only parts removed."""
    soup = BeautifulSoup(chapter.html, "html.parser")
    for selector in (
        ".headerlink",
        ".training-term__tip",
        ".training-complete",
        ".training-reset",
        ".training-complete__note",
        ".training-quiz__actions",
        ".training-quiz__result",
        ".training-quiz__hint",
        "[data-training-module-pdf]",
    ):
        for element in soup.select(selector):
            element.decompose()
    # Links to other pages mean nothing on paper; anchors within the PDF do.
    for link in soup.find_all("a"):
        href = link.get("href", "")
        assert isinstance(href, str)  # Single-valued: only the likes of class and rel are lists.
        if href.startswith("#"):
            link["href"] = f"#{chapter.id}--{href[1:]}"
        elif not href.startswith(("http://", "https://", "mailto:")):
            link.unwrap()
    # Images as paths from the site's folder, WeasyPrint's base URL (write()):
    # one PDF holds pages of different folders, and the HTML (the cache key)
    # names no folder of this machine.
    for image in soup.find_all("img", src=True):
        src = image["src"]
        assert isinstance(src, str)
        if not urlsplit(src).scheme and not src.startswith("/"):
            image["src"] = posixpath.normpath(posixpath.join(posixpath.dirname(chapter.url), src))
    for element in soup.find_all(id=True):
        element["id"] = f"{chapter.id}--{element['id']}"
    for form in soup.select("form.training-quiz"):
        form.replace_with(
            BeautifulSoup(paper_quiz.on_paper(form, strings, quiz_strings), "html.parser")
        )
    for form in soup.select("form.training-scorecard"):
        form_on_paper(form)
    return str(soup)


def form_on_paper(form) -> None:
    """The supplier scorecard as its blank form: boxes to tick and lines to write on, no controls."""
    for element in form.select("[data-training-script], noscript, .training-scorecard__stored"):
        element.decompose()
    for radio in form.select("input[type=radio]"):
        radio.replace_with(BeautifulSoup("<span class='box'></span>", "html.parser"))
    for field in form.select("input"):
        field.replace_with(BeautifulSoup("<span class='line'></span>", "html.parser"))
    form.name = "div"
    form.attrs = {"class": "scorecard"}


def document(
    language: str,
    title: str,
    subtitle: str,
    date: str,
    strings: dict,
    quiz_strings: dict,
    chapters: list[Chapter],
    glossary: Chapter | None,
    contents: bool = True,
) -> str:
    """The PDF's HTML. `contents=False` (a module's PDF): no cover and no contents, the module's title opens it.

    `strings` are the language's `pdf` strings, `quiz_strings` its `quiz` ones (the answer key's labels).
    """
    front = front_matter(title, subtitle, date, strings, chapters, glossary) if contents else ""
    title, subtitle = escape(title), escape(subtitle)
    body = "".join(
        f"<section class='chapter' id='{escape(c.id)}'>{printable(c, strings, quiz_strings)}</section>"
        for c in chapters
    )
    if glossary:
        body += (
            f"<section class='chapter glossary' id='{escape(glossary.id)}'>"
            f"{printable(glossary, strings, quiz_strings)}</section>"
        )
    return f"""<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="description" content="{subtitle}">
</head>
<body>
{front}{body}
</body>
</html>"""


def front_matter(
    title: str,
    subtitle: str,
    date: str,
    strings: dict,
    chapters: list[Chapter],
    glossary: Chapter | None,
) -> str:
    contents = "".join(
        f"<li><a href='#{escape(c.id)}'>{escape(c.title)}</a></li>"
        for c in chapters + ([glossary] if glossary else [])
    )
    title, subtitle, date = escape(title), escape(subtitle), escape(date)
    return f"""<section class="cover">
  <p class="kicker">{subtitle}</p>
  <h1 class="cover-title">{title}</h1>
  <p class="date">{date}</p>
</section>
<nav class="contents">
  <h2>{escape(strings["contents"])}</h2>
  <ol>{contents}</ol>
</nav>
"""


def fetcher(site_dir: Path, refused: list[str]):
    """WeasyPrint's URL fetcher, held to the built site: its own files and data: URLs, nothing else.

    A page must not make the build read the machine (file:///proc/self/environ
    would be embedded in the PDF) or fetch an address (http://127.0.0.1:...).
    Each refused URL is added to `refused`, for the build to report.
    """
    from weasyprint.urls import URLFetcher, URLFetchingError

    root = site_dir.resolve()

    class SiteOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not allowed(url, root):
                refused.append(url)
                raise URLFetchingError(f"refused: {url} is not a file of the built site")
            return super().fetch(url, headers)

    return SiteOnly(allow_redirects=False, allowed_protocols={"file", "data"})


def allowed(url: str, root: Path) -> bool:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    # Resolved, so that no symlink or '..' leads out of the site.
    return Path(url2pathname(unquote(parts.path))).resolve().is_relative_to(root)


@functools.lru_cache(maxsize=1)
def styles(css: bytes):
    """One font configuration and parsed style sheet for every PDF of the build.

    A FontConfiguration per document keeps about 0.5 MB each after the
    document is gone (fontconfig and Pango state): 500 MB over 1,000 module
    PDFs. Shared, memory stays flat. Keyed by the style sheet's bytes.
    """
    from weasyprint import CSS as StyleSheet
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return fonts, StyleSheet(string=css.decode("utf-8"), base_url=str(CSS), font_config=fonts)


def write(
    path: Path,
    html: str,
    author: str,
    created: datetime.datetime,
    site_dir: Path,
    cache: Path | None = None,
    problems: list[str] | None = None,
) -> tuple[bool, list[str]]:
    """Write the PDF; with a cache folder, reuse the file made before from the same input.

    Returns whether WeasyPrint made it now (False: it came from the cache), and
    the URLs the document asked for and was refused (see `fetcher`). What
    keeps the PDF from being accessible (see `OPTIONS`) is added to
    `problems`. Only a PDF that was refused nothing and had no problem is
    cached, so that every build reports them.
    """
    import weasyprint
    from weasyprint import HTML

    # Dates in the PDF come from the content (the newest last_reviewed, see
    # write() in pdf/__init__.py), not the clock, so that two builds of the
    # same sources give the same file.
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    html = html.replace(
        "</head>",
        f'<meta name="author" content="{escape(author)}"><meta name="dcterms.created" content="{stamp}">'
        f'<meta name="dcterms.modified" content="{stamp}"></head>',
        1,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    identifier = re.sub(r"\W", "", path.name).encode()[:32]
    # Everything the PDF is made from: the HTML, the style sheet, the identifier,
    # the options and WeasyPrint's version. A change of any makes the PDF afresh.
    options = repr(sorted(OPTIONS.items())).encode()
    key = hashlib.sha256(
        b"\0".join(
            [html.encode(), CSS.read_bytes(), identifier, options, weasyprint.__version__.encode()]
        )
    ).hexdigest()
    entry = cache / f"{key}.pdf" if cache else None
    if entry and entry.exists():
        shutil.copyfile(entry, path)
        return False, []
    refused: list[str] = []
    fonts, style = styles(CSS.read_bytes())
    with weasyprint_errors() as errors:
        source = HTML(
            string=html,
            base_url=f"{site_dir.resolve().as_uri()}/",
            url_fetcher=fetcher(site_dir, refused),
        )
        source.write_pdf(
            path, stylesheets=[style], font_config=fonts, pdf_identifier=identifier, **OPTIONS
        )
    # A refused URL also fails to load ("Failed to load image at ..."): reported once, as refused.
    errors = [error for error in errors if not any(url in error for url in refused)]
    if problems is not None:
        problems.extend(errors)
    if entry and not refused and not errors:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_name(f".tmp-{os.getpid()}-{entry.name}")
        shutil.copyfile(path, temporary)
        os.replace(temporary, entry)  # Another build sharing the cache never reads half a file.
    return True, refused


@contextlib.contextmanager
def weasyprint_errors():
    """The errors WeasyPrint logs while it writes a PDF, as messages.

    Writing PDF/UA, it logs an error (and still writes the file) for what the
    standard requires and the HTML lacks: an image with no alternative text,
    a document with no language. The build reports them (pdf/__init__.py).
    """
    from weasyprint import LOGGER

    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            errors.append(record.getMessage())

    handler = Collect(logging.ERROR)
    LOGGER.addHandler(handler)
    try:
        yield errors
    finally:
        LOGGER.removeHandler(handler)
