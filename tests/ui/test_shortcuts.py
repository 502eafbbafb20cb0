"""Help → Keyboard shortcuts lists every key the menus answer to, and each listed key works."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from mindful_desktop.ui.main_window import KEYS, PAGES, MainWindow
from mindful_desktop.ui.menus import IN_PAGE_KEYS, shortcut_rows


def _press(qtbot: QtBot, window: MainWindow, keys: str) -> None:
    combo = QKeySequence(keys)[0]
    qtbot.keyClick(window.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def test_the_list_names_every_page_the_quit_and_the_crisis_keys(
    open_window: Callable[..., MainWindow],
) -> None:
    window = open_window()
    rows = {(keys, what) for _, keys, what in shortcut_rows(window)}
    for row, spec in enumerate(PAGES):
        assert (QKeySequence(f"Ctrl+{row + 1}").toString(), spec.title) in rows
    assert (QKeySequence("Ctrl+Shift+H").toString(), "Crisis support") in rows
    assert any(what == "Quit" for _, what in rows)
    for _, keys, what in IN_PAGE_KEYS:
        assert (keys, what) in rows


def test_the_listed_page_keys_go_to_their_pages(
    open_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for where, keys, what in shortcut_rows(window):
        if where == "Go menu":
            _press(qtbot, window, keys)
            title = dict((spec.key, spec.title) for spec in PAGES)[window.current_page_key()]
            assert title == what, f"{keys} went to {title}, not {what}"
    assert window.current_page_key() == KEYS[-1]


def test_the_crisis_key_opens_crisis_support_from_the_window(
    open_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _press(qtbot, window, "Ctrl+Shift+H")
    assert any(d.isVisible() for d in window.findChildren(CrisisDialog))


def test_help_shows_the_list(open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window()
    help_menu = next(a.menu() for a in window.menuBar().actions() if "Help" in a.text())
    action = next(a for a in help_menu.actions() if "Keyboard shortcuts" in a.text())
    action.trigger()
    dialog = next(d for d in window.findChildren(ShortcutsDialog) if d.isVisible())
    texts = {lab.text() for lab in dialog.findChildren(QLabel)}
    assert "Pause or go on playing" in texts and "Go menu" in texts
    dialog.reject()
