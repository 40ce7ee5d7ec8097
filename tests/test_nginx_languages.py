"""nginx's language negotiation is written from the configured languages (publish/negotiation.py).

The committed training.conf is what the generator writes for mkdocs.yml's
languages (test_nginx.py checks its behaviour for English and Italian); with
French added, a real nginx on 127.0.0.1 sends each reader to the right root.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, configured_languages
from test_nginx import get

from mkdocs_training.publish import negotiation
from tests.browser import webcheck


def test_the_committed_conf_is_the_one_written_for_the_configured_languages(tmp_path):
    conf = tmp_path / "training.conf"
    shutil.copy(ROOT / "deploy" / "nginx" / "training.conf", conf)
    assert negotiation.rewrite(conf, configured_languages()) is False, (
        "run: python -m mkdocs_training nginx-languages"
    )


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory, monkeypatch_module):
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "deploy" / "nginx", root / "deploy" / "nginx")
    assert negotiation.rewrite(root / "deploy" / "nginx" / "training.conf", ["en", "it", "fr"])
    site = tmp_path_factory.mktemp("site")
    for prefix, lang in (("", "en"), ("it/", "it"), ("fr/", "fr")):
        (site / prefix).mkdir(parents=True, exist_ok=True)
        (site / prefix / "index.html").write_text(
            f'<html lang="{lang}">home</html>', encoding="utf-8"
        )
        (site / prefix / "404.html").write_text(f'<html lang="{lang}">404</html>', encoding="utf-8")
    monkeypatch_module.setattr(webcheck, "ROOT", root)
    with webcheck.nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize(
    ("accept", "cookie", "location"),
    [
        ("fr-FR,fr;q=0.9,it;q=0.8", None, "/fr/"),
        ("it;q=0.9, fr;q=0.8", None, "/it/"),
        ("fr;q=0.8, it;q=0.9", None, "/it/"),
        ("fr;q=0.5, it;q=0.5", None, "/fr/"),  # A tie: the first listed.
        ("it;q=0.5, fr;q=0.5", None, "/it/"),
        ("en;q=0.5, fr;q=0.5", None, None),
        ("fr;q=0.5, en;q=0.5", None, "/fr/"),
        ("en;q=0.9, fr;q=0.8", None, None),
        ("en;q=0.5, fr;q=0.6, it;q=0.55", None, "/fr/"),
        ("de, fr;q=0.1", None, "/fr/"),
        ("fr;q=0, it;q=0", None, None),
        ("it-IT", "training_language=fr", "/fr/"),  # An explicit choice wins.
        ("fr-CA", "training_language=en", None),
    ],
)
def test_root_sends_the_reader_to_their_language_among_three(
    three_languages, accept, cookie, location
):
    headers = {"Accept-Language": accept, **({"Cookie": cookie} if cookie else {})}
    status, response, body = get(three_languages, "", headers)
    if location:
        assert (status, response["location"]) == (302, location)
    else:
        assert status == 200 and b'<html lang="en"' in body


def test_a_third_language_has_its_own_404_page(three_languages):
    status, _, body = get(three_languages, "fr/nowhere/")
    assert (status, body) == (404, b'<html lang="fr">404</html>')
