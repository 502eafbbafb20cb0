"""Today's home-practice checklist for the current week, and the action plan one click away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.domain.booster import Booster
from mindful_desktop.domain.home_practice import whole_minutes
from mindful_desktop.domain.words import count, humane
from mindful_desktop.errors import KnownError
from mindful_desktop.services.course import ChecklistItem, CourseService
from mindful_desktop.settings import SettingsStore
from mindful_desktop.ui.widgets.common import Card, discard, static_label
from mindful_desktop.ui.widgets.flow_layout import FlowLayout


class CheckRow(QWidget):
    """A check box whose text wraps; clicking the text toggles it, as with a plain QCheckBox."""

    def __init__(self, text: str, checked: bool, enabled: bool) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.box = QCheckBox()
        self.box.setObjectName("RowCheck")  # a ring when focused: it has no text to ring
        self.box.setChecked(checked)
        self.box.setEnabled(enabled)
        self.box.setAccessibleName(text)
        self.text = static_label(text)
        self.text.setEnabled(True)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.box.isEnabled() and self.text.geometry().contains(event.position().toPoint()):
            self.box.toggle()
        super().mouseReleaseEvent(event)


class CountRow(QWidget):
    """An item done several times a day: 'Breathing space — 1 of 3' with − and +."""

    def __init__(self, entry: ChecklistItem, on_set: object) -> None:
        super().__init__()
        self.entry = entry
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = static_label(self._text())
        row.addWidget(self.text, 1)
        self.minus = QPushButton("−")
        self.plus = QPushButton("+ Done one")
        self.minus.setAccessibleName(f"One fewer: {entry.item.text}")
        self.plus.setAccessibleName(f"Done one more: {entry.item.text}")
        self.minus.setEnabled(entry.marked > 0)
        self.plus.setEnabled(not entry.complete)
        self.minus.clicked.connect(lambda: on_set(entry.item.id, entry.marked - 1))  # type: ignore[operator]
        self.plus.clicked.connect(lambda: on_set(entry.item.id, entry.marked + 1))  # type: ignore[operator]
        row.addWidget(self.minus)
        row.addWidget(self.plus)

    def _text(self) -> str:
        e = self.entry
        tick = "✓ " if e.complete else ""
        logged = f" ({e.logged} logged)" if e.logged else ""
        return f"{tick}{e.item.text} — {e.done} of {e.item.per_day}{logged}"


def logged_note(entry: ChecklistItem) -> str:
    """What logged practice has done for an item ticked once a day, after its text."""
    target = entry.item.minutes
    if target is None:
        return " (logged)" if entry.logged else ""
    minutes = whole_minutes(entry.minutes)
    if entry.logged:
        return f" ({count(minutes, 'minute')} logged)"
    return f" ({minutes} of {target} minutes logged today)"


class HomePracticeCard(Card):
    """During the course: the week's home practice. After it (all eight weeks complete, or
    the 'after_course' setting): the staying-well plan, with this month's booster."""

    openLessonRequested = Signal(str)
    openWorksheetRequested = Signal(str)
    openCourseRequested = Signal()
    practiceRequested = Signal(str)  # the booster's track id

    def __init__(
        self,
        course: CourseService,
        settings: SettingsStore,
        practice_titles: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        super().__init__("This week's home practice")
        self._course = course
        self._settings = settings
        self._titles = practice_titles
        # The week's line has the card's whole width, and the buttons a row of their own
        # below the list (wrapping when the card is narrow): beside the buttons, a sentence
        # was squeezed into a column of single words on a small window.
        self.week = static_label("", "Muted")
        self.body.addWidget(self.week)
        self.open_lesson = QPushButton("Open the lesson")
        self.open_lesson.clicked.connect(self._open_lesson)
        self.action_plan = QPushButton("My action plan")
        self.action_plan.setToolTip("What you decided to do when warning signs appear")
        self.action_plan.clicked.connect(lambda: self.openWorksheetRequested.emit("action-plan"))
        self.booster_practice = QPushButton("Start the booster")
        self.booster_lesson = QPushButton("Reread")
        self._booster: Booster | None = None
        self.booster_practice.clicked.connect(self._start_booster)
        self.booster_lesson.clicked.connect(self._reread)
        self.items = QVBoxLayout()
        self.items.setSpacing(8)
        self.body.addLayout(self.items)
        self.stats = static_label("", "Muted")
        self.body.addWidget(self.stats)
        buttons = FlowLayout()
        buttons.addWidget(self.booster_practice)
        buttons.addWidget(self.booster_lesson)
        buttons.addWidget(self.open_lesson)
        buttons.addWidget(self.action_plan)
        self.body.addLayout(buttons)
        self.error = static_label("", "Error")
        self.error.hide()
        self.body.addWidget(self.error)
        self.body.addStretch(1)  # a short list sits at the top, not spread down the card
        self.widgets: list[QWidget] = []
        course.changed.connect(self.refresh)
        settings.changed.connect(self._on_setting)
        self.refresh()

    def _on_setting(self, key: str) -> None:
        if key in ("show_practice_stats", "after_course"):
            self.refresh()

    def after_course(self) -> bool:
        return bool(self._settings.get("after_course")) or self._course.course_done()

    def _start_booster(self) -> None:
        if self._booster is not None:
            self.practiceRequested.emit(self._booster.practice_id)

    def _reread(self) -> None:
        if self._booster is not None:
            self.openLessonRequested.emit(self._booster.lesson.slug)

    def _open_lesson(self) -> None:
        if self.after_course():
            after = [lesson for lesson in self._course.course.lessons if lesson.week == 9]
            if after:
                self.openLessonRequested.emit(after[0].slug)
                return
        checklist = self._course.checklist()
        if checklist is None:
            self.openLessonRequested.emit(self._course.current_lesson().slug)
        else:
            self.openLessonRequested.emit(checklist.lesson.slug)

    def _set(self, item_id: str, times: int) -> None:
        try:
            self._course.set_marked(item_id, times)
        except KnownError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.refresh()

    def refresh(self) -> None:
        for old in self.widgets:
            self.items.removeWidget(old)
            discard(old)
        self.widgets = []
        maintenance = self.after_course()
        self.booster_practice.setVisible(maintenance)
        self.booster_lesson.setVisible(maintenance)
        if maintenance:
            self._show_staying_well()
            return
        self.title.setText("This week's home practice")
        checklist = self._course.checklist()
        if checklist is None:
            current = self._course.current_lesson()
            self.week.setText(
                f"Your course starts with “{current.title}”. Home practice begins in week 1."
            )
            self.open_lesson.setText("Start the course")
            self.stats.hide()
            return
        self.open_lesson.setText("Open the lesson")
        self.week.setText(f"{checklist.lesson.label} · {checklist.lesson.title}")
        for entry in checklist.items:
            widget: QWidget
            if entry.item.per_day == 1:
                # Logged practice ticks itself; a hand tick can be undone.
                check = CheckRow(
                    entry.item.text + logged_note(entry),
                    entry.complete,
                    entry.logged == 0,
                )
                check.box.toggled.connect(lambda on, i=entry.item.id: self._set(i, 1 if on else 0))
                widget = check
            else:
                widget = CountRow(entry, self._set)
            self.items.addWidget(widget)
            self.widgets.append(widget)
        show = bool(self._settings.get("show_practice_stats"))
        self.stats.setVisible(show)
        self.stats.setText(
            f"Days practised this week: {checklist.days_practised} of {checklist.days_goal}. "
            "Any practice counts; missed days are part of it."
        )

    def _show_staying_well(self) -> None:
        """The plan for the long run: practice times (their own card), a booster a month, the
        four-weekly questionnaires and the action plan."""
        self.title.setText("Staying well")
        self.week.setText(
            "The eight weeks are behind you. What keeps practice alive is small and regular: "
            "your practice times, a booster once a month, and your action plan for harder days."
        )
        self.stats.hide()
        self.open_lesson.setText("After the course")
        booster = self._booster = self._course.booster()
        if booster is None:
            self.booster_practice.hide()
            self.booster_lesson.hide()
            return
        titles = self._titles() if self._titles is not None else {}
        practice = titles.get(booster.practice_id) or humane(booster.practice_id)
        lesson = booster.lesson
        where = f"“{booster.section}” in {lesson.label}" if booster.section else lesson.label
        text = static_label(
            f"This month's booster ({booster.month:%B}): {practice}, and reread {where}: "
            f"{lesson.title}."
        )
        self.items.addWidget(text)
        self.widgets.append(text)
        self.booster_practice.setText(f"Start {practice}")
        self.booster_lesson.setText(f"Reread {lesson.label}")
