"""Gentle practice reminders, owned by the application: one precise timer re-armed for the
next planned time (domain/schedule.py decides which), never polling.

A QTimer counts on the monotonic clock, which stands still while the computer sleeps, so a
wait is never armed for more than `MAX_WAIT_MS`: after a sleep the reminder comes within
that much of waking, once ("You planned … for 07:30"), never as a burst of stale ones.
Off until the person turns the `reminders` setting on.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.domain.plan import PlannedSlot
from mindful_desktop.domain.schedule import (
    QuietHours,
    Reminder,
    next_event,
    next_practice_reminder,
)
from mindful_desktop.errors import KnownError
from mindful_desktop.reminder_days import DayReminders
from mindful_desktop.services.plan import PlanService
from mindful_desktop.settings import SettingsStore

MAX_WAIT_MS = 15 * 60 * 1000
SNOOZE_MINUTES = 10


def quiet_hours(value: str) -> QuietHours | None:
    """The `quiet_hours` setting ('22-07', or 'off') as hours."""
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    return QuietHours(dt.time(int(start) % 24), dt.time(int(end) % 24))


def local_zone(now: dt.datetime) -> dt.tzinfo:
    """The computer's zone with its daylight-saving rules when it can be told (so 07:30 stays
    07:30 across a clock change), else the fixed offset of `now`."""
    from mindful_desktop.services.plan_export import local_tzid

    name = local_tzid()
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            pass
    assert now.tzinfo is not None
    return now.tzinfo


class Reminders(QObject):
    due = Signal(object)  # the Reminder to show now
    dismissed = Signal()  # the reminder shown is answered (started, snoozed, skipped)

    def __init__(
        self,
        plan: PlanService,
        settings: SettingsStore,
        clock: Clock = system_clock,
        zone: dt.tzinfo | None = None,
        days: DayReminders | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._days = days
        self._plan = plan
        self._settings = settings
        self._clock = clock
        self._zone = zone
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # on the minute, not up to 5% late
        self._timer.timeout.connect(self.wake_now)
        self._snoozed: dict[int, dt.datetime] = {}
        self._skipped: set[tuple[int, dt.date]] = set()
        self._last_fired: dt.datetime | None = None
        self.current: Reminder | None = None  # shown and not yet answered
        self.next: Reminder | None = None  # what the timer waits for
        plan.changed.connect(self.rearm)
        settings.changed.connect(self._on_setting)

    def enabled(self) -> bool:
        return bool(self._settings.get("reminders"))

    def _on_setting(self, key: str) -> None:
        if key in ("reminders", "quiet_hours"):
            if key == "reminders" and self.enabled():
                self._last_fired = self._clock()  # no catch-up for times before turning on
            self.rearm()

    def start(self) -> None:
        """Arm for the first reminder (a time missed just before opening is said once)."""
        self.rearm()

    def stop(self) -> None:
        self._timer.stop()
        self.next = None

    def _compute(self, now: dt.datetime) -> Reminder | None:
        zone = self._zone or local_zone(now)
        done: dict[dt.date, set[int]] = {}

        def practised(slot: PlannedSlot, day: dt.date) -> bool:
            if (slot.id, day) in self._skipped:
                return True
            if day > now.astimezone(zone).date():
                return False  # nothing is practised ahead of its day
            if day not in done:
                done[day] = {d.slot.id for d in self._plan.day(day) if d.done}
            return slot.id in done[day]

        quiet = quiet_hours(str(self._settings.get("quiet_hours")))
        practice = next_practice_reminder(
            self._plan.slots(),
            now,
            practised=practised,
            snoozed_until=dict(self._snoozed),
            quiet=quiet,
            last_fired=self._last_fired,
            tz=zone,
        )
        others = self._days.next(now, zone, quiet) if self._days is not None else []
        return next_event(practice, *others)

    def rearm(self) -> None:
        """Work out the next reminder and wait for it (at most MAX_WAIT_MS at a time)."""
        self._timer.stop()
        self.next = None
        if not self.enabled():
            return
        now = self._clock()
        try:
            self.next = self._compute(now)
        except KnownError:
            self.next = None  # the journal can't be read now; the next change re-arms
        if self.next is None:
            return
        wait_ms = (self.next.due - now).total_seconds() * 1000
        self._timer.start(int(min(MAX_WAIT_MS, max(0.0, wait_ms))))

    def wake_now(self) -> None:
        """The timer's end: show the reminder if it is due (practice logged meanwhile
        answers it), then wait for the next."""
        now = self._clock()
        upcoming = self.next
        if upcoming is not None and upcoming.due <= now + dt.timedelta(seconds=1):
            fresh = self._compute(now)  # practice logged meanwhile answers it
            if fresh is not None and fresh.due <= now + dt.timedelta(seconds=1):
                if fresh.slot_id is not None:
                    self._last_fired = now
                    self._snoozed.pop(fresh.slot_id, None)
                elif self._days is not None:
                    self._days.mark_shown(fresh, now)
                self.current = fresh
                self.due.emit(fresh)
        self.rearm()

    # --- answers ----------------------------------------------------------------------------

    def snooze(self, minutes: int = SNOOZE_MINUTES) -> None:
        """'Later': the same reminder again in `minutes`."""
        shown = self.current
        until = self._clock() + dt.timedelta(minutes=minutes)
        if shown is not None and shown.slot_id is not None:
            self._snoozed[shown.slot_id] = until
        elif shown is not None and self._days is not None:
            self._days.snooze(shown, until)
        self._answered()

    def skip(self) -> None:
        """'Skip today': no more reminders for that planned time on its day."""
        shown = self.current
        if shown is not None and shown.slot_id is not None and shown.day is not None:
            self._skipped.add((shown.slot_id, shown.day))
        self._answered()

    def started(self) -> None:
        """'Start': the practice itself answers the time once it is logged."""
        shown = self.current
        if shown is not None and shown.slot_id is not None and shown.day is not None:
            self._skipped.add((shown.slot_id, shown.day))  # not again while it plays
        self._answered()

    def _answered(self) -> None:
        self.current = None
        self.dismissed.emit()
        self.rearm()
