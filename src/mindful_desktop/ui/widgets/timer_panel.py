"""The silent timer's settings and controls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.services.listening import TimerLogger
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.player_panel import clock_text


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
