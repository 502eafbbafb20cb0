"""main(): parse arguments, then run a headless command or the application."""

from __future__ import annotations

from collections.abc import Sequence

from mindful_desktop.cli import parse, run_headless
from mindful_desktop.paths import AppPaths


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.command in (None, "run"):
        from mindful_desktop.application import Application

        return Application(AppPaths.from_arg(getattr(args, "data_dir", None))).run()
    return run_headless(args)
