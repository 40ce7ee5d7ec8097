"""What serving the built site needs: security headers, precompressed files, the offline zip.

The security headers have one source of truth, HEADERS below. The build
writes them to site/_headers (the format of Netlify, Cloudflare Pages and
similar hosts), and `python -m tools headers` writes the nginx snippet in
deploy/nginx/. The Content-Security-Policy allows scripts and styles from
the site itself and, by hash, the few small inline scripts Material's
templates write into every page: no 'unsafe-inline', no 'unsafe-eval'.

Which inline scripts those are is read from the theme's templates, not from
the pages: a script that a page brings (or an on*= attribute, a javascript:
link, an inline style) is not allowed by the policy, and inline_code_problems()
names the page that holds it, so the headers are not written for such a site.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
TEXT_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


# The templates whose inline scripts are the theme's: Material's and ours.
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"
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
                patterns.append(re.compile(TEMPLATE_VALUE.join(re.escape(part) for part in literal)))
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
                self.problems.append((line, f"<{tag}> has an event handler attribute {name}=, which runs code"))
            elif name == "style":
                self.problems.append((line, f"<{tag}> has a style= attribute, which the policy blocks (style-src 'self')"))
            elif name in URL_ATTRIBUTES and value and re.sub(r"[\x00-\x20]", "", value).lower().startswith("javascript:"):
                self.problems.append((line, f"<{tag}> has a javascript: address in {name}=, which runs code"))
        if tag == "style":
            self.problems.append((line, "a <style> element, which the policy blocks (style-src 'self')"))
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
                self.problems.append((line, f"<script src=\"{source}\"> loads a script from outside {SCRIPT_FOLDER}"))
        elif attributes.get("type") == "application/json":
            if attributes.get("id") not in theme_inline_code()[1]:
                self.problems.append((line, "an inline <script type=\"application/json\"> that is not one of the theme's"))
        elif is_theme_script(body):
            self.scripts.append(body)
        else:
            self.problems.append((line, f"an inline <script> that is not one of the theme's: {body.strip()[:60]!r}"))


def inspect_page(html: str, page_url: str = "/") -> InlineCode:
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
    if len(first) == 2:  # A language folder: it/modules/x -> modules/x.it.md
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
            problems.append(f"{source_of(site, page, docs)}: line {line} of the built page: {what}. "
                            "Pages hold text, not code: remove it (the Content-Security-Policy blocks it).")
    return problems


def inline_script_hashes(site: Path) -> list[str]:
    """CSP sources for the theme's inline scripts in the built pages; no other
    inline script is allowed (see inline_code_problems)."""
    hashes = set()
    for page in site.rglob("*.html"):
        # A quick scan, not the parser: it runs in every build. Missing a
        # theme script here would show as a violation in the browser tests.
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attributes or not is_theme_script(body):
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(site: Path) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site)),
        # Material's search runs in a worker from the site itself.
        "worker-src 'self'",
        # Stylesheets from the site only: a page's <style> or style= would
        # restyle it (hide text, fake a notice), so it is blocked too.
        # Scripts setting element.style are not affected.
        "style-src 'self'",
        # Material's icons are SVG data URLs in its stylesheets.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def headers(site: Path) -> dict[str, str]:
    """Security headers for every response."""
    return {
        "Content-Security-Policy": content_security_policy(site),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def netlify_headers(site: Path) -> str:
    lines = ["# Security headers for static hosts that read _headers (Netlify, Cloudflare Pages).",
             "# Written by the build (tools/deploy.py); nginx: deploy/nginx/.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers(site).items()]
    return "\n".join(lines) + "\n"


def nginx_headers(site: Path) -> str:
    lines = [
        "# Security headers for every response. Generated from the built site by",
        "# `make headers` (tools/deploy.py): do not edit; regenerate after a theme",
        "# change. Included in every location of training.conf, because nginx drops",
        "# the server's add_header lines in a location that adds its own.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in headers(site).items()]
    return "\n".join(lines) + "\n"


def precompress(site: Path) -> int:
    """Write .gz and .br beside every text file worth it, for nginx's *_static modules."""
    import brotli

    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT_TYPES or not path.is_file() or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        # mtime=0: the same input gives the same bytes (reproducible builds).
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
        count += 1
    return count


# Files that serve no purpose when the site is opened from a folder.
NOT_OFFLINE = (".gz", ".br", "_headers")


def offline_zip(site: Path, archive: Path, folder: str, date: tuple[int, ...]) -> int:
    """Zip the offline site with fixed dates and order, so the same site gives the same zip."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and not p.name.endswith(NOT_OFFLINE)]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zipped.writestr(info, path.read_bytes())
    return len(files)
