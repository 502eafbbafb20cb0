"""Quiet notes on Today: a questionnaire that is due, and the staying-well watch."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.domain.instruments import INSTRUMENTS
from mindful_desktop.domain.staying_well import NOTE_CRISIS, NOTE_LEAD, NOTE_SUGGESTION, NOTE_TITLE
from mindful_desktop.services.questionnaires import QuestionnaireService
from mindful_desktop.services.wellbeing import StayingWellService
from mindful_desktop.ui.widgets.common import static_label


class Note(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("Note")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 14, 20, 14)
        self.body.setSpacing(6)
        self.body.addWidget(static_label(title, "CardTitle"))
        self.buttons = QHBoxLayout()

    def finish(self) -> None:
        self.buttons.addStretch(1)
        self.body.addLayout(self.buttons)


class TodayNotes(QWidget):
    takeRequested = Signal(str)
    openWorksheetRequested = Signal(str)
    crisisRequested = Signal()

    def __init__(self, questionnaires: QuestionnaireService, wellbeing: StayingWellService) -> None:
        super().__init__()
        self._questionnaires = questionnaires
        self._wellbeing = wellbeing
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(10)
        self.notes: list[Note] = []
        self.watch_note: Note | None = None
        self.due_note: Note | None = None
        questionnaires.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        for old in self.notes:
            self.layout_.removeWidget(old)
            old.setParent(None)
        self.notes = []
        self.watch_note = self._watch()
        self.due_note = self._due()
        for shown in (self.watch_note, self.due_note):
            if shown is not None:
                self.layout_.addWidget(shown)
                self.notes.append(shown)
        self.setVisible(bool(self.notes))

    def _watch(self) -> Note | None:
        result = self._wellbeing.check()
        if result is None or not result.should_show:
            return None
        note = Note(NOTE_TITLE)
        note.body.addWidget(static_label(NOTE_LEAD))
        for sentence in result.sentences:
            note.body.addWidget(static_label(sentence, "Muted"))
        note.body.addWidget(static_label(NOTE_SUGGESTION))
        plan = QPushButton("Open my action plan")
        plan.clicked.connect(lambda: self.openWorksheetRequested.emit("action-plan"))
        note.buttons.addWidget(plan)
        safety = QPushButton("Open my safety plan")
        safety.clicked.connect(lambda: self.openWorksheetRequested.emit("safety-plan"))
        note.buttons.addWidget(safety)
        if result.show_crisis:
            note.body.addWidget(static_label(NOTE_CRISIS))
            crisis = QPushButton("Crisis support")
            crisis.clicked.connect(self.crisisRequested.emit)
            note.buttons.addWidget(crisis)
        note.finish()
        return note

    def _due(self) -> Note | None:
        due = [i for i in ("phq9", "gad7") if self._questionnaires.due(i)]
        if not due:
            return None
        names = " and ".join(INSTRUMENTS[i].name for i in due)
        first_time = all(self._questionnaires.last_taken(i) is None for i in due)
        note = Note(f"Your {names} {'are' if len(due) > 1 else 'is'} due")
        note.body.addWidget(
            static_label(
                "Taking them now gives you a starting point to look back on. About two minutes "
                "each."
                if first_time
                else "A couple of minutes every two weeks helps you see how things are going.",
                "Muted",
            )
        )
        for instrument_id in due:
            button = QPushButton(f"Take the {INSTRUMENTS[instrument_id].name}")
            button.clicked.connect(lambda _=False, i=instrument_id: self.takeRequested.emit(i))
            note.buttons.addWidget(button)
        note.finish()
        return note
