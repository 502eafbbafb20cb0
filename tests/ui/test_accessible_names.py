"""Every control a person can reach with Tab has a name a screen reader can say: its own text,
a label that is its buddy, or an accessible name. Checked on every page, lesson and dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTabWidget, QWidget

from mindful_desktop.ui.main_window import KEYS, MainWindow
from tests.ui.fit import settle
from tests.ui.test_dialog_fit import _close, every_dialog


@pytest.fixture
def window(open_window: Callable[..., MainWindow], themed: None) -> MainWindow:
    return open_window()


def unnamed(top: QWidget, where: str) -> list[str]:
    """Every widget inside `top` that takes Tab focus, is shown, and has no spoken name."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:
            continue  # its proxy takes the focus and carries the name
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name).strip() if face is not None else ""
        if not name:
            parent = widget.parentWidget()
            found.append(
                f"{where}: {type(widget).__name__} {widget.objectName()!r} "
                f"in {type(parent).__name__ if parent else None} has no name"
            )
    return found


def test_every_control_on_every_page_has_a_name(window: MainWindow) -> None:
    found = unnamed(window, "sidebar")
    for key in KEYS:
        window.show_page(key)
        settle()
        found += unnamed(window, key)
        for tabs in window.page(key).findChildren(QTabWidget):
            for index in range(tabs.count()):  # the tabs that aren't shown first, too
                tabs.setCurrentIndex(index)
                settle()
                found += unnamed(window, f"{key}, tab {tabs.tabText(index)}")
    for lesson in window.ctx.content.lessons:
        window.open_lesson(lesson.slug)
        settle()
        found += unnamed(window, lesson.slug)
    assert not found, "\n".join(sorted(set(found)))


def test_every_control_in_every_dialog_has_a_name(window: MainWindow) -> None:
    found = []
    for name, dialog in every_dialog(window):
        dialog.show()
        settle()
        found += unnamed(dialog, name)
        _close(dialog)
    assert not found, "\n".join(sorted(set(found)))
