"""The staying-well watch: reads recent check-ins and PHQ-9 results, asks the domain rule."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import day_param, to_date
from mindful_desktop.domain.instruments import PHQ9_ITEM9_INDEX
from mindful_desktop.domain.staying_well import BASELINE_DAYS, RECENT_DAYS, WatchResult, check

if TYPE_CHECKING:
    from mindful_desktop.settings import SettingsStore

PHQ9_LOOKBACK_DAYS = 400  # the rule looks back six months from the latest score


class StayingWellService:
    def __init__(self, db: Database, settings: SettingsStore, clock: Clock = system_clock):
        self._db = db
        self._settings = settings
        self._clock = clock

    def enabled(self) -> bool:
        return bool(self._settings.get("staying_well_watch"))

    def check(self) -> WatchResult | None:
        """None when the person switched the watch off."""
        if not self.enabled():
            return None
        today = self._clock().date()
        mood_from = today - dt.timedelta(days=RECENT_DAYS + BASELINE_DAYS + 1)
        phq_from = today - dt.timedelta(days=PHQ9_LOOKBACK_DAYS)
        moods = self._db.query(
            "SELECT local_date, avg(mood) FROM check_in WHERE local_date >= ? AND local_date <= ? "
            "GROUP BY local_date",
            (day_param(mood_from), day_param(today)),
        )
        scores = self._db.query(
            "SELECT local_date, total, answers FROM questionnaire_result "
            "WHERE instrument = 'phq9' AND local_date >= ? ORDER BY taken_at, id",
            (day_param(phq_from),),
        )
        return check(
            [(to_date(d), int(t), _item9(a)) for d, t, a in scores],
            {to_date(d): float(m) for d, m in moods},
            today,
        )


def _item9(answers: str) -> int:
    """Item 9's answer in a stored PHQ-9 (0 if the stored answers can't be read)."""
    try:
        value = json.loads(answers)[PHQ9_ITEM9_INDEX]
    except (ValueError, TypeError, IndexError):
        return 0
    return value if isinstance(value, int) and 0 <= value <= 3 else 0
