"""What readers see around the text: glossary definitions and print.

- A glossary definition, shown on keyboard focus, stays on screen and never
  covers its own term, for every term on every page, at phone and desktop
  widths (on a phone the definition is a strip at the top or bottom).
- Printed, a heading is never left at the foot of a page away from its
  text, and the home page prints neither the screen-only notes nor the
  reader's progress.

Each check is shown failing on a page broken on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, configured_languages, english_pages, output_path

from tests.browser import webcheck

LANGUAGES = configured_languages()  # From mkdocs.yml, default first.
SIZES = {"phone": webcheck.PHONE, "desktop": webcheck.DESKTOP}
FIXTURES = Path(__file__).parent / "fixtures" / "reading"
EXTRA_CSS = ROOT / "docs" / "assets" / "stylesheets" / "extra.css"

# Focus each term in turn, scrolled to the top, the middle and the bottom of
# the screen; where its definition is then.
TERMS = """async () => {
  const problems = [];
  const width = document.documentElement.clientWidth, height = window.innerHeight;
  const links = [...document.querySelectorAll('.training-term > a')];
  for (const link of links) {
    for (const place of ['start', 'center', 'end']) {
      link.scrollIntoView({block: place});
      link.focus({preventScroll: true});
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      const tip = link.parentNode.querySelector('.training-term__tip').getBoundingClientRect();
      const term = link.getBoundingClientRect();
      const where = `"${link.textContent}" at ${place}`;
      if (!tip.width) { problems.push(`${where}: definition not shown`); continue; }
      if (tip.left < 0 || tip.right > width || tip.top < 0 || tip.bottom > height)
        problems.push(`${where}: definition off screen (${Math.round(tip.left)}..${Math.round(tip.right)} x ${Math.round(tip.top)}..${Math.round(tip.bottom)})`);
      if (tip.left < term.right && tip.right > term.left && tip.top < term.bottom && tip.bottom > term.top)
        problems.push(`${where}: definition covers its term`);
      link.blur();
    }
  }
  return [links.length, problems];
}"""


def term_problems(page) -> tuple[int, list[str]]:
    count, problems = page.evaluate(TERMS)
    return count, problems


def paths() -> list[str]:
    return [
        output_path(s, lang).removesuffix("index.html")
        for lang in LANGUAGES
        for s in english_pages()
    ]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", paths())
def test_glossary_definitions_stay_on_screen_and_off_their_term(browser, base_url, path, size):
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    _, problems = term_problems(page)
    context.close()
    assert problems == []


def broken_terms(browser, size: str) -> list[str]:
    """Terms at the right edge and the foot of a page, with the site's CSS
    and no script to place their definitions."""
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto((FIXTURES / "terms.html").as_uri())
    page.add_style_tag(path=str(EXTRA_CSS))
    count, problems = term_problems(page)
    context.close()
    assert count == 2
    return problems


def test_definition_check_catches_one_off_the_right_edge(browser):
    problems = broken_terms(browser, "desktop")
    assert any("far right" in p and "off screen" in p for p in problems), problems


def test_definition_check_catches_one_over_its_term_on_a_phone(browser):
    problems = broken_terms(browser, "phone")
    assert any("covers its term" in p for p in problems), problems


# -----------------------------------------------------------------------------
# Print
# -----------------------------------------------------------------------------

PRINT = """() => {
  const problems = [];
  for (const h of document.querySelectorAll('.md-typeset h1, .md-typeset h2, .md-typeset h3')) {
    const after = getComputedStyle(h).breakAfter;
    if (after !== 'avoid' && after !== 'avoid-page')
      problems.push(`heading "${h.textContent.trim()}" may end a page (break-after: ${after})`);
  }
  for (const s of ['.training-status', '.training-complete__note', '.training-reset', '.training-complete']) {
    for (const el of document.querySelectorAll(s)) {
      if (getComputedStyle(el).display !== 'none' && el.textContent.trim())
        problems.push(`${s} is printed: "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return problems;
}"""


def print_problems(page) -> list[str]:
    page.emulate_media(media="print")
    return page.evaluate(PRINT)


@pytest.mark.parametrize("path", paths())
def test_printed_pages_keep_headings_with_text_and_leave_out_screen_notes(browser, base_url, path):
    page = browser.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    problems = print_problems(page)
    page.close()
    assert problems == []


def test_print_check_catches_a_lone_heading_and_printed_progress(browser):
    page = browser.new_page()
    page.goto((FIXTURES / "print.html").as_uri())
    problems = print_problems(page)
    page.close()
    assert any("may end a page" in p for p in problems), problems
    assert any(".training-status is printed" in p for p in problems), problems
