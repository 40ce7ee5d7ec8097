"""A translation keeps the skeleton of its English page: each problem is caught and named."""

from pathlib import Path

import pytest

from mkdocs_training.structure import compare, missing_anchors, parse, parse_file

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
            "it_page_other_anchor.md:18: heading 'Secondo argomento' is level 2 with anchor "
            f"#secondo-argomento; the English heading at {EN}:18 is level 2 with anchor "
            "#second-topic. Use the same level and anchor.",
        ),
        (
            "it_page_wrong_level.md",
            "it_page_wrong_level.md:18: heading 'Secondo argomento' is level 3 with anchor "
            f"#second-topic; the English heading at {EN}:18 is level 2 with anchor "
            "#second-topic. Use the same level and anchor.",
        ),
        (
            "it_page_missing_section.md",
            "it_page_missing_section.md:14: missing heading: the English page has "
            f"'Second topic' (#second-topic, {EN}:18). Translate that section.",
        ),
        (
            "it_page_extra_key_point.md",
            "it_page_extra_key_point.md:13: section 'Un modulo' has 3 × list item, "
            f"the English has 2 ({EN}:5). Make them match.",
        ),
        (
            "it_page_changed_link.md",
            "it_page_changed_link.md:14: section 'Primo argomento' has 0 × link to "
            f"other.md#part, the English has 1 ({EN}:14). Make them match.",
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
