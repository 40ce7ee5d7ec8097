"""The table `make bench-scale` prints: a column per library size, a row per
figure, with the budgets of issue 10 (benchmarks/scale.py measures them)."""

from __future__ import annotations


def table(results: list[dict]) -> str:
    def col(key, fmt, budget=""):
        return [fmt(r) if all(k in r for k in key.split("+")) else "—" for r in results], budget

    by_n = {r["pairs"]: r for r in results}
    base = by_n.get(20)

    def per_page(r):
        return r["full_cpu"] / r["full_pages"]

    rows = [
        ("Pages built (both languages)", *col("pages", lambda r: f"{r['pages']}")),
        (
            "Preview build: wall s / CPU s",
            *col("preview_s", lambda r: f"{r['preview_s']:.1f} / {r['preview_cpu']:.1f}"),
        ),
        (
            "Preview build peak, MiB (largest process)",
            *col("preview_mib", lambda r: f"{r['preview_mib']:.0f}"),
        ),
        (
            "  mkdocs build (one process): wall s / CPU s, MiB",
            *col(
                "seq_preview_s",
                lambda r: (
                    f"{r['seq_preview_s']:.1f} / {r['seq_preview_cpu']:.1f}, "
                    f"{r['seq_preview_mib']:.0f}"
                ),
            ),
        ),
        (
            "Full build: wall s / CPU s",
            *col("full_s", lambda r: f"{r['full_s']:.1f} / {r['full_cpu']:.1f}"),
        ),
        (
            "Full build peak, MiB (largest process)",
            *col("full_mib", lambda r: f"{r['full_mib']:.0f}", "< 400 at N=500 (1)"),
        ),
        (
            "  mkdocs build (one process): wall s / CPU s, MiB",
            *col(
                "seq_full_s",
                lambda r: (
                    f"{r['seq_full_s']:.1f} / {r['seq_full_cpu']:.1f}, {r['seq_full_mib']:.0f}"
                ),
            ),
        ),
        ("Full build CPU per page, ms", *col("full_s", lambda r: f"{1000 * per_page(r):.0f}")),
        (
            "  vs N=20",
            *col(
                "full_s",
                lambda r: f"{per_page(r) / per_page(base):.2f}x" if base else "—",
                "<= 1.15x at N=500 (1)",
            ),
        ),
        (
            "Plain Material + i18n preview: wall / CPU s",
            *col("plain_s", lambda r: f"{r['plain_s']:.1f} / {r['plain_cpu']:.1f}"),
        ),
        # Like with like: both one `mkdocs build` (the parallel build adds a process start per language).
        (
            "  mkdocs build preview / plain (CPU)",
            *col(
                "plain_s+seq_preview_cpu",
                lambda r: f"{r['seq_preview_cpu'] / r['plain_cpu']:.2f}x",
                "<= 1.3x (2)",
            ),
        ),
        (
            "English-only preview: wall / CPU s",
            *col("english_s", lambda r: f"{r['english_s']:.1f} / {r['english_cpu']:.1f}"),
        ),
        (
            "  EN+IT / English only: wall / CPU",
            *col(
                "english_s",
                lambda r: (
                    f"{r['preview_s'] / r['english_s']:.2f}x / "
                    f"{r['preview_cpu'] / r['english_cpu']:.2f}x"
                ),
                "<= 1.2x wall (3)",
            ),
        ),
        (
            "  EN+IT on 2 free cores (command + slowest language, CPU) / English only",
            *col(
                "preview_critical+english_cpu",
                lambda r: f"{r['preview_critical'] / r['english_cpu']:.2f}x",
            ),
        ),
        (
            "  mkdocs build (one after the other) / English only",
            *col(
                "seq_preview_s+english_s",
                lambda r: (
                    f"{r['seq_preview_s'] / r['english_s']:.2f}x / "
                    f"{r['seq_preview_cpu'] / r['english_cpu']:.2f}x"
                ),
            ),
        ),
        (
            "Full rebuild after editing 1 page: wall / CPU s",
            *col(
                "rebuild_s",
                lambda r: f"{r['rebuild_s']:.1f} / {r['rebuild_cpu']:.1f}",
                "only changes redone (4)",
            ),
        ),
        (
            "make serve, save to served, s",
            *col("serve_s", lambda r: f"{r['serve_s']:.2f}", "< 1 at N=100 (4)"),
        ),
        (
            "Module page HTML, KB gzip (en / it)",
            *col(
                "html_kb_en",
                lambda r: f"{r['html_kb_en']:.1f} / {r['html_kb_it']:.1f}",
                "<= 6 at N=500 (5)",
            ),
        ),
        (
            "  of which not the article (nav, header, footer, head)",
            *col(
                "furniture_kb_en",
                lambda r: f"{r['furniture_kb_en']:.1f} / {r['furniture_kb_it']:.1f}",
            ),
        ),
        (
            "First visit en module: requests, KB",
            *col(
                "visit_en",
                lambda r: f"{r['visit_en'][0]}, {r['visit_en'][1]:.1f}",
                "<= 6, <= 50 (6)",
            ),
        ),
        (
            "First visit it module: requests, KB",
            *col(
                "visit_it",
                lambda r: f"{r['visit_it'][0]}, {r['visit_it'][1]:.1f}",
                "<= 6, <= 50 (6)",
            ),
        ),
        (
            "  search index or worker loaded",
            *col(
                "visit_en",
                lambda r: "yes" if r["visit_en_search"] or r["visit_it_search"] else "no",
                "no (6)",
            ),
        ),
    ]
    head = ["Measure"] + [f"N={r['pairs']}" for r in results] + ["Budget (issue 10)"]
    body = [[name, *values, budget] for name, values, budget in rows]
    widths = [max(len(str(row[i])) for row in [head] + body) for i in range(len(head))]

    def line(row: list) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    return "\n".join(
        [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in body]
    )
