"""What training.js keeps in the browser (10-core.js): keys with a schema
version and the site's path, so that two trainings on one host do not mix,
and the keys of before (one per host) moved once, then never read again.

(Stored values of the wrong shape are in tests/test_robustness.py; the LMS's
suspend data in tests/test_stored_keys.py.)
"""

from __future__ import annotations

import json

import pytest

from tests.browser import webcheck

MODULE = "modules/customer-service/"
OLD = {
    "training-progress": {"customer-service": {"complete": True}},
    "training-scorecard": {"details": {"supplier": "Acme"}, "scores": {}, "notes": {}},
    "training-language": "it",
}
# As the earlier script stored them: JSON, and the language as it is.
OLD_STORED = {
    key: value if isinstance(value, str) else json.dumps(value) for key, value in OLD.items()
}


@pytest.fixture(scope="module")
def two_sites(site, tmp_path_factory):
    """The same site twice on one host, at /a/ and /b/, as two trainings would be."""
    root = tmp_path_factory.mktemp("host")
    for name in ("a", "b"):
        (root / name).symlink_to(site, target_is_directory=True)
    with webcheck.serve(root, webcheck.free_port()) as url:
        yield url


def storage(page) -> dict[str, str]:
    return page.evaluate(
        "Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
    )


def status(page) -> str:
    return page.get_attribute("[data-training-status=customer-service]", "data-state")


def test_two_trainings_on_one_host_keep_their_own_progress(browser, two_sites):
    context = browser.new_context(viewport=webcheck.DESKTOP)
    page = context.new_page()
    watch = webcheck.Watch(origin=two_sites.rstrip("/")).attach(page)
    page.goto(two_sites + "a/" + MODULE)
    page.locator("[data-training-complete] button").click()
    page.goto(two_sites + "a/")
    assert status(page) == "done"
    page.goto(two_sites + "b/")
    assert status(page) == "open"
    stored = storage(page)
    assert json.loads(stored[webcheck.stored_key("progress", "/a/")]) == {
        "customer-service": {"complete": True}
    }
    assert webcheck.stored_key("progress", "/b/") not in stored
    context.close()
    assert watch.problems() == []


def test_the_keys_of_before_are_moved_once_and_never_read_again(browser, base_url):
    context = browser.new_context(viewport=webcheck.DESKTOP)
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        f" Object.entries({json.dumps(OLD_STORED)})"
        ".forEach(([k, v]) => localStorage.setItem(k, v)); }"
    )
    page = context.new_page()
    watch = webcheck.Watch(origin=base_url.rstrip("/")).attach(page)
    page.goto(base_url + "it/")  # Not the home page at /, which would follow the stored language.
    page.wait_for_load_state("networkidle")
    assert status(page) == "done"
    stored = storage(page)
    assert not set(OLD) & set(stored), "the old keys are still there"
    assert json.loads(stored[webcheck.stored_key("progress")]) == OLD["training-progress"]
    assert json.loads(stored[webcheck.stored_key("scorecard")]) == OLD["training-scorecard"]
    assert stored[webcheck.stored_key("language")] == "it"
    assert stored[webcheck.stored_key("migrated")] == "v2"
    # An old page in another tab writes the old key again: it is not read, nor touched.
    page.evaluate("localStorage.setItem('training-progress', '{\"customer-service\": {}}')")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert status(page) == "done"
    assert storage(page)["training-progress"] == '{"customer-service": {}}'
    context.close()
    assert watch.problems() == []


def test_a_value_stored_under_the_new_key_wins_over_an_old_one(browser, base_url):
    context = browser.new_context(viewport=webcheck.DESKTOP)
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        " localStorage.setItem('training-progress', '{\"customer-service\": {\"complete\": true}}');"
        f" localStorage.setItem('{webcheck.stored_key('progress')}', '{{}}'); }}"
    )
    page = context.new_page()
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert status(page) == "open"
    assert "training-progress" not in storage(page)
    context.close()
