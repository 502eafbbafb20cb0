"""How the day's logged practice ticks a week's home-practice items.

An item is ticked by sessions of its own practices (`tracks`), one session each time, or, when
it has a `minutes` target, once the day's logged minutes reach it. A minutes item with no tracks
of its own takes any practice but what another item of the same week counts (so a week's
breathing spaces stay with the breathing-space item). No session ticks two items.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mindful_desktop.domain.content import HomePracticeItem


@dataclass(frozen=True)
class Logged:
    times: int  # how many of the item's `per_day` the logged practice answers
    minutes: float  # the minutes counted toward a minutes item (0 for the others)


def whole_minutes(minutes: float) -> int:
    """Logged lengths are fractions of a minute; 39.5 is 40 as a person reads it (round half
    up, not Python's half to even, which would make 38.5 read 38)."""
    return math.floor(minutes + 0.5)


def minutes_reached(minutes: float, target: int) -> bool:
    return whole_minutes(minutes) >= target


def counted_ids(
    item: HomePracticeItem, week: Sequence[HomePracticeItem], logged_ids: Mapping[str, object]
) -> list[str]:
    """The practice ids of the day that count toward `item`."""
    if item.tracks or item.minutes is None:
        return [t for t in item.tracks if t in logged_ids]
    others = {t for other in week if other is not item for t in other.tracks}
    return [p for p in logged_ids if p not in others]


def logged_toward(
    item: HomePracticeItem,
    week: Sequence[HomePracticeItem],
    sessions: Mapping[str, int],
    minutes: Mapping[str, float],
) -> Logged:
    """What the day's log (sessions and minutes per practice id) does for `item`."""
    if item.minutes is None:
        return Logged(sum(sessions[p] for p in counted_ids(item, week, sessions)), 0.0)
    total = sum(minutes[p] for p in counted_ids(item, week, minutes))
    return Logged(1 if minutes_reached(total, item.minutes) else 0, total)
