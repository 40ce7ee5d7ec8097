"""What a first visit costs: requests and bytes over the wire, per page.

    make bench-transfer      (or: .venv/bin/python -m benchmarks.first_visit [SITE])

Serves the built site with deploy/nginx/ (brotli and gzip as in production)
and loads a few pages in Debian's Chromium with an empty cache, counting
every response's size as received, workers' requests included. Prints figures.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import webcheck

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "modules/customer-service/", "it/modules/supplier-guidelines/", "glossary/"]


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
            sizes[request.url.replace(base, "/")] = size["responseBodySize"] + size["responseHeadersSize"]

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
    with tempfile.TemporaryDirectory() as work, webcheck.nginx(site.resolve(), Path(work)) as base, \
            sync_playwright() as playwright:
        browser = webcheck.launch(playwright)
        print(f"{'page':<36} {'requests':>8} {'KB':>7}   largest")
        for path in PAGES:
            result = visit(browser, base, path)
            name, size = max(result["urls"].items(), key=lambda item: item[1])
            print(f"/{path:<35} {result['requests']:>8} {result['bytes'] / 1024:>7.1f}   {name} {size / 1024:.1f} KB")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
