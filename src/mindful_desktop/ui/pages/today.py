"""Today: the daily mood check-in, today's check-ins, the day's planned practice times, the
week's home practice and the last seven days."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from mindful_desktop.errors import KnownError
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.course import CourseService
from mindful_desktop.settings import SettingsStore
from mindful_desktop.ui.models.checkins import CheckInListModel
from mindful_desktop.ui.widgets.checkin_extras import CheckInExtras
from mindful_desktop.ui.widgets.common import Card, Page, static_label
from mindful_desktop.ui.widgets.home_practice import HomePracticeCard
from mindful_desktop.ui.widgets.mood_picker import MoodPicker
from mindful_desktop.ui.widgets.plan_card import PlanCard
from mindful_desktop.ui.widgets.today_notes import TodayNotes
from mindful_desktop.ui.widgets.week_strip import WeekStrip


class TodayPage(Page):
    DRAFT_DELAY_MS = 800

    def __init__(
        self,
        checkins: CheckInService,
        settings: SettingsStore,
        course: CourseService | None = None,
        notes: TodayNotes | None = None,
        plan: PlanCard | None = None,
        practice_titles: Callable[[], dict[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Today", parent=parent)
        self._checkins = checkins
        self._settings = settings
        self.notes = notes
        if notes is not None:
            self.add(notes)

        card = Card("How is your mood right now?")
        card.body.addWidget(
            static_label("Pick the number that fits best. There is no right answer.", "Muted")
        )
        self.mood = MoodPicker()
        card.body.addWidget(self.mood)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Anything you'd like to remember about today? (optional)")
        self.note.setAccessibleName("Note for this check-in (optional)")
        self.note.setFixedHeight(64)
        self.note.setTabChangesFocus(True)
        card.body.addWidget(self.note)
        self.extras = CheckInExtras()
        card.body.addWidget(self.extras)
        actions = QHBoxLayout()
        self.save_button = QPushButton("Save check-in")
        self.save_button.setObjectName("Primary")
        self.save_button.setEnabled(False)
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.status = static_label("", "Status")
        actions.addWidget(self.save_button)
        actions.addSpacing(12)
        actions.addWidget(self.status, 1)
        card.body.addLayout(actions)
        self.add(card)

        # Earlier check-ins today sit inside the check-in card, compactly.
        self.model = CheckInListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.list.setAccessibleName("Today's check-ins")
        self.list.setMaximumHeight(110)
        self.empty = static_label("No check-in yet today. Whenever you're ready.", "Muted")
        self.today_stack = QStackedWidget()
        self.today_stack.addWidget(self.empty)
        self.today_stack.addWidget(self.list)
        self.earlier_title = static_label("Today's check-ins", "Muted")
        card.body.addWidget(self.earlier_title)
        card.body.addWidget(self.today_stack)
        self.plan = plan
        if plan is not None:
            self.add(plan)

        lower = QHBoxLayout()
        lower.setSpacing(18)
        self.home: HomePracticeCard | None = None
        if course is not None:
            self.home = HomePracticeCard(course, settings, practice_titles)
            lower.addWidget(self.home, 3)
        week_card = Card("Last 7 days")
        self.week = WeekStrip()
        week_card.body.addWidget(self.week)
        week_card.body.addWidget(static_label("Daily average of your check-ins.", "Muted"))
        week_card.body.addStretch(1)
        lower.addWidget(week_card, 2)
        holder = QWidget()
        holder.setLayout(lower)
        lower.setContentsMargins(0, 0, 0, 0)
        self.add(holder)

        self.mood.moodChanged.connect(self._on_mood_changed)
        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys), self, self.save, Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        checkins.changed.connect(self.refresh)
        settings.changed.connect(self._on_setting)
        # An unsaved note is kept as a draft, so a crash or a closed window loses no words.
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(self.DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self.note.setPlainText(settings.get("checkin_draft"))
        self.note.textChanged.connect(self._draft_timer.start)
        self.refresh()

    def _on_setting(self, key: str) -> None:
        if key == "staying_well_watch" and self.notes is not None:
            self.notes.refresh()

    def keep_draft(self) -> None:
        self._draft_timer.stop()
        text = self.note.toPlainText()
        if text == self._settings.get("checkin_draft"):
            return
        try:
            self._settings.set("checkin_draft", text)
        except KnownError as exc:
            self._set_status(exc.message, error=True)

    def _on_mood_changed(self, value: int | None) -> None:
        self.save_button.setEnabled(value is not None)
        if value is not None:
            self.status.setObjectName("Status")
            self.status.setText("")

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setObjectName("Error" if error else "Status")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    def save(self) -> None:
        mood = self.mood.value()
        if mood is None:
            self._set_status("Choose a number from 0 to 10 first.", error=True)
            return
        try:
            saved = self._checkins.add(
                mood,
                self.note.toPlainText(),
                self.extras.emotions(),
                self.extras.sleep_hours(),
            )
        except KnownError as exc:
            # The note stays in the box: nothing the user typed is lost.
            self._set_status(exc.message, error=True)
            return
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self.keep_draft()
        self.mood.set_value(None)
        self.extras.clear()
        self._set_status(f"Saved at {saved.when:%H:%M}. Thank you for checking in.")

    def refresh(self) -> None:
        today = self._checkins.today()
        self.set_subtitle(f"{today:%A} {today.day} {today:%B}")
        rows = self._checkins.for_day(today)
        self.model.set_rows(rows)
        self.today_stack.setCurrentWidget(self.list if rows else self.empty)
        self.earlier_title.setVisible(bool(rows))
        self.today_stack.setFixedHeight(
            min(110, self.list.sizeHintForRow(0) * len(rows) + 8) if rows else 24
        )
        self.week.set_days(self._checkins.recent_days(7))
        if self.notes is not None:
            self.notes.refresh()
