"""`make serve` (mkdocs_training/serve/): an edited page shows at once, and nothing shows wrong.

Each test starts the server on a free port over a copy of the fixture site,
edits pages and reads what it serves. The fast path must serve exactly what
a full build would: the edited page is compared with what the background
rebuild writes, and the final site with a fresh `mkdocs build`. Two fixtures
break the fast path on purpose (a language setting not restored, a title
change rendered alone) and show these checks catching it.
"""

from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from mkdocs_training.core import engine
from mkdocs_training.fast import one_page
from mkdocs_training.serve.server import Server
from tests.browser import webcheck
from tests.conftest import differences, make_site, mkdocs_build
from tests.waiting import wait_until


class Lines(logging.Handler):
    """The server's log, as the console shows it."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def text(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, text: str, timeout: float = 60, times: int = 1) -> None:
        """Until the log has said `text` (`times` times in all)."""
        wait_until(
            lambda: self.text().count(text) >= times,
            timeout,
            lambda: f"the log never said {text!r}:\n{self.text()}",
        )


def fetch(url: str, timeout: float = 10) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


class Running:
    def __init__(self, project: Path, server: Server, log: Lines, thread: threading.Thread) -> None:
        self.project, self.server, self.log, self.thread = project, server, log, thread
        self.url = server.serve_url
        self.site = Path(server.site_dir)

    def edit(self, page: str, old: str, new: str) -> None:
        path = self.project / "docs" / page
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{page}: {old!r} is not there once"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def wait_served(self, path: str, text: str, timeout: float = 60) -> str:
        """The page at `path` once it holds `text`."""
        page = wait_until(
            lambda: (lambda page: text in page and page)(fetch(self.url + path)),
            timeout,
            lambda: f"{path} never showed {text!r}:\n{self.log.text()}",
            every=0.02,
        )
        return page

    def files(self) -> dict[str, bytes]:
        return {
            str(p.relative_to(self.site)): p.read_bytes()
            for p in self.site.rglob("*")
            if p.is_file()
        }


@pytest.fixture
def running(tmp_path, monkeypatch, request):
    """The server over a copy of a fixture site (the control one unless a test names another)."""
    monkeypatch.setenv("TRAINING_PREVIEW", "on")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SITE_URL", raising=False)
    project = make_site(tmp_path, getattr(request, "param", "control"))
    log = Lines()
    logger = engine.logger()  # Where the running engine logs ("Serving on ...").
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(log)
    server = Server(str(project / "mkdocs.yml"), "127.0.0.1", webcheck.free_port(), [log])
    thread = threading.Thread(target=server.start, daemon=True)
    thread.start()
    log.wait_for("Serving on")
    try:
        yield Running(project, server, log, thread)
    finally:
        server.shutdown(wait=True)
        thread.join(timeout=30)
        logger.removeHandler(log)
        logger.setLevel(level)


# -----------------------------------------------------------------------------
# The checks
# -----------------------------------------------------------------------------


def fast_edit_problems(
    run: Running,
    page: str,
    path: str,
    old: str,
    new: str,
    shown: str = "",
    also: tuple[str, ...] = (),
) -> list[str]:
    """Edit one page; what the fast path served (at `path`, and `also`) that the full build behind it did not."""
    done = run.log.text().count("Background rebuild done")
    run.edit(page, old, new)
    run.wait_served(path, shown or new)
    fast = run.files()
    run.log.wait_for("Background rebuild done", times=done + 1)
    problems = []
    for written in (path, *also):
        edited = written + "index.html"
        if (run.site / edited).read_bytes() != fast[edited]:
            problems.append(f"{edited}: the fast path wrote other HTML than the full build")
    return problems


def consistency_problems(run: Running, path: str, new_title: str, others: list[str]) -> list[str]:
    """Once the edited page shows its new title, the pages listing it must show it too."""
    run.wait_served(path, new_title)
    return [
        f"{other}: still lists the old title"
        for other in others
        if new_title not in fetch(run.url + other)
    ]


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_an_edited_page_is_rendered_alone_and_the_rest_catches_up(running, tmp_path):
    it_before = fetch(running.url + "it/modules/m/")
    assert (
        fast_edit_problems(
            running, "modules/m.md", "modules/m/", "Summary.", "Summary, edited once."
        )
        == []
    )
    assert "Fast path: docs/modules/m.md rendered again (modules/m/)" in running.log.text()
    # The other language and the other pages still serve; the Italian page,
    # whose English original changed, now says so (from the background rebuild).
    assert "Fixture home" in fetch(running.url)
    assert 'lang="it"' in fetch(running.url + "it/")
    it_after = fetch(running.url + "it/modules/m/")
    assert 'data-training-notice="outdated"' not in it_before
    assert 'data-training-notice="outdated"' in it_after
    # A second save, then the Italian page: each rendered alone, the same as the full build.
    assert (
        fast_edit_problems(
            running,
            "modules/m.md",
            "modules/m/",
            "- One.",
            "- One, edited twice.",
            "One, edited twice.",
        )
        == []
    )
    assert (
        fast_edit_problems(
            running,
            "modules/m.it.md",
            "it/modules/m/",
            "\n## ",
            "\nModificato.\n\n## ",
            "Modificato.",
        )
        == []
    )
    assert "Fast path: docs/modules/m.it.md rendered again (it/modules/m/)" in running.log.text()
    # In the end the served site is what a fresh build of the same files makes.
    fresh = mkdocs_build(
        running.project / "mkdocs.yml", tmp_path / "fresh", site_url=running.url, preview=True
    )
    assert fresh.returncode == 0, fresh.output
    assert differences(running.site, fresh.site) == []
    assert running.log.text().count("Fast path") == 3


def test_fixture_a_language_setting_left_as_the_last_build_set_it_is_caught(running, monkeypatch):
    # Fixture: the Markdown settings are not restored per language, so the
    # English page gets the Italian build's permalink titles ("Link a questa sezione").
    monkeypatch.setattr(one_page, "SHARED", one_page.SHARED | {"mdx_configs"})
    running.server.full_build()  # Recorded again without them.
    problems = fast_edit_problems(
        running, "modules/m.md", "modules/m/", "Summary.", "Summary, edited once."
    )
    assert problems == ["modules/m/index.html: the fast path wrote other HTML than the full build"]


def test_an_editor_s_hidden_files_are_ignored_and_a_replaced_page_takes_the_fast_path(running):
    docs = running.project / "docs" / "modules"
    (docs / ".m.md.swp").write_text("an editor's swap file", encoding="utf-8")
    # Saved as many editors do: written beside the page, then renamed over it.
    text = (docs / "m.md").read_text(encoding="utf-8").replace("Summary.", "Summary, replaced.")
    (docs / ".m.md.new").write_text(text, encoding="utf-8")
    (docs / ".m.md.new").replace(docs / "m.md")
    running.wait_served("modules/m/", "Summary, replaced.")
    assert "Fast path: docs/modules/m.md rendered again" in running.log.text()
    assert "Full rebuild" not in running.log.text()


def test_a_title_change_takes_the_full_path(running):
    running.edit("modules/m.md", "title: Fixture module", "title: Renamed module")
    assert consistency_problems(running, "modules/m/", "Renamed module", [""]) == []
    assert (
        "Full rebuild (docs/modules/m.md): its title or front matter changed" in running.log.text()
    )


def test_fixture_a_title_change_rendered_alone_is_caught(running, monkeypatch):
    # Fixture: the fast path does not see title changes, so the home pages keep listing the old one.
    monkeypatch.setattr(one_page, "outline", lambda page: None)
    running.edit("modules/m.md", "title: Fixture module", "title: Renamed module")
    problems = consistency_problems(running, "modules/m/", "Renamed module", [""])
    assert problems == [": still lists the old title"]
    assert "Fast path: docs/modules/m.md" in running.log.text()


def test_a_broken_edit_shows_the_error_and_a_fix_serves_again(running, capsys):
    running.edit("modules/m.md", "Summary.", "Summary, see [nowhere](nowhere.md).")
    running.log.wait_for("An error happened during the rebuild")
    assert "Fast path" not in running.log.text()
    log = running.log.text()
    assert "Full rebuild (docs/modules/m.md): re-rendering warned:" in log
    assert "Doc file 'modules/m.md' contains a link 'nowhere.md'" in log
    assert "Aborted with 1 warnings in strict mode!" in capsys.readouterr().err
    # Every page shows the error (file and fix) rather than a broken site, and reloads itself once fixed.
    for path in ("modules/m/", ""):
        with pytest.raises(urllib.error.HTTPError) as error:
            fetch(running.url + path, timeout=10)
        page = error.value.read().decode("utf-8")
        assert error.value.code == 500, page
        assert "Doc file 'modules/m.md' contains a link 'nowhere.md'" in page, page
        assert (
            "livereload" in page
        )  # MkDocs' reload script: the page reloads when the site builds again.
    running.edit("modules/m.md", "Summary, see [nowhere](nowhere.md).", "Summary, fixed.")
    # The error page (HTTP 500) until the rebuild that the fix starts is published.
    wait_until(
        lambda: running.wait_served("modules/m/", "Summary, fixed."),
        60,
        running.log.text,
        retry_on=(urllib.error.HTTPError,),
    )
    assert (
        "Full rebuild (docs/modules/m.md): the last full build did not finish" in running.log.text()
    )


def test_a_new_page_takes_the_full_path(running):
    (running.project / "docs" / "extra.md").write_text(
        "---\ntitle: Extra page\ndescription: One more.\nowner: Training team\nlast_reviewed: 2026-11-23\n---\n\n"
        "# Extra page\n\nMore.\n",
        encoding="utf-8",
    )
    running.log.wait_for("Full rebuild (docs/extra.md): ")
    running.wait_served("extra/", "Extra page")


@pytest.mark.parametrize("running", ["missing-translation"], indirect=True)
def test_an_untranslated_page_is_rendered_in_both_languages(running, capsys):
    # The Italian site shows the English page (with a notice) until it is translated.
    assert (
        fast_edit_problems(
            running,
            "modules/m.md",
            "modules/m/",
            "Summary.",
            "Summary, edited once.",
            also=("it/modules/m/",),
        )
        == []
    )
    assert (
        "Fast path: docs/modules/m.md rendered again (modules/m/, it/modules/m/)"
        in running.log.text()
    )
    assert "Summary, edited once." in fetch(running.url + "it/modules/m/")
    # Fine alone, but the home pages link to the old anchor: the page shows at
    # once, then the full build behind it fails and the errors show as usual.
    running.edit("modules/m.md", "{ #the-part }", "{ #the-piece }")
    running.wait_served("modules/m/", 'id="the-piece"')
    running.log.wait_for("An error happened during the rebuild")
    log = running.log.text()
    assert "Background rebuild failed" in log
    assert "Doc file 'index.md' contains a link 'modules/m.md#the-part'" in log
    assert "Aborted with" in capsys.readouterr().err


@pytest.mark.parametrize("running", ["serve-quiz"], indirect=True)
def test_a_page_with_a_quiz_is_rendered_again_as_the_full_build_renders_it(running):
    # The plugin numbers a page's quizzes as it renders them: a second
    # rendering of the page must start again from the first.
    assert 'data-training-quiz="quiz-1"' in fetch(running.url + "modules/m/")
    assert (
        fast_edit_problems(
            running,
            "modules/m.md",
            "modules/m/",
            "Summary.",
            "Summary, edited once.",
            also=("it/modules/m/",),
        )
        == []
    )
    assert 'data-training-quiz="quiz-1"' in fetch(running.url + "modules/m/")
