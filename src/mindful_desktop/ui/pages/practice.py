"""Practice: the library of practices, with the player, the silent timer and the log beside it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.audio.catalog import Track
from mindful_desktop.errors import KnownError
from mindful_desktop.services.listening import ListeningTracker, TimerLogger
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import label, side_width
from mindful_desktop.ui.widgets.player_panel import PlayerPanel, weeks_text
from mindful_desktop.ui.widgets.practice_log import LogPanel
from mindful_desktop.ui.widgets.recording_actions import RecordingActions
from mindful_desktop.ui.widgets.timer_panel import TimerPanel
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate

IMPORT_FILTER = (
    "Audio (*.mp3 *.m4a *.aac *.wav *.ogg *.opus *.oga *.flac *.webm *.wma);;All files (*)"
)


class TrackList(QListView):
    """One click chooses a practice; Enter, Space or a double-click starts it. (Qt's own
    `activated` follows the platform, which on some desktops starts a track on one click.)"""

    startRequested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.currentIndex().isValid():
            self.startRequested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            self.startRequested.emit(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class PracticePage(QWidget):
    importFinished = Signal(object)  # Track, or None when it failed

    def __init__(
        self,
        practice: PracticeService,
        tracker: ListeningTracker,
        timer_logger: TimerLogger,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tracker = tracker
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        side = QWidget()
        side.setFixedWidth(320)
        self.side = side
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(28, 26, 12, 20)
        side_layout.setSpacing(10)
        side_layout.addWidget(label("Practice", "PageTitle"))
        side_layout.addWidget(label("Guided practices, and your own recordings.", "Muted"))
        self.model = RowsModel(self)
        self.list = TrackList()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setObjectName("LessonList")
        self.list.setAccessibleName("Practices")
        self.list.startRequested.connect(
            lambda index: self.play(self.model.data(index, RowsModel.PayloadRole))
        )
        side_layout.addWidget(self.list, 1)
        self.recording_actions = RecordingActions(practice)
        self.recording_actions.aboutToRemove.connect(self._stop_if_playing)
        self.recording_actions.failed.connect(self._show_error)
        self.list.selectionModel().currentChanged.connect(
            lambda index, _old: self.recording_actions.set_track(
                self._practice.track(self.model.data(index, RowsModel.PayloadRole))
                if index.isValid()
                else None
            )
        )
        side_layout.addWidget(self.recording_actions)
        self.import_button = QPushButton("Import a recording…")
        self.import_button.setToolTip("Add an audio file, e.g. from your own MBCT teacher")
        self.import_button.clicked.connect(self.choose_import)
        side_layout.addWidget(self.import_button)
        self.import_status = label("", "Muted")
        side_layout.addWidget(self.import_status)
        layout.addWidget(side)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Player and practice log")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(20, 26, 36, 26)
        column.setSpacing(16)
        self.player_panel = PlayerPanel(tracker)
        column.addWidget(self.player_panel)
        self.tabs = QTabWidget()
        self.log_panel = LogPanel(practice)
        self.timer_panel = TimerPanel(timer_logger)
        self.tabs.addTab(self.log_panel, "Practice log")
        self.tabs.addTab(self.timer_panel, "Silent timer")
        column.addWidget(self.tabs, 1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)

        self.list.selectionModel().currentChanged.connect(self._on_current)
        practice.changed.connect(self.refresh_library)
        tracker.trackChanged.connect(self._select_track)
        self.refresh_library()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.side.setFixedWidth(side_width(self.width(), 320, 250))

    def refresh_library(self) -> None:
        rows = []
        for track in self._practice.library():
            what = weeks_text(track.weeks) if track.bundled else "your recording"
            text = f"{track.minutes} min · {what}" if what else f"{track.minutes} min"
            rows.append(Row(text, track.id, detail=track.title, tooltip=track.description))
        chosen = self.recording_actions.track
        self.model.set_rows(rows)
        # A reset clears the selection: keep the recording being renamed chosen, else the
        # one playing.
        kept = self._practice.track(chosen.id) if chosen is not None else None
        self.recording_actions.set_track(kept)
        if kept is not None:
            self._select_track(kept)
        elif self._tracker.track is not None:
            self._select_track(self._tracker.track)

    def _select_track(self, track: Track | None) -> None:
        if track is None:
            return
        row = self.model.row_of(track.id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _on_current(self, index: QModelIndex) -> None:
        track_id = self.model.data(index, RowsModel.PayloadRole) if index.isValid() else None
        self.player_panel.select(self._practice.track(track_id) if track_id else None)

    def _stop_if_playing(self, track_id: str) -> None:
        """Removing the recording that is playing stops it first (and logs what was heard)."""
        if self._tracker.track is not None and self._tracker.track.id == track_id:
            self._tracker.stop()

    def play(self, track_id: str) -> bool:
        """Start a practice; the one already under way goes on from where it is."""
        track = self._practice.track(track_id)
        if track is None:
            self.player_panel._on_error(f"The practice '{track_id}' isn't in the library.")
            return False
        current = self._tracker.track
        if current is not None and current.id == track.id and self._tracker.player.is_active():
            self._tracker.player.play()  # resumes if paused; never back to the start
            return True
        return self._tracker.start(track)

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a recording", str(Path.home()), IMPORT_FILTER
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Convert in a worker thread (it can take a while); register on this thread."""
        self.import_status.setObjectName("Muted")
        self._restyle(self.import_status)
        self.import_status.setText(f"Importing {path.name}… This can take a minute.")
        self.import_button.setEnabled(False)
        job = ImportJob(path, self._practice.recordings_dir)
        job.signals.done.connect(self._import_done)
        job.signals.failed.connect(self._import_failed)
        self._job = job  # keep the signals alive until the job reports
        QThreadPool.globalInstance().start(job)

    def _import_done(self, imported: object) -> None:
        self.import_button.setEnabled(True)
        try:
            track = self._practice.register_recording(imported)  # type: ignore[arg-type]
        except KnownError as exc:
            self._import_failed(exc.message)
            return
        self.import_status.setText(f"Added “{track.title}” ({track.minutes} min).")
        self.importFinished.emit(track)

    def _import_failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self._show_error(message)
        self.importFinished.emit(None)

    def _show_error(self, message: str) -> None:
        self.import_status.setObjectName("Error")
        self._restyle(self.import_status)
        self.import_status.setText(message)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class ImportSignals(QObject):
    done = Signal(object)  # ImportedRecording
    failed = Signal(str)


class ImportJob(QRunnable):
    def __init__(self, src: Path, dest_dir: Path) -> None:
        super().__init__()
        self.signals = ImportSignals()
        self._src = src
        self._dest = dest_dir

    def run(self) -> None:
        from mindful_desktop.audio.processing import import_recording

        try:
            imported = import_recording(self._src, self._dest)
        except KnownError as exc:
            self.signals.failed.emit(exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - a bug here must not vanish in a thread
            logging.getLogger(__name__).exception("import failed")
            self.signals.failed.emit(f"Something unexpected went wrong importing it ({exc}).")
            return
        self.signals.done.emit(imported)
