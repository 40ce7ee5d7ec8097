"""The site with the keyboard alone, as a reader who cannot use a pointer.

Every page is walked with Tab at phone (390 px, which is also what 200 %
zoom on a small laptop looks like) and desktop (1280 px) widths. Every stop
must be on screen, have a size, and look different when it has focus: the
element is photographed focused and unfocused, and the two must differ
(a style that says "outline" proves nothing if it is drawn off screen, in
the background colour, or under something else). The drawer and search
must open, be used and close from the keyboard.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import configured_languages, english_pages, output_path
from PIL import Image, ImageChops
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import webcheck

LANGUAGES = configured_languages()  # From mkdocs.yml, default first.
SIZES = {"phone": webcheck.PHONE, "desktop": webcheck.DESKTOP}
FIXTURES = Path(__file__).parent / "fixtures" / "keyboard"
# More stops than any page has: a walk that never comes back round is a trap.
MAX_STOPS = 150
# A focus indicator changes at least this many pixels around the element
# (a 1 px ring round a 16 px box changes about 70).
MIN_CHANGED_PIXELS = 40
# Room around the element where a ring or an offset outline is drawn.
MARGIN = 6


def paths() -> list[str]:
    pages = [
        output_path(s, lang).removesuffix("index.html")
        for lang in LANGUAGES
        for s in english_pages()
    ]
    return pages + ["no-such-page/", "it/no-such-page/"]


def open_page(browser, url: str, size: str):
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


# Where focus is now: a description, its box, and whether it is the page itself.
ACTIVE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let r = el.getBoundingClientRect();
  // A control drawn by the label beside it (Material's palette toggle: a
  // hidden radio button, then the visible label): that is what readers see.
  const next = el.nextElementSibling;
  if ((r.width < 1 || r.height < 1) && next && next.tagName === 'LABEL') {
    const lr = next.getBoundingClientRect();
    if (lr.width >= 1 && lr.height >= 1) r = lr;
  }
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40);
  const id = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  return {id: id + (name ? ' "' + name + '"' : ''), x: r.x, y: r.y, width: r.width, height: r.height,
          vw: document.documentElement.clientWidth, vh: window.innerHeight,
          scroll: [window.scrollX, window.scrollY]};
}"""


def _clip(box: dict) -> dict:
    clip = {
        "x": max(0, box["x"] - MARGIN),
        "y": max(0, box["y"] - MARGIN),
        "width": box["width"] + 2 * MARGIN,
        "height": box["height"] + 2 * MARGIN,
    }
    clip["width"] = min(clip["width"], box["vw"] - clip["x"])
    clip["height"] = min(clip["height"], box["vh"] - clip["y"])
    return {key: round(value) for key, value in clip.items()}


def _screen(page) -> Image.Image:
    data = page.screenshot(animations="disabled", caret="hide", type="jpeg", quality=90)
    return Image.open(io.BytesIO(data)).convert("RGB")


def _crop(image: Image.Image, clip: dict) -> Image.Image:
    return image.crop((clip["x"], clip["y"], clip["x"] + clip["width"], clip["y"] + clip["height"]))


def changed_pixels(a: Image.Image, b: Image.Image) -> int:
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0)
    return diff.histogram()[255]


def walk(page, max_stops: int = MAX_STOPS) -> tuple[list[str], list[str]]:
    """Tab through the page from the top; the stops, and what is wrong with each."""
    stops, problems, seen = [], [], set()
    page.mouse.move(0, 0)
    for _ in range(max_stops):
        # The screen before Tab: the next stop's place without its focus.
        before = _screen(page)
        scroll = page.evaluate("[window.scrollX, window.scrollY]")
        page.keyboard.press("Tab")
        box = page.evaluate(ACTIVE)
        if box is None:
            return stops, problems  # Back to the page: the walk is done.
        handle = page.evaluate_handle("document.activeElement")
        key = page.evaluate(
            "el => { el.dataset.walked = el.dataset.walked || String(Math.random()); return el.dataset.walked }",
            handle,
        )
        if key in seen:
            return stops, problems  # Round again (a page with no exit to the browser).
        seen.add(key)
        stops.append(box["id"])
        where = f"stop {len(stops)} {box['id']}"
        if box["width"] < 1 or box["height"] < 1:
            problems.append(f"{where}: zero size ({box['width']:.0f}x{box['height']:.0f})")
            continue
        if (
            box["x"] + box["width"] <= 0
            or box["y"] + box["height"] <= 0
            or box["x"] >= box["vw"]
            or box["y"] >= box["vh"]
        ):
            problems.append(f"{where}: off screen at ({box['x']:.0f}, {box['y']:.0f})")
            continue
        clip = _clip(box)
        focused = _crop(_screen(page), clip)
        if box["scroll"] == scroll:
            unfocused = _crop(before, clip)
        else:
            # Tab scrolled the page: compare with the same place, unfocused.
            page.evaluate("el => el.blur()", handle)
            unfocused = _crop(_screen(page), clip)
            # Focus again, as Tab left it: the walk goes on from here.
            page.evaluate("el => el.focus({preventScroll: true})", handle)
        changed = changed_pixels(focused, unfocused)
        if changed < MIN_CHANGED_PIXELS:
            problems.append(f"{where}: no visible focus indicator ({changed} pixels change)")
    problems.append(f"more than {max_stops} stops: Tab never leaves the page")
    return stops, problems


# -----------------------------------------------------------------------------
# Every page, both widths
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", paths())
def test_every_tab_stop_is_on_screen_and_shows_focus(browser, base_url, path, size):
    page = open_page(browser, base_url + path, size)
    stops, problems = walk(page)
    page.context.close()
    assert len(stops) > 3, f"{path} {size}: only {stops}"
    assert problems == [], f"{path} {size}:\n" + "\n".join(problems)


def test_walk_catches_hidden_focus_zero_size_and_off_screen_stops(browser):
    page = browser.new_page(viewport=webcheck.DESKTOP)
    page.goto((FIXTURES / "broken.html").as_uri())
    stops, problems = walk(page)
    page.close()
    text = "\n".join(problems)
    assert len(stops) == 5, stops
    assert "a#fine" not in text
    assert "input#no-ring" in text and "no visible focus indicator" in text
    assert "input#invisible-ring" in text
    assert "a#zero" in text and "zero size" in text
    assert "a#away" in text and "off screen" in text


# -----------------------------------------------------------------------------
# The drawer and search, from the keyboard
# -----------------------------------------------------------------------------


def tab_to(page, selector: str, max_stops: int = 40) -> None:
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reaches {selector}")


# The focused element is what is drawn at its own centre: not covered by
# another layer, not transparent (Material's closed levels are opacity 0).
SEEN = """(() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  for (let n = e; n; n = n.parentElement) if (getComputedStyle(n).opacity === "0") return false;
  return r.width > 0 && getComputedStyle(e).visibility === "visible" && !!top && (top === e || e.contains(top));
})()"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_drawer_opens_is_used_and_closes_by_keyboard_on_a_phone(browser, base_url, language):
    prefix = "" if language == "en" else "it/"
    page = open_page(browser, base_url + prefix + "modules/customer-service/", "phone")
    menu = "button[data-training-toggle='__drawer']"
    tab_to(page, menu)
    assert page.get_attribute(menu, "aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer")
    assert page.get_attribute(menu, "aria-expanded") == "true"
    page.wait_for_timeout(400)  # The drawer slides in.
    # Focus is in the drawer, on a link now on screen.
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), page.evaluate(
        ACTIVE
    )
    box = page.evaluate(ACTIVE)
    assert 0 <= box["x"] < box["vw"] and box["width"] > 0, box
    # Every stop in the drawer is the drawer's visible top layer (not a level
    # covered by the open one, nor a closed one); Tab past its end closes it.
    for _ in range(30):
        page.keyboard.press("Tab")
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
        assert page.evaluate(SEEN), page.evaluate(ACTIVE)
    else:
        raise AssertionError("Tab never leaves the drawer")
    assert not page.is_checked("#__drawer"), (
        "focus left the drawer, which stayed open over the page"
    )
    tab_to(page, menu)
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert page.evaluate(f'document.activeElement.matches("{menu}")')
    # And a link in it is followed with Enter.
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer")
    page.wait_for_timeout(400)
    page.keyboard.press("Tab")  # The next link in the drawer, past the open level's back arrow
    for _ in range(3):  # and the page's contents toggle (tests/test_drawer.py).
        if not page.evaluate(
            "document.activeElement.matches('.md-sidebar--primary label[tabindex]')"
        ):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary a')"), (
        page.evaluate(ACTIVE)
    )
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    page.context.close()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_is_reached_used_and_announced_by_keyboard(browser, base_url, language, size):
    prefix = "" if language == "en" else "it/"
    page = open_page(browser, base_url + prefix, size)
    if size == "phone":
        button = "button[data-training-toggle='__search']"
        tab_to(page, button)
        page.keyboard.press("Enter")
    else:
        tab_to(page, "input.md-search__input")
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    box = page.evaluate(ACTIVE)
    assert box["width"] > 0 and 0 <= box["y"] < box["vh"], f"search field not on screen: {box}"
    page.keyboard.type("custom" if language == "en" else "client")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    # The count is in a live region, so a screen reader says it (WCAG 4.1.3).
    assert meta.get_attribute("role") == "status" or meta.get_attribute("aria-live") == "polite"
    # Material writes the count before the results: wait for a result to move into.
    page.wait_for_selector(".md-search-result__item")
    # Material moves into the results with the arrow keys (Tab closes search). Under load its
    # key handler can start after the first results show (two clean-clone runs of four lost
    # that race at phone width): a reader would press again, so the test does, three times at most.
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        try:
            page.wait_for_function(
                "document.activeElement.closest('.md-search-result') !== null", timeout=3000
            )
            break
        except PlaywrightTimeout:
            continue
    else:
        raise AssertionError(f"ArrowDown did not reach the results: {page.evaluate(ACTIVE)}")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    if size == "phone":  # Back to the button that opened it.
        assert page.evaluate(
            "document.activeElement.matches(\"button[data-training-toggle='__search']\")"
        )
    page.context.close()


# -----------------------------------------------------------------------------
# Forced colours (Windows high contrast): the quiz answers still show focus
# -----------------------------------------------------------------------------


def focus_change_in_forced_colours(browser, url: str, selector: str) -> int:
    """Pixels that change around the first `selector` when Tab gives it focus."""
    context = browser.new_context(viewport=webcheck.DESKTOP, forced_colors="active")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    tab_to(page, selector, max_stops=MAX_STOPS)
    box = page.evaluate(ACTIVE)
    clip = _clip(box)
    focused = _crop(_screen(page), clip)
    page.evaluate("document.activeElement.blur()")
    unfocused = _crop(_screen(page), clip)
    context.close()
    return changed_pixels(focused, unfocused)


@pytest.mark.parametrize("language", LANGUAGES)
def test_quiz_answers_show_focus_in_forced_colours(browser, base_url, language):
    prefix = "" if language == "en" else "it/"
    url = base_url + prefix + "modules/customer-service/"
    assert (
        focus_change_in_forced_colours(browser, url, "form.training-quiz input")
        >= MIN_CHANGED_PIXELS
    )


def test_forced_colours_check_catches_a_radio_without_focus(browser):
    url = (FIXTURES / "broken.html").as_uri()
    assert focus_change_in_forced_colours(browser, url, "#no-ring") < MIN_CHANGED_PIXELS
