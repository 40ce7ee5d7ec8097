"""What a first visit costs: requests and bytes over the wire, per page.

    make bench-transfer      (or: .venv/bin/python -m benchmarks.first_visit [SITE])

Serves the built site with deploy/nginx/ (brotli and gzip as in production)
and loads a few pages in Debian's Chromium with an empty cache, counting
every response's size as received, workers' requests included. Prints figures:
requests; KB as received (Chromium takes brotli from 127.0.0.1; headers
included); KB gzip, the budget's unit (the build's .gz copies of the same
files, bodies only); and what the module page loads, file by file.
Budget (issue 10): a module page at most 6 requests and 50 KB gzip.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from tests.browser import webcheck

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "modules/customer-service/", "it/modules/supplier-guidelines/", "glossary/"]
MODULE_PAGE = "modules/customer-service/"
BUDGET_REQUESTS, BUDGET_KB_GZIP = 6, 50


def gzip_size(site: Path, url: str) -> int:
    """Bytes of the file behind `url` (a path from the site root) gzipped as the build does."""
    path = site / urlsplit(url).path.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    compressed = path.with_name(path.name + ".gz")
    if compressed.is_file():
        return compressed.stat().st_size
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def visit(browser, base: str, path: str) -> dict:
    """One uncached visit: {requests, bytes, urls: {url: bytes}}.

    Bytes are as received (compressed), headers included; requests of the
    page's workers count too (Material's search worker and what it loads).
    """
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    sizes = {}

    def finished(request):
        if not request.url.startswith("data:"):
            size = request.sizes()
            sizes[request.url.replace(base, "/")] = (
                size["responseBodySize"] + size["responseHeadersSize"]
            )

    context.on("requestfinished", finished)
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    context.close()
    return {"requests": len(sizes), "bytes": sum(sizes.values()), "urls": sizes}


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").exists():
        print(f"{site} has no built site: run `make build` first.", file=sys.stderr)
        return 2
    with (
        tempfile.TemporaryDirectory() as work,
        webcheck.nginx(site.resolve(), Path(work)) as base,
        sync_playwright() as playwright,
    ):
        browser = webcheck.launch(playwright)
        print(f"{'page':<36} {'requests':>8} {'KB as received':>15} {'KB gzip':>8}")
        results = {}
        for path in PAGES:
            result = results[path] = visit(browser, base, path)
            gzipped = sum(gzip_size(site, url) for url in result["urls"])
            print(
                f"/{path:<35} {result['requests']:>8} {result['bytes'] / 1024:>15.1f} {gzipped / 1024:>8.1f}"
            )
        browser.close()
    print(
        f"\n/{MODULE_PAGE}, file by file (budget: {BUDGET_REQUESTS} requests, {BUDGET_KB_GZIP} KB gzip)"
    )
    for url, size in sorted(results[MODULE_PAGE]["urls"].items(), key=lambda item: -item[1]):
        print(
            f"  {url:<58} {size / 1024:>6.1f} KB received {gzip_size(site, url) / 1024:>6.1f} KB gzip"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
