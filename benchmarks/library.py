"""A synthetic library of N module pairs, made from the real modules.

Used by benchmarks/scale.py. Each synthetic module takes the structure of
one of the real module pairs (headings and anchors, key points, lists,
quotations, links, knowledge check) so the build's checks pass, and varies
the words: every prose line is shuffled and about a third of its words are
swapped for others from the same language's modules, with an RNG seeded by
the module's number. No two modules are near-duplicates, so compression
and search figures are not flattered. Titles, glossary terms and nav
entries are added; translations are recorded as current with the project's
own command (`make translated`).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import yaml

SOURCES = ["customer-service", "supplier-guidelines"]
GROUP = 25  # Modules per nav section.
FENCE = re.compile(r"^```quiz\n(.*?)^```$", re.DOTALL | re.MULTILINE)
QUIZ_LINE = re.compile(r"^(\s*(?:- )?(?:question|text|feedback): )(.*)$")
# The prefix of a prose line that must stay where it is: indent, list
# bullet, number or quotation mark.
PREFIX = re.compile(r"^(\s*(?:[-*>]\s+|\d+\.\s+)?)(.*)$")
# A line with any of these is markup (links, attributes, code, HTML, tables)
# and is kept as it is.
MARKUP = set("[](){}<>|`")
WORD = re.compile(r"^[^\W\d_]{3,}$")


def vocabulary(texts: list[str]) -> list[str]:
    words = set()
    for text in texts:
        text = re.sub(
            r"\{[^}]*\}|\([^)]*\)", " ", text.split("---\n", 2)[-1]
        )  # Prose only: no anchors, URLs, front matter.
        for token in re.findall(r"[^\W\d_]+", text):
            if len(token) >= 3:
                words.add(token.lower())
    return sorted(words)


def vary(words_line: str, rng: random.Random, vocab: list[str], same_length: bool = False) -> str:
    """Words swapped and shuffled; `same_length` (quiz answers) swaps only words of equal length,
    so each answer keeps its length and the quiz checks (no guessable longest answer) still pass."""
    tokens = words_line.split()
    for i, token in enumerate(tokens):
        if WORD.match(token) and rng.random() < 0.35:
            choices = [w for w in vocab if len(w) == len(token)] if same_length else vocab
            tokens[i] = rng.choice(choices) if choices else token
    rng.shuffle(tokens)
    return " ".join(tokens)


def vary_body(body: str, rng: random.Random, vocab: list[str]) -> str:
    quizzes = []

    def keep_quiz(match: re.Match) -> str:
        lines = []
        for line in match.group(1).splitlines():
            m = QUIZ_LINE.match(line)
            if m:
                value = yaml.safe_load(m.group(2))
                answer = m.group(1).strip().endswith("text:")
                line = m.group(1) + json.dumps(
                    vary(str(value), rng, vocab, answer), ensure_ascii=False
                )
            lines.append(line)
        quizzes.append("```quiz\n" + "\n".join(lines) + "\n```")
        return f"\0QUIZ{len(quizzes) - 1}\0"

    body = FENCE.sub(keep_quiz, body)
    out = []
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("## ") and "{ #" in stripped:
            title, anchor = line.split(" { #", 1)
            hashes, words = title.split(" ", 1)
            line = f"{hashes} {vary(words, rng, vocab).capitalize()} {{ #{anchor}"
        elif (
            stripped
            and not stripped.startswith(("#", "!!!", "\0", "```"))
            and not MARKUP & set(line)
        ):
            parts = PREFIX.match(line)
            assert parts is not None  # It matches any line.
            prefix, text = parts.groups()
            if text:
                line = prefix + vary(text, rng, vocab)
        out.append(line)
    body = "\n".join(out) + "\n"
    return re.sub("\0QUIZ(\\d+)\0", lambda m: quizzes[int(m.group(1))], body)


def split_front(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def module(source: str, number: int, language: str, vocab: list[str], seed: int) -> str:
    meta, body = split_front(source)
    rng = random.Random(f"{seed}-{number}-{language}")
    label = "Module" if language == "en" else "Modulo"
    meta.pop("translated_from", None)
    meta["title"] = f"{label} {number}: {vary(meta['title'], rng, vocab)}"
    meta["description"] = vary(meta["description"], rng, vocab).capitalize() + "."
    body = re.sub(r"(?m)^# .*$", f"# {meta['title']}", body, count=1)
    body = vary_body(body, rng, vocab)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{body}"


def glossary_terms(
    count: int, vocab: dict[str, list[str]], existing: dict[str, set[str]], seed: int
):
    """`count` extra terms per language, each with one form that occurs in the pages."""
    rng = random.Random(f"{seed}-glossary")
    pools = {}
    for lang, words in vocab.items():
        pool = [w for w in words if len(w) >= 9 and w not in existing[lang]]
        rng.shuffle(pool)
        pools[lang] = pool
    count = min(count, *(len(p) for p in pools.values()))
    terms: dict[str, dict[str, dict]] = {lang: {} for lang in vocab}
    for k in range(count):
        for lang in vocab:
            form = pools[lang][k]
            words = rng.sample(vocab[lang], 12)
            terms[lang][f"synthetic-{k + 1:04d}"] = {
                "term": form.capitalize(),
                "definition": " ".join(words).capitalize() + ".",
                "forms": [form],
            }
    return terms


def existing_forms(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {form.lower() for entry in data.values() for form in entry.get("forms", [])}


def found(pattern: str, config: str) -> re.Match[str]:
    match = re.search(pattern, config)
    if match is None:
        raise ValueError(f"mkdocs.yml has no match for {pattern!r}: update benchmarks/library.py")
    return match


def make(project: Path, pairs: int, seed: int = 1, python: str = "python3") -> list[str]:
    """Turn the copy at `project` into a library of `pairs` module pairs.

    The two real pairs stay; pairs - 2 synthetic ones are added, as
    docs/modules/m-NNNN.md and .it.md. Returns their source paths.
    """
    docs = project / "docs" / "modules"
    originals = {
        (name, lang): (docs / f"{name}{'' if lang == 'en' else '.it'}.md").read_text(
            encoding="utf-8"
        )
        for name in SOURCES
        for lang in ("en", "it")
    }
    vocab = {
        lang: vocabulary([t for (_, language), t in originals.items() if language == lang])
        for lang in ("en", "it")
    }
    made = []
    for number in range(1, pairs - len(SOURCES) + 1):
        source = SOURCES[number % len(SOURCES)]
        name = f"m-{number:04d}"
        for lang in ("en", "it"):
            text = module(originals[(source, lang)], number, lang, vocab[lang], seed)
            (docs / f"{name}{'' if lang == 'en' else '.it'}.md").write_text(text, encoding="utf-8")
        made.append(f"modules/{name}.md")

    # Nav: after the last real module, in sections of GROUP modules, as a
    # library of hundreds would be organised (by topic), each section
    # title with its Italian translation.
    config_file = project / "mkdocs.yml"
    config = config_file.read_text(encoding="utf-8")
    anchor = found(r"(?m)^(\s*)- modules/supplier-guidelines\.md\n", config)
    indent = anchor.group(1)
    entries, titles = "", {}
    for start in range(0, len(made), GROUP):
        title = f"Collection {start // GROUP + 1}"
        titles[title] = f"Raccolta {start // GROUP + 1}"
        entries += f"{indent}- {title}:\n" + "".join(
            f"{indent}    - {path}\n" for path in made[start : start + GROUP]
        )
    config = config[: anchor.end()] + entries + config[anchor.end() :]
    translations = found(r"(?m)^(\s*)nav_translations:\n(\s*)", config)
    lines = "".join(f"{translations.group(2)}{en}: {it}\n" for en, it in titles.items())
    config = (
        config[: translations.end(1) + len("nav_translations:\n")]
        + lines
        + config[translations.end(1) + len("nav_translations:\n") :]
    )
    config_file.write_text(config, encoding="utf-8")

    # Glossary: one extra term per four modules, in both languages.
    files = {lang: project / "glossary" / f"{lang}.yml" for lang in ("en", "it")}
    terms = glossary_terms(
        pairs // 4, vocab, {lang: existing_forms(f) for lang, f in files.items()}, seed
    )
    for lang, path in files.items():
        if terms[lang]:
            extra = yaml.safe_dump(terms[lang], allow_unicode=True, sort_keys=False, width=1000)
            path.write_text(
                path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + extra, encoding="utf-8"
            )

    # Record every translation as current, as a translator would.
    if made:
        # The command `make translated` runs, called directly: through make, the
        # linked .venv could be reinstalled from this copy (its files are newer).
        translated = [f"docs/{p[:-3]}.it.md" for p in made]
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_training", "translations", "mark", *translated],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"translations mark failed:\n{result.stdout}{result.stderr}")
    return made
