"""nginx's language negotiation for the configured languages, written into deploy/nginx/training.conf.

`python -m mkdocs_training nginx-languages` (run by `make new-language`)
rewrites two marked parts of training.conf from mkdocs.yml's languages:
the maps that choose a reader's language at `/`, and one location per
translated language with its own 404 page. Everything else in the file is
kept as written.

The choice: the language switcher's cookie wins; then Accept-Language: the
configured language with the highest q-value (`q=0` is "not this one"), a
tie going to the one listed first; else the default language. nginx cannot
compare numbers, so each q-value becomes four digits ("1000", "0850") that
a regular expression compares digit by digit, and the languages meet one
after the other: the one holding so far against the next (`$training_hold_<n>`).
"""

from __future__ import annotations

import re
from pathlib import Path

MAPS = (
    "# BEGIN language maps (python -m mkdocs_training nginx-languages writes them from mkdocs.yml)\n",
    "# END language maps\n",
)
LOCATIONS = (
    "    # BEGIN language locations (python -m mkdocs_training nginx-languages)\n",
    "    # END language locations\n",
)
TAG = r"(?:-[a-z0-9]{1,8})*"
# B's q-value above A's, first differing digit higher: "B:A" strings of four digits each.
HIGHER = (
    r"~^(\d*)(?:1\d*:\1[0]|2\d*:\1[01]|3\d*:\1[0-2]|4\d*:\1[0-3]|5\d*:\1[0-4]|6\d*:\1[0-5]|"
    r"7\d*:\1[0-6]|8\d*:\1[0-7]|9\d*:\1[0-8])"
)


def _q(code: str) -> str:
    tag = rf'"~*(?:^|,)\s*{code}{TAG}\s*'
    v = f"q{code}"
    return "\n".join(
        [
            f"map $http_accept_language $training_q_{code} {{",
            '    default "";',
            rf'    {tag}(?:,|$)" 1000;',
            rf'    {tag};\s*q\s*=\s*1(?:\.0{{0,3}})?\s*(?:,|$)" 1000;',
            rf'    {tag};\s*q\s*=\s*0\.(?<{v}1>\d)(?<{v}2>\d)(?<{v}3>\d)\s*(?:,|$)" 0${v}1${v}2${v}3;',
            rf'    {tag};\s*q\s*=\s*0\.(?<{v}1>\d)(?<{v}2>\d)\s*(?:,|$)" 0${v}1${{{v}2}}0;',
            rf'    {tag};\s*q\s*=\s*0\.(?<{v}1>\d)\s*(?:,|$)" 0${{{v}1}}00;',
            rf'    {tag};\s*q\s*=\s*0\.?\s*(?:,|$)" 0000;',
            "}",
        ]
    )


def _first(a: str, b: str) -> str:
    """Which of a and b the header lists first (a when neither)."""
    return "\n".join(
        [
            f"map $http_accept_language $training_first_{a}_{b} {{",
            f"    default {a};",
            rf'    "~*^(?:(?!\s*{a}{TAG}\s*(?:[;,]|$))[^,]*,)*\s*{b}{TAG}\s*(?:[;,]|$)" {b};',
            "}",
        ]
    )


def maps(codes: list[str]) -> str:
    default, others = codes[0], codes[1:]
    out = [
        "# The reader's explicit choice (set by the language switcher) wins.",
        "map $cookie_training_language $training_choice {",
        '    default "";',
    ]
    out += [f"    {code} {code};" for code in codes] + ["}"]
    out.append(
        '# Each language\'s q-value in Accept-Language as four digits ("1000", "0800"),\n'
        '# so that they compare as strings; "" when absent.'
    )
    out += [_q(code) for code in codes]
    out.append("# For each pair, which one the header lists first (for a tie).")
    out += [_first(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]]
    hold, hold_q = default, f"$training_q_{default}"
    for step, code in enumerate(others, start=1):
        earlier = codes[:step]
        out.append(
            f"# Step {step}: {code} against the language holding so far ({', '.join(earlier)})."
        )
        if step == 1:
            first = f"$training_first_{default}_{code}"
        else:
            key = "|".join(
                [f"$training_hold_{step - 1}"] + [f"$training_first_{p}_{code}" for p in earlier]
            )
            out.append(f'map "{key}" $training_first_{step} {{\n    default {code};')
            out += [f'    "~^{p}\\|' + r"\w+\|" * n + r'(\w+)" $1;' for n, p in enumerate(earlier)]
            out.append("}")
            first = f"$training_first_{step}"
        out += [
            f'map "$training_q_{code}:{hold_q}:{first}" $training_hold_{step} {{',
            f"    default {hold};",
            '    "~^0000:" ' + f"{hold};",
            r'    "~^\d{4}::" ' + f"{code};",
            r'    "~^(\d{4}):\1:' + f'{code}$" {code};',
            f'    "{HIGHER}" {code};',
            "}",
        ]
        if step < len(others):
            out += [
                f'map "$training_hold_{step}|$training_q_{code}|{hold_q}" $training_hold_q_{step} {{',
                f"    default {hold_q};",
                f'    "~^{code}\\|(\\d*)\\|" $1;',
                "}",
            ]
        hold, hold_q = f"$training_hold_{step}", f"$training_hold_q_{step}"
    accept = hold
    out.append(
        "# A reader who reached / from a page of this site chose it (the switcher's\n"
        '# "English", the logo): Accept-Language must not send them back. This matters\n'
        "# when cookies are blocked and the choice cannot be remembered."
    )
    out.append(
        'map "$http_referer|$http_host" $training_from_here {\n    default "";\n'
        r'    "~^https?://([^/|]+)(?:/[^|]*)?\|\1$" here;' + "\n}"
    )
    names = "|".join(others)
    out.append(
        f'map "$training_choice:{accept}:$training_from_here" $training_language_root {{\n'
        f'    default "";\n    "~^({names}):" /$1/;\n    "~^:({names}):$" /$1/;\n}}'
    )
    return "\n".join(out) + "\n"


def locations(codes: list[str]) -> str:
    return "".join(
        f"""    # Pages in '{code}', with their own 404 page.
    location /{code}/ {{
        include training/security-headers.conf;
        add_header Cache-Control "no-cache" always;
        error_page 404 /{code}/404.html;
        error_page 416 @range_not_satisfiable;
        try_files $uri $uri/ =404;
    }}
"""
        for code in codes[1:]
    )


def rewrite(conf: Path, codes: list[str]) -> bool:
    """Write the two marked parts of training.conf for `codes` (default first); True if the file changed."""
    text = conf.read_text(encoding="utf-8")
    new = text
    for (begin, end), part in ((MAPS, maps(codes)), (LOCATIONS, locations(codes))):
        found = re.search(re.escape(begin) + r"(.*?)" + re.escape(end), new, re.DOTALL)
        if found is None:
            raise ValueError(
                f"{conf}: no '{begin.strip()}' ... '{end.strip()}' lines to write between."
            )
        new = new[: found.start(1)] + part + new[found.end(1) :]
    if new != text:
        conf.write_text(new, encoding="utf-8")
    return new != text
