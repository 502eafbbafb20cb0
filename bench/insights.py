"""Benchmark: open the Insights page over ten years of demo data, against a 90-day baseline.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/insights.py [--runs 7]`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from mindful_desktop.app import main as app_main  # noqa: E402
from mindful_desktop.db.migrate import open_database  # noqa: E402
from mindful_desktop.domain.instruments import PHQ9, Instrument  # noqa: E402
from mindful_desktop.paths import AppPaths  # noqa: E402

SIZE = (1280, 800)


def _answers(rng: random.Random, instrument: Instrument, total: int) -> list[int]:
    """Item answers (0-3) adding up to about `total`, spread at random. PHQ-9 item 9 stays
    at 0, so the bench's data never stands for someone in crisis."""
    scored = len(instrument.items) - (1 if instrument is PHQ9 else 0)
    top = instrument.answers[-1].value
    answers = [0] * scored
    for _ in range(min(total, scored * top)):
        answers[rng.choice([i for i, v in enumerate(answers) if v < top])] += 1
    return answers + [0] * (len(instrument.items) - scored)


def make_data_dir(parent: Path, days: int) -> Path:
    data_dir = parent / f"days-{days}"
    if app_main(["--data-dir", str(data_dir), "demo-data", "--days", str(days)]) != 0:
        raise SystemExit(f"demo-data --days {days} failed")
    return data_dir  # demo-data fills check-ins, practice, questionnaires and journal


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from mindful_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(["bench"])
    assert isinstance(app, QApplication)
    apply_theme(app, "light")

    start = time.perf_counter()
    from mindful_desktop.domain.stats import Span
    from mindful_desktop.services.insights import InsightsService
    from mindful_desktop.ui.pages.insights import InsightsPage

    import_ms = (time.perf_counter() - start) * 1000

    rows: list[tuple[str, str, list[float]]] = []
    with tempfile.TemporaryDirectory(prefix="mindful-bench-") as tmp:
        for days in (90, 3650):
            data_dir = make_data_dir(Path(tmp), days)
            db = open_database(AppPaths(data_dir))
            try:
                service = InsightsService(db)

                def open_page(span: Span | None = None, svc: InsightsService = service) -> None:
                    page = InsightsPage(svc)
                    page.resize(*SIZE)
                    page.show()
                    if span is not None:
                        page.set_span(span)
                    app.processEvents()
                    page.grab()  # forces a full paint, charts included
                    page.close()
                    page.deleteLater()

                def settle() -> None:
                    app.processEvents()

                # The first open in a process also pays one-off costs (fonts, symbol atlas).
                first = timed(open_page, 1)
                settle()
                load = timed(service.load, args.runs)
                opened = []
                for _ in range(args.runs):
                    opened += timed(open_page, 1)
                    settle()
                every = []
                for _ in range(args.runs):
                    every += timed(lambda: open_page(Span.ALL), 1)
                    settle()
                label = f"{days:,} days"
                rows.append((label, "first open in the process", first))
                rows.append((label, "service load()", load))
                rows.append((label, "open page, default span (90 days)", opened))
                rows.append((label, "open page, then show All", every))
            finally:
                db.close()

    print(f"Insights page at {SIZE[0]}x{SIZE[1]}, {args.runs} runs each (ms)")
    print(f"{'data':>12}  {'what':<36} {'median':>8} {'min':>8} {'max':>8}")
    for data, what, values in rows:
        print(
            f"{data:>12}  {what:<36} {statistics.median(values):8.1f} {min(values):8.1f} "
            f"{max(values):8.1f}"
        )
    base = {what: statistics.median(v) for data, what, v in rows if data.startswith("90 ")}
    print()
    for data, what, values in rows:
        if data.startswith("3,650"):
            ratio = statistics.median(values) / base[what]
            print(f"ten years / 90 days, {what}: {ratio:.2f}x")
    print(f"first import of the page and charts (pyqtgraph included): {import_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
