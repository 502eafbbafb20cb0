"""main(): parse arguments, then run a headless command or the application."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from mindful_desktop.paths import AppPaths

# The pure-Python half of what start-up needs: the domain, the journal's database layer and
# the bundled content. Loaded here, before anything imports PySide6, because from then on
# PySide6 reads the source of every module imported after it (its `__feature__` check, about
# 0.15 ms a module). None of these may import PySide6 (a test checks it).
PURE_MODULES = (
    "mindful_desktop.clock",
    "mindful_desktop.errors",
    "mindful_desktop.logs",
    "mindful_desktop.db.database",
    "mindful_desktop.db.migrate",
    "mindful_desktop.db.values",
    "mindful_desktop.domain.content",
    "mindful_desktop.domain.followup",
    "mindful_desktop.domain.instruments",
    "mindful_desktop.domain.mood",
    "mindful_desktop.domain.practice",
    "mindful_desktop.domain.staying_well",
    "mindful_desktop.domain.toml_cache",
    "mindful_desktop.domain.words",
    "mindful_desktop.audio.catalog",
)
for _name in PURE_MODULES:
    importlib.import_module(_name)

_NO_DATA_DIR = object()


def plain_gui_data_dir(argv: Sequence[str]) -> str | None | object:
    """For the everyday start (no arguments, `run`, `--data-dir DIR`) return the data folder
    (None for the default) without building the whole command-line parser; anything else
    (a subcommand, --help, a typo) returns `_NO_DATA_DIR` and goes through argparse."""
    args = list(argv)
    if args[:1] == ["run"]:
        args = args[1:]
    if not args:
        return None
    if len(args) == 2 and args[0] == "--data-dir" and args[1] and not args[1].startswith("-"):
        return args[1]
    if len(args) == 1 and args[0].startswith("--data-dir=") and len(args[0]) > len("--data-dir="):
        return args[0].split("=", 1)[1]
    return _NO_DATA_DIR


def main(argv: Sequence[str] | None = None) -> int:
    # Every file and folder the app makes (the journal's -wal and -shm, logs, the instance
    # lock, backups, exports) is its owner's alone, whoever creates it.
    os.umask(0o077)
    data_dir = plain_gui_data_dir(sys.argv[1:] if argv is None else argv)
    if data_dir is not _NO_DATA_DIR:
        return _run_gui(data_dir)  # type: ignore[arg-type]
    from mindful_desktop.cli import parse, run_headless

    args = parse(argv)
    if args.command in (None, "run"):
        return _run_gui(getattr(args, "data_dir", None))
    return run_headless(args)


def _run_gui(data_dir: str | None) -> int:
    from mindful_desktop.application import Application

    return Application(AppPaths.from_arg(data_dir)).run()
