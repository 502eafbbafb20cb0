"""A practice plan: the times a person means to practise, each on chosen weekdays, with the
practice they chose. Pure values and rules; no I/O, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONDAY, SUNDAY = 0, 6
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS = frozenset(range(5))
EVERY_DAY = frozenset(range(7))
MAX_SLOTS = 50
MAX_SLOT_MINUTES = 180


@dataclass(frozen=True)
class PlannedSlot:
    """One planned practice time. `weekdays` are Python's (Monday 0 … Sunday 6); `time` is
    the person's local wall-clock time on each of those days."""

    id: int
    weekdays: frozenset[int]
    time: dt.time
    practice_id: str  # a bundled track's id, a recording's id, or "timer" (silent timer)
    title: str  # the practice's name as the person saw it when planning
    minutes: int

    def on(self, day: dt.date) -> bool:
        return day.weekday() in self.weekdays

    def days_text(self) -> str:
        return days_text(self.weekdays)


def days_text(weekdays: frozenset[int]) -> str:
    """'Every day', 'Weekdays', 'Weekends', or 'Mon, Wed, Fri'."""
    if weekdays == EVERY_DAY:
        return "Every day"
    if weekdays == WEEKDAYS:
        return "Weekdays"
    if weekdays == frozenset({5, 6}):
        return "Weekends"
    return ", ".join(WEEKDAY_SHORT[d] for d in sorted(weekdays))


def validate_slot(
    weekdays: frozenset[int] | set[int], time: dt.time, title: str, minutes: object
) -> tuple[frozenset[int], dt.time, str, int]:
    """The slot's values checked; ValueError with a sentence a person can act on."""
    days = frozenset(weekdays)
    if not days:
        raise ValueError("Choose at least one day for this practice time.")
    if not days <= EVERY_DAY:
        raise ValueError("Days must be Monday to Sunday.")
    if not isinstance(time, dt.time):
        raise ValueError("The time must be a time of day, such as 07:30.")
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValueError("Minutes must be a whole number.")
    if not 1 <= minutes <= MAX_SLOT_MINUTES:
        raise ValueError(f"Minutes must be from 1 to {MAX_SLOT_MINUTES}.")
    name = " ".join(str(title).split())
    if not name:
        raise ValueError("Choose a practice for this time.")
    return days, time.replace(second=0, microsecond=0, tzinfo=None), name[:200], minutes


def slots_on(plan: list[PlannedSlot], day: dt.date) -> list[PlannedSlot]:
    """The plan's slots for `day`, earliest first."""
    return sorted((s for s in plan if s.on(day)), key=lambda s: (s.time, s.id))


def weekdays_to_text(weekdays: frozenset[int]) -> str:
    """Stored form: '0,1,2,3,4'."""
    return ",".join(str(d) for d in sorted(weekdays))


def weekdays_from_text(text: str) -> frozenset[int]:
    """The stored form read back; anything that is not a weekday number is ignored."""
    days = set()
    for part in text.split(","):
        part = part.strip()
        if part.isdigit() and int(part) in EVERY_DAY:
            days.add(int(part))
    return frozenset(days)


def practised_slots(slots: list[PlannedSlot], practices: list[tuple[str, dt.time]]) -> set[int]:
    """Which of one day's slots count as practised, given the practices logged that day as
    (practice id, local start time). Each practice answers one slot: the nearest slot of the
    same practice if there is one, else the nearest slot still open. A plan is a help, not a
    test, so any practice that day counts for something."""
    open_slots = {s.id: s for s in slots}
    done: set[int] = set()

    def minutes(t: dt.time) -> int:
        return t.hour * 60 + t.minute

    leftovers: list[dt.time] = []
    for practice_id, started in sorted(practices, key=lambda p: p[1]):
        same = [s for s in open_slots.values() if s.practice_id == practice_id]
        if not same:
            leftovers.append(started)
            continue
        best = min(same, key=lambda s: (abs(minutes(s.time) - minutes(started)), s.id))
        done.add(best.id)
        del open_slots[best.id]
    for started in leftovers:
        if not open_slots:
            break
        best = min(
            open_slots.values(), key=lambda s: (abs(minutes(s.time) - minutes(started)), s.id)
        )
        done.add(best.id)
        del open_slots[best.id]
    return done
