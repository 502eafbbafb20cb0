"""When the next gentle reminder is due: planned practice times (with snoozes, quiet hours and
one kind catch-up after the computer slept), the questionnaire's cadence and the monthly
check-in after the course. Pure values and rules; no I/O, no Qt, no database.

Times are local wall-clock times: a slot at 07:30 is at 07:30 on each day, whatever the
daylight-saving offset. A time that does not exist on a spring-forward day is reminded at the
first moment after the gap; a time that happens twice on a fall-back day is reminded once (the
first time, fold=0). All comparisons are made in UTC, since Python compares two datetimes that
share a tzinfo by wall clock alone."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

from mindful_desktop.domain.plan import PlannedSlot

PRACTICE, QUESTIONNAIRE, MONTHLY_CHECK_IN = "practice", "questionnaire", "monthly-check-in"
QUESTIONNAIRE_DAYS_DURING_COURSE = 14
QUESTIONNAIRE_DAYS_AFTER_COURSE = 28
LOOK_AHEAD_DAYS = 8
DEFAULT_GRACE = dt.timedelta(hours=2)
DEFAULT_SLACK = dt.timedelta(minutes=1)
QUESTIONNAIRE_TEXT = "A short questionnaire is ready, whenever it suits you."
CHECK_IN_TEXT = "Your monthly check-in is ready, whenever it suits you."

_UTC = dt.UTC

Practised = Callable[[PlannedSlot, dt.date], bool] | Container[tuple[int, dt.date]]


@dataclass(frozen=True)
class QuietHours:
    """No reminders from `start` up to (not including) `end`, local time; may wrap midnight
    (22:00–07:00). start == end means no quiet hours."""

    start: dt.time
    end: dt.time

    def contains(self, t: dt.time) -> bool:
        t, start, end = (x.replace(tzinfo=None) for x in (t, self.start, self.end))
        if start == end:
            return False
        if start < end:
            return start <= t < end
        return t >= start or t < end


@dataclass(frozen=True)
class Reminder:
    """One reminder to show at `due` (aware, local). `late` is the single catch-up for a
    planned time that passed while the computer slept ("You planned … for 07:30."). `day` is
    the local date the practice was planned for (what to mark practised or skipped); for a late
    or snoozed reminder it can differ from due's date."""

    slot_id: int | None
    kind: str  # PRACTICE | QUESTIONNAIRE | MONTHLY_CHECK_IN
    due: dt.datetime
    title: str
    text: str
    late: bool = False
    day: dt.date | None = None
    private: bool = False  # the window is locked: say only that it is time, nothing more


@dataclass(frozen=True)
class _Occurrence:
    at: dt.datetime  # UTC
    slot: PlannedSlot
    day: dt.date  # the local date the slot was planned for


def reminder_text(slot: PlannedSlot) -> str:
    """'Body scan, 15 minutes': what is planned, nothing more."""
    unit = "minute" if slot.minutes == 1 else "minutes"
    return f"{slot.title}, {slot.minutes} {unit}"


def late_text(slot: PlannedSlot) -> str:
    """'You planned Body scan for 07:30.'"""
    return f"You planned {slot.title} for {slot.time:%H:%M}."


def local_at(day: dt.date, t: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """Wall-clock `t` on `day` in `tz`, aware. A time skipped by a spring-forward change gives
    the first moment after the gap (01:30 in London on that day → 02:00 BST); a time that
    happens twice gives the first (fold=0)."""
    naive = dt.datetime.combine(day, t.replace(tzinfo=None))
    first = naive.replace(tzinfo=tz, fold=0)
    if first.astimezone(_UTC).astimezone(tz).replace(tzinfo=None) == naive:
        return first
    # In a gap: fold=1 reads it with the offset after the change (an instant before the
    # change), fold=0 with the offset before (an instant after it). Find the change itself.
    lo = naive.replace(tzinfo=tz, fold=1).astimezone(_UTC)
    hi = first.astimezone(_UTC)
    if lo >= hi:  # a tzinfo that ignores fold: accept its reading
        return hi.astimezone(tz)
    after = hi.astimezone(tz).utcoffset()
    while hi - lo > dt.timedelta(seconds=1):
        mid = lo + dt.timedelta(seconds=(hi - lo) // dt.timedelta(seconds=2))
        if mid.astimezone(tz).utcoffset() == after:
            hi = mid
        else:
            lo = mid
    return hi.astimezone(tz)


def _is_practised(practised: Practised, slot: PlannedSlot, day: dt.date) -> bool:
    if callable(practised):
        return bool(practised(slot, day))
    return (slot.id, day) in practised


def _days(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    for n in range((last - first).days + 1):
        yield first + dt.timedelta(days=n)


def _latest_at_or_before(slot: PlannedSlot, when: dt.datetime, tz: dt.tzinfo) -> _Occurrence:
    """The slot's occurrence a snooze postponed: its latest at or before `when`."""
    day = when.astimezone(tz).date()
    for back in range(8):
        d = day - dt.timedelta(days=back)
        if slot.on(d):
            at = local_at(d, slot.time, tz).astimezone(_UTC)
            if at <= when:
                return _Occurrence(at, slot, d)
    return _Occurrence(when, slot, day)


def next_practice_reminder(
    plan: Iterable[PlannedSlot],
    now: dt.datetime,
    *,
    practised: Practised = frozenset(),
    snoozed_until: dict[int, dt.datetime] | None = None,
    quiet: QuietHours | None = None,
    last_fired: dt.datetime | None = None,
    grace: dt.timedelta = DEFAULT_GRACE,
    slack: dt.timedelta = DEFAULT_SLACK,
    tz: dt.tzinfo | None = None,
) -> Reminder | None:
    """The next practice reminder, or None (empty plan, or nothing outside quiet hours).

    - Planned times at or after `now`, up to 8 days ahead, except those `practised` (done or
      skipped on that date) and those inside `quiet` hours; the earliest wins.
    - A snoozed slot (`snoozed_until[slot.id]`) is due at its snooze time instead of the
      occurrence it postponed.
    - A planned time less than `slack` before `now` (a timer that woke a little late) is
      still reminded on time, with its own `due`.
    - Planned times that passed after `last_fired` and within `grace` of `now` (the computer
      slept) give ONE late reminder, due now, for the most recent of them; older ones are
      dropped; none while `now` is in quiet hours. The caller sets `last_fired` to the moment
      it shows a reminder, and marks `Reminder.day` (the planned date) practised or skipped.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    slots = list(plan)
    if not slots:
        return None
    zone = tz if tz is not None else now.tzinfo
    assert zone is not None
    now_u = now.astimezone(_UTC)
    floor = now_u - grace
    if last_fired is not None:
        floor = max(floor, last_fired.astimezone(_UTC))
    today = now_u.astimezone(zone).date()
    first_day = min(floor.astimezone(zone).date(), today) - dt.timedelta(days=1)
    last_day = today + dt.timedelta(days=LOOK_AHEAD_DAYS)

    found: dict[tuple[int, dt.date], _Occurrence] = {}
    for day in _days(first_day, last_day):
        for slot in slots:
            if slot.on(day) and not (quiet and quiet.contains(slot.time)):
                found[slot.id, day] = _Occurrence(
                    local_at(day, slot.time, zone).astimezone(_UTC), slot, day
                )
    by_id = {s.id: s for s in slots}
    for slot_id, until in (snoozed_until or {}).items():
        snoozed = by_id.get(slot_id)
        if snoozed is None:
            continue
        until_u = until.astimezone(_UTC)
        postponed = _latest_at_or_before(snoozed, until_u, zone)
        key = (snoozed.id, postponed.day)  # the snooze takes the postponed occurrence's place
        if quiet and quiet.contains(until_u.astimezone(zone).time()):
            found.pop(key, None)
        else:
            found[key] = _Occurrence(until_u, snoozed, postponed.day)

    live = sorted(
        (o for o in found.values() if not _is_practised(practised, o.slot, o.day)),
        key=lambda o: (o.at, o.slot.time, o.slot.id),
    )
    on_time = [o for o in live if o.at >= now_u - slack and o.at > floor]
    # Due within the last `slack` (a timer that woke a little late): on time, not a catch-up.
    if on_time and on_time[0].at <= now_u:
        return _practice(on_time[0], on_time[0].at.astimezone(zone))
    missed = [o for o in live if floor < o.at < now_u - slack]
    in_quiet_now = quiet is not None and quiet.contains(now_u.astimezone(zone).time())
    if missed and not in_quiet_now:
        return _practice(missed[-1], now_u.astimezone(zone), late=True)
    upcoming = [o for o in on_time if o.at >= now_u]
    return _practice(upcoming[0], upcoming[0].at.astimezone(zone)) if upcoming else None


def _practice(o: _Occurrence, due: dt.datetime, *, late: bool = False) -> Reminder:
    text = late_text(o.slot) if late else reminder_text(o.slot)
    return Reminder(o.slot.id, PRACTICE, due, o.slot.title, text, late, o.day)


def next_questionnaire_due(
    last_taken: dt.date | None, course_done: bool, today: dt.date
) -> dt.date:
    """Every 14 days during the course, every 28 after; never taken, or overdue → today."""
    if last_taken is None:
        return today
    days = QUESTIONNAIRE_DAYS_AFTER_COURSE if course_done else QUESTIONNAIRE_DAYS_DURING_COURSE
    return max(last_taken + dt.timedelta(days=days), today)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, its day of the month clamped to the month's length:
    Jan 31 + 1 → Feb 28 (29 in a leap year)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def next_monthly_check_in(
    last_check_in_reminder: dt.date | None, course_done_on: dt.date | None, today: dt.date
) -> dt.date | None:
    """None during the course. After it, one a month on the day of the month the course ended
    (clamped to short months, without drifting: Jan 31 → Feb 28 → Mar 31); overdue → today."""
    if course_done_on is None:
        return None
    after = last_check_in_reminder or course_done_on
    months = 1
    while (due := add_months(course_done_on, months)) <= after:
        months += 1
    return max(due, today)


def day_reminder(kind: str, day: dt.date, tz: dt.tzinfo, at: dt.time = dt.time(10, 0)) -> Reminder:
    """The questionnaire's or the monthly check-in's reminder on `day` at local time `at`."""
    if kind == QUESTIONNAIRE:
        title, text = "Questionnaire", QUESTIONNAIRE_TEXT
    elif kind == MONTHLY_CHECK_IN:
        title, text = "Monthly check-in", CHECK_IN_TEXT
    else:
        raise ValueError(f"not a day reminder: {kind!r}")
    return Reminder(None, kind, local_at(day, at, tz), title, text)


def next_event(*reminders: Reminder | None) -> Reminder | None:
    """The earliest of the given reminders (by instant, not wall clock), for one timer."""
    present = [r for r in reminders if r is not None]
    return min(present, key=lambda r: r.due.astimezone(_UTC)) if present else None
