"""Render a page offscreen to a PNG, for docs, tests and reviewing the UI."""

from __future__ import annotations

import os
from pathlib import Path

from mindful_desktop.errors import DataDirError
from mindful_desktop.paths import AppPaths


def render_page(
    paths: AppPaths, page: str, out: Path, size: tuple[int, int] = (1280, 800), theme: str = "light"
) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from mindful_desktop.services.context import AppContext
    from mindful_desktop.ui.dialogs.welcome import WelcomeDialog
    from mindful_desktop.ui.main_window import MainWindow
    from mindful_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(["mindful-desktop"])
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    ctx = AppContext.open(paths)
    try:
        window = MainWindow(ctx)
        window.resize(*size)
        window.show()
        target = window
        if page == "welcome":
            dialog = WelcomeDialog(paths.data_dir, window)
            dialog.show()
            target = dialog  # type: ignore[assignment]
        else:
            window.show_page(page)
        for _ in range(3):
            app.processEvents()
        image = target.grab()
        if not image.save(str(out), "PNG"):
            raise DataDirError(f"Couldn't write the screenshot to {out}.")
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        ctx.close()
    return out
