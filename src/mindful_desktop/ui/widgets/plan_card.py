"""Today's planned practice times: each with Start, or a quiet tick once practice answered it,
and the way to change the plan."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.errors import KnownError
from mindful_desktop.services.plan import DaySlot, PlanService
from mindful_desktop.settings import SettingsStore
from mindful_desktop.ui.widgets.common import Card, discard, static_label


class PlanCard(Card):
    startRequested = Signal(str)  # the practice id ('timer': the silent timer)
    planRequested = Signal()  # open the plan to change it

    def __init__(self, plan: PlanService, settings: SettingsStore) -> None:
        super().__init__("Your practice times today")
        self._plan = plan
        self._settings = settings
        self.summary = static_label("", "Muted")
        self.body.addWidget(self.summary)
        # Asked once, when there is a plan to be reminded of: reminders are off until chosen.
        self.offer = QWidget()
        offer_layout = QHBoxLayout(self.offer)
        offer_layout.setContentsMargins(0, 0, 0, 0)
        offer_layout.addWidget(
            static_label(
                "Would a gentle reminder at these times help? It is quiet, and you can turn "
                "it off in Settings.",
            ),
            1,
        )
        self.offer_yes = QPushButton("Remind me")
        self.offer_no = QPushButton("No, thank you")
        offer_layout.addWidget(self.offer_yes)
        offer_layout.addWidget(self.offer_no)
        self.offer_yes.clicked.connect(lambda: self._answer_offer(True))
        self.offer_no.clicked.connect(lambda: self._answer_offer(False))
        self.offer.hide()
        self.rows_holder = QWidget()
        self.rows = QVBoxLayout(self.rows_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(6)
        self.body.addWidget(self.rows_holder)
        buttons = QHBoxLayout()
        self.plan_button = QPushButton("Plan practice times…")
        self.plan_button.clicked.connect(self.planRequested)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addWidget(self.offer)
        self.error = static_label("", "Error")
        self.error.hide()
        self.body.addWidget(self.error)
        self.widgets: list[QWidget] = []
        plan.changed.connect(self.refresh)
        settings.changed.connect(self._on_setting)
        self.refresh()

    def _on_setting(self, key: str) -> None:
        if key in ("reminders", "reminders_offered"):
            self.refresh()

    def _answer_offer(self, yes: bool) -> None:
        try:
            if yes:
                self._settings.set("reminders", True)
            self._settings.set("reminders_offered", True)
        except KnownError as exc:
            self.error.setText(exc.message)
            self.error.show()

    def refresh(self) -> None:
        for widget in self.widgets:
            discard(widget)
        self.widgets = []
        try:
            day = self._plan.day()
            planned_at_all = bool(day) or bool(self._plan.slots())
        except KnownError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.error.hide()
        if not planned_at_all:
            self.summary.setText(
                "Choosing when you mean to practise makes it easier to find the time. "
                "Your times for the day appear here."
            )
            self.plan_button.setText("Plan practice times…")
        elif not day:
            self.summary.setText("Nothing planned for today. A rest day is part of a plan too.")
            self.plan_button.setText("Change the plan…")
        else:
            done = sum(1 for d in day if d.done)
            self.summary.setText(
                "Practice you log today ticks these off; any practice counts."
                if not done
                else f"{done} of {len(day)} done today."
            )
            self.plan_button.setText("Change the plan…")
        for entry in day:
            self._add_row(entry)
        self.offer.setVisible(
            planned_at_all
            and not self._settings.get("reminders")
            and not self._settings.get("reminders_offered")
        )

    def _add_row(self, entry: DaySlot) -> None:
        slot = entry.slot
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        tick = "✓ " if entry.done else ""
        text = static_label(f"{tick}{slot.time:%H:%M}  {slot.title} · {slot.minutes} min")
        text.setAccessibleName(
            f"{slot.time:%H:%M}, {slot.title}, {slot.minutes} minutes"
            + (", done" if entry.done else "")
        )
        layout.addWidget(text, 1)
        if not entry.done:
            start = QPushButton("Start")
            start.setAccessibleName(f"Start {slot.title}")
            start.clicked.connect(lambda _c=False, p=slot.practice_id: self.startRequested.emit(p))
            layout.addWidget(start)
        self.rows.addWidget(row)
        self.widgets.append(row)
