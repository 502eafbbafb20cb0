"""A heavy writer's decade, built through the app's own services, cached between runs.

Ten years of check-ins, practice and questionnaires (`demo-data --days 3650`), then, through
`JournalService` and `PracticeService`: one ~150-word journal entry a day and a note on three
practice sessions in four. Benchmarks call `heavy_decade()`; the folder is made once and
reused (it is data a script makes again, so it is never committed).

    .venv/bin/python bench/decade.py [--out DIR]     # build (or reuse) and print the folder
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DAYS = 3650
CACHE = Path(tempfile.gettempdir()) / "mindful-desktop-bench" / f"heavy-decade-{DAYS}"

_WORDS = (
    "morning walk rain breath tired kitchen window light work meeting sister phone call "
    "worry sleep body shoulders tight noticed kind slowly coffee bus late quiet evening "
    "garden list again enough tea friend laughed heavy softer later plan week practice "
    "sitting thoughts just thoughts sound birds cold hands warm bath dinner book page "
    "afraid calm ordinary small step today yesterday tomorrow"
).split()


def _entry(rng: random.Random, words: int = 150) -> str:
    out: list[str] = []
    sentence: list[str] = []
    for _ in range(words):
        sentence.append(rng.choice(_WORDS))
        if len(sentence) >= rng.randint(7, 16):
            out.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        out.append(" ".join(sentence).capitalize() + ".")
    return " ".join(out)


def build(data_dir: Path, days: int = DAYS, seed: int = 7) -> Path:
    from mindful_desktop.app import main as app_main
    from mindful_desktop.db.migrate import open_database
    from mindful_desktop.paths import AppPaths
    from mindful_desktop.services.journal import JournalService
    from mindful_desktop.services.practice import PracticeService
    from mindful_desktop.settings import SettingsStore

    if app_main(["--data-dir", str(data_dir), "demo-data", "--days", str(days)]) != 0:
        raise SystemExit("demo-data failed")
    paths = AppPaths(data_dir)
    db = open_database(paths)
    rng = random.Random(seed)
    now = [dt.datetime.now().astimezone()]
    journal = JournalService(db, lambda: now[0])
    from mindful_desktop.paths import assets_dir

    practice = PracticeService(db, assets_dir() / "audio", paths.recordings_dir, lambda: now[0])
    today = dt.date.today()
    for offset in range(days, 0, -1):
        day = today - dt.timedelta(days=offset - 1)
        now[0] = dt.datetime.combine(day, dt.time(21, 15)).astimezone()
        journal.create(_entry(rng), title=f"Evening, {day:%d %B}" if rng.random() < 0.3 else "")
    for i, view in enumerate(practice.sessions()):
        if i % 4:  # three sessions in four get a note: a few thousand over the decade
            practice.update(view.id, note=_entry(rng, rng.randint(8, 40)))
    SettingsStore(db).set("welcome_seen", True)
    db.close()
    return data_dir


def heavy_decade(days: int = DAYS) -> Path:
    """The cached heavy decade (built on first use). Callers copy it before changing it."""
    target = CACHE if days == DAYS else CACHE.with_name(f"heavy-decade-{days}")
    done = target / ".complete"
    if not done.exists():
        import shutil

        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        build(target, days)
        done.write_text("ok\n")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=DAYS)
    args = parser.parse_args(argv)
    print(heavy_decade(args.days))
    return 0


if __name__ == "__main__":
    sys.exit(main())
