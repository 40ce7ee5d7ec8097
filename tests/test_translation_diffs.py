"""What translators see of a change: the English diff since a translation was made, on the site's status page.

Fixture 'status-page': the 'outdated' change (one English sentence longer)
plus the translators' page pair with `<!-- training:translations -->`.
"""

from __future__ import annotations

import pytest
from conftest import make_site, mkdocs_build, soup


@pytest.fixture(scope="module")
def status_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("status-page")
    result = mkdocs_build(make_site(tmp, "status-page") / "mkdocs.yml", tmp / "site", preview=True)
    assert result.returncode == 0, result.output
    return result.site


def test_status_page_lists_each_translation_with_its_state_in_the_readers_language(status_site):
    table = soup(status_site / "it" / "translation-status" / "index.html").select_one(
        "[data-training-translations-language=it]"
    )
    assert table.caption.get_text() == "Italiano"
    assert [
        (row.code.get_text(), row.td.find_next_sibling("td").contents[0].strip())
        for row in table.select("tbody tr")
    ] == [
        ("docs/index.md", "Aggiornata"),
        ("docs/modules/m.md", "Da aggiornare"),
        ("docs/translation-status.md", "Aggiornata"),
    ]


def test_status_page_shows_the_english_diff_of_an_outdated_page_per_section(status_site):
    page = soup(status_site / "translation-status" / "index.html")
    diffs = page.select("[data-training-translation-state=outdated] [data-training-section-diff]")
    assert [d.summary.get_text() for d in diffs] == [
        "What changed in the original: #the-part (The part)"
    ]
    code = diffs[0].pre
    assert code["lang"] == "en"
    assert [d.get_text() for d in code.select("del")] == ["- Back to the [home page](../index.md)."]
    assert [i.get_text() for i in code.select("ins")] == [
        "+ Back to the [home page](../index.md), now with more to say."
    ]
    assert code.get_text().splitlines()[0] == "@@ line 19"
    # Up-to-date pages have nothing to show.
    assert page.select("[data-training-translation-state='up to date'] details") == []
