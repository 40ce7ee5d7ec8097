"""Check the built site as readers get it: served over HTTP, in Debian's Chromium.

The pieces here are used by the browser tests (tests/test_browser.py) and
are small enough to read: a static server that behaves like the production
host, the Chromium launch, axe-core, a recorder of console messages and
network requests, a link and anchor crawler, and the site search.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.client
import http.server
import shutil
import socket
import subprocess
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

from mkdocs_training.publish.compress import TEXT_TYPES
from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]  # The project (this file is in tests/browser/).
CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium keeps calling Google services that this network
# refuses, and the log fills with errors that are not the site's.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-sandbox",  # Tests run as root in CI, where the sandbox cannot start.
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def stored_key(name: str, site: str = "/") -> str:
    """The localStorage key under which training.js keeps `name` (progress,
    scorecard, language) for the site at path `site` (10-core.js, key())."""
    return f"training:v2:{site}:{name}"


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# -----------------------------------------------------------------------------
# Serving
# -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with each language's 404 page, as deploy/ asks of a host."""

    languages: tuple[str, ...] = ()
    compressible = TEXT_TYPES

    # Text is sent gzipped, as any production host does; performance figures
    # from an uncompressed server would say nothing about what readers get.
    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in self.compressible and path.is_file()):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        first = urlparse(self.path).path.strip("/").split("/")[0]
        folder = first if first in self.languages else ""
        page = Path(self.directory) / folder / "404.html"
        if not page.is_file():  # A site without 404 pages, like the test fixtures.
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, port: int, languages: tuple[str, ...] = ("it",)):
    """Serve `site` on http://127.0.0.1:<port>/ until the block ends."""
    handler = functools.partial(
        type("Handler", (SiteHandler,), {"languages": languages}), directory=str(site)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


@contextlib.contextmanager
def nginx(site: Path, workdir: Path):
    """Debian's nginx with deploy/nginx/training.conf, as installed, but on a
    free port of 127.0.0.1 and serving `site`, until the block ends."""
    conf = workdir / "conf"
    shutil.copytree(ROOT / "deploy" / "nginx", conf / "training")
    server = (conf / "training" / "training.conf").read_text(encoding="utf-8")
    port = free_port()
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/staff-training/current;", f"root {site};")
    if BROTLI_MODULE.exists():
        server = server.replace("# include training/brotli.conf;", "include training/brotli.conf;")
    (conf / "training" / "training.conf").write_text(server, encoding="utf-8")
    load = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
    (conf / "nginx.conf").write_text(
        f"""{load}daemon off;
user root;  # Tests only: the site is in a temporary folder of root's.
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    include {conf}/training/training.conf;
}}
""",
        encoding="utf-8",
    )
    test = subprocess.run(
        [NGINX, "-t", "-p", str(workdir), "-c", str(conf / "nginx.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    if test.returncode != 0:
        raise RuntimeError(f"deploy/nginx/training.conf does not load: {test.stderr}")
    process = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(conf / "nginx.conf")])
    try:

        def answers() -> bool:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            try:
                connection.request("HEAD", "/")
                return True
            finally:
                connection.close()

        wait_until(
            answers,
            5,
            f"nginx did not answer on port {port}; see {workdir}/error.log",
            every=0.1,
            retry_on=(OSError,),
        )
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


# -----------------------------------------------------------------------------
# Chromium
# -----------------------------------------------------------------------------


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@dataclass
class Watch:
    """What a page did on the network and in the console while it was open."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)

    def attach(self, page) -> Watch:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", self._response)
        # Nothing may leave the machine: requests to other hosts are recorded
        # and refused here, so a test never waits on the outside world.
        page.route("**/*", self._route)
        return self

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def _route(self, route):
        url = route.request.url
        if url.startswith((self.origin, "data:", "blob:")):
            route.continue_()
        else:
            self.other_hosts.append(url)
            route.abort("blockedbyclient")

    def problems(self, allow_failed: tuple[str, ...] = ()) -> list[str]:
        failed = [f for f in self.failed if not f.startswith(allow_failed)]
        # A refused request to another host also shows as a failed request
        # and a console error; report it once, as what it is.
        failed = [f for f in failed if not any(f.startswith(u) for u in self.other_hosts)]
        console = [c for c in self.console_errors if "ERR_BLOCKED_BY_CLIENT" not in c]
        if allow_failed:
            console = [c for c in console if "404" not in c]
        return (
            [f"request to another host: {u}" for u in self.other_hosts]
            + [f"failed request: {f}" for f in failed]
            + [f"console error: {c}" for c in console]
        )


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it is now."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run `npm ci` (make test does).")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


def search(page, query: str) -> list[str]:
    """Type into the site search; the result links, in order."""
    page.keyboard.press("s")  # Material's shortcut opens the search.
    # Typed, not filled: Material searches on key presses, as readers make them.
    page.locator("input.md-search__input").press_sequentially(query)
    # Once the index answers, the line above the results shows a count or
    # "no results" in the page language; until then it says "type to search".
    page.wait_for_function(
        "() => /\\d|No |Nessun/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.href)"
    )


# -----------------------------------------------------------------------------
# Links and anchors
# -----------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name) and not (
                tag == "link" and attrs.get("rel") in ("canonical", "alternate")
            ):
                self.links.append(attrs[name])


@dataclass
class Crawl:
    pages: int  # HTML pages reached: guards against a check that saw nothing.
    broken: list[str]


def crawl(start: str) -> Crawl:
    """Follow every link from `start` within its origin, and list the broken ones.

    A link is broken when its target does not answer 200, or when its
    #fragment names no element on the target page.
    """
    origin = urlparse(start).netloc
    fetched: dict[str, _Links | None] = {}  # URL without fragment -> parsed page
    html_queue = [start]
    links: list[tuple[str, str]] = []  # (page, absolute link)

    def fetch(url: str) -> None:
        if url in fetched:
            return
        try:
            with urlopen(url) as response:
                kind = response.headers.get_content_type()
                body = response.read()
        except HTTPError:
            fetched[url] = None
            return
        parsed = _Links()
        if kind == "text/html":
            parsed.feed(body.decode("utf-8"))
            html_queue.append(url)
        fetched[url] = parsed

    fetch(start)
    done: set[str] = set()
    while html_queue:
        url = html_queue.pop()
        page = fetched.get(url)
        if url in done or page is None:
            continue
        done.add(url)
        for link in page.links:
            target = urljoin(url, link)
            parts = urlparse(target)
            # Other hosts are not ours to check, and not reachable from here.
            if parts.scheme in ("http", "https") and parts.netloc == origin:
                links.append((url, target))
                fetch(urldefrag(target).url)

    broken = set()
    for source, target in links:
        page_url, fragment = urldefrag(target)
        page = fetched.get(page_url)
        if page is None:
            broken.add(f"{source} links to {target}: not found")
        elif fragment and fragment not in page.ids:
            broken.add(f"{source} links to {target}: no element with id '{fragment}'")
    return Crawl(len(done), sorted(broken))
