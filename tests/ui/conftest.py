"""A real main window over a fresh journal, for tests that drive the whole app's widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mindful_desktop.paths import AppPaths
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.theme import apply_theme
from tests.conftest import FakeClock

Prepare = Callable[[AppContext], None]


def in_britain(ctx: AppContext) -> None:
    """A `prepare` for `open_window`: a British locale, and the UK chosen as the country."""
    ctx.crisis._locale = "en_GB"
    ctx.crisis.set_country("GB")


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """The app's style, palette and style sheet, as a person sees them (sizes depend on it)."""
    font, palette = qapp.font(), qapp.palette()
    apply_theme(qapp, "light")
    yield
    qapp.setStyleSheet("")
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def open_window(
    paths: AppPaths, clock: FakeClock, qtbot: QtBot
) -> Iterator[Callable[[Prepare | None], MainWindow]]:
    """`open_window(prepare)`: the journal is opened, `prepare(ctx)` runs, then the window
    shows at 1280x800. Closed with its journal after the test."""
    opened: list[MainWindow] = []

    def open_(prepare: Prepare | None = None) -> MainWindow:
        ctx = AppContext.open(paths, clock)
        if prepare is not None:
            prepare(ctx)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        opened.append(win)
        return win

    yield open_
    for win in opened:
        win.close()
        win.ctx.close()
