"""Inline code in the built pages: which is the theme's, and what a page brought.

The Content-Security-Policy (headers.py) allows, by hash, only the inline
scripts that Material's templates and ours (overrides/) write; they are
recognised by their text in the templates, not by being in the pages. A
page that holds anything else that runs, restyles or sends the reader off
(an inline <script>, an on*= attribute, a javascript: address, a script from
outside the site's script folder, a <style> or style=, srcdoc=, a form's
action= or formaction=, <meta http-equiv>, <base>) is named here by file and line:
`python -m mkdocs_training headers` refuses to write the headers for it.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs_training.core import i18n
from mkdocs_training.fast import plain_html

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)

# The templates whose inline scripts are the theme's: Material's and ours.
OVERRIDES = Path(__file__).resolve().parent.parent.parent / "overrides"
# What a template expression inside a theme script may become (base_url,
# config.extra.scope): a URL path, which cannot end the script's string.
TEMPLATE_VALUE = r"[\w./%~-]*"
# Scripts may come from the site's own script folder only (theme bundle,
# training.js, the offline search shim); anything else is a page's own.
SCRIPT_FOLDER = "/assets/javascripts/"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


@functools.cache
def theme_inline_code() -> tuple[tuple[re.Pattern, ...], frozenset[str]]:
    """The inline scripts the theme's templates write, as patterns, and the
    ids of their JSON data blocks (which browsers do not run)."""
    import material

    patterns, data_ids = [], set()
    for folder in (Path(material.__file__).parent / "templates", OVERRIDES):
        for template in sorted(folder.rglob("*.html")):
            for attributes, body in INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                if 'type="application/json"' in attributes:
                    data_ids.update(re.findall(r'\bid="([^"]+)"', attributes))
                    continue
                literal = re.split(r"\{\{.*?\}\}", body)
                patterns.append(
                    re.compile(TEMPLATE_VALUE.join(re.escape(part) for part in literal))
                )
    return tuple(patterns), frozenset(data_ids)


@functools.lru_cache(maxsize=1024)  # Every page repeats the same few.
def is_theme_script(body: str) -> bool:
    return any(pattern.fullmatch(body) for pattern in theme_inline_code()[0])


class InlineCode(HTMLParser):
    """The inline scripts of one page, and what in it is not the theme's."""

    def __init__(self, page_url: str = "/"):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.scripts: list[str] = []  # Bodies of the theme's inline scripts.
        self.problems: list[tuple[int, str]] = []  # (line, what)
        self._script: tuple[int, dict] | None = None
        self._body: list[str] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(
                    (line, f"<{tag}> has an event handler attribute {name}=, which runs code")
                )
            elif name == "style":
                self.problems.append(
                    (
                        line,
                        f"<{tag}> has a style= attribute, which the policy blocks (style-src 'self')",
                    )
                )
            elif (
                name in URL_ATTRIBUTES
                and value
                and re.sub(r"[\x00-\x20]", "", value).lower().startswith("javascript:")
            ):
                self.problems.append(
                    (line, f"<{tag}> has a javascript: address in {name}=, which runs code")
                )
            elif name == "srcdoc":
                self.problems.append(
                    (line, f"<{tag}> has srcdoc=, a page of its own, which runs code")
                )
            elif name in ("formaction", "action") or (
                tag == "form" and name == "method" and value != "dialog"
            ):
                self.problems.append(
                    (line, f"<{tag}> has {name}=, which sends a form off the page")
                )
            elif tag == "meta" and name == "http-equiv":
                self.problems.append(
                    (line, f'<meta http-equiv="{value}">, which can send the reader elsewhere')
                )
        if tag == "style":
            self.problems.append(
                (line, "a <style> element, which the policy blocks (style-src 'self')")
            )
        if tag == "base":
            self.problems.append(
                (line, "a <base> element, which points every address of the page elsewhere")
            )
        if tag == "script":
            self._script, self._body = (line, dict(attrs)), []

    def handle_data(self, data):
        if self._script:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag != "script" or not self._script:
            return
        (line, attributes), body = self._script, "".join(self._body)
        self._script = None
        source = attributes.get("src") or attributes.get("href") or attributes.get("xlink:href")
        if source is not None:
            url = urlsplit(urljoin(self.page_url, source))
            if url.scheme or url.netloc or not url.path.startswith(SCRIPT_FOLDER):
                self.problems.append(
                    (line, f'<script src="{source}"> loads a script from outside {SCRIPT_FOLDER}')
                )
        elif attributes.get("type") == "application/json":
            if attributes.get("id") not in theme_inline_code()[1]:
                self.problems.append(
                    (
                        line,
                        'an inline <script type="application/json"> that is not one of the theme\'s',
                    )
                )
        elif is_theme_script(body):
            self.scripts.append(body)
        else:
            self.problems.append(
                (line, f"an inline <script> that is not one of the theme's: {body.strip()[:60]!r}")
            )


# What may be a problem in a plain page (fast/plain_html.py): an on* or style
# attribute, a <style> element, a URL attribute whose value (decoded, without
# spaces) may start with javascript:. It may also find things that are not
# problems (in a script's text, say); the page is then read in full.
SUSPECT_ATTRIBUTE = (
    rf"""(?i:on|style[\s=/>]|srcdoc|formaction|action|method=(?!"dialog"|'dialog'|dialog[\s/>])|http-equiv"""
    rf"""|(?:{"|".join(sorted(URL_ATTRIBUTES))})=["']?[\x00-\x20]*[&j])"""
)
SUSPECT = re.compile(
    rf"""<[a-zA-Z][a-zA-Z0-9]*+(?:\s++(?!{SUSPECT_ATTRIBUTE}){plain_html.ATTR})*+\s++{SUSPECT_ATTRIBUTE}"""
    r"|<(?i:style|base)[\s/>]"
)


def inspect_page(html: str, page_url: str = "/") -> InlineCode:
    # A plain page with nothing suspect is read fast, by regular expressions
    # (fast/plain_html.py); any other page, and one with a script that is not the
    # theme's, by html.parser, which gives the lines.
    if plain_html.readable(html) and not SUSPECT.search(html):
        parser = InlineCode(page_url)
        for raw, body in plain_html.SCRIPT.findall(html):
            parser.handle_starttag("script", plain_html.attributes(raw))
            parser.handle_data(body)
            parser.handle_endtag("script")
        if not parser.problems:
            return parser
    parser = InlineCode(page_url)
    parser.feed(html)
    parser.close()
    return parser


def source_of(site: Path, page: Path, docs: Path | None) -> str:
    """The Markdown file a built page comes from, when it can be told."""
    rel = page.relative_to(site).as_posix()
    if docs is None or not rel.endswith("index.html"):
        return rel
    stem = rel.removesuffix("index.html").rstrip("/")
    first, _, rest = stem.partition("/")
    candidates = [f"{stem}.md", f"{stem}/index.md".lstrip("/")]
    if i18n.is_locale(
        first
    ):  # A language folder: it/modules/x -> modules/x.it.md, pt-BR/x -> x.pt-BR.md
        candidates += [f"{rest}.{first}.md", f"{rest}/index.{first}.md".lstrip("/")]
    for candidate in candidates:
        if candidate != ".md" and (docs / candidate).is_file():
            return f"{docs.name}/{candidate} (built as {rel})"
    return rel


def inline_code_problems(site: Path, docs: Path | None = None) -> list[str]:
    """One message per script, handler, javascript: address or inline style in
    the built pages that is not the theme's: the policy would block it."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        url = "/" + page.relative_to(site).as_posix()
        for line, what in inspect_page(page.read_text(encoding="utf-8"), url).problems:
            problems.append(
                f"{source_of(site, page, docs)}: line {line} of the built page: {what}. "
                "Pages hold text, not code: remove it (the Content-Security-Policy blocks it)."
            )
    return problems


def report_page(html: str, source: str, page_url: str) -> None:
    """During the build: one warning per piece of code in a built page that
    the policy would block, so that `mkdocs build --strict` stops on it too
    (the sanitiser has already removed what came from the page's Markdown;
    this catches what templates, front matter or strings let through)."""
    from mkdocs_training.core.log import log

    for line, what in inspect_page(html, "/" + page_url).problems:
        log.warning(
            f"{source}: line {line} of the built page: {what}. "
            "Pages hold text, not code: remove it (the Content-Security-Policy blocks it)."
        )
