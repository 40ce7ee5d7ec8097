"""deploy/nginx/ in a real nginx (Debian's) on 127.0.0.1, serving the built site.

Headers (on every response, nginx's own errors included), compression,
caching, redirects, dotfiles, language at the root, 404 pages, the inline
code the policy allows, and the browser gate again: no Content-Security-Policy
violation on any page. Redeploys under load: tests/test_redeploy.py.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import shutil
import socket
import subprocess
import sys

import pytest
from conftest import ROOT, configured_languages, english_pages, output_path

from mkdocs_training.publish import headers as security_headers
from mkdocs_training.publish import inline_code
from tests.browser import webcheck

BROTLI_MODULE = webcheck.BROTLI_MODULE
LANGUAGES = configured_languages()  # From mkdocs.yml, default first.
PAGES = english_pages()


# Files that must never be served, planted in the served copy of the site.
DOTFILES = [".env", ".git/config", "it/.secret", "assets/javascripts/.old.js"]
CANARY = "canary-7c1e5d"


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    served = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(site, served)
    for name in DOTFILES:
        (served / name).parent.mkdir(parents=True, exist_ok=True)
        (served / name).write_text(f"{CANARY}\n", encoding="utf-8")
    with webcheck.nginx(served, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def raw(base: str, request: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
    """Send bytes as they are (requests http.client refuses to make) and read
    the status, every header line in order, and the body."""
    port = int(base.rstrip("/").rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = [
        (name.lower(), value.strip()) for name, _, value in (line.partition(":") for line in lines)
    ]
    return int(status_line.split()[1]), headers, body


def get(base: str, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    host = base.split("//")[1].rstrip("/")
    connection = http.client.HTTPConnection(host, timeout=10)
    connection.request("GET", "/" + path.lstrip("/"), headers=headers or {})
    response = connection.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


# -----------------------------------------------------------------------------
# Headers
# -----------------------------------------------------------------------------


def test_built_pages_hold_no_inline_code_but_the_themes(site):
    assert inline_code.inline_code_problems(site) == []


def test_inline_code_stops_the_build_and_the_headers(fixture_site, tmp_path):
    # The page's own script, handler and style are removed by the sanitiser
    # (tests/test_security.py); the fixture's footer template writes code into
    # every page, which only the check of the built pages can see.
    build = fixture_site("inline-code")
    assert build.returncode == 1, build.output
    assert (
        "docs/modules/m.it.md: line " in build.output
        and "an inline <script> that is not one of the theme's: 'document.title = \"dal modello\"'"
        in build.output
    )
    assert "event handler attribute onmouseover=, which runs code" in build.output
    assert 'document.title = "iniettato"' not in (build.site / "it/modules/m/index.html").read_text(
        encoding="utf-8"
    )
    project, out = tmp_path / "inline-code", tmp_path / "security-headers.conf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs_training",
            "-f",
            str(project / "mkdocs.yml"),
            "headers",
            str(build.site),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and not out.exists()
    lines = result.stderr.splitlines()
    assert any(
        line.startswith("docs/modules/m.it.md (built as it/modules/m/index.html): line ")
        and "an inline <script> that is not one of the theme's: 'document.title" in line
        for line in lines
    )
    assert "remove it" in lines[0] and "not written:" in lines[-1]
    # Nor does the policy allow the template's script, whoever writes the headers.
    digest = base64.b64encode(hashlib.sha256(b'document.title = "dal modello"').digest()).decode()
    assert digest not in security_headers.content_security_policy(build.site)


THEME_SCRIPT = (
    '__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}'
)


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        (
            "<script>alert(1)</script>",
            "an inline <script> that is not one of the theme's: 'alert(1)'",
        ),
        (
            "<SCRIPT type=module>alert(1)</SCRIPT>",
            "an inline <script> that is not one of the theme's",
        ),
        # The theme's script with code where its template puts the base URL.
        (
            "<script>" + THEME_SCRIPT.format(base='/");alert(1);//') + "</script>",
            "an inline <script> that is not one of",
        ),
        (
            '<script type="application/json" id="mine">{}</script>',
            'an inline <script type="application/json"> that is not',
        ),
        (
            '<script src="../../evil.js"></script>',
            '<script src="../../evil.js"> loads a script from outside /assets/javascripts/',
        ),
        ('<script src="https://example.com/x.js"></script>', "loads a script from outside"),
        (
            '<img src="x.png" alt="" onerror="alert(1)">',
            "<img> has an event handler attribute onerror=",
        ),
        (
            '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
            "<a> has a javascript: address in xlink:href=",
        ),
        ('<a href=" JAVA\tscript:alert(1)">x</a>', "<a> has a javascript: address in href="),
        ("<style>p { display: none }</style>", "a <style> element"),
        ('<p style="color: red">x</p>', "<p> has a style= attribute"),
        # What the sanitiser removes that runs or sends the reader off (issue 19), should a template write it.
        (
            '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
            "<iframe> has srcdoc=",
        ),
        ('<form action="https://example.org/"><button>Send</button></form>', "<form> has action="),
        (
            '<form method="dialog"><button formaction="https://example.org/">Send</button></form>',
            "<button> has formaction=",
        ),
        ('<form method="post"><button>Send</button></form>', "<form> has method="),
        (
            '<meta http-equiv="refresh" content="0;url=https://example.org/">',
            '<meta http-equiv="refresh">',
        ),
        ('<base href="https://example.org/">', "a <base> element"),
    ],
)
def test_inline_code_that_is_not_the_themes_is_named(html, problem):
    found = inline_code.inspect_page(f"<html><body>\n{html}\n</body></html>", "/it/modules/m/")
    assert len(found.problems) == 1, found.problems
    line, what = found.problems[0]
    assert line == 2 and problem in what
    assert found.scripts == []


@pytest.mark.parametrize("base", ["/", "../../", "../it/", "."])
def test_the_themes_inline_scripts_are_recognised_whatever_the_page(base):
    html = (
        f'<script>{THEME_SCRIPT.format(base=base)}</script><script id="__config" type="application/json">{{}}</script>'
        '<script src="../../../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    )
    found = inline_code.inspect_page(html, "/it/modules/m/")
    assert (found.problems, found.scripts) == ([], [THEME_SCRIPT.format(base=base)])


def test_committed_nginx_headers_match_the_built_site(site):
    committed = (ROOT / "deploy" / "nginx" / "security-headers.conf").read_text(encoding="utf-8")
    assert committed == security_headers.nginx_headers(site), (
        "deploy/nginx/security-headers.conf is out of date: run `make headers`"
    )


@pytest.mark.parametrize(
    "path",
    [
        "",
        "it/",
        "modules/customer-service/",
        "no-such-page/",
        "it/no-such-page/",
        "_headers",
        "assets/javascripts/training.js",
        "assets/javascripts/bundle.a5f9d56c.min.js",
    ],
)
def test_every_response_has_the_security_headers(site, nginx, path):
    _, headers, _ = get(nginx, path, {"Accept-Language": "en"})
    expected = {name.lower(): value for name, value in security_headers.headers(site).items()}
    assert {name: headers.get(name) for name in expected} == expected
    policy = headers["content-security-policy"]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "server" not in headers or headers["server"] == "nginx"  # No version.


ERRORS_NGINX_MAKES = {
    "no Host (400)": (b"GET / HTTP/1.1\r\n\r\n", 400),
    "URI too long (414)": (b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    "TRACE (405)": (b"TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
    "CONNECT (400)": (
        b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nConnection: close\r\n\r\n",
        400,
    ),
    "range past the end of a page (416)": (
        b"GET /modules/customer-service/ HTTP/1.1\r\nHost: x\r\nRange: bytes=99999999-\r\nConnection: close\r\n\r\n",
        416,
    ),
    "range past the end of an asset (416)": (
        (
            b"GET /assets/javascripts/bundle.a5f9d56c.min.js HTTP/1.1\r\nHost: x\r\nRange: bytes=99999999-\r\n"
            b"Connection: close\r\n\r\n"
        ),
        416,
    ),
    "a range (206)": (
        b"GET /it/ HTTP/1.1\r\nHost: x\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n",
        206,
    ),
}


@pytest.mark.parametrize("case", ERRORS_NGINX_MAKES)
def test_responses_nginx_makes_itself_have_the_security_headers_once(site, nginx, case):
    request, expected_status = ERRORS_NGINX_MAKES[case]
    status, headers, _ = raw(nginx, request)
    assert status == expected_status
    for name, value in security_headers.headers(site).items():
        assert [v for n, v in headers if n == name.lower()] == [value], name


def test_redirects_do_not_repeat_the_host_the_request_names(nginx):
    request = (
        b"GET /modules/customer-service HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
    )
    status, headers, body = raw(nginx, request)
    assert (status, dict(headers)["location"]) == (301, "/modules/customer-service/")
    assert b"evil.example" not in body
    request = (
        b"GET / HTTP/1.1\r\nHost: evil.example\r\nAccept-Language: it\r\nConnection: close\r\n\r\n"
    )
    status, headers, _ = raw(nginx, request)
    assert (status, dict(headers)["location"]) == (302, "/it/")


@pytest.mark.parametrize("path", DOTFILES)
def test_dotfiles_are_not_served(nginx, path):
    status, headers, body = get(nginx, path)
    assert status in (403, 404) and CANARY.encode() not in body
    assert "content-security-policy" in headers


# -----------------------------------------------------------------------------
# Compression and caching
# -----------------------------------------------------------------------------


def test_precompressed_gzip_is_served_as_built(site, nginx):
    status, headers, body = get(
        nginx, "assets/javascripts/training.js", {"Accept-Encoding": "gzip"}
    )
    assert (status, headers.get("content-encoding")) == (200, "gzip")
    assert body == (site / "assets/javascripts/training.js.gz").read_bytes()
    assert headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == (site / "assets/javascripts/training.js").read_bytes()


@pytest.mark.skipif(
    not BROTLI_MODULE.exists(), reason="Debian's brotli module for nginx is not installed"
)
def test_precompressed_brotli_is_served_as_built(site, nginx):
    status, headers, body = get(nginx, "modules/customer-service/", {"Accept-Encoding": "br, gzip"})
    assert (status, headers.get("content-encoding")) == (200, "br")
    assert body == (site / "modules/customer-service/index.html.br").read_bytes()


@pytest.mark.parametrize(
    ("path", "cache"),
    [
        ("assets/javascripts/bundle.a5f9d56c.min.js", "public, max-age=31536000, immutable"),
        # The one stylesheet, named by its content (mkdocs_training/publish/stylesheet.py).
        ("assets/stylesheets/site.*.min.css", "public, max-age=31536000, immutable"),
        ("modules/customer-service/", "no-cache"),
        ("it/modules/customer-service/", "no-cache"),
        ("assets/javascripts/training.js", "no-cache"),
    ],
)
def test_fingerprinted_assets_are_immutable_and_the_rest_revalidates(site, nginx, path, cache):
    if "*" in path:
        [found] = site.glob(path)
        path = found.relative_to(site).as_posix()
    status, headers, _ = get(nginx, path)
    assert (status, headers["cache-control"]) == (200, cache)
    if cache == "no-cache":
        assert "etag" in headers


def test_a_missing_fingerprinted_asset_is_not_cached(nginx):
    status, headers, _ = get(nginx, "assets/javascripts/bundle.00000000.min.js")
    assert (status, headers["cache-control"]) == (404, "no-cache")


def test_an_unchanged_fingerprinted_asset_stays_immutable(nginx):
    path = "assets/javascripts/bundle.a5f9d56c.min.js"
    etag = get(nginx, path)[1]["etag"]
    status, headers, _ = get(nginx, path, {"If-None-Match": etag})
    assert (status, headers["cache-control"]) == (304, "public, max-age=31536000, immutable")


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
        # q-values count, not only the order; q=0 means "not this one".
        ("it;q=0", None, None),
        ("it;q=0.0, en", None, None),
        ("it-IT;q=0, de", None, None),
        ("en;q=0.1, it;q=0.9", None, "/it/"),
        ("en;q=0.85, it;q=0.9", None, "/it/"),
        ("en;q=0.9, it;q=0.85", None, None),
        ("en;q=0, it;q=0.001", None, "/it/"),
        ("it;q=0.5, en;q=0.5", None, "/it/"),  # A tie: the first listed.
        ("en;q=0.5, it;q=0.5", None, None),
        ("it;q=1.0", None, "/it/"),
        # From a page of this site (the switcher's "English" with cookies
        # blocked): the reader chose /, so Accept-Language does not decide.
        ("it-IT", "referer:{here}/it/modules/customer-service/", None),
        ("it-IT", "referer:http://elsewhere.example/{here_host}/", "/it/"),
        (
            "it-IT",
            "training_language=it; referer:{here}/it/",
            "/it/",
        ),  # The remembered choice wins.
    ],
)
def test_root_sends_the_reader_to_their_language(nginx, accept, cookie, location):
    cookie, _, referer = (cookie or "").partition("referer:")
    cookie = cookie.strip().rstrip(";")
    host = nginx.split("//")[1].rstrip("/")
    headers = {"Accept-Language": accept, **({"Cookie": cookie} if cookie else {})}
    if referer:
        headers["Referer"] = referer.format(here=nginx.rstrip("/"), here_host=host)
    status, response, body = get(nginx, "", headers)
    if location:
        assert (status, response["location"]) == (302, location)
    else:
        assert status == 200 and b'<html lang="en"' in body
    assert "Accept-Language" in response.get("vary", "")


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("no-such-page/", "en", b"Page not found"),
        ("it/no-such-page/", "it", b"Pagina non trovata"),
    ],
)
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


def use_the_page(page, language: str) -> list[str]:
    """What a reader does with a page: search, the knowledge check, every step
    of the palette toggle, Material's and the glossary's tooltips, and (at
    phone width) the navigation drawer. Returns what was done."""
    done = []
    webcheck.search(page, "servizio" if language == "it" else "service")
    page.keyboard.press("Escape")  # Close the search.
    done.append("search")
    if page.locator("form.training-quiz").count():
        page.get_by_role(
            "button", name={"en": "Check my answers", "it": "Verifica le risposte"}[language]
        ).click()
        done.append("quiz")
    for _ in range(3):  # System, light, dark: each toggle shows the next one.
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
    done.append("palette")
    page.locator(
        "form[data-md-component=palette] label:not([hidden])"
    ).hover()  # Material's tooltip.
    page.wait_for_selector(".md-tooltip2--active, .md-tooltip--active", state="attached")
    done.append("tooltip")
    terms = page.locator(".training-term")
    if terms.count():
        terms.first.hover()
        terms.first.focus()
        done.append("glossary tooltip")
    page.set_viewport_size(webcheck.PHONE)
    page.locator(
        "button[data-training-toggle='__drawer']"
    ).click()  # The menu button (the theme's label is its no-script fallback).
    page.wait_for_function("document.getElementById('__drawer').checked")
    done.append("drawer")
    page.wait_for_load_state("networkidle")
    return done


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_works_under_the_content_security_policy(browser, nginx, language):
    problems, done = [], set()
    for source in PAGES:
        path = output_path(source, language).removesuffix("index.html")
        context = browser.new_context(
            locale="en-US" if language == "en" else "it-IT", viewport=webcheck.DESKTOP
        )
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        watch = webcheck.Watch(origin=nginx.rstrip("/")).attach(page)
        page.goto(nginx + path)
        page.wait_for_load_state("networkidle")
        done.update(use_the_page(page, language))
        problems += [f"{path}: {v}" for v in csp_violations(page) + watch.problems()]
        context.close()
    assert problems == []
    assert done == {"search", "quiz", "palette", "tooltip", "glossary tooltip", "drawer"}


def test_csp_check_catches_inline_scripts_and_styles_that_are_not_allowed(browser, site, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page_file = broken / "index.html"
    html = page_file.read_text(encoding="utf-8")
    injected = "<script>document.title = 'injected'</script><p style='display: none'>x</p><style>p { display: none }</style>"
    page_file.write_text(html.replace("</body>", injected + "</body>"), encoding="utf-8")
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
    assert sorted(violations) == [
        "script-src-elem inline",
        "style-src-attr inline",
        "style-src-elem inline",
    ]
