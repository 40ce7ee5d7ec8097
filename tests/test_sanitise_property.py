"""Random HTML through the sanitiser comes out as a fixed point: sanitising the output changes nothing.

If it did not, what the page publishes would read one way to the check and
another to a browser that parses it again (the root of mutation XSS). The
fragments mix the allowlist with what it refuses, in HTML, SVG and MathML,
with the characters that end comments, attributes and raw text early.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_training.publish import sanitise

TAGS = sorted(sanitise.TAGS) + [
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "meta",
    "base",
    "link",
    "form",
    "textarea",
    "title",
    "template",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "select",
    "option",
    "table",
    "svg",
    "math",
    "mtext",
    "mglyph",
    "foreignObject",
    "desc",
    "annotation-xml",
    "animate",
    "set",
    "use",
    "image",
    "img",
    "noscript",
]
ATTRIBUTES = [
    "class",
    "id",
    "title",
    "href",
    "src",
    "style",
    "onclick",
    "onerror",
    "srcdoc",
    "formaction",
    "action",
    "method",
    "xlink:href",
    "name",
    "data-x",
    "aria-label",
    "viewBox",
    "d",
    "encoding",
]
VALUES = [
    "",
    "x",
    "javascript:alert(1)",
    "data:text/html,x",
    "https://example.org/",
    "dialog",
    "post",
    "text-align: left;",
    "</noscript><img src=x onerror=alert(1)>",
    "</style><b>",
    "--><i>",
    "__config",
    "&lt;b&gt;",
    'a"b',
    "a'b",
    "&amp;",
    "\u2028javascript:x",
    "text/html",
]
TEXT = st.text(alphabet="ab <>&\"'/=!-[]?;\n\t\u00a0", max_size=12)
SPECIAL = st.sampled_from(
    [
        "<!--",
        "-->",
        "--!>",
        "<![CDATA[",
        "]]>",
        "</noscript>",
        "</style>",
        "</textarea>",
        "</svg>",
        "</math>",
        "<p>",
        "</p>",
        "</table>",
        "&",
        "&lt;",
        "&#x3c;",
        "<",
        ">",
    ]
)


@st.composite
def element(draw, children):
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(
        st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES)), max_size=3)
    )
    written = "".join(f' {name}="{value.replace(chr(34), "&quot;")}"' for name, value in attributes)
    inner = "".join(draw(st.lists(children, max_size=3)))
    closed = draw(st.booleans())  # Unclosed elements are what parsers disagree on.
    return f"<{tag}{written}>{inner}" + (f"</{tag}>" if closed else "")


FRAGMENTS = st.recursive(
    st.one_of(TEXT, SPECIAL), lambda children: st.one_of(element(children), children), max_leaves=12
)
HTML = st.lists(FRAGMENTS, min_size=1, max_size=6).map("".join)


@pytest.mark.slow  # 700 random fragments: make test runs them, make check does not.
@settings(max_examples=500, deadline=None)
@given(HTML)
# Found by this test: with the <select> gone, one pass left an <a> in an <a>,
# which a browser (and nh3) rebuilds as two <a> side by side.
@example("<a><select><a>")
def test_sanitised_html_is_a_fixed_point(fragment):
    once = sanitise.sanitised(fragment)
    assert sanitise.sanitised(once) == once


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(HTML)
def test_what_a_page_publishes_is_the_sanitisers_output(fragment):
    published, _ = sanitise.check(fragment)
    assert published == sanitise.sanitised(fragment)
