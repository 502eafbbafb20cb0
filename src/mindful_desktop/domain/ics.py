"""The practice plan as an iCalendar (RFC 5545) document: one weekly event per planned slot,
for a person to add to the calendar they already use. Pure: it returns a string.

Only the plan goes out: each slot's practice title, length, days and time, under a UID
made from the slot's id. No notes, moods, names or file paths.

With a time zone name the times are written with TZID and the file carries a VTIMEZONE
built from the zone's transitions (zoneinfo), so it is self-contained; without one the
times are floating (the same wall-clock time wherever the calendar is)."""

from __future__ import annotations

import calendar
import datetime as dt
import zoneinfo
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mindful_desktop.domain.plan import PlannedSlot

PRODID = "-//Mindful Desktop//Practice plan//EN"
CALENDAR_NAME = "Practice plan"
DESCRIPTION = "A practice time from Mindful Desktop."
UID_DOMAIN = "mindful-desktop.invalid"
MAX_LINE_OCTETS = 75
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Years after the first event over which the zone's yearly rule is checked (and, if it has
# none, over which its transitions are listed one by one).
ZONE_YEARS = 10

_UTC = dt.UTC
_DAY = dt.timedelta(days=1)


def plan_to_ics(
    plan: Sequence[PlannedSlot], *, starts: dt.date, stamp: dt.datetime, tzid: str | None
) -> str:
    """The plan as an iCalendar document (CRLF lines, folded at 75 octets).

    Each slot's first event is on the first of its weekdays on or after `starts`, repeating
    weekly on those weekdays. `stamp` is the DTSTAMP (an aware time, written in UTC).
    `tzid` is an IANA zone name ("Europe/London") or None for floating local times.
    ValueError for a naive stamp, an unknown zone, or a slot that cannot be written."""
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError("The export time must carry its time zone (UTC).")
    zone = _zone(tzid) if tzid is not None else None
    uids: set[str] = set()
    events: list[list[str]] = []
    first_local: list[dt.datetime] = []
    for slot in plan:
        uid = slot_uid(slot)
        if uid in uids:
            raise ValueError(f"Two practice times share the id {slot.id}.")
        uids.add(uid)
        start = first_start(slot, starts)
        first_local.append(start)
        events.append(_event(slot, uid, start, stamp, tzid))

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(CALENDAR_NAME)}",
    ]
    if zone is not None and tzid is not None and first_local:
        lines += vtimezone_lines(zone, tzid, min(first_local).year)
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def slot_uid(slot: PlannedSlot) -> str:
    """Stable for the slot across exports: it depends on the slot's id alone."""
    return f"slot-{slot.id}@{UID_DOMAIN}"


def summary(slot: PlannedSlot) -> str:
    return f"{slot.title} ({slot.minutes} min)"


def first_start(slot: PlannedSlot, starts: dt.date) -> dt.datetime:
    """The slot's first time on or after `starts` (naive, local wall-clock)."""
    if not slot.weekdays or not slot.weekdays <= frozenset(range(7)):
        raise ValueError("A practice time needs days from Monday to Sunday.")
    ahead = min((d - starts.weekday()) % 7 for d in slot.weekdays)
    day = starts + dt.timedelta(days=ahead)
    return dt.datetime.combine(day, slot.time.replace(tzinfo=None, microsecond=0))


def escape_text(text: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and newline escaped; other
    control characters (not allowed in TEXT) dropped, tabs kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\t\n" or not (ord(c) < 0x20 or ord(c) == 0x7F))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """The content line folded: physical lines of at most 75 octets of UTF-8 (a continuation
    line's leading space counted), never splitting a character. Joined with CRLF."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _event(
    slot: PlannedSlot, uid: str, start: dt.datetime, stamp: dt.datetime, tzid: str | None
) -> list[str]:
    if isinstance(slot.minutes, bool) or not isinstance(slot.minutes, int) or slot.minutes < 1:
        raise ValueError("A practice time's length must be a whole number of minutes.")
    days = ",".join(BYDAY[d] for d in sorted(slot.weekdays))
    dtstart = f"DTSTART;TZID={tzid}:" if tzid is not None else "DTSTART:"
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc_text(stamp)}",
        f"{dtstart}{_local_text(start)}",
        f"DURATION:PT{slot.minutes}M",
        f"RRULE:FREQ=WEEKLY;BYDAY={days}",
        f"SUMMARY:{escape_text(summary(slot))}",
        f"DESCRIPTION:{escape_text(DESCRIPTION)}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def _zone(tzid: str) -> zoneinfo.ZoneInfo:
    if not tzid or any(c in tzid for c in ':;,"') or any(ord(c) < 0x20 for c in tzid):
        raise ValueError(f"{tzid!r} is not a time zone name.")
    try:
        return zoneinfo.ZoneInfo(tzid)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{tzid!r} is not a known time zone.") from exc


def _local_text(when: dt.datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S")


def _utc_text(when: dt.datetime) -> str:
    return when.astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")


# --- VTIMEZONE -------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    """A change of UTC offset: at `at` (UTC) from `before` to `after`."""

    at: dt.datetime
    before: dt.timedelta
    after: dt.timedelta
    name: str

    @property
    def local(self) -> dt.datetime:
        """The onset as the wall-clock time before it (VTIMEZONE's DTSTART), naive."""
        return (self.at + self.before).replace(tzinfo=None)


def transitions(zone: dt.tzinfo, begin: dt.datetime, end: dt.datetime) -> list[Transition]:
    """The zone's offset changes in [begin, end) (aware UTC), found day by day and then to
    the second."""
    found: list[Transition] = []
    t = begin
    offset = _offset(zone, t)
    while t < end:
        nxt = min(t + _DAY, end)
        after = _offset(zone, nxt)
        if after != offset:
            lo, hi = t, nxt  # offset(lo) == offset, offset(hi) != offset
            while hi - lo > dt.timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if mid <= lo:
                    break
                if _offset(zone, mid) == offset:
                    lo = mid
                else:
                    hi = mid
            new = _offset(zone, hi)
            found.append(Transition(hi, offset, new, hi.astimezone(zone).tzname() or ""))
            offset = new
            t = hi
            continue
        t = nxt
    return found


def _offset(zone: dt.tzinfo, when: dt.datetime) -> dt.timedelta:
    return when.astimezone(zone).utcoffset() or dt.timedelta(0)


def vtimezone_lines(zone: dt.tzinfo, tzid: str, first_year: int) -> list[str]:
    """A VTIMEZONE for `zone` valid from the start of `first_year - 1`.

    If every kind of transition in the checked years (first_year - 1 to first_year +
    ZONE_YEARS) recurs once a year on a rule RRULE can say (the nth or last weekday of a
    month, or a weekday on or after a day of the month) at the same wall-clock time, each
    kind is one observance with a yearly RRULE, which also holds after those years. Otherwise
    the transitions are listed one by one, after an observance giving the offset at the start;
    the last offset then holds after the checked years. A zone without transitions is one
    STANDARD observance."""
    begin = dt.datetime(first_year - 1, 1, 1, tzinfo=_UTC)
    end = dt.datetime(first_year + ZONE_YEARS + 1, 1, 1, tzinfo=_UTC)
    found = transitions(zone, begin, end)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if not found:
        offset = _offset(zone, begin)
        name = begin.astimezone(zone).tzname() or ""
        lines += _observance("STANDARD", dt.datetime(1970, 1, 1), offset, offset, name, None)
        return lines + ["END:VTIMEZONE"]

    kinds: dict[tuple[dt.timedelta, dt.timedelta, str], list[Transition]] = {}
    for t in found:
        kinds.setdefault((t.before, t.after, t.name), []).append(t)
    years = range(first_year - 1, first_year + ZONE_YEARS + 1)
    rules: list[tuple[Transition, str]] = []
    for group in kinds.values():
        rule = _yearly_rule(group, years)
        if rule is None:
            rules = []
            break
        rules.append((group[0], rule))

    offsets = {t.after for t in found} | {t.before for t in found}
    daylight_offset = max(offsets) if len(offsets) > 1 else None

    def kind(t: Transition) -> str:
        return "DAYLIGHT" if t.after == daylight_offset and t.after > t.before else "STANDARD"

    if rules:
        for first, rule in sorted(rules, key=lambda r: r[0].at):
            lines += _observance(
                kind(first), first.local, first.before, first.after, first.name, rule
            )
    else:
        start = found[0]
        name = begin.astimezone(zone).tzname() or ""
        opening = (begin + start.before).replace(tzinfo=None)
        lines += _observance("STANDARD", opening, start.before, start.before, name, None)
        for t in found:
            lines += _observance(kind(t), t.local, t.before, t.after, t.name, None)
    return lines + ["END:VTIMEZONE"]


def _observance(
    kind: str,
    start: dt.datetime,
    before: dt.timedelta,
    after: dt.timedelta,
    name: str,
    rrule: str | None,
) -> list[str]:
    lines = [
        f"BEGIN:{kind}",
        f"DTSTART:{_local_text(start)}",
        f"TZOFFSETFROM:{_offset_text(before)}",
        f"TZOFFSETTO:{_offset_text(after)}",
    ]
    if rrule is not None:
        lines.append(f"RRULE:{rrule}")
    if name:
        lines.append(f"TZNAME:{escape_text(name)}")
    return lines + [f"END:{kind}"]


def _offset_text(offset: dt.timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _yearly_rule(group: list[Transition], years: range) -> str | None:
    """The RRULE saying when each of `group`'s transitions falls, if one rule fits every year
    in `years` exactly once, in the same month at the same wall-clock time on the same
    weekday; else None."""
    by_year: dict[int, dt.datetime] = {}
    for t in group:
        local = t.local
        if local.year in by_year:
            return None
        by_year[local.year] = local
    if set(by_year) != set(years):
        return None
    first = group[0].local
    month, weekday, clock = first.month, first.weekday(), first.time()
    if any(
        d.month != month or d.weekday() != weekday or d.time() != clock for d in by_year.values()
    ):
        return None
    for candidate in _candidates(first):
        rule_day, text = candidate
        if all(rule_day(year) == d.date() for year, d in by_year.items()):
            return f"FREQ=YEARLY;BYMONTH={month};{text}"
    return None


def _candidates(
    first: dt.datetime,
) -> Iterator[tuple[_DayRule, str]]:
    month, weekday, day = first.month, first.weekday(), first.day
    nth = (day - 1) // 7 + 1
    if nth <= 4:
        yield _nth(month, weekday, nth), f"BYDAY={nth}{BYDAY[weekday]}"
    yield _nth(month, weekday, -1), f"BYDAY=-1{BYDAY[weekday]}"
    for low in range(max(1, day - 6), min(day, 31 - 6) + 1):
        days = ",".join(str(d) for d in range(low, low + 7))
        yield _on_or_after(month, weekday, low), f"BYDAY={BYDAY[weekday]};BYMONTHDAY={days}"


class _DayRule:
    """A yearly day: year -> the date the rule gives (None if it gives none)."""

    def __init__(self, month: int, weekday: int, nth: int = 0, low: int = 0) -> None:
        self.month, self.weekday, self.nth, self.low = month, weekday, nth, low

    def __call__(self, year: int) -> dt.date | None:
        length = calendar.monthrange(year, self.month)[1]
        matches = [
            dt.date(year, self.month, d)
            for d in range(1, length + 1)
            if dt.date(year, self.month, d).weekday() == self.weekday
        ]
        if self.low:
            after = [d for d in matches if self.low <= d.day < self.low + 7]
            return after[0] if len(after) == 1 else None
        if self.nth == -1:
            return matches[-1]
        return matches[self.nth - 1] if self.nth <= len(matches) else None


def _nth(month: int, weekday: int, nth: int) -> _DayRule:
    return _DayRule(month, weekday, nth=nth)


def _on_or_after(month: int, weekday: int, low: int) -> _DayRule:
    return _DayRule(month, weekday, low=low)
