"""Reading a PDF back as a screen reader gets it: its catalog entries and structure tree
(pypdf), what a page's content calls for in it, and the knowledge check's text on paper.
Used by tests/test_pdf.py, which sees each check fail.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml
from conftest import ROOT, configured_languages
from pypdf import PdfReader

from mkdocs_training.pdf import paper_quiz

# The site's languages as mkdocs.yml lists them: a language added by configuration is tested too.
LANGUAGES = configured_languages()
STRINGS = {
    language: yaml.safe_load((ROOT / "locales" / f"{language}.yml").read_text(encoding="utf-8"))
    for language in LANGUAGES
}


def structure(path: Path) -> dict:
    """The catalog entries a reader needs, and the structure elements by type."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    elements: Counter = Counter()
    figures_without_alt = links_without_text = 0
    alts = []
    tree = root.get("/StructTreeRoot")
    stack = [tree.get_object()] if tree is not None else []
    while stack:
        node = stack.pop()
        kids = node.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        kids = [kid.get_object() for kid in kids]
        if "/S" in node:
            kind = str(node["/S"]).lstrip("/")
            elements[kind] += 1
            if kind == "Figure":
                alts.append(str(node.get("/Alt", "")))
                figures_without_alt += not alts[-1].strip()
            # A link's text is marked content (a number) among its kids, beside its annotation.
            links_without_text += kind == "Link" and not any(isinstance(kid, int) for kid in kids)
        stack.extend(kid for kid in kids if hasattr(kid, "get"))
    metadata = root["/Metadata"].get_object().get_data().decode() if "/Metadata" in root else ""
    return {
        "tagged": tree is not None,
        # The XMP metadata's claim, which checkers such as veraPDF read first.
        "pdf_ua": re.search(r'pdfuaid:part="1"', metadata) is not None,
        "marked": flag(root, "/MarkInfo", "/Marked"),
        "display_title": flag(root, "/ViewerPreferences", "/DisplayDocTitle"),
        "title": str((reader.metadata or {}).get("/Title", "")),
        "lang": str(root.get("/Lang", "")),
        "elements": elements,
        "figures_without_alt": figures_without_alt,
        "alts": alts,
        "links_without_text": links_without_text,
    }


def flag(root, dictionary: str, key: str) -> bool:
    """A boolean of a catalog dictionary: true only if written as the PDF boolean true."""
    from pypdf.generic import BooleanObject

    value = root.get(dictionary, {}).get_object().get(key) if dictionary in root else None
    return isinstance(value, BooleanObject) and bool(value)


def problems(path: Path, language: str, title: str, expected: set[str]) -> list[str]:
    """What keeps the PDF from being read as the page is; [] when nothing does."""
    found = structure(path)
    wrong = [
        message
        for ok, message in [
            (found["tagged"], "no structure tree (StructTreeRoot): the PDF is not tagged"),
            (found["marked"], "MarkInfo/Marked is not true"),
            (found["pdf_ua"], "the metadata does not say PDF/UA-1 (pdfuaid:part)"),
            (
                found["display_title"],
                "ViewerPreferences/DisplayDocTitle is not true: viewers show the file name",
            ),
            (found["title"] == title, f"the title is {found['title']!r}, not {title!r}"),
            (found["lang"] == language, f"Lang is {found['lang']!r}, not {language!r}"),
            (
                not found["figures_without_alt"],
                f"{found['figures_without_alt']} Figure element(s) without Alt",
            ),
            (
                not found["links_without_text"],
                f"{found['links_without_text']} Link element(s) without text",
            ),
        ]
        if not ok
    ]
    wrong += [
        f"no {kind} element in the structure"
        for kind in sorted(expected)
        if not found["elements"][kind]
    ]
    return wrong


def expected_elements(page) -> set[str]:
    """The structure elements a page's content calls for in its PDF."""
    article = page.select_one("article")
    expected = {f"H{level}" for level in (1, 2) if article.find(f"h{level}")}
    if article.select("ul, ol"):
        expected |= {"L", "LI", "LBody"}
    if article.find("table"):
        expected |= {"Table", "TR", "TH", "TD"}
    if article.find("img"):
        expected.add("Figure")
    if article.select("a[href^='http']"):
        expected.add("Link")
    if article.select("form.training-quiz"):
        expected |= {"H3", "L", "LI"}  # The answer key's heading; questions and answers are lists.
    return expected


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def missing_quiz_text(path: Path, page, language: str) -> list[str]:
    """Each question's hint on paper and each answer's feedback, as the page has them, not in the PDF."""
    text, strings = text_of(path), STRINGS[language]["pdf"]
    missing = []
    for fieldset in page.select("form.training-quiz fieldset"):
        multiple = fieldset.select_one("input[type=checkbox]") is not None
        missing.append(strings["choose_all" if multiple else "choose_one"])
        missing += [
            paper_quiz.feedback(answer) for answer in fieldset.select(".training-quiz__answer")
        ]
    return [f"not in the PDF: {wanted!r}" for wanted in missing if wanted not in text]
