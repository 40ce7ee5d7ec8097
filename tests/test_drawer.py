"""The menu below 1220 px, by keyboard alone (issue 23, major 2).

At laptop (1024 x 768) and phone (390 x 844) sizes the navigation is
Material's drawer, one level at a time, whose sections ("Modules"), back
arrows and table-of-contents toggle are <label>s. A keyboard user must be
able to open every module from the menu of the home and glossary pages, in
each language: every stop on the way visibly focused, the drawer's top
layer, and never under the sticky header.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import configured_languages

from tests.browser import webcheck
from tests.test_keyboard import (
    ACTIVE,
    MIN_CHANGED_PIXELS,
    SEEN,
    _clip,
    _crop,
    _screen,
    changed_pixels,
)

# The site's languages as mkdocs.yml lists them: a language added by configuration is tested too.
LANGUAGES = configured_languages()
SIZES = {"laptop": {"width": 1024, "height": 768}, "phone": webcheck.PHONE}
MENU = "button[data-training-toggle='__drawer']"
MAX_STOPS = 40


def modules(site: Path) -> list[str]:
    """Every English module the build published, from its sitemap: the test
    follows the library, and a module missing from the menu fails it."""
    found = re.findall(
        r"<loc>[^<]*?/(modules/[^<]+/)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")
    )
    found = sorted({path for path in found if not path.startswith("it/")})
    assert found, "the sitemap lists no module"
    return found


# Where focus is, whether it sits under the sticky header, and whether it
# is in the header or the drawer (which are above the page).
PLACE = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  const above = !!e.closest('.md-header, .md-sidebar--primary, .md-search');
  // Just inside its top edge, what is drawn: the header, if it covers it.
  const top = document.elementFromPoint(r.x + r.width / 2, Math.max(0, r.top + 2));
  const covered = !!top && !!top.closest('.md-header') && !e.contains(top);
  return {drawer: !!e.closest('.md-sidebar--primary'), under: !above && covered};
}"""


def check_stop(page, where: str) -> list[str]:
    """What is wrong with the focused stop: hidden, unfocused look, under the header."""
    problems = []
    box = page.evaluate(ACTIVE)
    if box is None:
        return [f"{where}: focus is on the page itself"]
    where = f"{where} {box['id']}"
    place = page.evaluate(PLACE)
    # The drawer's stops must be its top layer: a covered or closed level
    # is not what the reader sees. (Elsewhere a stop may still be fading
    # in, as the skip link does; the screenshots below end transitions.)
    if box["width"] < 1 or box["height"] < 1 or (place["drawer"] and not page.evaluate(SEEN)):
        return [f"{where}: not the visible top layer"]
    if place["under"]:
        problems.append(f"{where}: under the sticky header")
    clip = _clip(box)
    focused = _crop(_screen(page), clip)
    handle = page.evaluate_handle("document.activeElement")
    page.evaluate("el => el.blur()", handle)
    unfocused = _crop(_screen(page), clip)
    page.evaluate("el => el.focus({preventScroll: true})", handle)
    changed = changed_pixels(focused, unfocused)
    if changed < MIN_CHANGED_PIXELS:
        problems.append(f"{where}: no visible focus indicator ({changed} pixels change)")
    return problems


# What to do at a stop: follow the link to the module, open the level that
# holds it, or go on.
NEXT = """target => {
  const e = document.activeElement;
  if (e.matches('a[href]') && new URL(e.href).pathname === target) return 'follow';
  if (e.matches('label[for]')) {
    const toggle = document.getElementById(e.htmlFor);
    const link = [...toggle.parentElement.querySelectorAll('a[href]')].some(a => new URL(a.href).pathname === target);
    if (link && !toggle.checked && e.classList.contains('md-nav__link')) return 'open';
  }
  return 'tab';
}"""


def open_from_menu(page, target: str, key: str) -> list[str]:
    """From the top of the page: Tab to the menu, open it, find the module, follow it."""
    problems = []
    page.mouse.move(0, 0)
    for stop in range(MAX_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate(f'document.activeElement.matches("{MENU}")'):
            break
        problems += check_stop(page, f"stop {stop + 1}")
    else:
        return problems + ["Tab never reaches the menu button"]
    page.keyboard.press(key)
    page.wait_for_timeout(400)  # The drawer slides in.
    for stop in range(MAX_STOPS):
        if not page.is_checked("#__drawer"):
            return problems + [
                f"the drawer closed at drawer stop {stop + 1} before {target} was reached"
            ]
        problems += check_stop(page, f"drawer stop {stop + 1}")
        action = page.evaluate(NEXT, target)
        if action == "follow":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            if not page.url.endswith(target):
                problems.append(f"Enter led to {page.url}, not {target}")
            return problems
        if action == "open":
            page.keyboard.press(key)
            page.wait_for_timeout(400)  # The level slides in.
        else:
            page.keyboard.press("Tab")
    return problems + [f"{MAX_STOPS} stops in the drawer and no link to {target}"]


# Enter from the home page, Space from the glossary: each key at each size
# in each language.
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(
    ("start", "key"), [("", "Enter"), ("glossary/", " ")], ids=["home-enter", "glossary-space"]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_opens_from_the_menu_by_keyboard(
    browser, site, base_url, language, start, size, key
):
    prefix = "" if language == "en" else f"{language}/"
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    problems = []
    for module in modules(site):
        page.goto(base_url + prefix + start)
        page.wait_for_load_state("networkidle")
        problems += [f"{module}: {p}" for p in open_from_menu(page, "/" + prefix + module, key)]
    context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_back_arrow_and_contents_toggle_work_by_keyboard(browser, base_url, language, size):
    """In a module's drawer: the back arrow returns to the top level (focus on
    the section that opened it), and, where the page's contents are in the
    drawer (phones), their toggle opens them."""
    prefix = "" if language == "en" else f"{language}/"
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(base_url + prefix + "modules/customer-service/")
    page.wait_for_load_state("networkidle")
    page.focus(MENU)
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    # Opened on a module, the drawer shows the Modules level: its back arrow.
    back = page.locator(".md-sidebar--primary label.md-nav__title[for^='__nav']").first
    back.focus()
    assert page.evaluate(SEEN), page.evaluate(ACTIVE)
    page.keyboard.press("Space")
    page.wait_for_timeout(400)
    opened_by = back.get_attribute("for")
    assert not page.is_checked(f"#{opened_by}")
    assert page.evaluate("document.activeElement.htmlFor") == opened_by
    assert page.get_attribute(f"[aria-labelledby='{opened_by}_label']", "aria-expanded") == "false"
    assert page.evaluate(SEEN), page.evaluate(ACTIVE)
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert page.is_checked(f"#{opened_by}")
    assert page.get_attribute(f"[aria-labelledby='{opened_by}_label']", "aria-expanded") == "true"
    toc = page.locator(".md-sidebar--primary label.md-nav__link[for='__toc']")
    if toc.is_visible():  # Phones: the page's contents are in the drawer.
        toc.focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert page.is_checked("#__toc")
        assert page.evaluate("document.activeElement.matches('label.md-nav__title[for=__toc]')")
        page.keyboard.press("Tab")
        assert page.evaluate(SEEN), page.evaluate(ACTIVE)
        assert page.evaluate("document.activeElement.getAttribute('href')").startswith("#")
    context.close()


# Below 1220 px every drawer control is a stop; from 1220 px the sections
# are headings that are always open, and must not be stops that do nothing.
STOPS = """() => [...document.querySelectorAll('.md-sidebar--primary label.md-nav__link[for], ' +
  '.md-sidebar--primary label.md-nav__title[for]:not([for="__drawer"])')]
  .map(l => l.getAttribute('tabindex'))"""


@pytest.mark.parametrize("width", [320, 768, 1219, 1220, 1920])
def test_drawer_controls_are_stops_exactly_where_the_drawer_is(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + "modules/customer-service/")
    page.wait_for_load_state("networkidle")
    stops = page.evaluate(STOPS)
    assert stops, "no section, back arrow or contents toggle in the menu"
    if width < 1220:
        assert stops == ["0"] * len(stops)
    else:
        assert "0" not in stops, stops
    context.close()
