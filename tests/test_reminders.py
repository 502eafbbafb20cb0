"""The reminders' timer against a clock moved by hand: off until turned on, on time, snoozed,
skipped, answered by practice, and one catch-up after the computer slept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.domain.plan import EVERY_DAY
from mindful_desktop.domain.schedule import Reminder
from mindful_desktop.paths import AppPaths
from mindful_desktop.reminders import MAX_WAIT_MS, Reminders, quiet_hours
from mindful_desktop.services.plan import PlanService
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.settings import SettingsStore
from tests.conftest import FakeClock


@pytest.fixture
def parts(
    db: Database, paths: AppPaths, audio_dir: Path, clock: FakeClock, qtbot: QtBot
) -> tuple[Reminders, PlanService, PracticeService, SettingsStore, list[Reminder]]:
    paths.ensure()
    clock.now = clock.now.replace(hour=7, minute=0, second=0, microsecond=0)
    practice = PracticeService(db, audio_dir, paths.recordings_dir, clock)
    plan = PlanService(db, practice.practised_on, clock)
    practice.changed.connect(plan.changed)
    settings = SettingsStore(db)
    settings.set("quiet_hours", "off")
    reminders = Reminders(plan, settings, clock, zone=clock.now.tzinfo)
    shown: list[Reminder] = []
    reminders.due.connect(shown.append)
    return reminders, plan, practice, settings, shown


def _at(clock: FakeClock, hour: int, minute: int = 0) -> None:
    clock.now = clock.now.replace(hour=hour, minute=minute)


def test_off_until_turned_on_then_on_time(parts: tuple, clock: FakeClock) -> None:  # type: ignore[type-arg]
    reminders, plan, _practice, settings, shown = parts
    plan.add(EVERY_DAY, dt.time(7, 30), "body-scan-short", "Short body scan", 15)
    reminders.start()
    assert reminders.next is None and not reminders._timer.isActive()  # off by default
    settings.set("reminders", True)
    assert reminders.next is not None and reminders.next.due.time() == dt.time(7, 30)
    assert reminders._timer.isActive() and reminders._timer.interval() == MAX_WAIT_MS  # capped
    _at(clock, 7, 15)
    reminders.wake_now()  # a capped wait ended early: nothing yet, armed again
    assert shown == []
    _at(clock, 7, 30)
    reminders.wake_now()
    assert [r.text for r in shown] == ["Short body scan, 15 minutes"]
    assert not shown[0].late and reminders.current == shown[0]
    assert reminders.next is not None and reminders.next.due.date() > clock.now.date()


def test_later_brings_it_back_in_ten_minutes_and_skip_ends_it_for_the_day(
    parts: tuple,  # type: ignore[type-arg]
    clock: FakeClock,
) -> None:
    reminders, plan, _practice, settings, shown = parts
    plan.add(EVERY_DAY, dt.time(7, 30), "breath", "Mindfulness of the breath", 10)
    settings.set("reminders", True)
    _at(clock, 7, 30)
    reminders.wake_now()
    reminders.snooze()
    assert reminders.current is None
    assert reminders.next is not None and reminders.next.due.time() == dt.time(7, 40)
    _at(clock, 7, 40)
    reminders.wake_now()
    assert len(shown) == 2 and shown[1].slot_id == shown[0].slot_id
    reminders.skip()
    assert reminders.next is not None and reminders.next.due.date() > clock.now.date()


def test_practice_before_the_time_answers_it(parts: tuple, clock: FakeClock) -> None:  # type: ignore[type-arg]
    reminders, plan, practice, settings, shown = parts
    plan.add(EVERY_DAY, dt.time(7, 30), "breath", "Breath", 10)
    settings.set("reminders", True)
    _at(clock, 7, 10)
    practice.log("track", "breath", "Breath", clock(), 10, True)  # re-arms through changed
    assert reminders.next is not None and reminders.next.due.date() > clock.now.date()
    _at(clock, 7, 30)
    reminders.wake_now()
    assert shown == []


def test_after_a_sleep_one_gentle_catch_up_not_a_burst(parts: tuple, clock: FakeClock) -> None:  # type: ignore[type-arg]
    reminders, plan, _practice, settings, shown = parts
    for hour in (7, 8):
        plan.add(EVERY_DAY, dt.time(hour, 30), "breath", "Breath", 10)
    settings.set("reminders", True)
    _at(clock, 9, 5)  # the laptop slept from 07:00 to 09:05 through both times
    reminders.wake_now()
    reminders.wake_now()
    assert len(shown) == 1 and shown[0].late
    assert shown[0].text == "You planned Breath for 08:30."


def test_quiet_hours_setting() -> None:
    quiet = quiet_hours("22-07")
    assert (
        quiet is not None and quiet.contains(dt.time(23, 0)) and not quiet.contains(dt.time(12, 0))
    )
    assert quiet_hours("off") is None


def test_a_reminder_has_no_streak_or_guilt_in_it(parts: tuple) -> None:  # type: ignore[type-arg]
    reminders, plan, _practice, settings, shown = parts
    plan.add(EVERY_DAY, dt.time(7, 30), "breath", "Breath", 10)
    settings.set("reminders", True)
    reminders.wake_now()
    for reminder in [*shown, reminders.next]:
        assert reminder is not None
        words = reminder.text.lower()
        assert not any(w in words for w in ("streak", "missed", "should", "failed", "don't"))


class _Settings:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def set(self, key: str, value: str) -> None:
        self.values[key] = value


def test_day_reminders_wait_for_ten_for_quiet_hours_and_come_once() -> None:
    from mindful_desktop.reminder_days import DayReminders

    utc = dt.UTC
    settings = _Settings()
    days = DayReminders(settings, lambda _i: dt.date(2026, 5, 4), None)  # type: ignore[arg-type]
    early = dt.datetime(2026, 5, 4, 6, 0, tzinfo=utc)
    (reminder,) = days.next(early, utc, None)
    assert reminder.due == dt.datetime(2026, 5, 4, 10, 0, tzinfo=utc)
    late = dt.datetime(2026, 5, 4, 22, 30, tzinfo=utc)
    (reminder,) = days.next(late, utc, None)
    assert reminder.due == late  # past ten: now
    (reminder,) = days.next(late, utc, quiet_hours("22-07"))
    assert reminder.due == dt.datetime(2026, 5, 5, 7, 0, tzinfo=utc)  # after the quiet hours
    days.mark_shown(reminder, late)
    (reminder,) = days.next(late, utc, None)
    assert reminder.due.date() == dt.date(2026, 5, 11)  # not taken: a week later, no sooner
