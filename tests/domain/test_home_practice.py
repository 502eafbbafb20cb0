"""How logged practice ticks home-practice items: sessions of the item's own practices, or
minutes added up over the day, and never one session for two items."""

from __future__ import annotations

import pytest

from mindful_desktop.domain.content import HomePracticeItem
from mindful_desktop.domain.home_practice import (
    Logged,
    logged_toward,
    minutes_reached,
    whole_minutes,
)

SET_TIMES = HomePracticeItem("set-times", "Three set times", ("breathing-space",), per_day=3)
RESPONSIVE = HomePracticeItem(
    "responsive", "When difficulty arises", ("breathing-space-responsive",)
)
OWN = HomePracticeItem("own", "About 40 minutes", minutes=40)
SITTING_40 = HomePracticeItem("sit", "40 minutes sitting", ("sitting", "sitting-short"), minutes=40)
WEEK = (OWN, RESPONSIVE)


def test_sessions_of_the_items_own_practices_tick_it() -> None:
    sessions = {"breathing-space": 2, "breathing-space-responsive": 1}
    week = (SET_TIMES, RESPONSIVE)
    assert logged_toward(SET_TIMES, week, sessions, {}) == Logged(2, 0.0)
    assert logged_toward(RESPONSIVE, week, sessions, {}) == Logged(1, 0.0)
    # A scheduled breathing space is not one taken when difficulty arose.
    assert logged_toward(RESPONSIVE, week, {"breathing-space": 3}, {}) == Logged(0, 0.0)


def test_minutes_add_up_over_the_day() -> None:
    assert logged_toward(OWN, WEEK, {}, {"sitting-short": 10.0}) == Logged(0, 10.0)
    two = {"sitting-short": 10.0, "walking": 12.5, "body-scan-short": 17.0}
    assert logged_toward(OWN, WEEK, {}, two) == Logged(1, 39.5)
    # One session of any length is not forty minutes.
    assert logged_toward(OWN, WEEK, {"breath": 1}, {"breath": 10.0}).times == 0


def test_a_minutes_item_without_tracks_takes_any_practice_but_another_items() -> None:
    minutes = {"timer": 20.0, "recording-3": 15.0, "breathing-space-responsive": 3.0, "x": 2.0}
    assert logged_toward(OWN, WEEK, {}, minutes) == Logged(0, 37.0)
    minutes["timer"] = 23.0
    assert logged_toward(OWN, WEEK, {}, minutes) == Logged(1, 40.0)


def test_a_minutes_item_with_tracks_counts_only_those() -> None:
    minutes = {"sitting": 30.0, "walking": 20.0, "sitting-short": 9.0}
    assert logged_toward(SITTING_40, (SITTING_40,), {}, minutes) == Logged(0, 39.0)
    minutes["sitting-short"] = 10.0
    assert logged_toward(SITTING_40, (SITTING_40,), {}, minutes) == Logged(1, 40.0)


@pytest.mark.parametrize(
    ("minutes", "target", "reached"),
    [
        (0.0, 40, False),
        (39.4, 40, False),
        (39.5, 40, True),
        (38.5, 39, True),  # half up, never half to even
        (40.0, 40, True),
        (95.0, 40, True),
    ],
)
def test_a_part_minute_is_read_as_a_person_reads_it(
    minutes: float, target: int, reached: bool
) -> None:
    assert minutes_reached(minutes, target) is reached
    assert whole_minutes(38.5) == 39 and whole_minutes(0.4) == 0
