"""The practice plan: planned times stored and checked, and each day's plan against practice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mindful_desktop.db.database import Database
from mindful_desktop.domain.plan import EVERY_DAY, WEEKDAYS, PlannedSlot, practised_slots
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.plan import PlanService
from mindful_desktop.services.practice import PracticeService
from tests.conftest import FakeClock


@pytest.fixture
def practice(db: Database, audio_dir: Path, paths: AppPaths, clock: FakeClock) -> PracticeService:
    paths.ensure()
    return PracticeService(db, audio_dir, paths.recordings_dir, clock)


@pytest.fixture
def plan(db: Database, practice: PracticeService, clock: FakeClock) -> PlanService:
    return PlanService(db, practice.practised_on, clock)


def test_slots_are_stored_checked_and_ordered(plan: PlanService) -> None:
    changes: list[None] = []
    plan.changed.connect(lambda: changes.append(None))
    evening = plan.add({0, 2, 4}, dt.time(19, 0), "breath", "Mindfulness of the breath", 10)
    morning = plan.add(WEEKDAYS, dt.time(7, 30, 45), "body-scan", "Body scan", 37)
    assert morning.time == dt.time(7, 30)  # seconds dropped: a plan is to the minute
    assert [s.id for s in plan.slots()] == [morning.id, evening.id]
    assert evening.days_text() == "Mon, Wed, Fri" and morning.days_text() == "Weekdays"
    changed = plan.update(evening.id, EVERY_DAY, dt.time(21, 5), "timer", "Silent timer", 20)
    assert changed == PlannedSlot(
        evening.id, EVERY_DAY, dt.time(21, 5), "timer", "Silent timer", 20
    )
    assert plan.slots()[1] == changed
    plan.remove(morning.id)
    assert plan.slots() == [changed]
    assert len(changes) == 4


@pytest.mark.parametrize(
    ("days", "minutes", "title", "message"),
    [
        (set(), 10, "Body scan", "at least one day"),
        ({7}, 10, "Body scan", "Monday to Sunday"),
        ({0}, 0, "Body scan", "from 1 to 180"),
        ({0}, 12.5, "Body scan", "whole number"),
        ({0}, 10, "   ", "Choose a practice"),
    ],
)
def test_bad_slots_are_refused_with_a_sentence_and_nothing_is_stored(
    plan: PlanService, days: set[int], minutes: object, title: str, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        plan.add(days, dt.time(8, 0), "body-scan", title, minutes)  # type: ignore[arg-type]
    assert plan.slots() == []


def test_a_missing_slot_cannot_be_changed(plan: PlanService) -> None:
    with pytest.raises(InvalidInputError, match="no longer in the plan"):
        plan.update(99, {0}, dt.time(8, 0), "breath", "Breath", 10)


def test_todays_plan_is_marked_by_the_practice_logged_that_day(
    plan: PlanService, practice: PracticeService, clock: FakeClock
) -> None:
    today = clock().date()  # Saturday 14 March 2026
    morning = plan.add(EVERY_DAY, dt.time(7, 30), "body-scan", "Body scan", 37)
    noon = plan.add(EVERY_DAY, dt.time(13, 0), "breathing-space", "Breathing space", 3)
    plan.add(WEEKDAYS, dt.time(18, 0), "breath", "Breath", 10)  # not on a Saturday
    assert [(d.slot.id, d.done) for d in plan.day()] == [(morning.id, False), (noon.id, False)]
    started = dt.datetime.combine(today, dt.time(12, 50)).astimezone()
    practice.log("track", "breathing-space", "Breathing space", started, 3, True)
    assert [(d.slot.id, d.done) for d in plan.day()] == [(morning.id, False), (noon.id, True)]
    assert plan.day(today + dt.timedelta(days=2))[-1].slot.title == "Breath"  # a Monday


def test_practice_answers_the_nearest_slot_of_its_kind_else_any_open_one() -> None:
    def slot(n: int, hour: int, practice: str) -> PlannedSlot:
        return PlannedSlot(n, EVERY_DAY, dt.time(hour, 0), practice, practice, 10)

    day = [slot(1, 7, "body-scan"), slot(2, 13, "breath"), slot(3, 19, "breath")]
    assert practised_slots(day, [("breath", dt.time(18, 0))]) == {3}
    assert practised_slots(day, [("walking", dt.time(8, 0))]) == {1}  # any practice counts
    assert practised_slots(day, [("breath", dt.time(9, 0)), ("breath", dt.time(9, 30))]) == {
        2,
        3,
    }
    assert practised_slots(day, [("x", dt.time(h, 0)) for h in range(6)]) == {1, 2, 3}
    assert practised_slots(day, []) == set()
