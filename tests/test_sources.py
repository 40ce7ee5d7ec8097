"""One reading of each page (core/sources.py): front matter split as the engine splits it,
one page model, and language suffixes with a region (page.pt-BR.md). Fast: no build."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import meta as engine_meta

from mkdocs_training.core import i18n, sources
from mkdocs_training.core.sources import FrontMatterError, Source
from mkdocs_training.translations import status

PACKAGE = Path(__file__).parent.parent / "mkdocs_training"
FRONT = "---\ntitle: A page\ndescription: What it is\n---\n\n# A page\n\nText.\n"

# name -> the page's bytes as an author might save them.
PAGES = {
    "plain": FRONT.encode(),
    "crlf": FRONT.replace("\n", "\r\n").encode(),
    "old mac line ends": FRONT.replace("\n", "\r").encode(),
    "bom": b"\xef\xbb\xbf" + FRONT.encode(),
    "bom and crlf": b"\xef\xbb\xbf" + FRONT.replace("\n", "\r\n").encode(),
    "dashes in a quoted string": b"---\ntitle: \"Before --- after\"\ndescription: '---'\n---\n\n# A page\n",
    "dashes in a block scalar": b"---\ntitle: A page\ndescription: |\n  one\n  ---\n  two\n---\n\n# A page\n",
    "closed by three dots": b"---\ntitle: A page\n...\n\n# A page\n",
    "spaces after the fences": b"---  \ntitle: A page\n--- \t\n# A page\n",
    "no front matter": b"# A page\n\n---\n\nA rule above.\n",
}
# name -> (page, line, start of the message): front matter the engine would publish as text.
BROKEN = {
    "no closing fence": (
        b"---\ntitle: A page\n\n# A page\n",
        1,
        "front matter starts with '---' but has no closing",
    ),
    "closing fence at the end without a line break": (
        b"---\ntitle: A page\n---",
        1,
        "front matter starts with '---'",
    ),
    # Taken for front matter left open, as before this module: a page does not start with a rule.
    "a rule first": (b"---\n\n# A page\n", 1, "front matter starts with '---' but has no closing"),
    "empty front matter": (
        b"---\n---\n\n# A page\n",
        1,
        "front matter starts with '---' but has no closing",
    ),
    "blank front matter": (b"---\n\n---\n\n# A page\n", 1, "front matter is empty"),
    "not valid YAML": (
        b'---\ntitle: "open\n---\n\n# A page\n',
        2,
        "front matter is not valid YAML",
    ),
    "'key: value' first, no fence": (
        b"Note: read this first.\n\n# A page\n",
        1,
        "the first line reads as",
    ),
    "a list, not a mapping": (
        b"---\n- a\n- b\n---\n\n# A page\n",
        2,
        "front matter must be 'key: value' lines",
    ),
    "an alias": (
        b"---\ntitle: &t A\ndescription: *t\n---\n\n# A\n",
        2,
        "front matter: an anchor (&t)",
    ),
    "dashes on a line of a quoted string": (
        b'---\ntitle: "one\n---\ntwo"\n---\n\n# A\n',
        2,
        "front matter is not valid YAML",
    ),
}

STRICTER = {"an alias"}  # Read by the engine, refused by yamlfile.py (plain data only).
MULTIMARKDOWN = {
    "'key: value' first, no fence"
}  # Taken out of the page by the engine, as metadata.


def engine_reading(tmp_path: Path, raw: bytes) -> tuple[str, dict]:
    """(page.markdown, page.meta) as the engine reads the file (File.content_string, meta.get_data)."""
    (tmp_path / "page.md").write_bytes(raw)
    return engine_meta.get_data(
        File("page.md", str(tmp_path), str(tmp_path / "site"), True).content_string
    )


# -----------------------------------------------------------------------------
# The split, as the engine splits
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_the_split_is_the_engines(name, tmp_path):
    raw = PAGES[name]
    meta, body, offset = sources.split(sources.plain_text(raw.decode("utf-8")), Path("page.md"))
    markdown, engine = engine_reading(tmp_path, raw)
    assert (meta, body) == (engine, markdown)
    # Line n of the engine's page.markdown is line offset + n of the file (warnings name file lines).
    lines = raw.decode("utf-8-sig").splitlines()
    assert "\n".join(lines[offset:]) == markdown.rstrip("\n")


@pytest.mark.parametrize("name", BROKEN)
def test_front_matter_the_engine_would_publish_as_text_is_reported_with_its_line(name, tmp_path):
    raw, line, message = BROKEN[name]
    with pytest.raises(FrontMatterError) as caught:
        sources.split(sources.plain_text(raw.decode("utf-8")), Path("docs/page.md"))
    assert (
        caught.value.line,
        str(caught.value.problem)[: len(f"docs/page.md:{line}: {message}")],
    ) == (line, f"docs/page.md:{line}: {message}")
    # The engine indeed reads no front matter there: the page would show it as text.
    # (An alias the engine would follow; yamlfile.py refuses it, so the build stops there too.)
    markdown, engine = engine_reading(tmp_path, raw)
    if name in MULTIMARKDOWN:
        assert engine == {"note": "read this first."} and markdown == "# A page\n"
    else:
        assert (engine == {} and markdown.startswith("---")) != (name in STRICTER)


def test_crlf_and_a_bom_read_as_plain_text():
    for name in ("crlf", "bom", "bom and crlf", "old mac line ends"):
        source = Source.of(PAGES[name].decode("utf-8"), Path("page.md"), "page.md", ["en"])
        assert source.text == FRONT and source.meta == {
            "title": "A page",
            "description": "What it is",
        }
        assert (source.body, source.body_line, source.front_matter_lines) == (
            "# A page\n\nText.\n",
            5,
            4,
        )


def test_dashes_inside_a_value_do_not_close_the_front_matter():
    meta, body, _ = sources.split(PAGES["dashes in a quoted string"].decode(), Path("page.md"))
    assert meta == {"title": "Before --- after", "description": "---"} and body == "# A page\n"
    meta, _, _ = sources.split(PAGES["dashes in a block scalar"].decode(), Path("page.md"))
    assert meta["description"] == "one\n---\ntwo\n"


def test_values_are_read_as_the_engine_reads_them():
    meta, _, _ = sources.split(
        "---\nlast_reviewed: 2026-11-23\nmastery_score: 90\n---\n", Path("p.md")
    )
    assert meta == {"last_reviewed": datetime.date(2026, 11, 23), "mastery_score": 90}


def test_meta_of_a_file_outside_the_build_is_empty_when_broken():
    assert sources.meta_of(FRONT)["title"] == "A page"
    assert sources.meta_of("---\ntitle: x\n") == {}


# -----------------------------------------------------------------------------
# Language codes with a region
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "uri, english, language",
    [
        ("modules/m.md", "modules/m.md", None),
        ("modules/m.it.md", "modules/m.md", "it"),
        ("modules/m.pt-BR.md", "modules/m.md", "pt-BR"),
        ("modules/m.pt_BR.md", "modules/m.md", "pt_BR"),
        ("modules/m.zh-Hant.md", "modules/m.md", "zh-Hant"),
        ("modules/m.zh-Hant-TW.md", "modules/m.md", "zh-Hant-TW"),
        ("v1.2/m.md", "v1.2/m.md", None),
    ],
)
def test_a_language_is_split_from_a_file_name_with_or_without_a_region(uri, english, language):
    codes = ["en", "it", "pt-BR", "pt_BR", "zh-Hant", "zh-Hant-TW"]
    assert i18n.split_locale(uri, codes) == (english, language)
    assert i18n.source_uri(uri) == english
    source = Source.of(FRONT, Path(uri), uri, codes)
    assert (source.english_uri, source.language, source.stem) == (
        english,
        language,
        Path(english).stem,
    )


def test_language_codes_are_those_static_i18n_accepts():
    from mkdocs_static_i18n.config import RE_LOCALE

    for code in [
        "en",
        "it",
        "pt-BR",
        "pt_BR",
        "zh-Hant",
        "zh-Hant-TW",
        "PT",
        "pt-br",
        "por",
        "e",
        "en-",
        "pt_br",
    ]:
        assert i18n.is_locale(code) == bool(RE_LOCALE.match(code)), code


def test_a_pt_br_page_pair_is_one_page_and_its_translation(tmp_path):
    docs = tmp_path / "docs"
    (docs / "modules").mkdir(parents=True)
    page = (
        "---\ntitle: T\ndescription: D\nowner: O\nlast_reviewed: 2026-11-23\n---\n\n# T\n\nText.\n"
    )
    (docs / "modules" / "m.md").write_text(page, encoding="utf-8")
    (docs / "modules" / "m.pt-BR.md").write_text(page, encoding="utf-8")
    languages = i18n.Languages("en", ["en", "pt-BR"], {"en": "English", "pt-BR": "Português"})
    report = status.scan(sorted(docs.rglob("*.md")), languages, tmp_path, docs)
    assert [(s.english, s.language, s.translation) for s in report.statuses] == [
        (Path("docs/modules/m.md"), "pt-BR", Path("docs/modules/m.pt-BR.md"))
    ]
    assert not [p for p in report.problems if "is not a language" in p.message]
    translation = report.sources[Path("docs/modules/m.pt-BR.md")].source
    assert (translation.language, translation.english_uri) == ("pt-BR", "modules/m.md")
    # A suffix that looks like a language but is not one of the site's is still reported.
    (docs / "modules" / "m.fr-CA.md").write_text(page, encoding="utf-8")
    report = status.scan(sorted(docs.rglob("*.md")), languages, tmp_path, docs)
    assert [p.message[:25] for p in report.problems] == ["'fr-CA' is not a language"]


# -----------------------------------------------------------------------------
# One reading: nothing else splits front matter
# -----------------------------------------------------------------------------

# A front-matter fence in a pattern or a test: \A---, \A-{3}, ^---, startswith("---").
FENCE_SPLIT = re.compile(r"""\\A-{3}|\\A---|\^---|\^-\{3\}|startswith\(\s*["']---|get_data\(""")
# YAML read outside yamlfile.py: exchange/segments.py reads single values at
# known spans, to write a translation back in place, never a page's front matter whole.
YAML_READ = re.compile(r"\byaml\.(?:safe_)?load\(|\bfront_matter\(\s*text")
YAML_ALLOWED = {"core/yamlfile.py", "translations/exchange/segments.py"}


def splitters(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name == "core/sources.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if FENCE_SPLIT.search(line) or (YAML_READ.search(line) and name not in YAML_ALLOWED):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_no_module_but_core_sources_splits_front_matter():
    assert splitters(PACKAGE) == []


def test_the_check_finds_a_module_that_splits_front_matter_again(tmp_path):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "sources.py").write_text('FRONT = re.compile(r"\\A---\\n")\n')
    (tmp_path / "modules.py").write_text(
        'FRONT_MATTER = re.compile(r"\\A---\\s*\\n(.*?)\\n---", re.S)\n'
    )
    (tmp_path / "quiz.py").write_text(
        'data = yaml.safe_load(text)\nif text.startswith("---"):\n    pass\n'
    )
    assert [line.split(":")[0] + ":" + line.split(":")[1] for line in splitters(tmp_path)] == [
        "modules.py:1",
        "quiz.py:1",
        "quiz.py:2",
    ]


def test_a_page_built_in_a_region_language_folder_is_traced_to_its_source(tmp_path):
    from mkdocs_training.publish.inline_code import source_of

    (tmp_path / "docs" / "modules").mkdir(parents=True)
    (tmp_path / "docs" / "modules" / "m.pt-BR.md").write_text(FRONT, encoding="utf-8")
    built = tmp_path / "site" / "pt-BR" / "modules" / "m" / "index.html"
    assert source_of(tmp_path / "site", built, tmp_path / "docs") == (
        "docs/modules/m.pt-BR.md (built as pt-BR/modules/m/index.html)"
    )


def test_the_checks_tell_a_page_language_from_a_region_suffix():
    from mkdocs_training.checks import readability
    from mkdocs_training.quiz import cues

    assert [
        cues.language_of(Path(name)) for name in ("m.md", "m.it.md", "m.pt-BR.md", "v1.2.md")
    ] == ["en", "it", "pt-BR", "en"]
    assert readability.language_of(Path("m.it.md")) == "it"
