"""What deleting costs with a heavy decade: the search index is merged ('optimize') and the
write-ahead log checkpointed so deleted words leave the file. Reported against a bare SQLite
delete in the same run (the floor), medians of several runs.

    .venv/bin/python bench/delete.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.decade import heavy_decade  # noqa: E402

from mindful_desktop.clock import system_clock  # noqa: E402
from mindful_desktop.db.migrate import open_database  # noqa: E402
from mindful_desktop.paths import AppPaths  # noqa: E402
from mindful_desktop.services.journal import JournalService  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    source = heavy_decade()
    app_times, floor_times = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            shutil.copytree(source, data)
            paths = AppPaths(data)
            db = open_database(paths)
            journal = JournalService(db, system_clock)
            entry = journal.create("a few words to delete again")
            start = time.perf_counter()
            journal.delete(entry.id)
            app_times.append(time.perf_counter() - start)
            db.close()
            conn = sqlite3.connect(paths.db_path)
            rowid = conn.execute("SELECT max(id) FROM journal_entry").fetchone()[0]
            start = time.perf_counter()
            conn.execute("DELETE FROM journal_entry WHERE id = ?", (rowid,))
            conn.commit()
            floor_times.append(time.perf_counter() - start)
            conn.close()
    app, floor = statistics.median(app_times), statistics.median(floor_times)
    size = source.joinpath("journal.sqlite3").stat().st_size / 1048576
    print(
        f"journal {size:.1f} MB; delete with wipe {app * 1000:.0f} ms; bare SQLite delete "
        f"{floor * 1000:.1f} ms; ratio {app / floor:.0f}x (medians of {args.runs})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
