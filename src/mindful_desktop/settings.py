"""Every user option declared once, typed; stored as JSON in the `setting` table.

`SettingsStore` is a QObject: `changed(key)` is emitted after a value is saved, and pages that
show an option subscribe to it. Values are read once (one query) and kept in memory.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from mindful_desktop.db.database import Database


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    label: str = ""
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    visible: bool = True  # shown on the Settings page


OPTIONS: dict[str, Option] = {
    opt.key: opt
    for opt in (
        Option("welcome_seen", False, visible=False),
        Option("checkin_draft", "", visible=False),
        Option("crisis_country", "", visible=False),  # chosen on the Settings page's own card
        # Lock the window after this many minutes without use (0: never); the Privacy card.
        Option("lock_after_minutes", 0, visible=False),
        # Where the window was left: Qt's saveGeometry() in base64, and the page's key.
        Option("window_geometry", "", visible=False),
        Option("last_page", "today", visible=False),
        Option(
            "staying_well_watch",
            True,
            label="Staying-well watch",
            help="A gentle note on Today when your check-ins or PHQ-9 suggest a harder "
            "stretch, pointing to your own action plan.",
        ),
        Option(
            "show_practice_stats",
            True,
            label="Show practice counts",
            help="Show 'days practised this week' on Today. Turn off if counting doesn't help.",
        ),
        Option("reminders_offered", False, visible=False),
        # Closing the window with reminders on and a tray: asked once, then remembered.
        Option("tray_close_asked", False, visible=False),
        Option("stay_in_tray", True, visible=False),
        # The day a questionnaire / monthly check-in reminder was last shown (reminder_days.py).
        Option("questionnaire_reminded", "", visible=False),
        Option("check_in_reminded", "", visible=False),  # asked once, on Today's plan card
        # PHQ-9 item 9 remembered (services/followup.py): when it was last answered above
        # "not at all", and when Today's follow-up note was last hidden (naive UTC instants).
        Option("item9_answered_at", "", visible=False),
        Option("item9_hidden_at", "", visible=False),
        Option(
            "after_course",
            False,
            label="Staying-well plan on Today",
            help="Today shows a monthly booster and your action plan instead of a week's home "
            "practice. It appears by itself once all eight weeks are complete; turn this on to "
            "have it sooner.",
        ),
        Option(
            "reminders",
            False,
            label="Gentle reminders",
            help="A quiet note at the practice times you planned, with Start, Later and Skip "
            "today. Nothing for a time you already practised; no sound, no streaks.",
        ),
        Option(
            "quiet_hours",
            "22-07",
            label="Quiet hours",
            help="No reminders in these hours.",
            choices=(
                ("22-07", "22:00 to 07:00"),
                ("21-08", "21:00 to 08:00"),
                ("23-06", "23:00 to 06:00"),
                ("off", "None"),
            ),
        ),
        Option(
            "theme",
            "system",
            label="Appearance",
            help="Light or dark colours. 'Follow the system' matches your desktop.",
            choices=(("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")),
        ),
    )
}


class SettingsStore(QObject):
    """Read and write options; unknown keys and wrongly typed values fall back to the default."""

    changed = Signal(str)  # the key whose value was saved

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._raw: dict[str, str] | None = None

    def _stored(self) -> dict[str, str]:
        if self._raw is None:
            rows = self._db.query("SELECT key, value FROM setting")
            self._raw = {str(key): str(value) for key, value in rows}
        return self._raw

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        raw = self._stored().get(key)
        if raw is None:
            return option.default
        try:
            value = json.loads(raw)
        except ValueError:
            return option.default
        if type(value) is not type(option.default):
            return option.default
        if option.choices and value not in {c for c, _ in option.choices}:
            return option.default
        return value

    def set(self, key: str, value: Any) -> None:
        """Save `value` (on disk when this returns) and announce it, unless it is unchanged."""
        option = OPTIONS[key]
        if type(value) is not type(option.default):
            raise TypeError(f"{key} takes {type(option.default).__name__}")
        if option.choices and value not in {c for c, _ in option.choices}:
            raise ValueError(f"{value!r} is not a choice for {key}")
        raw = json.dumps(value)
        if self._stored().get(key) == raw:
            return
        from mindful_desktop.db.models import Setting

        with self._db.session() as session:
            session.merge(Setting(key=key, value=raw))
        self._stored()[key] = raw
        self.changed.emit(key)

    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in OPTIONS}
