"""Render a page offscreen to a PNG, for docs, tests and reviewing the UI."""

from __future__ import annotations

import os
from pathlib import Path

from mindful_desktop.errors import DataDirError, InvalidInputError
from mindful_desktop.paths import AppPaths


def render_page(
    paths: AppPaths, page: str, out: Path, size: tuple[int, int] = (1280, 800), theme: str = "light"
) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from mindful_desktop.services.context import AppContext
    from mindful_desktop.ui.dialogs.welcome import WelcomeDialog
    from mindful_desktop.ui.main_window import KEYS, MainWindow
    from mindful_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(["mindful-desktop"])
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    ctx = AppContext.open(paths)
    try:
        window = MainWindow(ctx)
        window.resize(*size)
        window.show()
        target: QWidget = window
        kind, _, name = page.partition(":")
        if page == "welcome":
            target = WelcomeDialog(paths.data_dir, window)
            target.show()
        elif kind == "lesson" and name in {lesson.slug for lesson in ctx.content.lessons}:
            window.open_lesson(name)
        elif kind == "worksheet" and name in ctx.content.worksheets:
            target = window.open_worksheet(name)
        elif page == "crisis":
            target = window.show_crisis()
        elif kind == "questionnaire" and name in ("phq9", "gad7"):
            target = window.take_questionnaire(name)
        elif page in KEYS:
            window.show_page(page)
        else:
            raise InvalidInputError(
                f"There is no page called {page!r}. Try one of: {', '.join(KEYS)}, "
                "welcome, crisis, questionnaire:phq9, lesson:SLUG, worksheet:ID."
            )
        for _ in range(5):
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
