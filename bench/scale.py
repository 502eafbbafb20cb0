"""Does year ten cost what week one does? The real main window over the light journal (90 days)
and the heavy decade (bench/decade.py), both built through the app's own services: each page's
first build, switch and refresh, save -> event loop idle for a check-in, a journal entry and a
logged practice, and the cost per fetched page of scrolling each list to its oldest item.
Floor, in the same run: a bare PySide6 window shown and idle. Medians of several runs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/scale.py [--runs 5]

(Journal first page and search p95 against bare FTS5: bench/journal_paging.py.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.decade import heavy_decade  # noqa: E402
from PySide6.QtWidgets import QApplication, QListView, QWidget  # noqa: E402

from mindful_desktop.paths import AppPaths  # noqa: E402
from mindful_desktop.services.context import AppContext  # noqa: E402
from mindful_desktop.ui.main_window import KEYS, MainWindow  # noqa: E402
from mindful_desktop.ui.models.paged import PagedModel  # noqa: E402

ms = 1000.0


def _idle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _timed(app: QApplication, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    _idle(app)
    return time.perf_counter() - start


def _lists(win: MainWindow) -> dict[str, QListView]:
    practice = win.page("practice")
    checkin = win.page("checkin")
    journal = win.page("journal")
    return {
        "journal": journal.list,  # type: ignore[attr-defined]
        "practice log": practice.log_panel.list,  # type: ignore[attr-defined]
        "check-ins": checkin.history,  # type: ignore[attr-defined]
    }


def measure(app: QApplication, sources: list[Path], runs: int) -> list[dict[str, float]]:
    """Medians for each source. One warm-up run first (imports, font and style caches) is
    thrown away, then the sources take turns, so neither pays for a cold start or for
    another process's busy minute alone."""
    out: list[dict[str, list[float]]] = [{} for _ in sources]

    def adder(results: dict[str, list[float]]) -> Callable[[str, float], None]:
        return lambda name, value: results.setdefault(name, []).append(value)

    _one_run(app, sources[0], lambda _name, _value: None)
    for _ in range(runs):
        for source, results in zip(sources, out, strict=True):
            _one_run(app, source, adder(results))
    return [{name: statistics.median(v) for name, v in results.items()} for results in out]


def _one_run(app: QApplication, source: Path, add: Callable[[str, float], None]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="mindful-scale-"))
    shutil.copytree(source, folder, dirs_exist_ok=True)
    ctx = AppContext.open(AppPaths(folder))
    win = MainWindow(ctx)
    win.resize(1280, 800)
    win.show()
    _idle(app)
    for key in KEYS:
        add(f"build {key}", _timed(app, lambda k=key: win.show_page(k)))
    for key in KEYS:
        add(f"switch {key}", _timed(app, lambda k=key: win.show_page(k)))
    for key in ("journal", "checkin", "practice"):
        page = win.page(key)
        refresh = getattr(page, "refresh", None) or page.log_panel.refresh  # type: ignore[attr-defined]
        win.show_page(key)
        add(f"refresh {key}", _timed(app, refresh))
    win.show_page("today")
    _idle(app)
    add("save check-in", _timed(app, lambda: ctx.checkins.add(6, "A steadier day.")))
    add("save journal entry", _timed(app, lambda: ctx.journal.create("Words for today.")))
    add(
        "save practice",
        _timed(
            app,
            lambda: ctx.practice.log("timer", "timer", "Silent timer", ctx.clock(), 10, True),
        ),
    )
    for name, view in _lists(win).items():
        key = {"journal": "journal", "practice log": "practice", "check-ins": "checkin"}[name]
        win.show_page(key)
        if name == "practice log":
            tabs = win.page("practice").tabs  # type: ignore[attr-defined]
            tabs.setCurrentWidget(win.page("practice").log_panel)  # type: ignore[attr-defined]
        _idle(app)
        model = view.model()
        assert isinstance(model, PagedModel)
        pages = []
        while model.canFetchMore():
            pages.append(_timed(app, model.fetchMore))
        add(f"scroll {name}: per page", statistics.median(pages) if pages else 0.0)
        add(f"scroll {name}: slowest page", max(pages) if pages else 0.0)
        add(f"scroll {name}: rows", float(model.rowCount()))
    win.close()
    ctx.close()
    win.deleteLater()
    _idle(app)
    shutil.rmtree(folder, ignore_errors=True)


def bare_window(app: QApplication, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        w = QWidget()
        w.resize(1280, 800)
        w.show()
        _idle(app)
        times.append(time.perf_counter() - start)
        w.close()
        w.deleteLater()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    floor = bare_window(app, args.runs)
    light, heavy = measure(app, [heavy_decade(90), heavy_decade()], args.runs)
    print(f"floor: a bare PySide6 window shown and idle, {floor * ms:.2f} ms")
    print(f"{'':34}{'light (90 d)':>13}{'heavy decade':>14}{'heavy/light':>13}")
    for name in light:
        if name.endswith(": rows"):
            print(f"{name:34}{light[name]:>13.0f}{heavy[name]:>14.0f}")
            continue
        ratio = heavy[name] / light[name] if light[name] else float("nan")
        print(
            f"{name + ' (ms)':34}{light[name] * ms:>13.2f}{heavy[name] * ms:>14.2f}{ratio:>12.2f}x"
        )
    print(f"(medians of {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
