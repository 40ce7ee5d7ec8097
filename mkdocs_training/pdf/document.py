"""One PDF of the whole training per language: cover, contents, modules, glossary.

Made offline with WeasyPrint from the pages each language build rendered, so
the PDF says exactly what the site says. Each language writes its own file
(see pdf/__init__.py), so no build overwrites another's.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from bs4 import BeautifulSoup

CSS = Path(__file__).with_name("pdf.css")


@dataclass
class Chapter:
    id: str  # Unique in the PDF; prefixes every anchor of the chapter.
    title: str
    html: str  # The page's rendered content.
    source: str = ""  # The page's file, as messages name it (docs/modules/x.md).


def printable(chapter: Chapter, strings: dict) -> str:
    """A page's HTML made for paper: anchors kept unique, screen-only parts removed."""
    soup = BeautifulSoup(chapter.html, "html.parser")
    for selector in (".headerlink", ".training-term__tip", ".training-complete",
                     ".training-reset", ".training-complete__note", ".training-quiz__actions",
                     ".training-quiz__result", ".training-quiz__hint", "[data-training-module-pdf]"):
        for element in soup.select(selector):
            element.decompose()
    # Links to other pages mean nothing on paper; anchors within the PDF do.
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if href.startswith("#"):
            link["href"] = f"#{chapter.id}--{href[1:]}"
        elif not href.startswith(("http://", "https://", "mailto:")):
            link.unwrap()
    for element in soup.find_all(id=True):
        element["id"] = f"{chapter.id}--{element['id']}"
    for form in soup.select("form.training-quiz"):
        form.replace_with(BeautifulSoup(quiz_on_paper(form, strings), "html.parser"))
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


def quiz_on_paper(form, strings: dict) -> str:
    """Questions with lettered answers, then the answer key with the reasons."""
    questions, key = [], []
    for number, fieldset in enumerate(form.select("fieldset"), start=1):
        legend = fieldset.legend.get_text(" ", strip=True)
        items, right = [], []
        for index, answer in enumerate(fieldset.select(".training-quiz__answer")):
            letter = chr(ord("a") + index)
            text = escape(answer.label.get_text(" ", strip=True))
            items.append(f"<li><span class='box'></span> {letter}) {text}</li>")
            if answer.input.get("data-correct") == "true":
                feedback = answer.select_one(".training-quiz__feedback")
                feedback.select_one(".training-quiz__verdict").decompose()
                right.append(f"{letter}) {escape(feedback.get_text(' ', strip=True))}")
        questions.append(f"<div class='question'><p class='legend'>{escape(legend)}</p>"
                         f"<ul class='answers'>{''.join(items)}</ul></div>")
        key.append(f"<li>{number}. {' '.join(right)}</li>")
    return (
        "<div class='quiz'>" + "".join(questions) + "</div>"
        f"<div class='answer-key'><p class='legend'>{escape(strings['answers'])}</p><ul>{''.join(key)}</ul></div>"
    )


def document(language: str, title: str, subtitle: str, date: str, strings: dict,
             chapters: list[Chapter], glossary: Chapter | None, contents: bool = True) -> str:
    """The PDF's HTML. `contents=False` (a module's PDF): no cover and no contents, the module's title opens it."""
    front = front_matter(title, subtitle, date, strings, chapters, glossary) if contents else ""
    title, subtitle = escape(title), escape(subtitle)
    body = "".join(
        f"<section class='chapter' id='{escape(c.id)}'>{printable(c, strings)}</section>" for c in chapters
    )
    if glossary:
        body += f"<section class='chapter glossary' id='{escape(glossary.id)}'>{printable(glossary, strings)}</section>"
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


def front_matter(title: str, subtitle: str, date: str, strings: dict, chapters: list[Chapter],
                 glossary: Chapter | None) -> str:
    contents = "".join(
        f"<li><a href='#{escape(c.id)}'>{escape(c.title)}</a></li>" for c in chapters + ([glossary] if glossary else [])
    )
    title, subtitle, date = escape(title), escape(subtitle), escape(date)
    return f"""<section class="cover">
  <p class="kicker">{subtitle}</p>
  <h1 class="cover-title">{title}</h1>
  <p class="date">{date}</p>
</section>
<nav class="contents">
  <h2>{escape(strings['contents'])}</h2>
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


def write(path: Path, html: str, author: str, created: datetime.datetime, site_dir: Path,
          cache: Path | None = None) -> tuple[bool, list[str]]:
    """Write the PDF; with a cache folder, reuse the file made before from the same input.

    Returns whether WeasyPrint made it now (False: it came from the cache), and
    the URLs the document asked for and was refused (see `fetcher`). Only a PDF
    that was refused nothing is cached, so a refusal is reported on every build.
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
        f'<meta name="dcterms.modified" content="{stamp}"></head>', 1,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    identifier = re.sub(r"\W", "", path.name).encode()[:32]
    # Everything the PDF is made from: the HTML, the style sheet, the identifier, WeasyPrint's version.
    key = hashlib.sha256(b"\0".join([html.encode(), CSS.read_bytes(), identifier,
                                      weasyprint.__version__.encode()])).hexdigest()
    entry = cache / f"{key}.pdf" if cache else None
    if entry and entry.exists():
        shutil.copyfile(entry, path)
        return False, []
    refused: list[str] = []
    fonts, style = styles(CSS.read_bytes())
    HTML(string=html, url_fetcher=fetcher(site_dir, refused)).write_pdf(
        path, stylesheets=[style], font_config=fonts, pdf_identifier=identifier)
    if entry and not refused:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_name(f".tmp-{os.getpid()}-{entry.name}")
        shutil.copyfile(path, temporary)
        os.replace(temporary, entry)  # Another build sharing the cache never reads half a file.
    return True, refused
