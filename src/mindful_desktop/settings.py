"""Every user option declared once, typed; stored as JSON in the `setting` table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mindful_desktop.db.database import Database
from mindful_desktop.db.models import Setting


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
        Option(
            "theme",
            "system",
            label="Appearance",
            help="Light or dark colours. 'Follow the system' matches your desktop.",
            choices=(("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")),
        ),
    )
}


class SettingsStore:
    """Read and write options; unknown keys and wrongly typed values fall back to the default."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        with self._db.session() as session:
            row = session.get(Setting, key)
            raw = None if row is None else row.value
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
        option = OPTIONS[key]
        if type(value) is not type(option.default):
            raise TypeError(f"{key} takes {type(option.default).__name__}")
        if option.choices and value not in {c for c, _ in option.choices}:
            raise ValueError(f"{value!r} is not a choice for {key}")
        with self._db.session() as session:
            session.merge(Setting(key=key, value=json.dumps(value)))

    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in OPTIONS}
