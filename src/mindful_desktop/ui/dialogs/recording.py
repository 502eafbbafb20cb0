"""Looking after an imported recording: rename it, or remove it (after saying what stays)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QLineEdit,
    QMessageBox,
    QWidget,
)

from mindful_desktop.audio.catalog import Track
from mindful_desktop.errors import KnownError
from mindful_desktop.services.practice import TITLE_MAX_CHARS, PracticeService
from mindful_desktop.ui.dialogs.frame import (
    FormDialog,
)
from mindful_desktop.ui.widgets.common import label


def remove_question(title: str, sessions: int) -> str:
    if sessions == 0:
        logged = "you haven't logged any sessions with it."
    elif sessions == 1:
        logged = "the session you logged with it stays in your journal."
    else:
        logged = f"the {sessions} sessions you logged with it stay in your journal."
    return f"Remove “{title}”? The file is deleted from Mindful Desktop's folder; {logged}"


def confirm_remove(parent: QWidget, title: str, sessions: int) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Remove recording")
    box.setText(remove_question(title, sessions))
    remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is remove


class RenameRecordingDialog(FormDialog):
    def __init__(
        self, practice: PracticeService, track: Track, parent: QWidget | None = None
    ) -> None:
        super().__init__("Rename recording", QSize(520, 320), parent)
        self._practice = practice
        self.track = track
        self.saved: Track | None = None
        self.form.addWidget(
            label(
                "The new name shows in the Practice list. Sessions you logged keep the name "
                "they had.",
                "Muted",
            )
        )
        self.name = QLineEdit(track.title)
        self.name.setAccessibleName("Recording name")
        self.name.setMaxLength(TITLE_MAX_CHARS + 50)  # past the limit, the service says why
        self.name.selectAll()
        self.form.addWidget(self.name)
        self.finish()

    def save(self) -> None:
        try:
            self.saved = self._practice.rename_recording(self.track.id, self.name.text())
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
