"""Navigation intents: any page asks for a lesson, a worksheet, a practice, a questionnaire,
a page, the practice plan or the crisis screen here, and the window (its one subscriber)
carries them out."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

CRISIS_SHORTCUT = "Ctrl+Shift+H"  # "help now": opens Crisis support from anywhere


class Navigator(QObject):
    pageRequested = Signal(str)  # a sidebar page's key
    lessonRequested = Signal(str)  # lesson slug
    worksheetRequested = Signal(str)  # worksheet id
    practiceRequested = Signal(str)  # track id: open Practice and play it
    questionnaireRequested = Signal(str)  # instrument id
    crisisRequested = Signal()
    planRequested = Signal()  # the practice plan, to change it

    @staticmethod
    def of(widget: QWidget) -> Navigator | None:
        """The navigator of the window `widget` belongs to (dialogs included), if any."""
        current: QWidget | None = widget
        while current is not None:
            nav = current.findChild(Navigator, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if nav is not None:
                return nav
            current = current.parentWidget()
        return None

    def show_page(self, key: str) -> None:
        self.pageRequested.emit(key)

    def open_lesson(self, slug: str) -> None:
        self.lessonRequested.emit(slug)

    def open_worksheet(self, worksheet_id: str) -> None:
        self.worksheetRequested.emit(worksheet_id)

    def start_practice(self, track_id: str) -> None:
        self.practiceRequested.emit(track_id)

    def take_questionnaire(self, instrument_id: str) -> None:
        self.questionnaireRequested.emit(instrument_id)

    def show_crisis(self) -> None:
        self.crisisRequested.emit()

    def open_plan(self) -> None:
        self.planRequested.emit()
