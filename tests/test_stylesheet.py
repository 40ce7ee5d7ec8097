"""One stylesheet per page (mkdocs_training/publish/stylesheet.py): Material's two and ours, joined in order."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import ROOT, make_site, mkdocs_build, soup

from mkdocs_training.publish.stylesheet import minified

MATERIAL = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("/* Why. */\n.a {\n  color: red; /* and why */\n}\n", ".a{color: red;}"),
        (".a,\n.b  >  .c { margin: 0 0 1em }", ".a,.b > .c{margin: 0 0 1em}"),
        # Strings and url()s are kept as written, whatever they hold.
        (
            '.a::after { content: "/* not a comment */ ; {  }" }',
            '.a::after{content: "/* not a comment */ ; {  }"}',
        ),
        (".a { content: ' , ' }", ".a{content: ' , '}"),
        (
            ".a { background: url(data:image/svg+xml;a, b) }",
            ".a{background: url(data:image/svg+xml;a, b)}",
        ),
        # A space that CSS needs stays: descendant combinator, calc().
        (".a/* x */.b .c { width: calc(1px + 2px) }", ".a .b .c{width: calc(1px + 2px)}"),
    ],
)
def test_our_stylesheets_lose_comments_and_spaces_but_not_strings(css, expected):
    assert minified(css) == expected


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("stylesheet")
    project = make_site(tmp, "control")
    build = mkdocs_build(project / "mkdocs.yml", tmp / "site", preview=True)
    assert build.returncode == 0, build.output
    return project, build.site


def test_every_page_links_one_stylesheet_named_by_its_content(built):
    _, site = built
    names = set()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6  # Home and a module in each language, and the 404 pages.
    for page in pages:
        links = soup(page).select('link[rel="stylesheet"]')
        assert len(links) == 1, f"{page}: {[link['href'] for link in links]}"
        names.add(links[0]["href"].rsplit("/", 1)[-1])
    [name] = names
    content = (site / "assets" / "stylesheets" / name).read_bytes()
    assert name == f"site.{hashlib.sha256(content).hexdigest()[:8]}.min.css"
    # The name matches nginx's rule for files that are cached for a year.
    nginx = (ROOT / "deploy" / "nginx" / "training.conf").read_text(encoding="utf-8")
    pattern = re.search(r'location ~\* "(\\\.\[0-9a-f\]\{8\}[^"]+)"', nginx).group(1)
    assert re.search(pattern, name, re.IGNORECASE)


def test_the_stylesheet_is_materials_then_ours_in_the_order_pages_used_to_link_them(built):
    project, site = built
    [sheet] = (site / "assets" / "stylesheets").glob("site.*.min.css")
    main, palette = (
        next(MATERIAL.glob(pattern)) for pattern in ("main.*.min.css", "palette.*.min.css")
    )
    # Ours: every extra_css entry of mkdocs.yml, in its order.
    listed = re.findall(
        r"^  - (assets/stylesheets/\S+\.css)$",
        (project / "mkdocs.yml").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert listed[0] == "assets/stylesheets/extra.css", listed
    expected = [
        main.read_text(encoding="utf-8").strip(),
        palette.read_text(encoding="utf-8").strip(),
    ]
    expected += [minified((project / "docs" / path).read_text(encoding="utf-8")) for path in listed]
    assert sheet.read_text(encoding="utf-8") == "\n".join(expected) + "\n"
    # What it was made from is not published: nothing links it.
    assert sorted(p.name for p in sheet.parent.iterdir()) == [sheet.name]


@pytest.mark.build
def test_an_extra_css_entry_that_names_no_file_fails_the_build(tmp_path):
    project = make_site(tmp_path, "control")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("  - assets/stylesheets/extra.css\n") == 1
    config.write_text(
        text.replace(
            "  - assets/stylesheets/extra.css\n",
            "  - assets/stylesheets/extra.css\n  - assets/stylesheets/missing.css\n",
        ),
        encoding="utf-8",
    )
    build = mkdocs_build(config, tmp_path / "site", preview=True)
    assert build.returncode == 1
    assert (
        "training: mkdocs.yml: extra_css names assets/stylesheets/missing.css, which is not a file in "
        "docs/. Fix the path or remove the entry."
    ) in build.output


@pytest.mark.build
def test_a_theme_without_materials_stylesheet_fails_the_build(tmp_path):
    # As after a Material upgrade that renames main.<hash>.min.css: a custom
    # theme folder whose main stylesheet has another name shadows nothing, so
    # the theme holds two and the build must say which to use.
    project = make_site(tmp_path, "control")
    extra = project / "overrides" / "assets" / "stylesheets" / "main.0badcafe.min.css"
    extra.parent.mkdir(parents=True)
    extra.write_text("body{color:red}\n", encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    assert build.returncode == 1
    assert (
        "Material's stylesheet assets/stylesheets/main.*.min.css was expected once" in build.output
    )
    assert "main.0badcafe.min.css" in build.output
