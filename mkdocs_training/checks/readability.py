"""How easy each page is to read: Flesch reading ease (English) and Gulpease (Italian), on its prose.

    Flesch (English) = 206.835 - 1.015 * words / sentences - 84.6 * syllables / words
    Gulpease (Italian) = 89 + (300 * sentences - 10 * letters) / words

Both aim at 60 or more: plain text most adult readers follow at first read.
`python -m mkdocs_training.checks.readability [docs]` prints each page's figure and
exits 1 when one is below its target (tests/test_readability.py runs it).

What is measured is what a reader reads as running text: paragraphs, list
items, admonitions, and the text that markers put in the page (the
glossary's definitions, the scorecard's criteria). Left out: front matter,
headings and admonition titles (labels, which would count as short sentences
and flatter the figure), code, HTML tags, link addresses, attribute lists and
knowledge checks (their YAML keys are markup, and a question with its answers
is not a run of sentences). A list item and a table cell each end a sentence
even without a full stop, as a reader takes them; "e.g." and the like would count as ends
of sentences, so the pages do without them.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs_training.core import i18n, sources
from mkdocs_training.core.markers import marker_text

TARGET = 60
FORMULAS = {"en": "Flesch", "it": "Gulpease"}

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
MARKER = re.compile(r"<!--\s*(training:[a-z-]+)\s*-->")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
ATTRIBUTE_LIST = re.compile(r"\{[:#.]?[^{}\n]*\}")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
LINK = re.compile(r"\]\([^)]*\)")
ADMONITION = re.compile(r'^\s*[!?]{3}\+?\s*\w+(?:\s+"([^"]*)")?\s*$', re.MULTILINE)
HEADING = re.compile(r"^#{1,6}\s.*$", re.MULTILINE)
BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|\|)")
SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\"'”’)*_]|$)")
WORD = re.compile(r"[^\W_]+", re.UNICODE)
VOWELS = re.compile(r"[aeiouy]+")


@dataclass
class Figure:
    path: str
    language: str
    score: float
    words: int
    sentences: int

    @property
    def formula(self) -> str:
        return FORMULAS[self.language]

    @property
    def passes(self) -> bool:
        return self.score >= TARGET


def syllables(word: str) -> int:
    """English syllables by vowel groups, with the common exceptions; at least one.

    A silent final 'e' is not a syllable ('-le' is), nor a final '-ed' or
    '-es' after a consonant ('asked', 'makes'; not 'wanted', 'agreed',
    'services'); '-ier' is two ('supplier').
    """
    word = word.lower()
    count = len(VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if re.search(r"[^aeiouytdszcgx](?:ed|es)$", word) and count > 1:
        count -= 1
    if word.endswith(("ier", "iers")):
        count += 1
    return max(1, count)


def sentences_of(prose: str) -> list[str]:
    """Sentences: a block (paragraph, heading, list item, cell) ends one, and so does a full stop inside it."""
    blocks: list[str] = []
    current: list[str] = []
    for line in prose.splitlines():
        if not line.strip() or BLOCK_START.match(line):
            if current:
                blocks.append(" ".join(current))
            current = [] if not line.strip() else [line]
        else:
            current.append(line)
    if current:
        blocks.append(" ".join(current))
    found = []
    for block in blocks:
        for cell in block.split("|"):
            found += [s for s in SENTENCE_END.split(cell) if WORD.search(s)]
    return found


def words_of(text: str) -> list[str]:
    # An apostrophe parts two words, as a reader sees them: "dell'organizzazione", "team's".
    return WORD.findall(text)


def flesch(words: int, sentences: int, syllable_count: int) -> float:
    return 206.835 - 1.015 * words / sentences - 84.6 * syllable_count / words


def gulpease(words: int, sentences: int, letters: int) -> float:
    return 89 + (300 * sentences - 10 * letters) / words


def measure(prose: str, language: str) -> tuple[float, int, int]:
    """(score, words, sentences) of some prose, by the language's formula."""
    sentences = sentences_of(prose)
    words = [w for s in sentences for w in words_of(s)]
    if not words:
        return 100.0, 0, 0
    if language == "it":
        return (
            gulpease(len(words), len(sentences), sum(len(w) for w in words)),
            len(words),
            len(sentences),
        )
    return (
        flesch(len(words), len(sentences), sum(syllables(w) for w in words)),
        len(words),
        len(sentences),
    )


def prose(text: str, root: Path, language: str) -> str:
    """The running text of a page's Markdown (see the module's docstring for what is left out)."""
    text = sources.plain_text(text)
    text = text[sources.fence(text)[1] :]
    text = FENCE.sub("\n", text)
    text = MARKER.sub(lambda m: "\n\n" + marker_text(m.group(1), root, language) + "\n\n", text)
    text = COMMENT.sub(" ", text)
    text = ADMONITION.sub("\n", text)
    text = HEADING.sub("\n", text)
    text = LINK.sub("]", text)
    text = ATTRIBUTE_LIST.sub(" ", text)
    text = TAG.sub(" ", text)
    text = re.sub(r":[a-z0-9-]+:", " ", text)  # Emoji and icons (:material-translate:).
    return text


def language_of(path: Path, default: str = "en") -> str:
    language = i18n.suffix_language(path.name)
    return language if language in FORMULAS else default


def figures(docs: Path, root: Path) -> list[Figure]:
    """Every page under `docs`, measured in its own language."""
    result = []
    for path in sorted(docs.rglob("*.md")):
        language = language_of(path)
        score, words, sentences = measure(
            prose(path.read_text(encoding="utf-8"), root, language), language
        )
        result.append(Figure(path.relative_to(root).as_posix(), language, score, words, sentences))
    return result


def report(found: list[Figure]) -> str:
    lines = [f"{'Page':<44} {'Formula':<9} {'Score':>6} {'Words':>6} {'Sent.':>6}"]
    for f in found:
        mark = (
            "" if f.passes else f"  below {TARGET}: shorter sentences and shorter, commoner words"
        )
        lines.append(
            f"{f.path:<44} {f.formula:<9} {f.score:6.1f} {f.words:6d} {f.sentences:6d}{mark}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else Path("docs")
    root = docs.resolve().parent
    found = figures(docs.resolve(), root)
    print(report(found))
    return 0 if all(f.passes for f in found) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
