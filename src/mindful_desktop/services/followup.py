"""PHQ-9 item 9, remembered across restarts: Today's follow-up note until the person hides it.

Two instants decide it (`domain.followup.followup_due`): the latest item-9 answer above "not
at all" (the later of the moment it was given in the form, kept in the `item9_answered_at`
setting even if the questionnaire was then cancelled, and the newest saved PHQ-9 with such an
answer, so an imported journal counts too) and the moment the note was last hidden
(`item9_hidden_at`). Only those instants are stored, never the answer itself.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import to_datetime
from mindful_desktop.domain.followup import followup_due
from mindful_desktop.domain.instruments import PHQ9_ITEM9_INDEX
from mindful_desktop.settings import SettingsStore

ANSWERED_KEY = "item9_answered_at"
HIDDEN_KEY = "item9_hidden_at"


class Item9FollowUp(QObject):
    changed = Signal()  # the note may have come or gone

    def __init__(
        self,
        db: Database,
        settings: SettingsStore,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._clock = clock
        settings.changed.connect(self._on_setting)

    def _on_setting(self, key: str) -> None:
        if key in (ANSWERED_KEY, HIDDEN_KEY):
            self.changed.emit()

    def _stored(self, key: str) -> dt.datetime | None:
        raw = self._settings.get(key)
        try:
            return dt.datetime.fromisoformat(raw) if raw else None
        except ValueError:
            return None  # a damaged value: as if never set

    def _now(self) -> str:
        return to_utc_naive(self._clock()).isoformat(sep=" ")

    def remember(self) -> None:
        """Item 9 has just been answered above "not at all" (saved or not)."""
        self._settings.set(ANSWERED_KEY, self._now())

    def hide(self) -> None:
        """The person hid the note; the next such answer brings it back."""
        self._settings.set(HIDDEN_KEY, self._now())

    def answered(self) -> dt.datetime | None:
        """When item 9 was last answered above "not at all" (naive UTC), if ever."""
        row = self._db.query_one(
            "SELECT max(taken_at) FROM questionnaire_result "
            "WHERE instrument = 'phq9' AND json_extract(answers, ?) > 0",
            (f"$[{PHQ9_ITEM9_INDEX}]",),
        )
        saved = to_datetime(row[0]) if row is not None and row[0] is not None else None
        given = self._stored(ANSWERED_KEY)
        return max((m for m in (saved, given) if m is not None), default=None)

    def due(self) -> dt.date | None:
        """The local day of the answer Today's note is about, or None when there is no note."""
        answered = self.answered()
        if answered is None or not followup_due(answered, self._stored(HIDDEN_KEY)):
            return None
        return utc_naive_to_local(answered).date()

    def today(self) -> dt.date:
        return self._clock().date()
