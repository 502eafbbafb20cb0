"""Rename… and Remove… for the imported recording chosen in the Practice list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from mindful_desktop.audio.catalog import Track
from mindful_desktop.errors import KnownError
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.ui.dialogs.recording import RenameRecordingDialog, confirm_remove


class RecordingActions(QWidget):
    aboutToRemove = Signal(str)  # recording id: the page stops it if it is playing
    failed = Signal(str)  # a sentence to show

    def __init__(self, practice: PracticeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self.track: Track | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setAccessibleName("Rename the selected recording")
        self.remove_button = QPushButton("Remove…")
        self.remove_button.setAccessibleName("Remove the selected recording")
        layout.addWidget(self.rename_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self.set_track(None)

    def set_track(self, track: Track | None) -> None:
        """Only the person's own recordings can be renamed or removed, never bundled ones."""
        self.track = track if track is not None and not track.bundled else None
        self.setVisible(self.track is not None)

    def rename(self) -> RenameRecordingDialog | None:
        if self.track is None:
            return None
        dialog = RenameRecordingDialog(self._practice, self.track, self)
        dialog.open()
        return dialog

    def remove(self) -> bool:
        track = self.track
        if track is None:
            return False
        sessions = self._practice.sessions_with(track.id)
        if not confirm_remove(self, track.title, sessions):
            return False
        self.aboutToRemove.emit(track.id)
        try:
            self._practice.remove_recording(track.id)
        except KnownError as exc:
            self.failed.emit(exc.message)
            return False
        self.set_track(None)
        return True
