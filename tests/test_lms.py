"""LMS packages (make lms): contents, manifests against ADL's schemas, bad input,
and each kind of package played in a real SCORM runtime (scorm-again) in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import xmlschema
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, configured_languages, make_site, mkdocs_build, nav_pages

from mkdocs_training.core.sources import Source, meta_of
from mkdocs_training.lms import manifest, modules, package
from tests.browser import webcheck

HARNESS = Path(__file__).parent / "lms"
FIXTURES = Path(__file__).parent / "fixtures" / "lms"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm-again.min.js"
# The modules of the nav, as the site builds them: modules/<name>.md.
MODULES = [Path(source).stem for source in nav_pages() if source.startswith("modules/")]
LANGUAGES = configured_languages()  # From mkdocs.yml, default first.


def run_lms(
    site: Path, out: Path, config: Path = ROOT / "mkdocs.yml"
) -> subprocess.CompletedProcess:
    """`python -m mkdocs_training lms`, as `make lms` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_training", "-f", str(config), "lms", str(site), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("lms")
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp / "site", preview=True, offline=True)
    assert build.returncode == 0, build.output
    result = run_lms(build.site, tmp / "dist")
    assert result.returncode == 0, result.stderr
    return tmp / "dist"


def version_of(archive: Path) -> str:
    return manifest.SCORM_12 if archive.stem.endswith("scorm12") else manifest.SCORM_2004


# -----------------------------------------------------------------------------
# What is in the packages
# -----------------------------------------------------------------------------


def test_every_module_language_and_version_is_packaged(packages):
    names = sorted(p.name for p in packages.glob("*.zip"))
    expected = sorted(
        f"{name}-{language}-{version}.zip"
        for name in MODULES + ["whole-training"]
        for language in LANGUAGES
        for version in ("scorm12", "scorm2004")
    )
    assert names == expected


def manifest_of(archive: Path):
    return BeautifulSoup(zipfile.ZipFile(archive).read("imsmanifest.xml"), "xml")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_a_package_holds_its_pages_the_theme_and_nothing_else(packages, language, version):
    archive = packages / f"supplier-guidelines-{language}-{version}.zip"
    zipped = zipfile.ZipFile(archive)
    names = zipped.namelist()
    assert names[0] == "imsmanifest.xml"
    prefix = "" if language == "en" else "it/"
    page = f"{prefix}modules/supplier-guidelines.html"
    doc = manifest_of(archive)
    listed = {f["href"] for f in doc.find_all("file")}
    schemas = {n for n in names if n.endswith((".xsd", ".dtd"))}
    # Every file is listed in the manifest, and every listed file is there.
    assert listed == set(names) - {"imsmanifest.xml"} - schemas
    assert [p for p in names if p.endswith(".html")] == [page]
    assert {"assets/javascripts/scorm.js", "assets/javascripts/training.js"} <= set(names)
    assert not [
        n for n in names if "search" in n or "iframe-worker" in n or n.endswith((".map", ".pdf"))
    ]
    # The schema files the manifest names are at its side.
    location = doc.find("manifest")["xsi:schemaLocation"].split()[1::2]
    assert set(location) <= schemas

    html = BeautifulSoup(zipped.read(page), "html.parser")
    assert html.html["lang"] == language
    assert doc.find("manifest")["xml:lang"] == language
    assert doc.find(["imsmd:language", "language"]).text == language
    # Nothing loads from another host, and no link leaves the SCO for another page.
    for element in html.select("[src], link[href]"):
        reference = element.get("src") or element.get("href")
        # data: (the icon, written into the page) is in the page itself.
        assert reference.startswith("data:") or package.page.local(reference), element
    for link in html.select("a[href]"):
        href = link["href"]
        assert href.startswith("#") or link.get("target") == "_blank", f"{page}: link to {href}"
    assert not html.select(".md-search, .md-sidebar--primary, .md-select, nav.md-footer__inner")
    runtime = html.select_one("script[data-scorm-version]")
    assert runtime["data-scorm-version"] == version_of(archive)
    assert runtime["data-mastery-score"] == "80"
    # A glossary term keeps its definition, reachable from the keyboard.
    term = html.select_one(".training-term > span[aria-describedby]")
    assert term is not None and term["tabindex"] == "0"


def test_the_mastery_score_is_where_each_version_looks_for_it(packages):
    v12 = manifest_of(packages / "whole-training-it-scorm12.zip")
    assert [m.text for m in v12.find_all("adlcp:masteryscore")] == ["80", "80"]
    v2004 = manifest_of(packages / "whole-training-it-scorm2004.zip")
    assert [m.text for m in v2004.find_all("imsss:minNormalizedMeasure")] == ["0.8", "0.8"]
    # Each module under its Italian title, in the order of the nav.
    titles = [
        meta_of((ROOT / "docs" / "modules" / f"{m}.it.md").read_text(encoding="utf-8"))["title"]
        for m in MODULES
    ]
    assert [i.find("title").text for i in v2004.find_all("item")] == titles


def test_package_identifiers_differ_in_their_first_15_characters_and_stay_put(packages):
    # SAP SuccessFactors keys a package on its identifier's first 15
    # characters; an LMS holding the 1.2 and 2004 packages, or both
    # languages, needs them apart.
    identifiers = {
        a.name: manifest_of(a).find("manifest")["identifier"] for a in packages.glob("*.zip")
    }
    assert len({value[:15] for value in identifiers.values()}) == len(identifiers) == 12
    # From the names only: the same in every build, whatever the content.
    assert identifiers["customer-service-it-scorm2004.zip"] == package.identifier(
        "customer-service", "it", manifest.SCORM_2004
    )


def test_identifiers_sharing_15_characters_stop_the_packaging():
    with pytest.raises(package.PackagingError, match="share their first 15 characters; rename one"):
        package.unique_prefixes(["st-0123456789a-one", "st-0123456789a-two"])


def test_the_published_site_does_not_load_the_scorm_runtime(site):
    assert not (site / "assets" / "javascripts" / "scorm.js").exists()
    assert "scorm" not in (site / "modules" / "customer-service" / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_same_build_gives_the_same_packages(packages, tmp_path):
    site = packages.parent / "site"
    again = run_lms(site, tmp_path / "again")
    assert again.returncode == 0, again.stderr
    for archive in packages.glob("*.zip"):
        assert (tmp_path / "again" / archive.name).read_bytes() == archive.read_bytes(), (
            archive.name
        )


# -----------------------------------------------------------------------------
# Manifests against ADL's schemas
# -----------------------------------------------------------------------------

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


def adl_schema(version: str) -> xmlschema.XMLSchemaBase:
    """ADL's schemas for one SCORM version, from the npm package that ships them.

    Two faults of the IMS files are worked around, without editing them:
    SCORM 1.2's ims_xml.xsd binds the reserved xml namespace as a default
    (no XML parser accepts that), so W3C's own xml.xsd stands in for it;
    and the IMS metadata schema of SCORM 1.2 breaks XSD 1.0's unique
    particle rule between elements and wildcards, which XSD 1.1 allows.
    """
    schemas = ROOT / package.SCHEMAS
    folder = schemas / package.SCHEMA_FOLDERS[version]
    w3c = schemas / package.SCHEMA_FOLDERS[manifest.SCORM_2004] / "xml.xsd"
    ims_xml = schemas / package.SCHEMA_FOLDERS[manifest.SCORM_12] / "ims_xml.xsd"
    names = list(manifest.SCHEMAS[version].items())
    kind = xmlschema.XMLSchema11 if version == manifest.SCORM_12 else xmlschema.XMLSchema10
    return kind(
        str(folder / names[0][1]),
        locations=[(ns, str(folder / name)) for ns, name in names[1:]],
        uri_mapper={ims_xml.as_uri(): w3c.as_uri()},
    )


@pytest.fixture(scope="module")
def schemas():
    return {version: adl_schema(version) for version in manifest.VERSIONS}


def errors(schema, xml: str) -> list[str]:
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(xml)]


def test_every_manifest_is_valid_against_adls_schemas(packages, schemas):
    archives = sorted(packages.glob("*.zip"))
    assert len(archives) == 12
    for archive in archives:
        xml = zipfile.ZipFile(archive).read("imsmanifest.xml").decode("utf-8")
        assert errors(schemas[version_of(archive)], xml) == [], archive.name


@pytest.mark.parametrize(
    "fixture, version, expected",
    [
        ("manifest-12-bad-scormtype.xml", manifest.SCORM_12, "scormtype"),
        ("manifest-12-bad-language.xml", manifest.SCORM_12, "lang"),
        ("manifest-2004-measure-above-1.xml", manifest.SCORM_2004, "minNormalizedMeasure"),
        ("manifest-2004-bad-scormtype.xml", manifest.SCORM_2004, "scormType"),
    ],
)
def test_schema_check_catches_a_broken_manifest(schemas, fixture, version, expected):
    found = errors(schemas[version], (FIXTURES / fixture).read_text(encoding="utf-8"))
    assert found and expected in " ".join(found)


# -----------------------------------------------------------------------------
# Bad input: the mastery score
# -----------------------------------------------------------------------------


def page(text: str, name: str) -> Source:
    """A page as the build reads it (core/sources.py)."""
    return Source.of(text, Path(name), name, LANGUAGES)


@pytest.mark.parametrize(
    "fixture, message",
    [
        (
            "mastery-out-of-range.md",
            (
                "mastery-out-of-range.md:5: mastery_score is 120; it must be a number from 0 to 100 (the per cent of "
                "knowledge-check questions a reader must get right to pass), or 'none' to report completion only."
            ),
        ),
        (
            "mastery-not-a-number.md",
            "mastery-not-a-number.md:5: mastery_score is 'high'; it must be a number from 0 to 100",
        ),
        (
            "no-knowledge-check.md",
            (
                "no-knowledge-check.md:1: the module has no knowledge check, but its LMS package needs a score to pass "
                "(mastery_score 80, the default). Add a ```quiz block, or set 'mastery_score: none' in the front matter "
                "to report completion only."
            ),
        ),
    ],
)
def test_a_bad_mastery_score_is_reported_with_file_and_line(fixture, message):
    path = FIXTURES / fixture
    _, problems = modules.check(page(path.read_text(encoding="utf-8"), fixture), [])
    assert len(problems) == 1 and str(problems[0]).startswith(message)


def test_a_module_without_a_knowledge_check_can_report_completion_only():
    text = (FIXTURES / "no-knowledge-check.md").read_text(encoding="utf-8")
    text = text.replace("owner:", "mastery_score: none\nowner:")
    assert modules.check(page(text, "m.md"), []) == (None, [])


def test_a_translation_cannot_change_the_mastery_score():
    english = (FIXTURES / "mastery-90.md").read_text(encoding="utf-8")
    italian = english.replace("mastery_score: 90", "mastery_score: 70")
    mastery, problems = modules.check(page(english, "m.md"), [page(italian, "m.it.md")])
    assert mastery == 90
    assert [str(p) for p in problems] == [
        "m.it.md:5: mastery_score is 70 here but 90 in m.md. Set it in the English page only, or to the same value."
    ]
    assert modules.check(page(english, "m.md"), [page(english, "m.it.md")]) == (90, [])


def test_the_site_build_stops_on_a_bad_mastery_score(fixture_site):
    build = fixture_site("mastery-out-of-range")
    assert build.returncode != 0
    assert (
        "docs/modules/m.md:5: mastery_score is 120; it must be a number from 0 to 100"
        in build.output
    )
    # A module with no knowledge check is fine for the site until it asks for a score.
    assert "no knowledge check" not in build.output


def test_the_site_build_stops_on_a_score_without_a_knowledge_check(fixture_site):
    build = fixture_site("mastery-without-knowledge-check")
    assert build.returncode != 0
    assert (
        "docs/modules/m.md:5: the module has no knowledge check, but its LMS package needs a score to "
        "pass (mastery_score 90)."
    ) in build.output


@pytest.mark.build
def test_make_lms_stops_on_a_bad_mastery_score_naming_the_file(tmp_path):
    project = make_site(tmp_path, "control")
    page = project / "docs" / "modules" / "m.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("owner:", "mastery_score: 101\nowner:", 1),
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "nav:\n  - modules/m.md\n", encoding="utf-8"
    )
    result = run_lms(tmp_path / "no-site", tmp_path / "out", config)
    assert result.returncode == 1
    assert "docs/modules/m.md:" in result.stderr and "mastery_score is 101" in result.stderr
    assert not (tmp_path / "out").exists()


# -----------------------------------------------------------------------------
# Played in scorm-again, in Chromium
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lms(packages, tmp_path_factory):
    """The harness and every package, unzipped, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("harness")
    for name in ("harness.html", "harness.js", "harness.css", "nest.html", "nest.js"):
        shutil.copy(HARNESS / name, root / name)
    shutil.copy(SCORM_AGAIN, root / "scorm-again.min.js")
    for archive in packages.glob("*.zip"):
        zipfile.ZipFile(archive).extractall(root / "packages" / archive.stem)
    with webcheck.serve(root, webcheck.free_port()) as url:
        yield url


class Harness:
    def __init__(self, browser, url: str, name: str):
        self.context = browser.new_context(viewport={"width": 1440, "height": 900})
        self.page = self.context.new_page()
        self.watch = webcheck.Watch(origin=url.rstrip("/")).attach(self.page)
        self.warnings: list[str] = []  # What scorm.js logged: the LMS refusals it went on without.
        self.page.on("console", lambda m: m.type == "warning" and self.warnings.append(m.text))
        self.page.goto(f"{url}harness.html?package={name}")
        self.page.evaluate("harness.ready")

    def launch(self, item: str, **options):
        """The SCO's frame, loaded, however deep the LMS's frames put it."""
        self.page.evaluate("([id, options]) => harness.launch(id, options)", [item, options])
        self.page.wait_for_function("() => harness.api && harness.api.isInitialized()")
        frame = next(f for f in self.page.frames if "/modules/" in f.url)
        frame.wait_for_load_state()
        return frame

    def close(self) -> dict:
        self.page.evaluate("harness.close()")
        return self.page.evaluate("harness.stored")

    def crash(self) -> dict:
        """The tab goes without pagehide: the LMS keeps what was committed."""
        self.page.evaluate("harness.crash()")
        return self.page.evaluate("harness.stored")

    def calls(self) -> list[dict]:
        return self.page.evaluate("harness.calls")


def answer(frame, wrong: int) -> list[str]:
    """Answer every question, the first `wrong` of them wrongly; the ids checked."""
    questions = frame.locator("fieldset.training-quiz__question")
    for number in range(questions.count()):
        question = questions.nth(number)
        choices = question.locator(
            "input[data-correct=false]" if number < wrong else "input[data-correct=true]"
        )
        for index in range(1 if number < wrong else choices.count()):
            choices.nth(index).check()
    frame.locator("form.training-quiz button[type=submit]").click()
    # Sorted: answers are shown in a new order on every page load.
    return sorted(
        frame.eval_on_selector_all(
            "form.training-quiz input:checked", "inputs => inputs.map(i => i.id)"
        )
    )


def calls_with_errors(calls: list[dict]) -> list[dict]:
    # 403 is SCORM 2004's answer to reading an element the LMS has not set,
    # which a SCO may do; anything else is a misuse of the API.
    return [
        c
        for c in calls
        if c["error"] != "0" and not (c["method"] == "GetValue" and c["error"] == "403")
    ]


def sent(calls: list[dict], element: str) -> list[str]:
    """The values the SCO set for `element`, in order; one per session for the session time."""
    values = [
        c["args"][1]
        for c in calls
        if c["method"] in ("LMSSetValue", "SetValue") and c["args"][0] == element
    ]
    assert values
    return values


def encoded(checked: list[str]) -> dict[str, str]:
    """The suspend data's answers (scorm-record.js) for these input ids, quiz-<n>-<question>-<answer>."""
    forms: dict[str, dict[int, list[str]]] = {}
    for input_id in checked:
        form, question, value = input_id.rsplit("-", 2)
        forms.setdefault(form, {}).setdefault(int(question), []).append(value)
    return {
        form: ".".join(
            ",".join(sorted(questions.get(n, []), key=int)) for n in range(1, max(questions) + 1)
        )
        for form, questions in forms.items()
    }


PLAYS = [(version, language) for version in ("scorm12", "scorm2004") for language in LANGUAGES]


@pytest.mark.parametrize("version, language", PLAYS)
def test_a_module_reports_score_completion_and_resumes(browser, lms, version, language, output_dir):
    harness = Harness(browser, lms, f"customer-service-{language}-{version}")
    item = "item-customer-service"
    frame = harness.launch(item)
    assert frame.get_attribute("html", "lang") == language
    checked = answer(frame, wrong=0)

    # The reader leaves, and comes back to their answers at the knowledge check.
    frame = harness.launch(item)
    assert (
        sorted(
            frame.eval_on_selector_all(
                "form.training-quiz input:checked", "inputs => inputs.map(i => i.id)"
            )
        )
        == checked
    )
    assert frame.locator(".training-quiz__result").inner_text() != ""
    assert (
        frame.evaluate(
            "document.getElementById('check-your-understanding').getBoundingClientRect().top"
        )
        < 200
    )
    frame.locator("[data-training-complete] button").click()
    assert frame.get_attribute("[data-training-complete] button", "aria-pressed") == "true"
    stored_note = yaml.safe_load(
        (ROOT / "locales" / f"{language}.yml").read_text(encoding="utf-8")
    )["lms"]["stored"]
    assert frame.locator(".training-complete__note").inner_text() == stored_note
    if language == "en" and version == "scorm2004":
        harness.page.screenshot(path=str(output_dir / "lms-harness.png"))
    stored = harness.close()[item]
    calls = harness.calls()
    suspend = {"a": encoded(checked), "s": {"quiz-1": [5, 5, 0]}, "c": 1}
    if version == "scorm12":
        assert {
            k: stored[k]
            for k in (
                "cmi.core.entry",
                "cmi.core.lesson_status",
                "cmi.core.score.raw",
                "cmi.core.score.min",
                "cmi.core.score.max",
                "cmi.core.lesson_location",
                "cmi.core.exit",
                "cmi.student_data.mastery_score",
            )
        } == {
            "cmi.core.entry": "resume",
            "cmi.core.lesson_status": "passed",
            "cmi.core.score.raw": "100",
            "cmi.core.score.min": "0",
            "cmi.core.score.max": "100",
            "cmi.core.lesson_location": "check-your-understanding",
            "cmi.core.exit": "",
            "cmi.student_data.mastery_score": "80",
        }
        # As the SCO sends it; scorm-again stores it without trailing zeros.
        # With every commit, so that a session that ends without pagehide still counts.
        times = sent(calls, "cmi.core.session_time")
        assert len(times) > 2 and all(
            re.fullmatch(r"\d{2,4}:\d\d:\d\d\.\d\d", time) for time in times
        )
        assert re.fullmatch(r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?", stored["cmi.core.session_time"])
        assert [c["method"] for c in calls if c["method"] in ("LMSInitialize", "LMSFinish")] == [
            "LMSInitialize",
            "LMSFinish",
            "LMSInitialize",
            "LMSFinish",
        ]
    else:
        assert {
            k: stored[k]
            for k in (
                "cmi.entry",
                "cmi.completion_status",
                "cmi.success_status",
                "cmi.score.raw",
                "cmi.score.min",
                "cmi.score.max",
                "cmi.score.scaled",
                "cmi.location",
                "cmi.exit",
                "cmi.scaled_passing_score",
            )
        } == {
            "cmi.entry": "resume",
            "cmi.completion_status": "completed",
            "cmi.success_status": "passed",
            "cmi.score.raw": "100",
            "cmi.score.min": "0",
            "cmi.score.max": "100",
            "cmi.score.scaled": "1",
            "cmi.location": "check-your-understanding",
            "cmi.exit": "normal",
            "cmi.scaled_passing_score": "0.8",
        }
        times = sent(calls, "cmi.session_time")
        assert len(times) > 2 and all(re.fullmatch(r"PT\d+H\d+M\d+\.\d\dS", time) for time in times)
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?", stored["cmi.session_time"])
        assert [c["method"] for c in calls if c["method"] in ("Initialize", "Terminate")] == [
            "Initialize",
            "Terminate",
            "Initialize",
            "Terminate",
        ]
    assert json.loads(stored["cmi.suspend_data"]) == suspend
    assert calls_with_errors(calls) == []
    harness.context.close()
    assert harness.watch.problems() == []


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
# The guidelines' check has 6 questions: 5 right is 83.33 %, 4 right 66.67 % (mastery 80).
@pytest.mark.parametrize(
    "wrong, result, raw, scaled",
    [(1, "passed", "83.33", "0.8333"), (2, "failed", "66.67", "0.6667")],
)
def test_wrong_answers_below_the_mastery_score_report_failed(
    browser, lms, version, wrong, result, raw, scaled
):
    harness = Harness(browser, lms, f"supplier-guidelines-en-{version}")
    item = "item-supplier-guidelines"
    frame = harness.launch(item)
    answer(frame, wrong=wrong)
    frame.locator("[data-training-complete] button").click()
    stored = harness.close()[item]
    if version == "scorm12":
        assert (stored["cmi.core.lesson_status"], stored["cmi.core.score.raw"]) == (result, raw)
    else:
        assert (
            stored["cmi.success_status"],
            stored["cmi.completion_status"],
            stored["cmi.score.raw"],
            stored["cmi.score.scaled"],
        ) == (result, "completed", raw, scaled)
    assert calls_with_errors(harness.calls()) == []
    harness.context.close()
    assert harness.watch.problems() == []


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_the_whole_training_reports_each_module_as_its_own_sco(browser, lms, version):
    harness = Harness(browser, lms, f"whole-training-it-{version}")
    assert harness.page.evaluate("harness.items.map(i => i.id)") == [f"item-{m}" for m in MODULES]
    frame = harness.launch("item-customer-service")
    frame.locator("[data-training-complete] button").click()  # Read, no check yet.
    frame = harness.launch("item-supplier-guidelines")
    assert frame.get_attribute("html", "lang") == "it"
    answer(frame, wrong=0)
    stored = harness.close()
    status = "cmi.core.lesson_status" if version == "scorm12" else "cmi.completion_status"
    score = "cmi.core.score.raw" if version == "scorm12" else "cmi.score.raw"
    # The completion rule, the same in both versions: marked complete and
    # every knowledge check checked. Read without the check is not complete;
    # checked without marking it complete is not either, and no score goes to
    # the LMS yet, so that a SCORM 1.2 LMS cannot judge a pass from the
    # mastery score on its own (scorm-again does, as Moodle does).
    for item in ("item-customer-service", "item-supplier-guidelines"):
        assert stored[item][status] == "incomplete"
        assert stored[item].get(score, "") == ""
    assert json.loads(stored["item-supplier-guidelines"]["cmi.suspend_data"])["s"] == {
        "quiz-1": [6, 6, 0]
    }
    assert calls_with_errors(harness.calls()) == []
    harness.context.close()
    assert harness.watch.problems() == []


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_a_package_opened_in_a_new_window_finds_the_lms_through_its_opener(browser, lms, version):
    harness = Harness(browser, lms, f"customer-service-en-{version}")
    item = "item-customer-service"
    with harness.page.expect_popup() as opened:
        harness.page.evaluate("id => harness.launch(id, true)", item)
    window = opened.value
    popup_watch = webcheck.Watch(origin=lms.rstrip("/")).attach(window)
    window.wait_for_load_state()
    answer(window, wrong=0)
    window.locator("[data-training-complete] button").click()
    harness.page.evaluate("harness.close()")
    harness.page.wait_for_function("id => harness.stored[id]", arg=item)
    stored = harness.page.evaluate("harness.stored")[item]
    if version == "scorm12":
        assert (stored["cmi.core.lesson_status"], stored["cmi.core.exit"]) == ("passed", "")
    else:
        assert (
            stored["cmi.completion_status"],
            stored["cmi.success_status"],
            stored["cmi.exit"],
        ) == ("completed", "passed", "normal")
    assert calls_with_errors(harness.calls()) == []
    harness.context.close()
    assert harness.watch.problems() == [] and popup_watch.problems() == []


def test_without_an_lms_a_package_works_as_the_site_and_stays_silent(browser, lms):
    context = browser.new_context()
    page = context.new_page()
    watch = webcheck.Watch(origin=lms.rstrip("/")).attach(page)
    page.goto(f"{lms}packages/supplier-guidelines-it-scorm2004/it/modules/supplier-guidelines.html")
    answer(page, wrong=0)
    assert (
        page.locator(".training-quiz__result").inner_text()
        == "Hai risposto correttamente a 6 domande su 6."
    )
    page.locator("[data-training-complete] button").click()
    italian = yaml.safe_load((ROOT / "locales" / "it.yml").read_text(encoding="utf-8"))
    assert page.locator(".training-complete__note").inner_text() == italian["progress"]["stored"]
    # Kept under the package's own path, as a site's under its own.
    key = webcheck.stored_key("progress", "/packages/supplier-guidelines-it-scorm2004/")
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", key)) == {
        "supplier-guidelines": {"score": 6, "total": 6, "complete": True}
    }
    page.reload()
    context.close()
    assert watch.problems() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_packaged_page_is_accessible_at_each_width_and_scheme(browser, lms, language, output_dir):
    prefix = "" if language == "en" else "it/"
    url = f"{lms}packages/customer-service-{language}-scorm12/{prefix}modules/customer-service.html"
    folder = output_dir / "lms"
    folder.mkdir(exist_ok=True)
    for width, viewport in (("phone", webcheck.PHONE), ("desktop", webcheck.DESKTOP)):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            watch = webcheck.Watch(origin=lms.rstrip("/")).attach(page)
            page.goto(url)
            page.screenshot(
                path=str(folder / f"customer-service-{language}-{width}-{scheme}.png"),
                full_page=True,
            )
            assert webcheck.axe_violations(page) == [], (width, scheme)
            context.close()
            assert watch.problems() == []


def test_packaged_pages_are_valid_html(packages, tmp_path):
    pages = []
    for language in LANGUAGES:
        folder = tmp_path / language
        zipfile.ZipFile(packages / f"whole-training-{language}-scorm12.zip").extractall(folder)
        pages += sorted(folder.rglob("*.html"))
    assert len(pages) == 2 * len(MODULES)
    result = subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "html-validate"),
            "--config",
            str(ROOT / "tests" / "html-validate.cjs"),
            *map(str, pages),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
