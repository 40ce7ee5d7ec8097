"""Readers beyond the gate (issue 23), as they see the site: focus that is
readable and never under the header, focus rings in forced colours, and
narrow or zoomed screens (320 px, 400 %). In Chromium.

Each test here failed on the site before its fix.
"""

from __future__ import annotations

import pytest
from PIL import ImageDraw

from tests.browser import webcheck
from tests.test_drawer import PLACE
from tests.test_keyboard import ACTIVE, _clip, _crop, _screen, changed_pixels
from tests.test_readers import LANGUAGES, MODULE, open_page, prefix

# -----------------------------------------------------------------------------
# Focus: readable navigation links, never under the header, seen in forced colours
# -----------------------------------------------------------------------------

# Contrast of the focused element's text with what is behind it (WCAG's formula).
CONTRAST = """() => {
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; };
  const lum = c => { const a = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                     return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; };
  const e = document.activeElement, layers = [];
  for (let n = e; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let back = [255, 255, 255];
  for (const l of layers.reverse()) back = back.map((v, i) => v * (1 - l[3]) + l[i] * l[3]);
  const fg = rgba(getComputedStyle(e).color);
  const text = fg.slice(0, 3).map((v, i) => v * fg[3] + back[i] * (1 - fg[3]));
  const [a, b] = [lum(text), lum(back)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""
NAV_STOPS = ".md-sidebar a.md-nav__link:visible, .md-sidebar label.md-nav__link[tabindex]:visible, .md-sidebar label.md-nav__title[tabindex]:visible"
# The language list and the links in the text (at 1280 px, where no drawer
# closes when focus leaves it).
PAGE_LINKS = ".md-select__link, .md-typeset a:visible"


@pytest.mark.parametrize("width", [1280, 1024])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_focused_links_reach_4_5_to_1(browser, base_url, language, scheme, width):
    page = open_page(
        browser,
        base_url + prefix(language) + MODULE,
        {"width": width, "height": 800},
        color_scheme=scheme,
    )
    page.add_style_tag(
        content="*, *::before { transition: none !important; }"
    )  # Read the end state.
    if width < 1220:
        page.focus("button[data-training-toggle='__drawer']")
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
    low = []
    stops = page.locator(NAV_STOPS).element_handles()  # Those on screen before any focus.
    if width >= 1220:
        stops += page.locator(PAGE_LINKS).element_handles()
    for stop in stops:
        stop.evaluate("e => e.focus()")
        ratio = page.evaluate(CONTRAST)
        if ratio < 4.5:
            low.append(f"{stop.inner_text().strip()[:40]}: {ratio:.2f}:1")
    assert len(stops) > 3
    assert low == [], low
    page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_shift_tab_never_leaves_focus_under_the_sticky_header(browser, base_url, language):
    page = open_page(browser, base_url + prefix(language) + MODULE, webcheck.DESKTOP)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator(".md-footer a, .md-content a").last.focus()
    under = []
    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(PLACE)["under"]:
            under.append(page.evaluate(ACTIVE)["id"])
    assert under == [], under
    page.context.close()


def ring_outside(browser, url: str, selector: str) -> tuple[int, int]:
    """In forced colours, pixels that change around (not inside) the first
    `selector` when Tab focuses it, and the length of its outline."""
    context = browser.new_context(viewport=webcheck.DESKTOP, forced_colors="active")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.locator(selector).first.scroll_into_view_if_needed()
    page.keyboard.press("Tab")  # Keyboard mode, so that focus is shown as for Tab.
    page.locator(selector).first.focus()
    box = page.evaluate(ACTIVE)
    clip = _clip(box)
    inside = (
        round(box["x"]) - clip["x"],
        round(box["y"]) - clip["y"],
        round(box["x"] + box["width"]) - clip["x"],
        round(box["y"] + box["height"]) - clip["y"],
    )
    shots = []
    for focused in (True, False):
        if not focused:
            page.evaluate("document.activeElement.blur()")
        image = _crop(_screen(page), clip)
        ImageDraw.Draw(image).rectangle(
            inside, fill="black"
        )  # The button's own colours: not a ring.
        shots.append(image)
    context.close()
    return changed_pixels(*shots), round(2 * (box["width"] + box["height"]))


@pytest.mark.parametrize(
    "selector", ["form.training-quiz button[type=submit]", "[data-training-complete] button"]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_buttons_show_a_focus_ring_in_forced_colours(browser, base_url, language, selector):
    changed, perimeter = ring_outside(browser, base_url + prefix(language) + MODULE, selector)
    assert changed >= perimeter, f"{changed} pixels change outside a button {perimeter} px round"


# -----------------------------------------------------------------------------
# Glossary definitions at 400 % zoom: beside their term, and Escape hides them
# -----------------------------------------------------------------------------

# A 1280 x 800 screen at 400 % zoom: 320 x 200 CSS pixels.
ZOOM_400 = {"viewport": {"width": 320, "height": 200}, "device_scale_factor": 4}
OVERLAP = """() => {
  const term = document.activeElement.closest('.training-term');
  const a = document.activeElement.getBoundingClientRect();
  const t = term.querySelector('.training-term__tip').getBoundingClientRect();
  const covered = t.width > 0 && a.left < t.right && t.left < a.right && a.top < t.bottom && t.top < a.bottom;
  return {term: document.activeElement.textContent, covered: covered, shown: t.width > 0,
          inside: t.top >= 0 && t.bottom <= window.innerHeight};
}"""


@pytest.mark.parametrize("page_path", [MODULE, "modules/supplier-guidelines/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_definitions_at_400_percent_zoom_leave_their_term_in_view_and_escape_hides_them(
    browser, base_url, language, page_path
):
    context = browser.new_context(**ZOOM_400)
    page = context.new_page()
    page.goto(base_url + prefix(language) + page_path)
    page.wait_for_load_state("networkidle")
    problems, seen = [], 0
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        if not page.evaluate("!!document.activeElement.closest('.training-term')"):
            continue
        seen += 1
        state = page.evaluate(OVERLAP)
        if not state["shown"] or state["covered"] or not state["inside"]:
            problems.append(state)
        page.keyboard.press("Escape")
        if page.evaluate(OVERLAP)["shown"]:
            problems.append(f"Escape leaves {state['term']!r} showing")
    context.close()
    assert seen >= 2
    assert problems == [], problems


# -----------------------------------------------------------------------------
# 320 px: titles wrap rather than end in "…"
# -----------------------------------------------------------------------------

# Text cut by its box: wider or taller than what shows of it.
CUT = """() => [...document.querySelectorAll(
    '.md-header__topic:first-child .md-ellipsis, .md-footer__title .md-ellipsis, .md-typeset h1')]
  .filter(e => e.getClientRects().length && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
  .map(e => e.textContent.trim())"""


@pytest.mark.parametrize("page_path", ["", MODULE, "modules/supplier-guidelines/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_wrap_at_320_px(browser, base_url, language, page_path):
    page = open_page(
        browser, base_url + prefix(language) + page_path, {"width": 320, "height": 640}
    )
    assert page.evaluate(CUT) == []
    page.context.close()
