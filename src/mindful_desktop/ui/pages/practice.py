"""Practice: the library, the player with captions, the silent timer, and the practice log."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.audio.catalog import Track
from mindful_desktop.errors import KnownError
from mindful_desktop.services.listening import ListeningTracker, TimerLogger
from mindful_desktop.services.practice import PracticeService, SessionView
from mindful_desktop.ui.dialogs.practice import ManualEntryDialog
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import Card, label
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate

SKIP_MS = 15_000
IMPORT_FILTER = (
    "Audio (*.mp3 *.m4a *.aac *.wav *.ogg *.opus *.oga *.flac *.webm *.wma);;All files (*)"
)


def clock_text(ms: int) -> str:
    seconds = max(0, ms // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def weeks_text(weeks: tuple[int, ...]) -> str:
    if not weeks:
        return ""
    if len(weeks) == 1:
        return f"week {weeks[0]}"
    return "weeks " + ", ".join(str(w) for w in weeks)


class PlayerPanel(Card):
    """Controls and captions; it only subscribes to the player's signals."""

    def __init__(self, tracker: ListeningTracker) -> None:
        super().__init__()
        self._tracker = tracker
        player = tracker.player
        self._player = player
        self.title = label("Choose a practice from the list", "CardTitle")
        self.description = label("", "Muted")
        self.caption = label("Captions of the guidance appear here as it plays.")
        self.caption.setObjectName("Caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setMinimumHeight(84)
        self.caption.setAccessibleName("Caption")
        self.seek = QSlider(Qt.Orientation.Horizontal)
        self.seek.setAccessibleName("Position in the practice")
        self.seek.setEnabled(False)
        self.elapsed = label("0:00", "Muted", wrap=False)
        self.remaining = label("", "Muted", wrap=False)
        times = QHBoxLayout()
        times.addWidget(self.elapsed)
        times.addStretch(1)
        times.addWidget(self.remaining)
        self.back = QPushButton("−15 s")
        self.play = QPushButton("Play")
        self.play.setObjectName("Primary")
        self.play.setMinimumWidth(110)
        self.forward = QPushButton("+15 s")
        self.stop = QPushButton("Stop")
        self.back.setAccessibleName("Back 15 seconds")
        self.forward.setAccessibleName("Forward 15 seconds")
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(int(player.volume() * 100))
        self.volume.setMaximumWidth(140)
        self.volume.setAccessibleName("Volume")
        controls = QHBoxLayout()
        for button in (self.back, self.play, self.forward, self.stop):
            button.setEnabled(False)
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(label("Volume", "Muted", wrap=False))
        controls.addWidget(self.volume)
        self.error = label("", "Error")
        self.error.hide()
        for widget in (self.title, self.description, self.caption):
            self.body.addWidget(widget)
        self.body.addWidget(self.seek)
        self.body.addLayout(times)
        self.body.addLayout(controls)
        self.body.addWidget(self.error)

        self.play.clicked.connect(player.toggle)
        self.back.clicked.connect(lambda: player.skip(-SKIP_MS))
        self.forward.clicked.connect(lambda: player.skip(SKIP_MS))
        self.stop.clicked.connect(tracker.stop)
        self.volume.valueChanged.connect(lambda v: player.set_volume(v / 100))
        self.seek.sliderReleased.connect(lambda: player.seek(self.seek.value()))
        player.positionChanged.connect(self._on_position)
        player.durationChanged.connect(self._on_duration)
        player.playingChanged.connect(self._on_playing)
        player.errorOccurred.connect(self._on_error)
        tracker.trackChanged.connect(self._on_track)

    def _on_track(self, track: Track | None) -> None:
        self.error.hide()
        if track is None:
            return
        self.title.setText(track.title)
        self.description.setText(track.description)
        self.caption.setText("")
        for button in (self.back, self.play, self.forward, self.stop):
            button.setEnabled(True)
        self.seek.setEnabled(True)
        self._on_duration(int(track.duration_s * 1000))

    def _on_duration(self, ms: int) -> None:
        if ms > 0:
            self.seek.setRange(0, ms)
            self._on_position(self._player.position())

    def _on_position(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.setValue(ms)
        duration = self._player.duration() or self.seek.maximum()
        self.elapsed.setText(clock_text(ms))
        self.remaining.setText(f"{clock_text(duration - ms)} left")
        track = self._tracker.track
        cue = track.cue_at(ms / 1000) if track else None
        self.caption.setText(cue.text if cue else "")

    def _on_playing(self, playing: bool) -> None:
        self.play.setText("Pause" if playing else "Play")

    def _on_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class TimerPanel(QWidget):
    def __init__(self, logger: TimerLogger) -> None:
        super().__init__()
        self._logger = logger
        timer = logger.timer
        self._timer = timer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        form = QFormLayout()
        self.length = QSpinBox()
        self.length.setRange(1, 120)
        self.length.setValue(10)
        self.length.setSuffix(" min")
        self.interval = QComboBox()
        self.interval.addItem("None", None)
        for minutes in (1, 2, 3, 5, 10, 15, 20, 30):
            self.interval.addItem(f"Every {minutes} min", minutes)
        self.start_bell = QCheckBox("A bell to begin")
        self.start_bell.setChecked(True)
        self.end_bell = QCheckBox("A bell to close")
        self.end_bell.setChecked(True)
        form.addRow("Length", self.length)
        form.addRow("Interval bells", self.interval)
        form.addRow("", self.start_bell)
        form.addRow("", self.end_bell)
        layout.addLayout(form)
        self.display = label("10:00", "PageTitle", wrap=False)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setAccessibleName("Time left")
        layout.addWidget(self.display)
        row = QHBoxLayout()
        self.start = QPushButton("Start")
        self.start.setObjectName("Primary")
        self.pause = QPushButton("Pause")
        self.stop = QPushButton("Stop")
        self.pause.setEnabled(False)
        self.stop.setEnabled(False)
        row.addStretch(1)
        for button in (self.start, self.pause, self.stop):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = label("", "Error")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.start.clicked.connect(self._start)
        self.pause.clicked.connect(self._pause)
        self.stop.clicked.connect(self._stop)
        self.length.valueChanged.connect(lambda v: self.display.setText(clock_text(v * 60000)))
        timer.tick.connect(lambda ms: self.display.setText(clock_text(ms)))
        timer.finished.connect(self._idle)
        logger.logFailed.connect(self.error.setText)

    def _start(self) -> None:
        try:
            self._timer.configure(
                self.length.value(),
                self.interval.currentData(),
                self.start_bell.isChecked(),
                self.end_bell.isChecked(),
            )
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self._logger.start()
        self.display.setText(clock_text(self._timer.remaining_ms()))
        self._running(True)

    def _pause(self) -> None:
        if self._timer.is_running():
            self._timer.pause()
            self.pause.setText("Resume")
        else:
            self._timer.resume()
            self.pause.setText("Pause")

    def _stop(self) -> None:
        self._logger.stop()
        self._idle()

    def _idle(self) -> None:
        self._running(False)
        self.pause.setText("Pause")
        self.display.setText(clock_text(self.length.value() * 60000))

    def _running(self, running: bool) -> None:
        for widget in (self.length, self.interval, self.start_bell, self.end_bell, self.start):
            widget.setEnabled(not running)
        self.pause.setEnabled(running)
        self.stop.setEnabled(running)


class LogPanel(QWidget):
    def __init__(self, practice: PracticeService) -> None:
        super().__init__()
        self._practice = practice
        self._undo: SessionView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.model = RowsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setObjectName("LessonList")
        self.list.setAccessibleName("Practice log")
        self.list.setMinimumHeight(180)
        layout.addWidget(self.list, 1)
        self.empty = label(
            "Nothing logged yet. Practices you finish here appear in this list.", "Muted"
        )
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add practice done elsewhere…")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        self.undo_button = QPushButton("Undo delete")
        self.undo_button.hide()
        row.addWidget(self.add_button)
        row.addStretch(1)
        for button in (self.undo_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.status = label("", "Muted")
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_manual)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.list.selectionModel().selectionChanged.connect(self._selection)
        practice.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        rows = []
        for s in self._practice.sessions(limit=500):
            minutes = max(1, round(s.minutes))
            how = {"manual": "added by hand", "timer": "silent timer"}.get(s.kind, "")
            state = "" if s.completed or s.kind == "manual" else "stopped part-way"
            parts = [f"{s.day:%a %d %b}", f"{minutes} min"] + [p for p in (how, state) if p]
            detail = s.title + (f" — “{s.note}”" if s.note else "")
            rows.append(Row(" · ".join(parts), s.id, detail=detail))
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self._selection()

    def _selected(self) -> SessionView | None:
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        session_id = self.model.data(index, RowsModel.PayloadRole)
        return next((s for s in self._practice.sessions() if s.id == session_id), None)

    def _selection(self, *_args: object) -> None:
        selected = self._selected()
        self.edit_button.setEnabled(selected is not None)
        self.delete_button.setEnabled(selected is not None)

    def add_manual(self) -> None:
        dialog = ManualEntryDialog(self._practice, self._practice.today(), parent=self)
        dialog.open()

    def edit_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        dialog = ManualEntryDialog(self._practice, self._practice.today(), selected, parent=self)
        dialog.open()

    def delete_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        try:
            self._undo = self._practice.delete(selected.id)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(f"Deleted “{selected.title}” from {selected.day:%d %B}.")
        self.undo_button.show()

    def undo_delete(self) -> None:
        if self._undo is None:
            return
        try:
            self._practice.restore(self._undo)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self._undo = None
        self.undo_button.hide()
        self.status.setText("Restored.")


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
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(28, 26, 12, 20)
        side_layout.setSpacing(10)
        side_layout.addWidget(label("Practice", "PageTitle"))
        side_layout.addWidget(label("Guided practices, and your own recordings.", "Muted"))
        self.model = RowsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setObjectName("LessonList")
        self.list.setAccessibleName("Practices")
        self.list.clicked.connect(
            lambda index: self.play(self.model.data(index, RowsModel.PayloadRole))
        )
        side_layout.addWidget(self.list, 1)
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

        practice.changed.connect(self.refresh_library)
        tracker.trackChanged.connect(self._select_track)
        self.refresh_library()

    def refresh_library(self) -> None:
        rows = []
        for track in self._practice.library():
            what = weeks_text(track.weeks) if track.bundled else "your recording"
            text = f"{track.minutes} min · {what}" if what else f"{track.minutes} min"
            rows.append(Row(text, track.id, detail=track.title, tooltip=track.description))
        self.model.set_rows(rows)
        if self._tracker.track is not None:
            self._select_track(self._tracker.track)

    def _select_track(self, track: Track | None) -> None:
        if track is None:
            return
        row = self.model.row_of(track.id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def play(self, track_id: str) -> bool:
        track = self._practice.track(track_id)
        if track is None:
            self.player_panel._on_error(f"The practice '{track_id}' isn't in the library.")
            return False
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
        self.import_status.setObjectName("Error")
        self._restyle(self.import_status)
        self.import_status.setText(message)
        self.importFinished.emit(None)

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
