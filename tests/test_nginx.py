"""deploy/nginx/ in a real nginx (Debian's) on 127.0.0.1, serving the built site.

Headers, compression, caching, language at the root, 404 pages, and the
browser gate again: no Content-Security-Policy violation on any page.
"""

from __future__ import annotations

import gzip
import http.client
import shutil
import pytest

from conftest import ROOT, english_pages, output_path
from mkdocs_training.publish import headers as security_headers
from tests.browser import webcheck

BROTLI_MODULE = webcheck.BROTLI_MODULE
LANGUAGES = ["en", "it"]
PAGES = english_pages()


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    with webcheck.nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def get(base: str, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    host = base.split("//")[1].rstrip("/")
    connection = http.client.HTTPConnection(host, timeout=10)
    connection.request("GET", "/" + path.lstrip("/"), headers=headers or {})
    response = connection.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


# -----------------------------------------------------------------------------
# Headers
# -----------------------------------------------------------------------------


def test_committed_nginx_headers_match_the_built_site(site):
    committed = (ROOT / "deploy" / "nginx" / "security-headers.conf").read_text(encoding="utf-8")
    assert committed == security_headers.nginx_headers(site), "deploy/nginx/security-headers.conf is out of date: run `make headers`"


@pytest.mark.parametrize("path", ["", "it/", "modules/customer-service/", "no-such-page/", "it/no-such-page/", "_headers",
                                  "assets/javascripts/training.js", "assets/javascripts/bundle.a5f9d56c.min.js"])
def test_every_response_has_the_security_headers(site, nginx, path):
    status, headers, _ = get(nginx, path, {"Accept-Language": "en"})
    expected = {name.lower(): value for name, value in security_headers.headers(site).items()}
    assert {name: headers.get(name) for name in expected} == expected
    policy = headers["content-security-policy"]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "server" not in headers or headers["server"] == "nginx"  # No version.


# -----------------------------------------------------------------------------
# Compression and caching
# -----------------------------------------------------------------------------


def test_precompressed_gzip_is_served_as_built(site, nginx):
    status, headers, body = get(nginx, "assets/javascripts/training.js", {"Accept-Encoding": "gzip"})
    assert (status, headers.get("content-encoding")) == (200, "gzip")
    assert body == (site / "assets/javascripts/training.js.gz").read_bytes()
    assert headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == (site / "assets/javascripts/training.js").read_bytes()


@pytest.mark.skipif(not BROTLI_MODULE.exists(), reason="Debian's brotli module for nginx is not installed")
def test_precompressed_brotli_is_served_as_built(site, nginx):
    status, headers, body = get(nginx, "modules/customer-service/", {"Accept-Encoding": "br, gzip"})
    assert (status, headers.get("content-encoding")) == (200, "br")
    assert body == (site / "modules/customer-service/index.html.br").read_bytes()


@pytest.mark.parametrize(
    ("path", "cache"),
    [
        ("assets/javascripts/bundle.a5f9d56c.min.js", "public, max-age=31536000, immutable"),
        ("assets/stylesheets/main.57a0d79d.min.css", "public, max-age=31536000, immutable"),
        ("modules/customer-service/", "no-cache"),
        ("it/modules/customer-service/", "no-cache"),
        ("assets/javascripts/training.js", "no-cache"),
    ],
)
def test_fingerprinted_assets_are_immutable_and_the_rest_revalidates(nginx, path, cache):
    status, headers, _ = get(nginx, path)
    assert (status, headers["cache-control"]) == (200, cache)
    if cache == "no-cache":
        assert "etag" in headers


def test_headers_file_for_other_hosts_is_not_served(nginx):
    assert get(nginx, "_headers")[0] == 404


# -----------------------------------------------------------------------------
# Language at the root, and 404 pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "cookie", "location"),
    [
        ("it-IT,it;q=0.9,en;q=0.8", None, "/it/"),
        ("fr-FR,fr;q=0.9,it;q=0.8", None, "/it/"),
        ("en-GB,en;q=0.9,it;q=0.8", None, None),
        ("de-DE", None, None),
        ("it-IT", "training_language=en", None),  # An explicit choice wins.
        ("en-US", "training_language=it", "/it/"),
    ],
)
def test_root_sends_the_reader_to_their_language(nginx, accept, cookie, location):
    headers = {"Accept-Language": accept, **({"Cookie": cookie} if cookie else {})}
    status, response, body = get(nginx, "", headers)
    if location:
        assert (status, response["location"].removeprefix(nginx.rstrip("/"))) == (302, location)
    else:
        assert status == 200 and b'<html lang="en"' in body
    assert "Accept-Language" in response.get("vary", "")


@pytest.mark.parametrize(("path", "language", "heading"), [
    ("no-such-page/", "en", b"Page not found"),
    ("it/no-such-page/", "it", b"Pagina non trovata"),
])
def test_unknown_address_gets_the_404_page_of_its_language(nginx, path, language, heading):
    status, _, body = get(nginx, path)
    assert status == 404
    assert f'<html lang="{language}"'.encode() in body and heading in body


# -----------------------------------------------------------------------------
# The browser gate under the real headers
# -----------------------------------------------------------------------------


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_works_under_the_content_security_policy(browser, nginx, language):
    problems = []
    for source in PAGES:
        path = output_path(source, language).removesuffix("index.html")
        context = browser.new_context(locale="en-US" if language == "en" else "it-IT")
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        watch = webcheck.Watch(origin=nginx.rstrip("/")).attach(page)
        page.goto(nginx + path)
        page.wait_for_load_state("networkidle")
        webcheck.search(page, "servizio" if language == "it" else "service")
        page.keyboard.press("Escape")  # Close the search.
        if page.locator("form.training-quiz").count():
            page.get_by_role("button", name={"en": "Check my answers", "it": "Verifica le risposte"}[language]).click()
        page.wait_for_load_state("networkidle")
        problems += [f"{path}: {v}" for v in csp_violations(page) + watch.problems()]
        context.close()
    assert problems == []


def test_csp_check_catches_an_inline_script_that_is_not_allowed(browser, site, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page_file = broken / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</body>", "<script>document.title = 'injected'</script></body>"), encoding="utf-8")
    (broken / "index.html.gz").unlink()
    (broken / "index.html.br").unlink()
    with webcheck.nginx(broken, tmp_path / "nginx") as url:
        context = browser.new_context(locale="en-US")
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations = csp_violations(page)
        title = page.title()
        context.close()
    assert title != "injected"
    assert violations == ["script-src-elem inline"]
