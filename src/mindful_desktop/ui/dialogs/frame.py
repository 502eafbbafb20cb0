"""What every dialog shares: it fits the window it belongs to (its content scrolls instead of
running off the screen), and it has a quiet way to Crisis support."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.ui.navigator import CRISIS_SHORTCUT, Navigator
from mindful_desktop.ui.widgets.common import label

MIN_SIZE = QSize(420, 320)


def fit_to_window(dialog: QDialog, wanted: QSize) -> None:
    """Size `dialog` as `wanted`, but never larger than its window (or, with none, the screen):
    at 1024x640 a dialog must not reach past the window's edges. A dialog over another dialog
    is measured against the app's window, not the smaller dialog beneath it."""
    parent = dialog.parentWidget()
    if parent is not None:
        top = parent.window()
        while (below := top.parentWidget()) is not None:
            top = below.window()
        room = top.size()
    else:
        screen = dialog.screen()
        room = screen.availableGeometry().size() if screen is not None else wanted
    room = room - QSize(40, 40)
    size = wanted.boundedTo(room).expandedTo(MIN_SIZE)
    dialog.resize(size)


def close_above(dialog: QDialog) -> bool:
    """Close the modal dialogs opened over `dialog` (each a child of the one beneath it), so
    that it is the one in front again. False if one of them stays open (unsaved words)."""
    top = QApplication.activeModalWidget()
    while top is not None and top is not dialog and _stacked_on(top, dialog):
        top.close()
        if top.isVisible():
            return False
        top = QApplication.activeModalWidget()
    return True


def _stacked_on(widget: QWidget, below: QWidget) -> bool:
    """Whether `widget` was opened over `below` (QWidget.isAncestorOf stops at a window)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not below:
        parent = parent.parentWidget()
    return parent is below


def vertical_scroll(content: QWidget, name: str) -> QScrollArea:
    """A frameless scroll area that scrolls up and down only: its content wraps to its width.
    It takes focus so the keyboard can scroll it; `name` is what a screen reader says then."""
    scroll = QScrollArea()
    scroll.setAccessibleName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


def crisis_button(dialog: QWidget) -> QPushButton:
    """A quiet "Crisis support" button that opens the crisis screen over this dialog, and the
    crisis shortcut inside it (a modal dialog blocks the main window's own shortcut). Hidden
    when the dialog belongs to no app window (then there is nothing to open it with)."""
    button = QPushButton("Crisis support")
    button.setObjectName("Quiet")
    button.setToolTip(
        f"People and helplines to call if things feel like too much ({CRISIS_SHORTCUT})"
    )
    button.setAutoDefault(False)
    nav = Navigator.of(dialog)
    if nav is None:
        button.hide()
    else:
        button.clicked.connect(nav.show_crisis)
        shortcut = QShortcut(QKeySequence(CRISIS_SHORTCUT), dialog)
        shortcut.activated.connect(nav.show_crisis)
    return button


class FormDialog(QDialog):
    """Fields over Save, Cancel and Crisis support, the shape of every "edit this" dialog: it
    fits its window, its fields scroll, and a sentence under them says why a save failed
    (what was typed stays). A subclass adds its fields to `form`, calls `finish()`, and
    implements `save()`, which calls `accept()` when it worked."""

    def __init__(self, title: str, wanted: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_window(self, wanted)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 12)
        self._holder = QWidget()
        self.form = QVBoxLayout(self._holder)
        self.form.setContentsMargins(24, 20, 24, 4)
        self.form.setSpacing(10)
        self.error = label("", "Error")

    def finish(self) -> None:
        self.form.addWidget(self.error)
        self.form.addStretch(1)
        self._outer.addWidget(vertical_scroll(self._holder, self.windowTitle()), 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(24, 0, 24, 0)
        self._outer.addWidget(buttons)

    def save(self) -> None:
        raise NotImplementedError
