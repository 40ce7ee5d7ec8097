"""A translation keeps the skeleton of its English page: each problem is caught and named."""

from pathlib import Path

import pytest

from mkdocs_training.core.structure import compare, missing_anchors, parse, parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "structure"
EN = "tests/fixtures/structure/en_page.md"


def check(name: str) -> list[str]:
    source = parse_file(FIXTURES / "en_page.md")
    source.path = Path(EN)
    translation = parse_file(FIXTURES / name)
    translation.path = Path(name)
    return [str(p) for p in missing_anchors(translation) + compare(source, translation)]


def test_faithful_translation_passes():
    assert check("it_page.md") == []


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "it_page_other_anchor.md",
            (
                "it_page_other_anchor.md:18: heading 'Secondo argomento' is level 2 with anchor "
                f"#secondo-argomento; the English heading at {EN}:18 is level 2 with anchor "
                "#second-topic. Use the same level and anchor."
            ),
        ),
        (
            "it_page_wrong_level.md",
            (
                "it_page_wrong_level.md:18: heading 'Secondo argomento' is level 3 with anchor "
                f"#second-topic; the English heading at {EN}:18 is level 2 with anchor "
                "#second-topic. Use the same level and anchor."
            ),
        ),
        (
            "it_page_missing_section.md",
            (
                "it_page_missing_section.md:14: missing heading: the English page has "
                f"'Second topic' (#second-topic, {EN}:18). Translate that section."
            ),
        ),
        (
            "it_page_extra_key_point.md",
            (
                "it_page_extra_key_point.md:13: section 'Un modulo' has 3 × list item, "
                f"the English has 2 ({EN}:5). Make them match."
            ),
        ),
        (
            "it_page_changed_link.md",
            (
                "it_page_changed_link.md:14: section 'Primo argomento' has 0 × link to "
                f"other.md#part, the English has 1 ({EN}:14). Make them match."
            ),
        ),
    ],
)
def test_mismatch_is_reported_with_line_and_fix(fixture, expected):
    assert expected in check(fixture)


def test_heading_without_pinned_anchor_is_reported():
    problems = check("it_page_missing_anchor.md")
    assert (
        "it_page_missing_anchor.md:18: heading 'Secondo argomento' has no pinned anchor. "
        "Add one, e.g. '## Secondo argomento { #secondo-argomento }', "
        "and use the same anchor in every translation."
    ) in problems


def test_code_blocks_are_not_read_as_headings():
    text = "# Title\n\n```md\n## Not a heading\n- not a list\n```\n"
    parsed = parse(text, Path("x.md"))
    assert [h.text for h in parsed.headings] == ["Title"]
    assert parsed.sections[-1].signature() == ["code block"]


def test_pinned_anchors_are_read_from_headings():
    page = parse_file(FIXTURES / "en_page.md")
    assert [h.anchor for h in page.headings] == [None, "first-topic", "second-topic"]


def test_a_heading_with_no_anchor_is_named_so_not_as_none():
    english = parse("# Title\n\n## Unpinned\n\nText.\n\n## Level { #level }\n", Path("en.md"))
    translation = parse("# Titolo\n\n### Livello { #level }\n", Path("it.md"))
    messages = [str(p) for p in compare(english, translation)]
    assert messages == [
        (
            "it.md:3: heading 'Livello' is level 3 with anchor #level; the English heading at en.md:3 is level 2 "
            "with no pinned anchor. Use the same level and anchor."
        ),
        "it.md:3: missing heading: the English page has 'Level' (#level, en.md:7). Translate that section.",
    ]
    english = parse("# Title\n\n## Unpinned\n", Path("en.md"))
    assert [str(p) for p in compare(english, parse("# Titolo\n", Path("it.md")))] == [
        (
            "it.md:1: missing heading: the English page has 'Unpinned' (no pinned anchor, en.md:3). "
            "Translate that section."
        ),
    ]


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Qualità del servizio", "qualita-del-servizio"),
        ("Perché è così?", "perche-e-cosi"),
        ("Über uns: 10 Schritte", "uber-uns-10-schritte"),
    ],
)
def test_the_suggested_anchor_is_the_one_the_sites_toc_would_make(heading, anchor):
    import markdown
    import yaml

    [problem] = missing_anchors(parse(f"# T\n\n## {heading}\n", Path("it.md")))
    assert f"e.g. '## {heading} {{ #{anchor} }}'" in problem.message
    # The same as Markdown makes with the site's own toc settings (mkdocs.yml).
    config = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    toc = next(
        e["toc"]
        for e in yaml.load(config, Loader=yaml.BaseLoader)["markdown_extensions"]
        if isinstance(e, dict) and "toc" in e
    )
    assert (
        "slugify" not in toc
    )  # The default slugify: if mkdocs.yml sets another, structure.py must follow.
    html = markdown.markdown(f"## {heading}", extensions=["toc"])
    assert f'id="{anchor}"' in html
