"""Medication and appointment notes in words: what a change is called, how one reads, what the
charts mark. Nothing here suggests, checks or scores a medication or a dose: the words are the
person's own, kept as typed (cleaned of half characters), and only their length is limited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from mindful_desktop.domain.text import clean_text

STARTED = "started"
CHANGED = "changed"
TAPERING = "tapering"
STOPPED = "stopped"
NOTICED = "noticed"  # an effect or side effect noticed: a note, not a change
CHANGE_KINDS = (STARTED, CHANGED, TAPERING, STOPPED)
EVENT_KINDS = (*CHANGE_KINDS, NOTICED)
KIND_WORDS = {
    STARTED: "Started",
    CHANGED: "Changed",
    TAPERING: "Tapering",
    STOPPED: "Stopped",
    NOTICED: "Noticed",
}
# Said once, plainly, where medication is written down.
PRESCRIBER_NOTE = "Talk with your prescriber before changing medication."
NO_CAUSE_MARKS = (
    "The marks show when things happened, not what caused what: mood and scores move for many "
    "reasons at once."
)

MAX_LINE_CHARS = 200  # a name, a dose, a schedule, who agreed it, who the appointment is with
MAX_NOTE_CHARS = 4000
MAX_QUESTION_CHARS = 1000
EARLIEST = dt.date(1900, 1, 1)
AHEAD_DAYS = 366  # a change agreed for later, an appointment booked ahead

MEDICATION = "medication"  # what a chart mark is about
APPOINTMENT = "appointment"


def clean_line(text: str, what: str, *, required: bool = False) -> str:
    """One line of the person's words (a name, a dose): blank edges and line breaks go, the
    rest is kept as typed. Raises ValueError with a sentence."""
    line = clean_text(" ".join(str(text).split()))
    if required and not line:
        raise ValueError(f"Write {what} first; any words you use for it are fine.")
    if len(line) > MAX_LINE_CHARS:
        raise ValueError(
            f"That is {len(line):,} characters for {what}; it holds {MAX_LINE_CHARS}. "
            "The note is the place for more."
        )
    return line


def clean_note(text: str, *, limit: int = MAX_NOTE_CHARS, what: str = "a note") -> str:
    """A note kept exactly as typed but for its blank edges. Raises ValueError when too long."""
    note = clean_text(str(text).strip())
    if len(note) > limit:
        raise ValueError(
            f"That is {len(note):,} characters for {what}; it holds {limit:,}. The journal "
            "is the place for longer writing."
        )
    return note


def check_kind(kind: str) -> str:
    if kind not in EVENT_KINDS:
        raise ValueError(f"A change is one of: {', '.join(CHANGE_KINDS)}.")
    return kind


def check_day(day: object, today: dt.date, *, ahead: bool, what: str = "The date") -> dt.date:
    """A local day for a note: not before 1900, not in the future unless `ahead` (a change
    agreed for later, an appointment), and then not more than a year ahead."""
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise ValueError(f"{what} isn't a date.")
    latest = today + dt.timedelta(days=AHEAD_DAYS if ahead else 0)
    if day < EARLIEST:
        raise ValueError(f"{what} is before 1900. Check the year.")
    if day > latest:
        if not ahead:
            raise ValueError(f"{what} is after today. Choose today or a day before.")
        raise ValueError(f"{what} is more than a year ahead. Check the year.")
    return day


def short_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def describe_change(kind: str, name: str, dose: str = "", agreed_with: str = "") -> str:
    """One change in plain words: "Sertraline: tapering to 25 mg, agreed with Dr Lee"."""
    name = name or "A medication"
    if kind == STARTED:
        text = f"Started {name}" + (f" at {dose}" if dose else "")
    elif kind == STOPPED:
        text = f"Stopped {name}"
    elif kind == NOTICED:
        text = f"Noticed with {name}"
    else:
        text = f"{name}: {KIND_WORDS.get(kind, kind).lower()}" + (f" to {dose}" if dose else "")
    return text + (f", agreed with {agreed_with}" if agreed_with else "")


def describe_appointment(with_whom: str) -> str:
    return f"Appointment with {with_whom}" if with_whom else "Appointment"


@dataclass(frozen=True)
class ChartMark:
    """A day the charts mark: a medication change or an appointment, with its words."""

    day: dt.date
    about: str  # MEDICATION | APPOINTMENT (on a day with both: MEDICATION)
    label: str  # short, drawn beside the mark: "Tapering", "Appointment"
    text: str  # the whole of it, shown on hover or focus


def change_mark(
    day: dt.date, kind: str, name: str, dose: str, agreed_with: str, note: str
) -> ChartMark:
    text = f"{short_day(day)}: {describe_change(kind, name, dose, agreed_with)}."
    return ChartMark(
        day, MEDICATION, KIND_WORDS.get(kind, kind), text + (f"\n{note}" if note else "")
    )


def appointment_mark(day: dt.date, with_whom: str, note: str) -> ChartMark:
    text = f"{short_day(day)}: {describe_appointment(with_whom)}."
    return ChartMark(day, APPOINTMENT, "Appointment", text + (f"\n{note}" if note else ""))


def one_mark_a_day(marks: Iterable[ChartMark]) -> tuple[ChartMark, ...]:
    """Marks on the same day as one mark (its labels and texts joined), oldest day first, so
    two things on one day never draw over each other."""
    by_day: dict[dt.date, list[ChartMark]] = {}
    for mark in marks:
        by_day.setdefault(mark.day, []).append(mark)
    out = []
    for day in sorted(by_day):
        same = by_day[day]
        if len(same) == 1:
            out.append(same[0])
            continue
        labels = list(dict.fromkeys(m.label for m in same))
        about = MEDICATION if any(m.about == MEDICATION for m in same) else APPOINTMENT
        out.append(ChartMark(day, about, " · ".join(labels), "\n".join(m.text for m in same)))
    return tuple(out)
