"""Quiet notes on Today: after PHQ-9 item 9, how are you?; the staying-well watch; and a
questionnaire that is due."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.domain.followup import (
    FOLLOWUP_HIDE_HINT,
    FOLLOWUP_OFFER,
    FOLLOWUP_PRIVACY,
    FOLLOWUP_TITLE,
    followup_lead,
)
from mindful_desktop.domain.instruments import INSTRUMENTS
from mindful_desktop.domain.staying_well import (
    NOTE_CRISIS,
    NOTE_LEAD,
    NOTE_SUGGESTION,
    NOTE_TITLE,
    ReasonKind,
)
from mindful_desktop.errors import KnownError
from mindful_desktop.services.followup import Item9FollowUp
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

    def __init__(
        self,
        questionnaires: QuestionnaireService,
        wellbeing: StayingWellService,
        followup: Item9FollowUp | None = None,
    ) -> None:
        super().__init__()
        self._questionnaires = questionnaires
        self._wellbeing = wellbeing
        self._followup = followup
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(10)
        self.notes: list[Note] = []
        self.followup_note: Note | None = None
        self.watch_note: Note | None = None
        self.due_note: Note | None = None
        questionnaires.changed.connect(self.refresh)
        if followup is not None:
            followup.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        for old in self.notes:
            self.layout_.removeWidget(old)
            old.setParent(None)
        self.notes = []
        self.followup_note = self._item9()
        self.watch_note = self._watch()
        self.due_note = self._due()
        for shown in (self.followup_note, self.watch_note, self.due_note):
            if shown is not None:
                self.layout_.addWidget(shown)
                self.notes.append(shown)
        self.setVisible(bool(self.notes))

    def _button(self, note: Note, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        note.buttons.addWidget(button)
        return button

    def _open_safety_plan(self) -> None:
        self.openWorksheetRequested.emit("safety-plan")

    def _item9(self) -> Note | None:
        """After an item-9 answer above "not at all", until the person hides it."""
        if self._followup is None:
            return None
        answered_on = self._followup.due()
        if answered_on is None:
            return None
        note = Note(FOLLOWUP_TITLE)
        note.body.addWidget(static_label(followup_lead(answered_on, self._followup.today())))
        note.body.addWidget(static_label(FOLLOWUP_OFFER))
        note.body.addWidget(static_label(FOLLOWUP_PRIVACY, "Muted"))
        self.followup_status = static_label(FOLLOWUP_HIDE_HINT, "Muted")
        note.body.addWidget(self.followup_status)
        self._button(note, "Open my safety plan", self._open_safety_plan)
        self._button(note, "Crisis support", self.crisisRequested.emit)
        self.hide_button = self._button(note, "Hide this note", self._hide_followup)
        self.hide_button.setObjectName("Quiet")
        note.finish()
        return note

    def _hide_followup(self) -> None:
        if self._followup is None:
            return
        try:
            self._followup.hide()  # `changed` takes the note away
        except KnownError as exc:
            self.followup_status.setText(exc.message)

    def _watch(self) -> Note | None:
        result = self._wellbeing.check()
        if result is None or not result.should_show:
            return None
        reasons = result.reasons
        if self.followup_note is not None:
            # The note above already speaks about item 9: one note about it at a time.
            reasons = tuple(r for r in reasons if r.kind is not ReasonKind.PHQ9_ITEM9)
            if not reasons:
                return None
        note = Note(NOTE_TITLE)
        note.body.addWidget(static_label(NOTE_LEAD))
        for reason in reasons:
            note.body.addWidget(static_label(reason.sentence, "Muted"))
        note.body.addWidget(static_label(NOTE_SUGGESTION))
        self._button(
            note, "Open my action plan", lambda: self.openWorksheetRequested.emit("action-plan")
        )
        self._button(note, "Open my safety plan", self._open_safety_plan)
        if result.show_crisis:
            note.body.addWidget(static_label(NOTE_CRISIS))
            self._button(note, "Crisis support", self.crisisRequested.emit)
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
