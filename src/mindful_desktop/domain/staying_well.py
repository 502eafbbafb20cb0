"""The staying-well watch: when recent questionnaires or moods call for a gentle note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from mindful_desktop.domain.instruments import CLINICIAN_THRESHOLD, PHQ9

# A PHQ-9 in the history: (day taken, total) or (day taken, total, item 9's answer).
Phq9Score = tuple[dt.date, int] | tuple[dt.date, int, int]

# PHQ-9 rules. The rise uses the person's own lowest total as the yardstick, because for people
# who have had depression a return of symptoms from *their* good level is the early sign.
RISE_POINTS = PHQ9.meaningful_change  # 5: a meaningful change
# 26 weeks (about six months, ~13 fortnightly questionnaires): long enough to hold a settled
# stretch, short enough that a low from a different period of life is not the yardstick.
RISE_WINDOW_DAYS = 182
# A PHQ-9 describes the two weeks before it; one older than four weeks says little about now,
# and a note that keeps returning for months about an old score would only nag.
PHQ9_FRESH_DAYS = 28
CROSSING_LINE = CLINICIAN_THRESHOLD  # 10
CRISIS_AT = 15

# Mood rule: the last 14 days against the 60 days before them. Each needs enough days with
# check-ins that one bad day, or a sparse fortnight, cannot set it off on its own.
RECENT_DAYS = 14
BASELINE_DAYS = 60
MOOD_DROP = 2.0
MIN_RECENT_DAYS = 7
MIN_BASELINE_DAYS = 20

NOTE_TITLE = "A gentle note"
NOTE_LEAD = "Something in your recent check-ins may be worth a kind look."
NOTE_SUGGESTION = (
    "This isn't a diagnosis, and it may pass by itself. It could be a good moment to look at "
    "the action plan you made in week 7, to take a breathing space, or to talk with someone "
    "you trust or with your doctor or therapist."
)
NOTE_CRISIS = (
    "If you ever feel unsafe, the crisis resources list people you can call, with the contacts "
    "you have added shown first."
)


class ReasonKind(Enum):
    PHQ9_RISE = "phq9-rise"
    PHQ9_CROSSED = "phq9-crossed"
    PHQ9_HIGH = "phq9-high"
    PHQ9_ITEM9 = "phq9-item9"
    MOOD_DROP = "mood-drop"


@dataclass(frozen=True)
class Reason:
    kind: ReasonKind
    sentence: str


@dataclass(frozen=True)
class WatchResult:
    should_show: bool
    reasons: tuple[Reason, ...]
    show_crisis: bool  # the latest PHQ-9 (if recent) is CRISIS_AT or more, or item 9 above 0

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(r.sentence for r in self.reasons)

    @property
    def kinds(self) -> frozenset[ReasonKind]:
        return frozenset(r.kind for r in self.reasons)


ITEM9_SENTENCE = (
    "In your latest PHQ-9 you said you'd been having thoughts of being better off dead or of "
    "hurting yourself. Those thoughts are worth talking over soon with your doctor or "
    "therapist, or with someone you trust, even if they come and go."
)


def _phq9_reasons(history: list[tuple[dt.date, int, int]], today: dt.date) -> list[Reason]:
    if not history:
        return []
    latest_day, latest, latest_item9 = history[-1]
    if (today - latest_day).days > PHQ9_FRESH_DAYS:
        return []
    reasons = []
    window = [t for d, t, _ in history[:-1] if (latest_day - d).days <= RISE_WINDOW_DAYS]
    if window and latest - min(window) >= RISE_POINTS:
        low = min(window)
        reasons.append(
            Reason(
                ReasonKind.PHQ9_RISE,
                f"Your latest PHQ-9 total ({latest}) is {latest - low} points higher than your "
                f"lowest in the six months before it ({low}). A rise of this size is worth "
                "noticing early, while it is easier to respond to.",
            )
        )
    if len(history) >= 2 and history[-2][1] < CROSSING_LINE <= latest:
        reasons.append(
            Reason(
                ReasonKind.PHQ9_CROSSED,
                f"Your PHQ-9 total has gone from {history[-2][1]} last time to {latest} now. "
                f"Totals of {CROSSING_LINE} or more are worth talking over with your doctor or "
                "therapist.",
            )
        )
    if latest >= CRISIS_AT:
        reasons.append(
            Reason(
                ReasonKind.PHQ9_HIGH,
                f"Your latest PHQ-9 total is {latest}. With totals of {CRISIS_AT} or more, it is "
                "a good idea to talk with your doctor or therapist soon, even if you are not "
                "sure it is needed.",
            )
        )
    if latest_item9 > 0:
        reasons.append(Reason(ReasonKind.PHQ9_ITEM9, ITEM9_SENTENCE))
    return reasons


def _window_mean(
    mood_by_day: Mapping[dt.date, float], last: dt.date, days: int
) -> tuple[float | None, int]:
    """Mean of the daily means in the `days` days ending on `last`, and how many days had any."""
    total = 0.0
    count = 0
    for offset in range(days):
        value = mood_by_day.get(last - dt.timedelta(days=offset))
        if value is not None:
            total += value
            count += 1
    return (total / count if count else None), count


def _mood_reason(mood_by_day: Mapping[dt.date, float], today: dt.date) -> Reason | None:
    recent, recent_n = _window_mean(mood_by_day, today, RECENT_DAYS)
    baseline_end = today - dt.timedelta(days=RECENT_DAYS)
    baseline, baseline_n = _window_mean(mood_by_day, baseline_end, BASELINE_DAYS)
    if recent is None or baseline is None:
        return None
    if recent_n < MIN_RECENT_DAYS or baseline_n < MIN_BASELINE_DAYS:
        return None
    if baseline - recent < MOOD_DROP:
        return None
    return Reason(
        ReasonKind.MOOD_DROP,
        f"Your mood check-ins over the last two weeks average {recent:.1f} out of 10, lower "
        f"than the {baseline:.1f} of the two months before. Moods go up and down, but a "
        "drop that lasts two weeks is worth a gentle look.",
    )


def _whole(value: object, what: str, top: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"A PHQ-9 {what} must be a whole number.")
    if not 0 <= value <= top:
        raise ValueError(f"A PHQ-9 {what} must be from 0 to {top}, not {value}.")
    return value


def check(
    phq9_history: Iterable[Phq9Score],
    mood_by_day: Mapping[dt.date, float],
    today: dt.date,
) -> WatchResult:
    """Decide whether to show the staying-well note, and why, in plain words.

    `phq9_history` is (day taken, total[, item 9]) in any order; several on one day keep their
    order. Item 9 above "not at all" in the latest (recent) PHQ-9 is a reason on its own,
    whatever the total. `mood_by_day` holds daily mean moods (0-10). Entries dated after
    today are ignored.
    """
    history = []
    for score in phq9_history:
        day, total = score[0], _whole(score[1], "total", PHQ9.max_score)
        item9 = _whole(score[2], "item 9 answer", 3) if len(score) > 2 else 0
        if day <= today:
            history.append((day, total, item9))
    history.sort(key=lambda entry: entry[0])  # stable: same-day totals stay in given order
    reasons = _phq9_reasons(history, today)
    mood = _mood_reason(mood_by_day, today)
    if mood is not None:
        reasons.append(mood)
    crisis = (ReasonKind.PHQ9_HIGH, ReasonKind.PHQ9_ITEM9)
    show_crisis = any(r.kind in crisis for r in reasons)
    return WatchResult(should_show=bool(reasons), reasons=tuple(reasons), show_crisis=show_crisis)
