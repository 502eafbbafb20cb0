"""Medication and appointments: what I take and how it changed, what I noticed, the next
appointment and the questions for it. Notes for the person and their appointments, in their
own words; the app suggests, checks and scores nothing here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from mindful_desktop.services.appointments import AppointmentService
from mindful_desktop.services.medication import MedicationService
from mindful_desktop.ui.widgets.appointment_cards import AppointmentsCard, QuestionsCard
from mindful_desktop.ui.widgets.common import Page
from mindful_desktop.ui.widgets.list_card import ListCard
from mindful_desktop.ui.widgets.medication_cards import ChangesCard, MedicationCard
from mindful_desktop.ui.widgets.undo_bar import UndoBar

TITLE = "Medication and appointments"
SUBTITLE = (
    "Notes for you and your appointments: what you take and what changed, what you noticed, "
    "and what you'd like to ask. They are kept as you write them, in your journal, and the "
    "changes show on the Insights charts."
)


class CarePage(Page):
    def __init__(
        self,
        medication: MedicationService,
        appointments: AppointmentService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(TITLE, SUBTITLE, parent)
        # One Undo on offer at a time, shown in the card where the delete happened.
        self.undo_bar = UndoBar()
        self.medication = MedicationCard(medication, self.offer_undo)
        self.changes = ChangesCard(medication, self.offer_undo)
        self.appointments = AppointmentsCard(appointments, self.offer_undo)
        self.questions = QuestionsCard(appointments, self.offer_undo)
        for card in self.cards():
            self.add(card)

    def cards(self) -> tuple[ListCard, ...]:
        return (self.medication, self.changes, self.appointments, self.questions)

    def offer_undo(self, card: ListCard, message: str, undo: Callable[[], object]) -> None:
        card.body.addWidget(self.undo_bar)  # moves it out of the card it was in
        self.undo_bar.offer(message, undo)
