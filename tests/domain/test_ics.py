"""The practice plan as iCalendar, read back by a real parser (icalendar)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from mindful_desktop.domain.ics import escape_text, fold_line, plan_to_ics
from mindful_desktop.domain.plan import PlannedSlot

icalendar = pytest.importorskip("icalendar")

STAMP = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
TUESDAY = dt.date(2026, 12, 8)
assert TUESDAY.weekday() == 1


def _has_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


needs_tzdata = pytest.mark.skipif(
    not _has_zone("Europe/London"), reason="no time zone data (tzdata) for zoneinfo"
)


def slot(
    id: int = 1,
    days: set[int] | None = None,
    time: dt.time = dt.time(7, 30),
    title: str = "Body scan",
    minutes: int = 15,
) -> PlannedSlot:
    return PlannedSlot(
        id, frozenset({0, 2} if days is None else days), time, "body-scan", title, minutes
    )


PLAN = [
    slot(1, {0, 2}, dt.time(7, 30), "Body scan", 15),
    slot(2, {0, 1, 2, 3, 4}, dt.time(18, 0), "Breathing space", 3),
    slot(7, {5, 6}, dt.time(9, 15), "Sitting meditation", 40),
]


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events(text: str) -> list[icalendar.Event]:
    return list(parse(text).walk("VEVENT"))


def test_calendar_header_and_round_trip_floating() -> None:
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=None)
    cal = parse(text)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//Mindful Desktop//Practice plan//EN"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Practice plan"
    assert not list(cal.walk("VTIMEZONE"))

    got = events(text)
    assert [str(e["SUMMARY"]) for e in got] == [
        "Body scan (15 min)",
        "Breathing space (3 min)",
        "Sitting meditation (40 min)",
    ]
    assert [str(e["UID"]) for e in got] == [
        "slot-1@mindful-desktop.invalid",
        "slot-2@mindful-desktop.invalid",
        "slot-7@mindful-desktop.invalid",
    ]
    assert [e["RRULE"]["BYDAY"] for e in got] == [
        ["MO", "WE"],
        ["MO", "TU", "WE", "TH", "FR"],
        ["SA", "SU"],
    ]
    assert all(e["RRULE"]["FREQ"] == ["WEEKLY"] for e in got)
    assert [e.decoded("DTSTART") for e in got] == [
        dt.datetime(2026, 12, 9, 7, 30),  # Wednesday: the first of Mon/Wed from a Tuesday
        dt.datetime(2026, 12, 8, 18, 0),  # Tuesday itself
        dt.datetime(2026, 12, 12, 9, 15),  # Saturday
    ]
    assert all(e.decoded("DTSTART").tzinfo is None for e in got)  # floating
    assert [e.decoded("DURATION") for e in got] == [
        dt.timedelta(minutes=15),
        dt.timedelta(minutes=3),
        dt.timedelta(minutes=40),
    ]
    assert all(e.decoded("DTSTAMP") == STAMP for e in got)
    assert all(str(e["DESCRIPTION"]) == "A practice time from Mindful Desktop." for e in got)


def test_floating_times_have_no_z_and_no_tzid() -> None:
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=None)
    starts = [line for line in text.split("\r\n") if line.startswith("DTSTART")]
    assert starts == [
        "DTSTART:20261209T073000",
        "DTSTART:20261208T180000",
        "DTSTART:20261212T091500",
    ]
    assert "TZID" not in text


@needs_tzdata
def test_tzid_times_and_vtimezone() -> None:
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid="Europe/London")
    assert "DTSTART;TZID=Europe/London:20261209T073000\r\n" in text
    cal = parse(text)
    zones = list(cal.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/London"]
    first = events(text)[0].decoded("DTSTART")
    assert first.replace(tzinfo=None) == dt.datetime(2026, 12, 9, 7, 30)
    assert first.utcoffset() == dt.timedelta(0)
    assert "Europe/London" in str(first.tzinfo)


def test_first_start_for_mon_wed_from_tuesday() -> None:
    text = plan_to_ics([slot(days={0, 2})], starts=TUESDAY, stamp=STAMP, tzid=None)
    (event,) = events(text)
    assert event.decoded("DTSTART").date() == dt.date(2026, 12, 9)
    # Starting on a Monday of the plan, that Monday is the first.
    text = plan_to_ics([slot(days={0, 2})], starts=dt.date(2026, 12, 7), stamp=STAMP, tzid=None)
    assert events(text)[0].decoded("DTSTART").date() == dt.date(2026, 12, 7)
    # A Monday-only slot from a Tuesday waits six days.
    text = plan_to_ics([slot(days={0})], starts=TUESDAY, stamp=STAMP, tzid=None)
    assert events(text)[0].decoded("DTSTART").date() == dt.date(2026, 12, 14)


def test_uids_stable_between_exports_and_unique_per_slot() -> None:
    one = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=None)
    later = STAMP + dt.timedelta(days=40, hours=3)
    moved = [slot(s.id, set(s.weekdays), dt.time(6, 0), s.title, s.minutes) for s in PLAN]
    two = plan_to_ics(moved, starts=dt.date(2027, 1, 19), stamp=later, tzid=None)
    assert one != two
    uids_one = [str(e["UID"]) for e in events(one)]
    uids_two = [str(e["UID"]) for e in events(two)]
    assert uids_one == uids_two
    assert len(set(uids_one)) == len(PLAN)
    assert [e.decoded("DTSTAMP") for e in events(two)] == [later] * len(PLAN)


def test_duplicate_slot_ids_are_refused() -> None:
    with pytest.raises(ValueError):
        plan_to_ics([slot(3), slot(3)], starts=TUESDAY, stamp=STAMP, tzid=None)


def test_naive_stamp_and_unknown_zone_are_refused() -> None:
    with pytest.raises(ValueError):
        plan_to_ics(PLAN, starts=TUESDAY, stamp=dt.datetime(2026, 12, 7), tzid=None)
    with pytest.raises(ValueError):
        plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid="Nowhere/Atlantis")
    with pytest.raises(ValueError):
        plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid="../etc/passwd")


def test_stamp_in_another_zone_is_written_in_utc() -> None:
    plus_two = dt.datetime(2026, 12, 7, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    text = plan_to_ics(PLAN[:1], starts=TUESDAY, stamp=plus_two, tzid=None)
    assert "DTSTAMP:20261207T120000Z\r\n" in text


def test_long_multibyte_title_is_folded_and_unfolds_exactly() -> None:
    title = "Stillness — 静かな呼吸の瞑想 — présence, ünd Atem 🌿🌊 " * 4
    title = title.strip()
    text = plan_to_ics([slot(title=title)], starts=TUESDAY, stamp=STAMP, tzid=None)
    raw = text.encode("utf-8")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b""
    for line in lines[:-1]:
        assert len(line) <= 75
        line.decode("utf-8")  # never a split character
    assert any(line.startswith(b" ") for line in lines)  # it was folded
    (event,) = events(text)
    assert str(event["SUMMARY"]) == f"{title} (15 min)"
    unfolded = text.replace("\r\n ", "")
    assert f"SUMMARY:{escape_text(title)} (15 min)\r\n" in unfolded


def test_fold_line_limits() -> None:
    assert fold_line("A" * 75) == "A" * 75
    assert fold_line("A" * 76) == "A" * 75 + "\r\n " + "A"
    folded = fold_line("€" * 60)  # three octets each
    parts = folded.split("\r\n")
    assert parts[0] == "€" * 25
    assert all(len(p.encode()) <= 75 for p in parts)
    assert folded.replace("\r\n ", "") == "€" * 60


def test_text_escaping_round_trips() -> None:
    title = "Sit, breathe; rest\\ here\nnow"
    text = plan_to_ics([slot(title=title)], starts=TUESDAY, stamp=STAMP, tzid=None)
    assert "SUMMARY:Sit\\, breathe\\; rest\\\\ here\\nnow (15 min)\r\n" in text
    (event,) = events(text)
    assert str(event["SUMMARY"]) == f"{title} (15 min)"


def test_escape_text_drops_control_characters() -> None:
    assert escape_text("a\x00b\x07c\td\r\ne") == "abc\td\\ne"


def test_empty_plan_is_a_valid_calendar() -> None:
    for tzid in (None, "Europe/London") if _has_zone("Europe/London") else (None,):
        text = plan_to_ics([], starts=TUESDAY, stamp=STAMP, tzid=tzid)
        cal = parse(text)
        assert cal.name == "VCALENDAR"
        assert not list(cal.walk("VEVENT"))
        assert str(cal["PRODID"]) == "-//Mindful Desktop//Practice plan//EN"
        assert text.endswith("END:VCALENDAR\r\n")


@pytest.mark.parametrize("tzid", [None, "Europe/London"])
def test_crlf_line_endings(tzid: str | None) -> None:
    if tzid is not None and not _has_zone(tzid):
        pytest.skip("no time zone data (tzdata) for zoneinfo")
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=tzid)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")


def test_no_personal_data_beyond_the_plan() -> None:
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=None)
    names = {line.split(":", 1)[0].split(";", 1)[0] for line in text.split("\r\n") if line}
    allowed_event = {"UID", "DTSTAMP", "DTSTART", "DURATION", "RRULE", "SUMMARY"}
    allowed_event |= {"DESCRIPTION", "TRANSP", "BEGIN", "END"}
    allowed = allowed_event | {"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"}
    assert names <= allowed
    assert "body-scan" not in text  # not even the practice's id


def _vtimezone_tz(text: str, tzid: str) -> dt.tzinfo:
    (zone,) = parse(text).walk("VTIMEZONE")
    assert str(zone["TZID"]) == tzid
    tz: dt.tzinfo = zone.to_tz(lookup_tzid=False)  # built from our VTIMEZONE, not looked up
    return tz


def _offset_to_at(text: str, when: dt.datetime) -> dt.timedelta:
    """The TZOFFSETTO of the latest observance onset at or before `when` (wall-clock)."""
    (zone,) = parse(text).walk("VTIMEZONE")
    best: tuple[dt.datetime, dt.timedelta] | None = None
    for sub in zone.subcomponents:
        start = sub.decoded("DTSTART").replace(tzinfo=None)
        onsets = [start]
        if "RRULE" in sub:
            from dateutil.rrule import rrulestr

            rule = rrulestr(sub["RRULE"].to_ical().decode(), dtstart=start)
            onsets = list(rule.between(start, when, inc=True))
        for onset in onsets:
            if onset <= when and (best is None or onset > best[0]):
                best = (onset, sub.decoded("TZOFFSETTO"))
    assert best is not None
    return best[1]


@needs_tzdata
@pytest.mark.parametrize(
    ("tzid", "winter", "summer"),
    [
        ("Europe/London", dt.timedelta(0), dt.timedelta(hours=1)),
        ("America/New_York", dt.timedelta(hours=-5), dt.timedelta(hours=-4)),
        ("Australia/Sydney", dt.timedelta(hours=11), dt.timedelta(hours=10)),  # (Jan, Jul)
        ("Asia/Tokyo", dt.timedelta(hours=9), dt.timedelta(hours=9)),
    ],
)
def test_vtimezone_gives_summer_and_winter_offsets(
    tzid: str, winter: dt.timedelta, summer: dt.timedelta
) -> None:
    if not _has_zone(tzid):
        pytest.skip(f"no time zone data for {tzid}")
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=tzid)
    tz = _vtimezone_tz(text, tzid)
    real = zoneinfo.ZoneInfo(tzid)
    january = dt.datetime(2027, 1, 15, 12, 0)
    july = dt.datetime(2027, 7, 15, 12, 0)
    assert (
        january.replace(tzinfo=tz).utcoffset() == winter == january.replace(tzinfo=real).utcoffset()
    )
    assert july.replace(tzinfo=tz).utcoffset() == summer == july.replace(tzinfo=real).utcoffset()
    # Read by hand too: the observance in force says the same.
    assert _offset_to_at(text, january) == winter
    assert _offset_to_at(text, july) == summer


@needs_tzdata
@pytest.mark.parametrize(
    "tzid",
    ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Jerusalem", "Asia/Tokyo"],
)
def test_vtimezone_matches_zoneinfo_day_by_day(tzid: str) -> None:
    """Every day for years after the first event, and the hours either side of each
    change, the VTIMEZONE gives zoneinfo's offset (beyond the years it was checked over,
    the yearly rules carry on)."""
    if not _has_zone(tzid):
        pytest.skip(f"no time zone data for {tzid}")
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=tzid)
    tz = _vtimezone_tz(text, tzid)
    real = zoneinfo.ZoneInfo(tzid)
    when = dt.datetime(2026, 12, 8, 12, 0, tzinfo=dt.UTC)
    end = dt.datetime(2040, 1, 1, tzinfo=dt.UTC)
    while when < end:
        assert when.astimezone(tz).utcoffset() == when.astimezone(real).utcoffset(), when
        when += dt.timedelta(days=1)
    # Either side of each change in 2027: an hour before and an hour after.
    when = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    previous = when.astimezone(real).utcoffset()
    while when.year == 2027:
        offset = when.astimezone(real).utcoffset()
        if offset != previous:
            for probe in (when - dt.timedelta(hours=1), when + dt.timedelta(hours=1)):
                assert probe.astimezone(tz).utcoffset() == probe.astimezone(real).utcoffset()
            previous = offset
        when += dt.timedelta(minutes=30)


@needs_tzdata
def test_vtimezone_uses_yearly_rules_for_a_regular_zone() -> None:
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid="Europe/London")
    unfolded = text.replace("\r\n ", "")
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" in unfolded
    assert "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" in unfolded
    (zone,) = parse(text).walk("VTIMEZONE")
    kinds = sorted(sub.name for sub in zone.subcomponents)
    assert kinds == ["DAYLIGHT", "STANDARD"]
    # The earliest observance begins before the first event.
    first = min(sub.decoded("DTSTART").replace(tzinfo=None) for sub in zone.subcomponents)
    assert first < dt.datetime(2026, 12, 8)


@needs_tzdata
def test_vtimezone_lists_changes_for_an_irregular_zone() -> None:
    """Casablanca's changes follow Ramadan, which no yearly RRULE says: they are listed one
    by one, and match zoneinfo over the years checked."""
    tzid = "Africa/Casablanca"
    if not _has_zone(tzid):
        pytest.skip(f"no time zone data for {tzid}")
    text = plan_to_ics(PLAN, starts=TUESDAY, stamp=STAMP, tzid=tzid)
    (zone,) = parse(text).walk("VTIMEZONE")
    assert all("RRULE" not in sub for sub in zone.subcomponents)
    assert len(zone.subcomponents) > 4
    tz = _vtimezone_tz(text, tzid)
    real = zoneinfo.ZoneInfo(tzid)
    when = dt.datetime(2026, 12, 8, 12, 0, tzinfo=dt.UTC)
    while when.year < 2036:
        assert when.astimezone(tz).utcoffset() == when.astimezone(real).utcoffset(), when
        when += dt.timedelta(days=1)
