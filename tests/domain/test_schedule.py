"""Reminder scheduling: weeks of simulated time, daylight-saving changes, a sleeping laptop,
snoozes, quiet hours, and the questionnaire's and check-in's cadences. Exact datetimes."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from mindful_desktop.domain.plan import EVERY_DAY, WEEKDAYS, PlannedSlot
from mindful_desktop.domain.schedule import (
    CHECK_IN_TEXT,
    MONTHLY_CHECK_IN,
    PRACTICE,
    QUESTIONNAIRE,
    QUESTIONNAIRE_TEXT,
    QuietHours,
    Reminder,
    add_months,
    day_reminder,
    late_text,
    local_at,
    next_event,
    next_monthly_check_in,
    next_practice_reminder,
    next_questionnaire_due,
    reminder_text,
)

try:
    import tzdata  # noqa: F401  (only needed where the system has no zone files)
except ImportError:
    pass
try:
    from zoneinfo import ZoneInfo

    LONDON = ZoneInfo("Europe/London")
    NEW_YORK = ZoneInfo("America/New_York")
except Exception:  # ZoneInfoNotFoundError, or no zone data at all
    pytest.skip(
        "no time zone data (neither system zoneinfo nor the tzdata package)",
        allow_module_level=True,
    )

UTC = dt.UTC
FORBIDDEN = ("missed", "streak", "failed", "should", "don't break", "miss ")


def slot(
    id: int, at: str, days: frozenset[int] = EVERY_DAY, title: str = "Body scan", minutes: int = 15
) -> PlannedSlot:
    return PlannedSlot(id, frozenset(days), dt.time.fromisoformat(at), "track", title, minutes)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def london(*args: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON, fold=fold)


# --- quiet hours -------------------------------------------------------------------------


def test_quiet_hours_wrapping_midnight() -> None:
    q = QuietHours(dt.time(22, 0), dt.time(7, 0))
    assert q.contains(dt.time(22, 0))
    assert q.contains(dt.time(23, 59))
    assert q.contains(dt.time(0, 0))
    assert q.contains(dt.time(6, 59))
    assert not q.contains(dt.time(7, 0))
    assert not q.contains(dt.time(12, 0))
    assert not q.contains(dt.time(21, 59))


def test_quiet_hours_same_day_and_none() -> None:
    q = QuietHours(dt.time(13, 0), dt.time(14, 30))
    assert q.contains(dt.time(13, 0)) and q.contains(dt.time(14, 29))
    assert not q.contains(dt.time(14, 30)) and not q.contains(dt.time(12, 59))
    none = QuietHours(dt.time(9, 0), dt.time(9, 0))
    assert not any(none.contains(dt.time(h, m)) for h in range(24) for m in (0, 30))


# --- the basics --------------------------------------------------------------------------


def test_empty_plan_gives_none() -> None:
    assert next_practice_reminder([], london(2026, 6, 1, 8, 0)) is None


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        next_practice_reminder([slot(1, "07:30")], dt.datetime(2026, 6, 1, 8, 0))


def test_next_slot_today_then_tomorrow() -> None:
    plan = [slot(1, "07:30"), slot(2, "18:00", title="Breathing space", minutes=3)]
    r = next_practice_reminder(plan, london(2026, 6, 1, 6, 0))
    assert r == Reminder(
        1,
        PRACTICE,
        london(2026, 6, 1, 7, 30),
        "Body scan",
        "Body scan, 15 minutes",
        False,
        dt.date(2026, 6, 1),
    )
    r = next_practice_reminder(
        plan, london(2026, 6, 1, 7, 30, 5), last_fired=london(2026, 6, 1, 7, 30)
    )
    assert r is not None and (r.slot_id, r.due) == (2, london(2026, 6, 1, 18, 0))
    assert r.text == "Breathing space, 3 minutes"
    r = next_practice_reminder(
        plan, london(2026, 6, 1, 18, 0, 1), last_fired=london(2026, 6, 1, 18, 0)
    )
    assert r is not None and (r.slot_id, r.due, r.late) == (1, london(2026, 6, 2, 7, 30), False)


def test_slot_exactly_at_now_is_due_now() -> None:
    r = next_practice_reminder([slot(1, "07:30")], london(2026, 6, 1, 7, 30))
    assert r is not None and r.due == london(2026, 6, 1, 7, 30) and not r.late


def test_timer_waking_a_little_late_is_still_on_time() -> None:
    r = next_practice_reminder([slot(1, "07:30")], london(2026, 6, 1, 7, 30, 40))
    assert r is not None and r.due == london(2026, 6, 1, 7, 30) and not r.late
    assert r.text == "Body scan, 15 minutes"


def test_already_practised_slot_is_skipped() -> None:
    plan = [slot(1, "07:30"), slot(2, "18:00")]
    now = london(2026, 6, 1, 6, 0)
    r = next_practice_reminder(plan, now, practised={(1, dt.date(2026, 6, 1))})
    assert r is not None and (r.slot_id, r.due) == (2, london(2026, 6, 1, 18, 0))
    both = {(1, dt.date(2026, 6, 1)), (2, dt.date(2026, 6, 1))}
    r = next_practice_reminder(plan, now, practised=both)
    assert r is not None and (r.slot_id, r.due) == (1, london(2026, 6, 2, 7, 30))


def test_practised_as_a_callable() -> None:
    plan = [slot(1, "07:30")]
    done_on_mondays = lambda s, d: d.weekday() == 0  # noqa: E731
    r = next_practice_reminder(plan, london(2026, 6, 1, 6, 0), practised=done_on_mondays)
    assert r is not None and r.due == london(2026, 6, 2, 7, 30)  # 2026-06-01 is a Monday
    always = lambda s, d: True  # noqa: E731
    assert next_practice_reminder(plan, london(2026, 6, 1, 6, 0), practised=always) is None


def test_weekly_slot_is_found_a_week_ahead() -> None:
    plan = [slot(1, "07:30", frozenset({0}))]  # Mondays only
    r = next_practice_reminder(
        plan, london(2026, 6, 1, 7, 31), last_fired=london(2026, 6, 1, 7, 30)
    )
    assert r is not None and r.due == london(2026, 6, 8, 7, 30)
    # Already practised this Monday, asked before the slot: next Monday.
    r = next_practice_reminder(plan, london(2026, 6, 1, 6, 0), practised={(1, dt.date(2026, 6, 1))})
    assert r is not None and r.due == london(2026, 6, 8, 7, 30)


def test_tz_argument_and_now_in_utc() -> None:
    r = next_practice_reminder([slot(1, "07:30")], utc(2026, 6, 1, 5, 0), tz=LONDON)
    assert r is not None and r.due == london(2026, 6, 1, 7, 30)
    assert r.due.astimezone(UTC) == utc(2026, 6, 1, 6, 30)
    assert r.due.tzinfo is LONDON


def test_same_time_slots_order_by_id() -> None:
    plan = [slot(5, "07:30"), slot(2, "07:30")]
    r = next_practice_reminder(plan, london(2026, 6, 1, 6, 0))
    assert r is not None and r.slot_id == 2


# --- snooze -----------------------------------------------------------------------------


def test_snooze_ten_minutes() -> None:
    plan = [slot(1, "07:30"), slot(2, "18:00")]
    fired = london(2026, 6, 1, 7, 30)
    snooze = {1: fired + dt.timedelta(minutes=10)}
    r = next_practice_reminder(
        plan, fired + dt.timedelta(seconds=3), last_fired=fired, snoozed_until=snooze
    )
    assert r is not None and (r.slot_id, r.due, r.late) == (1, london(2026, 6, 1, 7, 40), False)
    assert r.text == "Body scan, 15 minutes"
    # Practised in the meantime: the snooze has nothing left to remind.
    r = next_practice_reminder(
        plan,
        london(2026, 6, 1, 7, 35),
        last_fired=fired,
        snoozed_until=snooze,
        practised={(1, dt.date(2026, 6, 1))},
    )
    assert r is not None and (r.slot_id, r.due) == (2, london(2026, 6, 1, 18, 0))
    # The snooze fires; afterwards the day goes on normally.
    at = london(2026, 6, 1, 7, 40)
    r = next_practice_reminder(plan, at, last_fired=fired, snoozed_until=snooze)
    assert r is not None and (r.slot_id, r.due, r.late) == (1, at, False)
    r = next_practice_reminder(
        plan, at + dt.timedelta(seconds=1), last_fired=at, snoozed_until=snooze
    )
    assert r is not None and (r.slot_id, r.due) == (2, london(2026, 6, 1, 18, 0))


def test_snooze_past_an_earlier_other_slot() -> None:
    plan = [slot(1, "07:30"), slot(2, "07:35", title="Breathing space", minutes=3)]
    fired = london(2026, 6, 1, 7, 30)
    r = next_practice_reminder(
        plan, fired, last_fired=fired, snoozed_until={1: london(2026, 6, 1, 7, 40)}
    )
    assert r is not None and (r.slot_id, r.due) == (2, london(2026, 6, 1, 7, 35))


def test_snooze_across_midnight_keeps_the_planned_day() -> None:
    plan = [slot(1, "23:55")]
    fired = london(2026, 6, 1, 23, 55)
    snooze = {1: london(2026, 6, 2, 0, 5)}
    r = next_practice_reminder(plan, fired, last_fired=fired, snoozed_until=snooze)
    assert r is not None and r.due == london(2026, 6, 2, 0, 5)
    # Practised on the planned day (June 1st) after snoozing: nothing at 00:05.
    r = next_practice_reminder(
        plan, fired, last_fired=fired, snoozed_until=snooze, practised={(1, dt.date(2026, 6, 1))}
    )
    assert r is not None and r.due == london(2026, 6, 2, 23, 55)


def test_snooze_of_unknown_slot_is_ignored() -> None:
    r = next_practice_reminder(
        [slot(1, "07:30")], london(2026, 6, 1, 6, 0), snoozed_until={99: london(2026, 6, 1, 6, 10)}
    )
    assert r is not None and r.due == london(2026, 6, 1, 7, 30)


# --- quiet hours in the schedule ----------------------------------------------------------


def test_slots_inside_quiet_hours_wrapping_midnight_are_not_reminded() -> None:
    quiet = QuietHours(dt.time(22, 0), dt.time(7, 0))
    plan = [slot(1, "06:30"), slot(2, "22:30"), slot(3, "12:00"), slot(4, "23:59")]
    r = next_practice_reminder(plan, london(2026, 6, 1, 21, 0), quiet=quiet)
    assert r is not None and (r.slot_id, r.due) == (3, london(2026, 6, 2, 12, 0))
    assert (
        next_practice_reminder(
            [slot(1, "06:30"), slot(2, "22:30")], london(2026, 6, 1, 8, 0), quiet=quiet
        )
        is None
    )


def test_snooze_into_quiet_hours_is_not_reminded() -> None:
    quiet = QuietHours(dt.time(22, 0), dt.time(7, 0))
    plan = [slot(1, "21:55")]
    fired = london(2026, 6, 1, 21, 55)
    r = next_practice_reminder(
        plan, fired, last_fired=fired, quiet=quiet, snoozed_until={1: london(2026, 6, 1, 22, 5)}
    )
    assert r is not None and r.due == london(2026, 6, 2, 21, 55)
    # Also after a restart (no last_fired): the postponed 21:55 is not offered as a catch-up.
    r = next_practice_reminder(
        plan, london(2026, 6, 1, 21, 58), quiet=quiet, snoozed_until={1: london(2026, 6, 1, 22, 5)}
    )
    assert r is not None and (r.due, r.late) == (london(2026, 6, 2, 21, 55), False)


def test_no_catch_up_during_quiet_hours() -> None:
    quiet = QuietHours(dt.time(22, 0), dt.time(7, 0))
    plan = [slot(1, "21:00")]
    r = next_practice_reminder(
        plan, london(2026, 6, 1, 22, 30), quiet=quiet, last_fired=london(2026, 6, 1, 12, 0)
    )
    assert r is not None and (r.due, r.late) == (london(2026, 6, 2, 21, 0), False)


# --- a laptop that slept ---------------------------------------------------------------


def test_asleep_through_three_slots_gives_one_late_reminder_then_the_next() -> None:
    plan = [
        slot(1, "07:30", title="Body scan"),
        slot(2, "08:00", title="Breathing space", minutes=3),
        slot(3, "08:30", title="Mindful movement", minutes=20),
        slot(4, "13:00", title="Sitting", minutes=10),
    ]
    went_to_sleep = london(2026, 6, 1, 7, 0)
    woke = london(2026, 6, 1, 8, 47)
    r = next_practice_reminder(plan, woke, last_fired=went_to_sleep)
    assert r == Reminder(
        3,
        PRACTICE,
        woke,
        "Mindful movement",
        "You planned Mindful movement for 08:30.",
        True,
        dt.date(2026, 6, 1),
    )
    # Shown; the same moment asked again gives no second catch-up, just the next planned time.
    r = next_practice_reminder(plan, woke, last_fired=woke)
    assert r is not None and (r.slot_id, r.due, r.late) == (4, london(2026, 6, 1, 13, 0), False)
    r = next_practice_reminder(plan, woke + dt.timedelta(minutes=5), last_fired=woke)
    assert r is not None and (r.slot_id, r.due, r.late) == (4, london(2026, 6, 1, 13, 0), False)


def test_latest_missed_that_was_not_practised() -> None:
    plan = [slot(1, "07:30"), slot(2, "08:00"), slot(3, "08:30")]
    woke = london(2026, 6, 1, 8, 47)
    r = next_practice_reminder(
        plan, woke, last_fired=london(2026, 6, 1, 7, 0), practised={(3, dt.date(2026, 6, 1))}
    )
    assert r is not None and (r.slot_id, r.late, r.due) == (2, True, woke)


def test_missed_slots_older_than_grace_are_dropped() -> None:
    plan = [slot(1, "07:30"), slot(2, "08:30"), slot(3, "18:00")]
    woke = london(2026, 6, 1, 10, 31)
    r = next_practice_reminder(plan, woke, last_fired=london(2026, 6, 1, 7, 0))
    assert r is not None and (r.slot_id, r.due, r.late) == (3, london(2026, 6, 1, 18, 0), False)
    # Within a wider grace, the 08:30 is offered once.
    r = next_practice_reminder(
        plan, woke, last_fired=london(2026, 6, 1, 7, 0), grace=dt.timedelta(hours=3)
    )
    assert r is not None and (r.slot_id, r.due, r.late) == (2, woke, True)


def test_asleep_for_days_gives_one_catch_up_at_most() -> None:
    plan = [slot(1, "07:30"), slot(2, "18:00")]
    woke = london(2026, 6, 5, 19, 0)
    r = next_practice_reminder(plan, woke, last_fired=london(2026, 6, 1, 7, 30))
    assert r is not None and (r.slot_id, r.due, r.late) == (2, woke, True)
    assert r.text == "You planned Body scan for 18:00."


def test_app_start_without_last_fired_uses_grace() -> None:
    plan = [slot(1, "07:30")]
    r = next_practice_reminder(plan, london(2026, 6, 1, 8, 0))
    assert r is not None and (r.due, r.late) == (london(2026, 6, 1, 8, 0), True)
    r = next_practice_reminder(plan, london(2026, 6, 1, 9, 31))
    assert r is not None and (r.due, r.late) == (london(2026, 6, 2, 7, 30), False)


# --- local time and daylight saving --------------------------------------------------------


def run(
    plan: list[PlannedSlot],
    start: dt.datetime,
    end: dt.datetime,
    *,
    tz: dt.tzinfo,
    practised: set[tuple[int, dt.date]] | None = None,
    asleep: list[tuple[dt.datetime, dt.datetime]] | None = None,
    skip: set[tuple[int, dt.date]] | None = None,
    jitter: random.Random | None = None,
) -> list[Reminder]:
    """A fake clock driven by the reminders, as the app's one timer would be: arm for the next
    due time, wake there (a few seconds late, as timers are; or at the wake-up time if the
    laptop is asleep), ask again, show what is due, mark it practised unless it is in `skip`.
    The clock is kept in UTC so that every comparison is of instants."""
    done = set() if practised is None else practised
    now, end, last = start.astimezone(UTC), end.astimezone(UTC), None
    shown: list[Reminder] = []
    while True:
        armed = next_practice_reminder(plan, now, practised=done, last_fired=last, tz=tz)
        if armed is None:
            break
        now = max(now, armed.due.astimezone(UTC))
        if jitter is not None:
            now += dt.timedelta(seconds=jitter.randint(0, 40))
        for sleep, wake in asleep or []:
            if sleep.astimezone(UTC) <= now < wake.astimezone(UTC):
                now = wake.astimezone(UTC)
        if now >= end:
            break
        r = next_practice_reminder(plan, now, practised=done, last_fired=last, tz=tz)
        assert r is not None and r.due <= now and r.day is not None
        shown.append(r)
        last = now
        if r.slot_id is not None and (r.slot_id, r.day) not in (skip or set()):
            done.add((r.slot_id, r.day))
        now += dt.timedelta(seconds=1)
    return shown


def test_london_spring_forward_keeps_the_wall_clock() -> None:
    plan = [slot(1, "07:30")]
    shown = run(plan, london(2026, 3, 27, 12, 0), london(2026, 4, 1, 0, 0), tz=LONDON)
    assert [r.due.astimezone(UTC) for r in shown] == [
        utc(2026, 3, 28, 7, 30),  # GMT
        utc(2026, 3, 29, 6, 30),  # BST from 01:00 UTC on the 29th
        utc(2026, 3, 30, 6, 30),
        utc(2026, 3, 31, 6, 30),
    ]
    assert {r.due.astimezone(LONDON).time() for r in shown} == {dt.time(7, 30)}


def test_new_york_fall_back_keeps_the_wall_clock() -> None:
    ny = NEW_YORK
    plan = [slot(1, "07:30")]
    start = dt.datetime(2026, 10, 30, 12, 0, tzinfo=ny)
    shown = run(plan, start, dt.datetime(2026, 11, 3, 0, 0, tzinfo=ny), tz=ny)
    assert [r.due.astimezone(UTC) for r in shown] == [
        utc(2026, 10, 31, 11, 30),  # EDT, UTC-4
        utc(2026, 11, 1, 12, 30),  # EST, UTC-5, from 06:00 UTC on the 1st
        utc(2026, 11, 2, 12, 30),
    ]


def test_nonexistent_time_fires_at_the_end_of_the_gap_london() -> None:
    # London skips 01:00-02:00 on 2026-03-29 (clocks go from 01:00 GMT to 02:00 BST).
    assert local_at(dt.date(2026, 3, 29), dt.time(1, 30), LONDON).astimezone(UTC) == utc(
        2026, 3, 29, 1, 0
    )
    plan = [slot(1, "01:30", title="Sitting", minutes=10)]
    shown = run(plan, london(2026, 3, 28, 12, 0), london(2026, 3, 31, 0, 0), tz=LONDON)
    assert [r.due.astimezone(UTC) for r in shown] == [
        utc(2026, 3, 29, 1, 0),  # 02:00 BST, the first moment after the gap
        utc(2026, 3, 30, 0, 30),  # 01:30 BST
    ]
    assert shown[0].due.astimezone(LONDON).replace(tzinfo=None) == dt.datetime(2026, 3, 29, 2, 0)
    assert not shown[0].late


def test_nonexistent_time_fires_at_the_end_of_the_gap_new_york() -> None:
    # New York skips 02:00-03:00 on 2026-03-08.
    due = local_at(dt.date(2026, 3, 8), dt.time(2, 30), NEW_YORK)
    assert due.astimezone(UTC) == utc(2026, 3, 8, 7, 0)
    assert due.replace(tzinfo=None) == dt.datetime(2026, 3, 8, 3, 0)
    assert due.utcoffset() == dt.timedelta(hours=-4)
    start = dt.datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK)
    end = dt.datetime(2026, 3, 10, 0, 0, tzinfo=NEW_YORK)
    shown = run([slot(1, "02:30")], start, end, tz=NEW_YORK)
    assert [r.due.astimezone(UTC) for r in shown] == [
        utc(2026, 3, 8, 7, 0),  # 03:00 EDT, the first moment after the gap
        utc(2026, 3, 9, 6, 30),  # 02:30 EDT
    ]


@pytest.mark.parametrize(
    ("tz", "day", "first_utc"),
    [
        (LONDON, dt.date(2026, 10, 25), utc(2026, 10, 25, 0, 30)),  # 01:30 BST, not GMT
        (NEW_YORK, dt.date(2026, 11, 1), utc(2026, 11, 1, 5, 30)),  # 01:30 EDT, not EST
    ],
)
def test_ambiguous_time_fires_once(tz: dt.tzinfo, day: dt.date, first_utc: dt.datetime) -> None:
    assert local_at(day, dt.time(1, 30), tz).astimezone(UTC) == first_utc
    plan = [slot(1, "01:30")]
    # A clock stepping every five minutes through the night, firing whatever is due; nothing
    # is marked practised, so a second 01:30 would be shown if it were planned.
    now = dt.datetime.combine(day, dt.time(0, 0), tzinfo=UTC) - dt.timedelta(hours=6)
    stop = now + dt.timedelta(hours=16)
    last: dt.datetime | None = None
    fired = []
    while now < stop:
        r = next_practice_reminder(plan, now, last_fired=last, tz=tz)
        assert r is not None
        if r.due.astimezone(UTC) <= now:
            fired.append(r)
            last = now
        now += dt.timedelta(minutes=5)
    assert [(r.due.astimezone(UTC), r.late) for r in fired] == [(first_utc, False)]


# --- three weeks of simulated time ---------------------------------------------------------


def test_three_weeks_of_reminders_across_the_clock_change() -> None:
    body = slot(1, "07:30", EVERY_DAY, "Body scan", 15)
    breath = slot(2, "18:00", WEEKDAYS, "Breathing space", 3)
    walk = slot(3, "10:00", frozenset({5}), "Mindful walking", 20)  # Saturdays
    plan = [walk, breath, body]
    start, end = london(2026, 3, 16, 0, 0), london(2026, 4, 6, 0, 0)  # Mon 16 Mar - Sun 5 Apr
    skip = {(1, dt.date(2026, 3, 18)), (2, dt.date(2026, 3, 31))}  # shown, not practised
    already = {(1, dt.date(2026, 3, 21))}  # practised early that day: no reminder
    asleep = [(london(2026, 3, 25, 7, 0), london(2026, 3, 25, 19, 0))]  # 07:30 and 18:00 pass
    shown = run(
        plan,
        start,
        end,
        tz=LONDON,
        practised=set(already),
        asleep=asleep,
        skip=skip,
        jitter=random.Random(7),
    )

    expected: list[tuple[int, dt.datetime, bool]] = []
    day = start.date()
    while day < end.date():
        for s in sorted((walk, breath, body), key=lambda s: s.time):
            if not s.on(day) or (s.id, day) in already:
                continue
            wall = dt.datetime.combine(day, s.time)
            if day == dt.date(2026, 3, 25) and s.id == 1:
                continue  # slept through, and more than two hours before waking
            if day == dt.date(2026, 3, 25) and s.id == 2:
                expected.append((2, dt.datetime(2026, 3, 25, 19, 0), True))
                continue
            expected.append((s.id, wall, False))
        day += dt.timedelta(days=1)

    got = [(r.slot_id, r.due.astimezone(LONDON).replace(tzinfo=None), r.late) for r in shown]
    assert got == expected
    assert len(shown) == 21 + 15 + 3 - 1 - 1  # body, weekday breaths, Saturdays; minus two
    by_wall = {(r.slot_id, r.due.astimezone(LONDON).replace(tzinfo=None)): r for r in shown}
    assert by_wall[1, dt.datetime(2026, 3, 28, 7, 30)].due.astimezone(UTC) == utc(
        2026, 3, 28, 7, 30
    )  # noqa: E501
    assert by_wall[1, dt.datetime(2026, 3, 29, 7, 30)].due.astimezone(UTC) == utc(
        2026, 3, 29, 6, 30
    )  # noqa: E501
    late = [r for r in shown if r.late]
    assert [r.text for r in late] == ["You planned Breathing space for 18:00."]
    for r in shown:
        if not r.late:
            assert r.text == reminder_text(next(s for s in plan if s.id == r.slot_id))


# --- questionnaire and monthly check-in ----------------------------------------------------


def test_questionnaire_cadence() -> None:
    today = dt.date(2026, 1, 10)
    assert next_questionnaire_due(None, False, today) == today
    assert next_questionnaire_due(None, True, today) == today
    assert next_questionnaire_due(dt.date(2026, 1, 5), False, today) == dt.date(2026, 1, 19)
    assert next_questionnaire_due(dt.date(2026, 1, 5), True, today) == dt.date(2026, 2, 2)
    assert next_questionnaire_due(dt.date(2025, 12, 1), False, today) == today  # overdue
    assert next_questionnaire_due(dt.date(2025, 12, 27), False, today) == today  # due today


def test_questionnaire_over_months() -> None:
    taken, day = [], dt.date(2026, 1, 1)
    last: dt.date | None = None
    while day < dt.date(2026, 5, 1):
        done = day >= dt.date(2026, 2, 27)  # the eight-week course ends
        if next_questionnaire_due(last, done, day) == day:
            taken.append(day)
            last = day
        day += dt.timedelta(days=1)
    assert taken == [
        dt.date(2026, 1, 1),
        dt.date(2026, 1, 15),
        dt.date(2026, 1, 29),
        dt.date(2026, 2, 12),
        dt.date(2026, 2, 26),
        dt.date(2026, 3, 26),
        dt.date(2026, 4, 23),
    ]


def test_monthly_check_in_none_during_course() -> None:
    assert next_monthly_check_in(None, None, dt.date(2026, 1, 1)) is None
    assert next_monthly_check_in(dt.date(2025, 12, 1), None, dt.date(2026, 1, 1)) is None


def test_monthly_check_in_clamps_without_drifting() -> None:
    done = dt.date(2026, 1, 31)
    assert next_monthly_check_in(None, done, dt.date(2026, 2, 1)) == dt.date(2026, 2, 28)
    assert next_monthly_check_in(dt.date(2026, 2, 28), done, dt.date(2026, 3, 1)) == dt.date(
        2026, 3, 31
    )
    assert next_monthly_check_in(dt.date(2026, 3, 31), done, dt.date(2026, 4, 1)) == dt.date(
        2026, 4, 30
    )
    leap = dt.date(2028, 1, 31)
    assert next_monthly_check_in(None, leap, dt.date(2028, 2, 1)) == dt.date(2028, 2, 29)
    assert next_monthly_check_in(None, dt.date(2026, 12, 15), dt.date(2026, 12, 20)) == dt.date(
        2027, 1, 15
    )


def test_monthly_check_in_overdue_is_today() -> None:
    done = dt.date(2026, 1, 31)
    assert next_monthly_check_in(dt.date(2026, 2, 28), done, dt.date(2026, 6, 10)) == dt.date(
        2026, 6, 10
    )
    # Shown that day; the next one goes back to the course's day of the month.
    assert next_monthly_check_in(dt.date(2026, 6, 10), done, dt.date(2026, 6, 11)) == dt.date(
        2026, 6, 30
    )


def test_add_months() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 1, 31), 2) == dt.date(2026, 3, 31)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 5, 15), -5) == dt.date(2025, 12, 15)


def test_day_reminders_and_next_event() -> None:
    q = day_reminder(QUESTIONNAIRE, dt.date(2026, 6, 3), LONDON)
    assert (q.kind, q.slot_id, q.due, q.text) == (
        QUESTIONNAIRE,
        None,
        london(2026, 6, 3, 10, 0),
        QUESTIONNAIRE_TEXT,
    )
    c = day_reminder(MONTHLY_CHECK_IN, dt.date(2026, 6, 2), LONDON, dt.time(9, 0))
    assert (c.kind, c.due, c.text) == (MONTHLY_CHECK_IN, london(2026, 6, 2, 9, 0), CHECK_IN_TEXT)
    p = next_practice_reminder(
        [slot(1, "07:30")], london(2026, 6, 2, 8, 0), last_fired=london(2026, 6, 2, 7, 30)
    )
    assert next_event(p, q, c) is c
    assert next_event(None, q) is q
    assert next_event(None, None) is None
    with pytest.raises(ValueError):
        day_reminder(PRACTICE, dt.date(2026, 6, 3), LONDON)


def test_next_event_compares_instants_not_wall_clocks() -> None:
    # On the fall-back night 01:45 BST (fold=0) comes before 01:15 GMT (fold=1).
    first = Reminder(1, PRACTICE, london(2026, 10, 25, 1, 45), "A", "A, 1 minute")
    second = Reminder(2, PRACTICE, london(2026, 10, 25, 1, 15, fold=1), "B", "B, 1 minute")
    assert next_event(second, first) is first


# --- words ---------------------------------------------------------------------------------


def test_texts_are_plain_and_kind() -> None:
    assert reminder_text(slot(1, "07:30")) == "Body scan, 15 minutes"
    assert reminder_text(slot(1, "07:30", title="Breathing space", minutes=1)) == (
        "Breathing space, 1 minute"
    )
    assert late_text(slot(1, "07:05", title="Sitting")) == "You planned Sitting for 07:05."
    texts = [reminder_text(slot(1, "07:30", minutes=m)) for m in (1, 3, 15, 180)] + [
        late_text(slot(1, "23:59")),
        QUESTIONNAIRE_TEXT,
        CHECK_IN_TEXT,
    ]
    plan = [slot(1, "07:30"), slot(2, "08:00"), slot(3, "08:30")]
    late = next_practice_reminder(
        plan, london(2026, 6, 1, 8, 47), last_fired=london(2026, 6, 1, 7, 0)
    )
    normal = next_practice_reminder(plan, london(2026, 6, 1, 6, 0))
    assert late is not None and normal is not None
    texts += [late.text, late.title, normal.text]
    for kind in (QUESTIONNAIRE, MONTHLY_CHECK_IN):
        r = day_reminder(kind, dt.date(2026, 6, 1), LONDON)
        texts += [r.title, r.text]
    for text in texts:
        for word in FORBIDDEN:
            assert word not in text.lower(), (word, text)


def test_snooze_replaces_its_occurrence_after_a_restart() -> None:
    # The app restarted during the snooze and has no last_fired: the 07:30 it postponed is not
    # offered as a catch-up; the snooze is.
    plan = [slot(1, "07:30")]
    r = next_practice_reminder(
        plan, london(2026, 6, 1, 7, 35), snoozed_until={1: london(2026, 6, 1, 7, 40)}
    )
    assert r is not None and (r.due, r.late, r.day) == (
        london(2026, 6, 1, 7, 40),
        False,
        dt.date(2026, 6, 1),
    )
