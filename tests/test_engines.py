"""The site in the two other browser engines readers use: Gecko and WebKit.

Firefox ESR (Debian's firefox-esr, driven by Puppeteer over WebDriver BiDi)
and WebKitGTK (Safari's engine: Debian's webkit2gtk-driver, driven by
Selenium under Xvfb) run the same plan: every page loads with no console
error, uncaught error or failed request; the knowledge check, progress, the
language switcher, glossary terms and search work. Both run at once (each
is a separate process), and leave a screenshot of every page in
test-output/engines/<engine>/.

The checks run inside the page (tests/engine_probe.js), which the test
server puts first in every page's <head>, so both engines run the same code.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import ROOT, english_pages, output_path

from tests.browser import webcheck
from tests.waiting import wait_until

TESTS = Path(__file__).parent
PROBE = (TESTS / "engine_probe.js").read_bytes()
FIXTURES = TESTS / "fixtures" / "engines"
FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WIDTH, HEIGHT = webcheck.DESKTOP["width"], webcheck.DESKTOP["height"]
SEARCH_WORD = {"en": "customer", "it": "clienti"}


class ProbedHandler(webcheck.SiteHandler):
    """The site's files, with the probe first in every HTML page's <head>,
    and every request that fails recorded."""

    failures: ClassVar[list[str]] = []  # Shared by every request of the server.

    def do_GET(self):
        if self.path == "/__engine-probe.js":
            return self._send(200, "text/javascript", PROBE)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            return self._send(200, "text/html; charset=utf-8", self._probed(path))
        return super().do_GET()

    def send_error(self, code, message=None, explain=None):
        # Pages asked for on purpose (the 404 pages) are not failures.
        if code == 404 and self.path.rstrip("/").endswith("no-such-page"):
            first = self.path.strip("/").split("/")[0]
            page = Path(self.directory) / (first if first in self.languages else "") / "404.html"
            return self._send(404, "text/html; charset=utf-8", self._probed(page))
        self.failures.append(f"{self.path} (HTTP {code})")
        return super().send_error(code, message, explain)

    @staticmethod
    def _probed(path: Path) -> bytes:
        return path.read_bytes().replace(
            b"<head>", b'<head><script src="/__engine-probe.js"></script>', 1
        )

    def _send(self, code: int, kind: str, body: bytes):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_probed(directory: Path, languages=("it",)):
    import contextlib
    import functools
    import http.server
    import threading

    @contextlib.contextmanager
    def serving():
        handler_class = type("Handler", (ProbedHandler,), {"languages": languages, "failures": []})
        handler = functools.partial(handler_class, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", webcheck.free_port()), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/", handler_class.failures
        finally:
            server.shutdown()
            server.server_close()

    return serving()


# -----------------------------------------------------------------------------
# The plan: what each engine does, in order
# -----------------------------------------------------------------------------


def site_plan() -> list[dict]:
    steps, switches = [], []
    modules = [s for s in english_pages() if s.startswith("modules/")]
    for language in ("en", "it"):
        for source in english_pages():
            path = output_path(source, language).removesuffix("index.html")
            shot = f"{language}-" + (source.removesuffix(".md").replace("/", "_"))
            checks = [["quiz"], ["complete"]] if source in modules else []
            steps.append({"path": path, "shot": shot, "checks": checks})
            if source in modules:
                # Last: a choice made in the switcher is remembered, and would
                # send the home page check at / to the other language.
                other = "it" if language == "en" else "en"
                switches.append(
                    {
                        "path": path,
                        "label": f"switch to {other}",
                        "switch": other,
                        "lands": output_path(source, other).removesuffix("index.html"),
                    }
                )
        # Then the home page again: progress, glossary, search.
        home = output_path("index.md", language).removesuffix("index.html")
        module_ids = [Path(m).stem for m in modules]
        steps.append(
            {
                "path": home,
                "label": "progress, glossary and search",
                "checks": [["status", m] for m in module_ids]
                + [["glossary"], ["search", SEARCH_WORD[language]]],
            }
        )
        missing = f"{'' if language == 'en' else language + '/'}no-such-page/"
        steps.append({"path": missing, "shot": f"{language}-404", "status": 404})
    return steps + switches


# -----------------------------------------------------------------------------
# The two engines
# -----------------------------------------------------------------------------


def start_firefox(
    base: str, steps: list[dict], shots: Path, workdir: Path
) -> tuple[subprocess.Popen, Path]:
    if not Path(FIREFOX).exists():
        pytest.fail("Firefox ESR is missing: apt-get install firefox-esr (make test does, as root)")
    shots.mkdir(parents=True, exist_ok=True)
    plan = workdir / "firefox-plan.json"
    result = workdir / "firefox-result.json"
    plan.write_text(
        json.dumps(
            {"base": base, "shots": str(shots), "width": WIDTH, "height": HEIGHT, "steps": steps}
        )
    )
    env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1", FIREFOX=FIREFOX)
    process = subprocess.Popen(
        ["node", str(TESTS / "engine_firefox.mjs"), str(plan), str(result)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return process, result


def finish_firefox(process: subprocess.Popen, result: Path) -> dict:
    output, _ = process.communicate(timeout=300)
    if not result.exists():
        return {"(run)": [f"Firefox run failed: {output[-2000:]}"]}
    return json.loads(result.read_text())


def webkit_driver():
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    if not Path(WEBKIT_DRIVER).exists() or not Path(MINIBROWSER).exists():
        pytest.fail(
            "WebKitGTK is missing: apt-get install webkit2gtk-driver (make test does, as root)"
        )
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    driver = webdriver.WebKitGTK(options=options, service=Service(executable_path=WEBKIT_DRIVER))
    driver.set_window_size(WIDTH, HEIGHT)
    driver.set_script_timeout(30)
    return driver


# The page has loaded, the probe is there and Material, if the page loads its bundle, has
# started (it sets window.document$): the checks may begin. engine_firefox.mjs waits the same way.
STARTED = (
    "return document.readyState === 'complete' && !!window.__engineProbe"
    " && (!document.querySelector('script[src*=\"bundle.\"]') || !!window.document$)"
)


def probe(driver, name: str, *args):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const [name, args] = [arguments[0], arguments[1]];"
        "if (!window.__engineProbe) { done(['the probe did not load']); return; }"
        "window.__engineProbe[name](...args).then(done, e => done(['probe failed: ' + e]));",
        name,
        list(args),
    )


def run_webkit(base: str, steps: list[dict], shots: Path) -> dict:
    shots.mkdir(parents=True, exist_ok=True)
    results = {}
    driver = webkit_driver()
    try:
        for step in steps:
            problems = []
            driver.get(base + step["path"])
            # Until the probe is there and Material, if the page loads it, has started.
            wait_until(
                lambda: driver.execute_script(STARTED),
                10,
                f"{step['path']}: Material or the probe never started in WebKit",
            )
            for name, *args in step.get("checks", []):
                problems += probe(driver, name, *args)
            if step.get("shot"):
                driver.save_screenshot(str(shots / f"{step['shot']}.png"))
            problems += probe(driver, "errors")
            if step.get("switch"):
                href = probe(driver, "switcher", step["switch"])
                if not href:
                    problems.append(f"no switcher link to {step['switch']}")
                else:
                    driver.execute_script(
                        "document.querySelector(`a.md-select__link[hreflang='${arguments[0]}']`).click()",
                        step["switch"],
                    )
                    lands = base + step["lands"]
                    with contextlib.suppress(
                        AssertionError
                    ):  # Named below, with the page's language.
                        wait_until(lambda: driver.current_url == lands, 10, "", every=0.1)  # noqa: B023
                    lang = driver.execute_script("return document.documentElement.lang")
                    if driver.current_url != base + step["lands"] or lang != step["switch"]:
                        problems.append(
                            f"the switcher lands on {driver.current_url} (lang {lang}), "
                            f"not {base + step['lands']}"
                        )
            results[step["path"] + (f" ({step['label']})" if step.get("label") else "")] = problems
    finally:
        driver.quit()
    return results


def run_both(base: str, steps: list[dict], shots: Path, workdir: Path) -> dict:
    """Firefox in its own process while WebKit runs here: about half the time."""
    firefox, result = start_firefox(base, steps, shots / "firefox", workdir)
    try:
        webkit = run_webkit(base, steps, shots / "webkit")
    finally:
        firefox_results = finish_firefox(firefox, result)
    return {"firefox": firefox_results, "webkit": webkit}


def needs_display():
    """Selenium's WebKitGTK needs an X display: re-run under xvfb-run if none."""
    if not os.environ.get("DISPLAY"):
        pytest.fail("No X display for WebKitGTK: run the tests under xvfb-run (make test does)")


@pytest.fixture(scope="module")
def engines(site, output_dir, tmp_path_factory):
    needs_display()
    with serve_probed(site) as (base, failures):
        results = run_both(
            base, site_plan(), output_dir / "engines", tmp_path_factory.mktemp("engines")
        )
    results["server"] = failures
    return results


@pytest.mark.parametrize("engine", ["firefox", "webkit"])
def test_every_page_and_feature_works_in_the_engine(engines, engine):
    problems = {path: p for path, p in engines[engine].items() if p}
    assert problems == {}
    assert len(engines[engine]) == len(site_plan())


def test_no_request_fails_in_either_engine(engines):
    assert engines["server"] == []


@pytest.mark.browser
def test_engine_checks_catch_a_broken_page(output_dir, tmp_path):
    needs_display()
    steps = [
        {
            "path": "broken.html",
            "shot": "broken",
            "checks": [["quiz"], ["glossary"], ["search", "anything"]],
        },
    ]
    with serve_probed(FIXTURES) as (base, failures):
        results = run_both(base, steps, tmp_path / "shots", tmp_path)
    for engine in ("firefox", "webkit"):
        text = "\n".join(results[engine]["broken.html"])
        assert "uncaught" in text and "broken on purpose" in text, (engine, text)
        assert "failed to load" in text and "missing.css" in text, (engine, text)
        assert "checking the answers gives no score" in text, (engine, text)
        assert "definition does not show on focus" in text, (engine, text)
        assert "no search field" in text, (engine, text)
    # Only WebKit drops the two-value text-decoration shorthand.
    assert "no dotted underline" in "\n".join(results["webkit"]["broken.html"])
    assert any("missing.css" in f for f in failures)
