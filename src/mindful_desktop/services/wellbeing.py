"""The staying-well watch: reads recent check-ins and PHQ-9 results, asks the domain rule."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn, QuestionnaireResult
from mindful_desktop.domain.staying_well import BASELINE_DAYS, RECENT_DAYS, WatchResult, check
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
        with self._db.session() as session:
            moods = session.execute(
                select(CheckIn.local_date, func.avg(CheckIn.mood))
                .where(CheckIn.local_date >= mood_from, CheckIn.local_date <= today)
                .group_by(CheckIn.local_date)
            ).all()
            scores = session.execute(
                select(QuestionnaireResult.local_date, QuestionnaireResult.total)
                .where(
                    QuestionnaireResult.instrument == "phq9",
                    QuestionnaireResult.local_date >= phq_from,
                )
                .order_by(QuestionnaireResult.taken_at, QuestionnaireResult.id)
            ).all()
        return check([(d, int(t)) for d, t in scores], {d: float(m) for d, m in moods}, today)
