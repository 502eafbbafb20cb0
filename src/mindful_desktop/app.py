"""main(): parse arguments, then run a headless command or wire up and show the window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from mindful_desktop import APP_NAME
from mindful_desktop.cli import parse, run_headless
from mindful_desktop.errors import KnownError
from mindful_desktop.paths import AppPaths

log = logging.getLogger("mindful_desktop")


def setup_logging(paths: AppPaths) -> None:
    handler = logging.handlers.RotatingFileHandler(
        paths.logs_dir / "mindful-desktop.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def install_excepthook(paths: AppPaths) -> None:
    """Bugs are logged with a traceback and explained without losing the user's work."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.warning(
                None,
                APP_NAME,
                "Something unexpected went wrong. Everything you had saved is safe. "
                f"The details are in {paths.logs_dir}, in case you want to report it.",
            )

    sys.excepthook = hook


def run_gui(paths: AppPaths) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from mindful_desktop.services.context import AppContext
    from mindful_desktop.single_instance import InstanceGuard
    from mindful_desktop.ui.main_window import MainWindow
    from mindful_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("mindful-desktop")
    try:
        paths.ensure()
    except KnownError as exc:
        QMessageBox.critical(None, exc.title, exc.message)
        return 2
    setup_logging(paths)
    install_excepthook(paths)

    guard = InstanceGuard(paths)
    if not guard.acquire():
        if guard.ask_running_instance_to_show():
            return 0
        QMessageBox.information(
            None,
            APP_NAME,
            "Mindful Desktop is already open with this data folder, but didn't answer. "
            "Wait a moment and try again, or close the other window first.",
        )
        return 1
    try:
        ctx = AppContext.open(paths)
    except KnownError as exc:
        log.warning("Could not open the journal: %s", exc.message)
        QMessageBox.critical(None, exc.title, exc.message)
        guard.release()
        return 2
    apply_theme(app, ctx.settings.get("theme"))
    window = MainWindow(ctx)
    window.themeRequested.connect(lambda mode: apply_theme(app, mode))
    guard.activationRequested.connect(window.bring_to_front)
    window.show()
    if not ctx.settings.get("welcome_seen"):
        window.show_welcome()
    try:
        return app.exec()
    finally:
        guard.release()
        ctx.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.command in (None, "run"):
        return run_gui(AppPaths.from_arg(getattr(args, "data_dir", None)))
    return run_headless(args)
