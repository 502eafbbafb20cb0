"""Planning practice times: the list of planned times (add, change, remove, export to a
calendar) and the small dialog for one time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.db.database import Database
from mindful_desktop.domain.plan import (
    EVERY_DAY,
    MAX_SLOT_MINUTES,
    WEEKDAY_NAMES,
    WEEKDAY_SHORT,
    WEEKDAYS,
    PlannedSlot,
)
from mindful_desktop.domain.words import count
from mindful_desktop.errors import KnownError
from mindful_desktop.services.plan import PlanService
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate

TIMER = "timer"


def slot_row(slot: PlannedSlot) -> Row:
    return Row(
        f"{slot.days_text()} · {slot.time:%H:%M}",
        slot.id,
        detail=f"{slot.title}, {count(slot.minutes, 'minute')}",
    )


class SlotDialog(QDialog):
    """One planned time: the days, the time, the practice and how long."""

    def __init__(
        self,
        plan: PlanService,
        practice: PracticeService,
        existing: PlannedSlot | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._existing = existing
        self.saved: PlannedSlot | None = None
        self.setWindowTitle("Change a practice time" if existing else "Add a practice time")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        form = QFormLayout()
        days_row = QHBoxLayout()
        days_row.setSpacing(6)
        self.days: list[QCheckBox] = []
        chosen = existing.weekdays if existing else WEEKDAYS
        for n, short in enumerate(WEEKDAY_SHORT):
            box = QCheckBox(short)
            box.setAccessibleName(WEEKDAY_NAMES[n])
            box.setChecked(n in chosen)
            self.days.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        form.addRow("Days", days_row)
        presets = QHBoxLayout()
        for text, days in (
            ("Every day", EVERY_DAY),
            ("Weekdays", WEEKDAYS),
            ("Weekends", frozenset({5, 6})),
        ):
            button = QPushButton(text)
            button.setAccessibleName(f"Choose {text.lower()}")
            button.clicked.connect(lambda _checked=False, d=days: self.set_days(d))
            presets.addWidget(button)
        presets.addStretch(1)
        form.addRow("", presets)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        at = existing.time if existing else dt.time(7, 30)
        self.time.setTime(QTime(at.hour, at.minute))
        self.time.setAccessibleName("Time")
        form.addRow("Time", self.time)
        self.practice = QComboBox()
        self.practice.setAccessibleName("Practice")
        self._minutes_of: dict[str, int] = {}
        for track in practice.library():
            self.practice.addItem(track.title, track.id)
            self._minutes_of[track.id] = max(1, min(MAX_SLOT_MINUTES, track.minutes))
        self.practice.addItem("Silent timer", TIMER)
        if existing is not None:
            index = self.practice.findData(existing.practice_id)
            if index < 0:  # a recording since removed: keep what was planned
                self.practice.addItem(existing.title, existing.practice_id)
                index = self.practice.count() - 1
            self.practice.setCurrentIndex(index)
        form.addRow("Practice", self.practice)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_SLOT_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Length in minutes")
        self.minutes.setValue(existing.minutes if existing else self._suggested_minutes())
        form.addRow("Length", self.minutes)
        layout.addLayout(form)
        self.error = label("", "Error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.practice.currentIndexChanged.connect(
            lambda _i: self.minutes.setValue(self._suggested_minutes())
        )

    def _suggested_minutes(self) -> int:
        return self._minutes_of.get(str(self.practice.currentData()), 10)

    def set_days(self, days: frozenset[int]) -> None:
        for n, box in enumerate(self.days):
            box.setChecked(n in days)

    def chosen_days(self) -> frozenset[int]:
        return frozenset(n for n, box in enumerate(self.days) if box.isChecked())

    def save(self) -> None:
        """Saved and closed, or a sentence here and the dialog stays open as it was."""
        qtime = self.time.time()
        values = (
            self.chosen_days(),
            dt.time(qtime.hour(), qtime.minute()),
            str(self.practice.currentData() or ""),
            self.practice.currentText(),
            self.minutes.value(),
        )
        try:
            if self._existing is None:
                self.saved = self._plan.add(*values)
            else:
                self.saved = self._plan.update(self._existing.id, *values)
        except KnownError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class PlanDialog(QDialog):
    """Every planned practice time, with add, change, remove and export to a calendar."""

    def __init__(
        self,
        plan: PlanService,
        practice: PracticeService,
        db: Database,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._practice = practice
        self._db = db
        self._slots: dict[int, PlannedSlot] = {}  # what the list shows, by id
        self.setWindowTitle("Practice times")
        self.setMinimumSize(560, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(
            label(
                "When do you mean to practise? A plan is a help, not a test: Today shows the "
                "day's times, and you can add them to the calendar you already use.",
                "Muted",
            )
        )
        self.model = RowsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setObjectName("LessonList")
        self.list.setAccessibleName("Planned practice times")
        layout.addWidget(self.list, 1)
        self.empty = label("Nothing planned yet. Add the first time you mean to practise.", "Muted")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add a time…")
        self.edit_button = QPushButton("Change…")
        self.edit_button.setAccessibleName("Change the selected practice time")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the selected practice time")
        self.export_button = QPushButton("Add to my calendar…")
        self.export_button.setToolTip("Save the plan as a calendar file (.ics) to import")
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.status = label("", "Muted")
        self.status.hide()
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.add_button.clicked.connect(self.add_slot)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button.clicked.connect(self.export_calendar)
        self.list.doubleClicked.connect(lambda _index: self.edit_selected())
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        plan.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        try:
            slots = self._plan.slots()
        except KnownError as exc:
            self._say(exc.message, error=True)
            slots = []
        self.model.set_rows([slot_row(s) for s in slots])
        self._slots = {s.id: s for s in slots}
        self.empty.setVisible(not slots)
        self.list.setVisible(bool(slots))
        if selected is not None and (row := self.model.row_of(selected.id)) >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._buttons()

    def selected(self) -> PlannedSlot | None:
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        return self._slots.get(index.data(RowsModel.PayloadRole))

    def _buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.export_button.setEnabled(bool(self._slots))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setObjectName("Error" if error else "Muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.show()

    def slot_dialog(self, existing: PlannedSlot | None = None) -> SlotDialog:
        return SlotDialog(self._plan, self._practice, existing, self)

    def add_slot(self) -> None:
        dialog = self.slot_dialog()
        if dialog.exec() and dialog.saved is not None:
            self._select(dialog.saved.id)

    def edit_selected(self) -> None:
        slot = self.selected()
        if slot is None:
            return
        dialog = self.slot_dialog(slot)
        if dialog.exec() and dialog.saved is not None:
            self._select(dialog.saved.id)

    def remove_selected(self) -> None:
        slot = self.selected()
        if slot is None:
            return
        try:
            self._plan.remove(slot.id)
        except KnownError as exc:
            self._say(exc.message, error=True)
            return
        self._say(f"Removed {slot.title} at {slot.time:%H:%M}.")

    def _select(self, slot_id: int) -> None:
        row = self.model.row_of(slot_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def choose_calendar_file(self) -> Path | None:
        return choose_calendar_file(self)

    def export_calendar(self) -> Path | None:
        """Save the plan as an .ics file; the calendar app imports it as weekly events."""
        out = self.choose_calendar_file()
        if out is None:
            return None
        saved, message = save_calendar(self._db, out, self._plan.today())
        self._say(message, error=saved is None)
        return saved


def choose_calendar_file(parent: QWidget) -> Path | None:
    suggested = Path.home() / "practice-plan.ics"
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Add the plan to your calendar", str(suggested), "Calendar files (*.ics)"
    )
    return Path(name) if name else None


def save_calendar(db: Database, out: Path, today: dt.date) -> tuple[Path | None, str]:
    """(the file written, or None; a sentence saying what happened)."""
    from mindful_desktop.services.plan_export import export_plan_ics

    if out.suffix.lower() != ".ics":
        out = out.with_name(out.name + ".ics")
    try:
        written = export_plan_ics(db, out, today)
    except KnownError as exc:
        return None, exc.message
    if not written:
        return out, (
            f"Saved an empty calendar to {out}: nothing is planned yet. Add practice times first."
        )
    return out, (
        f"Saved {count(written, 'practice time')} to {out}. Open it with your calendar "
        "(or import it there) to see them as weekly events."
    )
