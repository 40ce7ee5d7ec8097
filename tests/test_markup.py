"""The fast readers of plain HTML (mkdocs_training/fast/plain_html.py) read exactly what html.parser and BeautifulSoup read.

The glossary, the nesting and anchor check, and the inline-code check read a
plain page with regular expressions and any other page with html.parser.
Each is compared here with its full reader, on the pages of the real site
and on markup written to trip them; a difference fails. The real pages must
also take the fast path, or the build is slow again without anyone noticing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from mkdocs_training.checks import html_checks
from mkdocs_training.fast import glossary_links, plain_html
from mkdocs_training.glossary import terms as glossary
from mkdocs_training.publish import inline_code

TERMS = glossary.load(ROOT, ["en", "it"]).by_language
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)

# Markup the fast path must read as the full readers do, or leave to them (None).
TRICKY = [
    "<p>Customer service &amp; customers&rsquo; <b>colleague</b> &#8217;&#x41;</p>",
    '<p class=" admonition-title  x">customer</p><p>customer</p>',
    "<div><p>a<b>customer</i></p>x</div>customer",
    '<p a="1" a="2" b=\'x"y\' c="x\'&quot;y" d=e&amp;f>supplier</p>',
    "<br><br/><p>x</p>",
    "<input checked><input/>",
    "<p>x</br></p>",
    "<pre>  </pre><p>  \n </p><p> &#32; </p><textarea> </textarea>",
    "<p>&nbsp;customer &#150; &#0; &bogus; a &amp b &</p>",
    '<path d="1"/><svg viewBox="0 0 1 1"><path/></svg>',
    '<h2 id="x">customer</h2><a href="?a=1&amp;b=2">customer</a><p>internal\n  customers</p>',
    "<!-- customer --><p>customer</p>",
    '<P CLASS="A" ID="a">Customer</P><p id="a">x</p>',
    "<p data-training-meta>customer</p><p>customer</p>",
    "</p>customer<p>",
    '<p title="a > b">x</p>',
    "<p>a > b</p>",
    '<p title=a"b>x</p>',
    '<p a = "1">x</p>',
    '<p id="x"id="y">x</p>',
    "<template><p>customer</p></template>",
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:x">x</a>',
    '<a HREF="JavaScript:x">x</a>',
    "<img src=x onerror=alert(1)>",
    '<p ONCLICK="x">x</p>',
    '<p title="x" style="color: red">x</p>',
    '<svg><a xlink:href="javascript:x">x</a></svg>',
    "<style>p {}</style>",
    "<STYLE>p {}</STYLE>",
    "<script>alert(1)</script>",
    '<script src="https://example.com/x.js"></script>',
    '<script src="/assets/javascripts/x.js"></script><script>a<b</script>',
    "<script/>",
    "<script>x</p></script>",
    '<p title="on click">on</p>',
    "<p>" + "<div>" * 70 + "deep" + "</div>" * 70 + "</p>",
    "<div>" * 61 + "</div>" * 61,
    "<div>" * 61 + "<br>" * 5,
    "<!DOCTYPE html><p>x</p>",
    "<!doctype html >",
    "<p>a<!-- b -- c --></p>",
    "<p>a<!---->b</p>",
    '<p>&lt;p onclick="x"&gt; id="y"</p>',
    "<p>a\x00b</p>",
    '<p\ttitle="x"\n>y</p>',
    '<p/title="x">y</p>',
    "<p title='x'/>",
]


def built_pages(site: Path) -> list[tuple[str, str]]:
    return [
        ("/" + path.relative_to(site).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
    ]


def matcher(language: str) -> glossary.Matcher:
    return glossary.Matcher.made(TERMS[language])


def linked(term: glossary.Term, text: str) -> str:
    return f'<span class="term" title="{term.id}">{text}</span>'


def same_shape(content: str) -> None:
    full = html_checks._Shape()
    full.feed(content)
    full.close()
    fast = html_checks._shape(content)
    assert (fast.ids, fast.deepest) == (full.ids, full.deepest), content[:200]


def same_inline_code(page: str, url: str) -> None:
    full = inline_code.InlineCode(url)
    full.feed(page)
    full.close()
    fast = inline_code.inspect_page(page, url)
    assert (fast.problems, fast.scripts) == (full.problems, full.scripts), page[:200]


def same_terms(content: str, language: str) -> str | None:
    terms = matcher(language)
    fast = glossary_links.link_terms(content, terms, linked)
    if fast is not None:
        assert fast == glossary._link_terms_soup(content, terms, linked), content[:200]
    return fast


@pytest.mark.parametrize("markup_", TRICKY)
def test_tricky_markup_reads_the_same(markup_):
    same_shape(markup_)
    same_inline_code(markup_, "/")
    same_terms(markup_, "en")


def test_tricky_markup_reaches_both_paths():
    """The cases above are read fast where plain, and left to html.parser otherwise."""
    plain = [m for m in TRICKY if plain_html.is_plain(m)]
    assert 10 < len(plain) < len(TRICKY)
    assert any(glossary_links.link_terms(m, matcher("en"), linked) for m in plain)


def test_real_pages_read_the_same_and_fast(site):
    pages = built_pages(site)
    assert len(pages) >= 8  # Both languages: home, modules, glossary, 404.
    for url, page in pages:
        assert plain_html.is_plain(page), f"{url} is not plain HTML: the build reads it slowly"
        same_inline_code(page, url)
        content = ARTICLE.search(page)
        if content is None:
            continue
        same_shape(content.group(1))
        language = "it" if url.startswith("/it/") else "en"
        if "<!--" not in content.group(1):
            assert same_terms(content.group(1), language) is not None, (
                f"{url}: the glossary reads it slowly"
            )
