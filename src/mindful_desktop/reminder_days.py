"""The reminders that belong to a day rather than a planned time: a questionnaire when one is
due (every two weeks in the course, four after) and, after the course, a monthly check-in.
Each comes once (a questionnaire not yet taken, again a week later), at 10:00 local time or,
when that has passed, now; never in quiet hours (it waits for their end). The day each was
last shown is kept in settings, so a restart doesn't say it again."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from mindful_desktop.domain.schedule import (
    MONTHLY_CHECK_IN,
    QUESTIONNAIRE,
    QuietHours,
    Reminder,
    day_reminder,
    local_at,
    next_monthly_check_in,
)
from mindful_desktop.settings import SettingsStore

INSTRUMENT_IDS = ("phq9", "gad7")
QUESTIONNAIRE_AGAIN_DAYS = 7
SHOWN_KEYS = {QUESTIONNAIRE: "questionnaire_reminded", MONTHLY_CHECK_IN: "check_in_reminded"}


class DayReminders:
    def __init__(
        self,
        settings: SettingsStore,
        next_due: Callable[[str], dt.date] | None = None,
        course_done_on: Callable[[], dt.date | None] | None = None,
    ) -> None:
        self._settings = settings
        self._next_due = next_due
        self._course_done_on = course_done_on
        self._snoozed: dict[str, dt.datetime] = {}

    def _shown_on(self, kind: str) -> dt.date | None:
        raw = str(self._settings.get(SHOWN_KEYS[kind]) or "")
        try:
            return dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            return None

    def mark_shown(self, reminder: Reminder, now: dt.datetime) -> None:
        if reminder.kind in SHOWN_KEYS:
            self._snoozed.pop(reminder.kind, None)
            self._settings.set(SHOWN_KEYS[reminder.kind], now.date().isoformat())

    def snooze(self, reminder: Reminder, until: dt.datetime) -> None:
        """'Later': again at `until`, even today (it no longer counts as said today)."""
        self._snoozed[reminder.kind] = until
        if reminder.kind in SHOWN_KEYS:
            self._settings.set(SHOWN_KEYS[reminder.kind], "")

    def next(self, now: dt.datetime, zone: dt.tzinfo, quiet: QuietHours | None) -> list[Reminder]:
        today = now.astimezone(zone).date()
        found: list[Reminder] = []
        if self._next_due is not None:
            day = min(self._next_due(i) for i in INSTRUMENT_IDS)
            found.append(self._when(QUESTIONNAIRE, day, today, now, zone, quiet))
        if self._course_done_on is not None:
            done_on = self._course_done_on()
            day_or_none = next_monthly_check_in(self._shown_on(MONTHLY_CHECK_IN), done_on, today)
            if day_or_none is not None:
                found.append(self._when(MONTHLY_CHECK_IN, day_or_none, today, now, zone, quiet))
        return found

    def _when(
        self,
        kind: str,
        day: dt.date,
        today: dt.date,
        now: dt.datetime,
        zone: dt.tzinfo,
        quiet: QuietHours | None,
    ) -> Reminder:
        shown = self._shown_on(kind)
        again = shown + dt.timedelta(days=QUESTIONNAIRE_AGAIN_DAYS) if shown else None
        if kind == QUESTIONNAIRE and again is not None and day < again:
            # Said once: again a week later if still not taken, no sooner (an overdue one's
            # due day is always today, so the day it was said is what counts).
            day = again
        elif day <= today and shown == today:
            day = today + dt.timedelta(days=1)  # once a day at most
        reminder = day_reminder(kind, day, zone)
        due = max(reminder.due, now) if day <= today else reminder.due
        if kind in self._snoozed:
            due = max(due, self._snoozed[kind])
        if quiet is not None and quiet.contains(due.astimezone(zone).time()):
            end = local_at(due.astimezone(zone).date(), quiet.end, zone)
            due = (
                end if end >= due else local_at(end.date() + dt.timedelta(days=1), quiet.end, zone)
            )
        return dataclasses.replace(reminder, due=due, day=day)
