"""The medication cards: what I take (with the one plain sentence about changing it), and what
changed and what I noticed. Both follow `MedicationService.changed`; deletes offer Undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from mindful_desktop.domain.medication import KIND_WORDS, PRESCRIBER_NOTE, STARTED, short_day
from mindful_desktop.errors import KnownError
from mindful_desktop.services.medication import EventView, MedicationService, MedicationView
from mindful_desktop.services.undo import Deleted
from mindful_desktop.ui.dialogs.medication import ChangeDialog, EffectDialog, MedicationDialog
from mindful_desktop.ui.models.rows import Row
from mindful_desktop.ui.widgets.common import static_label
from mindful_desktop.ui.widgets.list_card import ListCard

# The page's one Undo bar: (the card it shows in, its words, what Undo does).
OfferUndo = Callable[[ListCard, str, Callable[[], object]], None]


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def medication_row(m: MedicationView) -> Row:
    title = m.name + (f" — {m.dose}" if m.dose else "") + (f" · {m.schedule}" if m.schedule else "")
    last = m.last_change
    if m.stopped_on is not None:
        when = f"Stopped on {short_day(m.stopped_on)}"
    elif last is None:
        when = f"Starts on {short_day(m.started_on)}" if m.started_on else "Not started yet"
    else:
        when = f"Since {short_day(m.started_on)}" if m.started_on else "Taking"
        if last.kind != STARTED:
            when += f" · {KIND_WORDS[last.kind].lower()} since {short_day(last.day)}"
    return Row(when, m.id, detail=title, bold=m.taking)


def event_row(e: EventView) -> Row:
    noticed = not e.is_change
    what = "Effect noticed" if noticed else KIND_WORDS.get(e.kind, e.kind)
    about = e.name or "no medication in particular"
    note = _first_line(e.note)
    if noticed:
        detail = note
    else:
        detail = e.words() + (f" — {note}" if note else "")
    tooltip = e.note if e.note.strip() != note else ""
    return Row(f"{short_day(e.day)} · {about} · {what}", e.id, tooltip=tooltip, detail=detail)


class MedicationCard(ListCard):
    def __init__(self, medication: MedicationService, offer_undo: OfferUndo) -> None:
        super().__init__(
            "My medication",
            "",
            "Your medication",
            "No medication noted. If you take any, add it here to keep its changes beside "
            "your mood, in your own words.",
        )
        self._service = medication
        self._offer_undo = offer_undo
        self.prescriber = static_label(PRESCRIBER_NOTE)
        self.body.insertWidget(1, self.prescriber)
        self.add_button = self.button("Add a medication…", self.add)
        self.change_button = self.button("Record a change…", self.record_change)
        self.edit_button = self.button("Edit…", self.edit, chosen=True)
        self.delete_button = self.button("Delete", self.delete, chosen=True)
        self.list.activate = self.edit
        medication.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            medications = self._service.medications()
        except KnownError as exc:
            self.say(exc.message, error=True)
            return
        self.set_rows([medication_row(m) for m in medications])
        self.change_button.setEnabled(bool(medications))

    def _chosen(self) -> MedicationView | None:
        chosen = self.chosen()
        return None if chosen is None else self._service.medication(int(chosen))

    def _open(self, dialog: QDialog) -> QDialog:
        def saved() -> None:
            view = getattr(dialog, "saved", None)
            if isinstance(view, MedicationView):
                self.choose(view.id)

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def add(self) -> QDialog:
        self.say("")
        return self._open(MedicationDialog(self._service, None, self))

    def edit(self) -> QDialog | None:
        chosen = self._chosen()
        return None if chosen is None else self._open(MedicationDialog(self._service, chosen, self))

    def record_change(self) -> QDialog:
        chosen = self.chosen()
        return self._open(ChangeDialog(self._service, chosen, None, self))

    def delete(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            deleted = self._service.delete(chosen.id)
        except KnownError as exc:
            self.say(exc.message, error=True)
            return
        if deleted is not None:
            self._offer(deleted)

    def _offer(self, deleted: Deleted) -> None:
        notes = len(deleted.children)
        what = f"{deleted.label} deleted, with its {notes} " + ("note" if notes == 1 else "notes")
        self._offer_undo(self, f"{what}.", lambda: self._service.restore(deleted))


class ChangesCard(ListCard):
    def __init__(self, medication: MedicationService, offer_undo: OfferUndo) -> None:
        super().__init__(
            "What changed, and what I noticed",
            "Each start, change and stop as you noted it, and the effects or side effects you "
            "noticed, newest first. They appear in your journal and on the Insights charts.",
            "Medication changes and effects you noticed",
            "Nothing noted yet.",
        )
        self._service = medication
        self._offer_undo = offer_undo
        self.effect_button = self.button("Note an effect…", self.note_effect)
        self.edit_button = self.button("Edit…", self.edit, chosen=True)
        self.delete_button = self.button("Delete", self.delete, chosen=True)
        self.list.activate = self.edit
        medication.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.set_rows([event_row(e) for e in self._service.events()])
        except KnownError as exc:
            self.say(exc.message, error=True)

    def _open(self, dialog: QDialog) -> QDialog:
        def saved() -> None:
            view = getattr(dialog, "saved", None)
            if isinstance(view, EventView):
                self.choose(view.id)

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def note_effect(self, chosen_medication: int | None = None) -> QDialog:
        return self._open(EffectDialog(self._service, chosen_medication, None, self))

    def edit(self) -> QDialog | None:
        chosen = self.chosen()
        event = None if chosen is None else self._service.get_event(int(chosen))
        if event is None:
            return None
        if event.is_change:
            return self._open(ChangeDialog(self._service, None, event, self))
        return self._open(EffectDialog(self._service, None, event, self))

    def delete(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        try:
            deleted = self._service.delete_event(int(chosen))
        except KnownError as exc:
            self.say(exc.message, error=True)
            return
        if deleted is not None:
            self._offer_undo(
                self, f"{deleted.label} deleted.", lambda: self._service.restore_event(deleted)
            )
