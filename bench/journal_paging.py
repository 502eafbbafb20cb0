"""The journal's timeline and search with a light journal (90 days) and a heavy decade, built
through the app's own services (bench/decade.py). Floors, measured in the same run on the same
file: a bare SQLite query for the first page's rows, and a bare FTS5 query for the same words.
Medians (and p95 for search) of several runs.

    .venv/bin/python bench/journal_paging.py [--runs 15]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.decade import heavy_decade  # noqa: E402

from mindful_desktop.clock import system_clock  # noqa: E402
from mindful_desktop.db.migrate import open_database  # noqa: E402
from mindful_desktop.paths import AppPaths  # noqa: E402
from mindful_desktop.services.journal import JournalService, match_expression  # noqa: E402

QUERIES = ("rain", "kettle", "breath tired", "morning walk", "sister phone call", "qu", "calm")
PAGE = 200


def _times(run: Callable[[], object], runs: int) -> list[float]:
    run()  # warm: the first call pays for the page cache
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(folder: Path, runs: int) -> dict[str, float]:
    db = open_database(AppPaths(folder))
    journal = JournalService(db, system_clock)
    bare = sqlite3.connect(f"file:{folder / 'journal.sqlite3'}?mode=ro", uri=True)
    first = statistics.median(_times(lambda: journal.timeline(PAGE), runs))
    floor = statistics.median(
        _times(
            lambda: bare.execute(
                "SELECT * FROM journal_entry ORDER BY local_date DESC, created_at DESC LIMIT ?",
                (PAGE,),
            ).fetchall(),
            runs,
        )
    )
    # The page that reaches the oldest item: continue from the page before it.
    items = journal.timeline(PAGE)
    pages = 1
    while len(items) == PAGE:
        more = journal.timeline(PAGE, before=items[-1])
        if len(more) < PAGE:
            break
        items, pages = more, pages + 1
    oldest = statistics.median(_times(lambda: journal.timeline(PAGE, before=items[-1]), runs))
    search = [t for q in QUERIES for t in _times(lambda q=q: journal.search(q), runs)]
    fts = [
        t
        for q in QUERIES
        for t in _times(
            lambda q=q: bare.execute(
                "SELECT rowid, snippet(search_index, 1, '[', ']', '…', 14) FROM search_index "
                "WHERE search_index MATCH ? LIMIT ?",
                (match_expression(q), PAGE),
            ).fetchall(),
            runs,
        )
    ]
    count = db.query_one("SELECT count(*) FROM journal_entry")
    db.close()
    bare.close()
    return {
        "entries": float(count[0]) if count else 0.0,
        "pages": float(pages + 1),
        "first": first,
        "floor": floor,
        "oldest": oldest,
        "search_p95": _p95(search),
        "fts_p95": _p95(fts),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    light = measure(heavy_decade(90), args.runs)
    heavy = measure(heavy_decade(), args.runs)
    ms = 1000
    print(f"{'':28}{'light (90 days)':>18}{'heavy decade':>16}{'heavy/light':>13}")
    for name, key in (
        ("journal entries", "entries"),
        ("pages of 200", "pages"),
    ):
        print(f"{name:28}{light[key]:>18.0f}{heavy[key]:>16.0f}")
    for name, key in (
        ("first page (ms)", "first"),
        ("page reaching the oldest", "oldest"),
        ("search p95 (ms)", "search_p95"),
        ("bare FTS5 p95 (ms, floor)", "fts_p95"),
        ("bare first-page SQL (floor)", "floor"),
    ):
        ratio = heavy[key] / light[key] if light[key] else float("nan")
        print(f"{name:28}{light[key] * ms:>18.2f}{heavy[key] * ms:>16.2f}{ratio:>12.1f}x")
    print(
        f"search p95 / bare FTS5 p95: light {light['search_p95'] / light['fts_p95']:.1f}x, "
        f"heavy {heavy['search_p95'] / heavy['fts_p95']:.1f}x "
        f"(medians of {args.runs} runs; p95 over {len(QUERIES)} queries)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
