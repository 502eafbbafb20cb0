"""The window's menus (File, Go, Help) and the list of every keyboard shortcut, which Help shows.

The list is read from the menus' own actions, so it can't drift from what the keys really do;
keys that work inside one page (the player, the practice list) are added by hand here, next to
the code that lists them, and tests press each of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from mindful_desktop import APP_NAME, __version__
from mindful_desktop.texts import DISCLAIMER, PRIVACY
from mindful_desktop.ui.navigator import CRISIS_SHORTCUT

if TYPE_CHECKING:
    from mindful_desktop.ui.main_window import MainWindow

# Keys that belong to one place in a page, not to a menu: (where, keys, what they do).
IN_PAGE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Practice list", "Enter or Space", "Play the chosen practice"),
    ("Player", "Space", "Pause or go on playing"),
    ("Player position", "Left / Right", "Back or forward 5 seconds"),
    ("Player position", "Page Up / Page Down", "Back or forward 30 seconds"),
    ("Player position", "Home / End", "To the start or the end"),
    ("Anywhere", "Tab / Shift+Tab", "To the next or the previous control"),
)


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    _add(file_menu, window, "&Report for my clinician…", window.show_report)
    _add(
        file_menu,
        window,
        "&Print a report…",
        lambda: window.show_report(printing=True),
        QKeySequence("Ctrl+P"),
    )
    file_menu.addSeparator()
    _add(file_menu, window, "&Export your data…", window.export_data)
    lock = _add(file_menu, window, "&Lock now", window.lock, QKeySequence("Ctrl+L"))
    lock.setToolTip("Hide your journal until the passphrase is given (a protected journal)")
    _add(file_menu, window, "&Quit", window.quit_app, QKeySequence("Ctrl+Q"))
    go_menu = bar.addMenu("&Go")
    from mindful_desktop.ui.page_builders import PAGES

    for row, spec in enumerate(PAGES):
        _add(
            go_menu,
            window,
            spec.title.replace("&", "&&"),  # a title's "&" is a letter, not a mnemonic
            lambda _=False, key=spec.key: window.show_page(key),
            QKeySequence(f"Ctrl+{row + 1}"),
        )
    help_menu = bar.addMenu("&Help")
    # Crisis support from anywhere in the window; every dialog has the same shortcut
    # (ui/dialogs/frame.py), since a modal dialog blocks this one.
    _add(
        help_menu, window, "&Crisis support…", window.nav.show_crisis, QKeySequence(CRISIS_SHORTCUT)
    )
    help_menu.addSeparator()
    _add(help_menu, window, "&Keyboard shortcuts", lambda: show_shortcuts(window))
    _add(help_menu, window, "Show the &welcome again", window.show_welcome)
    _add(help_menu, window, "&About Mindful Desktop", lambda: show_about(window))


def _add(
    menu: QMenu,
    window: MainWindow,
    text: str,
    slot: Callable[..., object],
    keys: QKeySequence | None = None,
) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        action.setShortcut(keys)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def shortcut_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """Every shortcut, as (where, keys, what): the menus' first, then the in-page keys."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        where = _plain(menu_action.text()) + " menu"
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((where, keys, _plain(action.text()).rstrip("…")))
    return rows + list(IN_PAGE_KEYS)


def _plain(text: str) -> str:
    """A menu text as read: mnemonic marks gone, a doubled "&&" an ampersand."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def show_shortcuts(window: MainWindow) -> None:
    from mindful_desktop.ui.dialogs.shortcuts import ShortcutsDialog

    ShortcutsDialog(shortcut_rows(window), window).open()


def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        f"About {APP_NAME}",
        f"<h3>{APP_NAME} {__version__}</h3><p>{DISCLAIMER}</p><p>{PRIVACY}</p>"
        f"<p>Your data folder: {window.ctx.paths.data_dir}</p>",
    )
