"""The 0–10 mood scale and the summaries drawn from it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from mindful_desktop.domain.text import clean_text

MOOD_MIN = 0
MOOD_MAX = 10
MOOD_LOW_LABEL = "Very low"
MOOD_HIGH_LABEL = "Very good"
NOTE_MAX_CHARS = 20_000
# A short, balanced set: enough to name a day, few enough to take in at a glance.
EMOTION_WORDS = (
    "calm",
    "content",
    "grateful",
    "hopeful",
    "energised",
    "tired",
    "flat",
    "sad",
    "anxious",
    "irritable",
    "lonely",
    "overwhelmed",
)
SLEEP_MAX_HOURS = 24.0


def mood_words(mood: int) -> str:
    """A few plain words for a score, for screen readers and tooltips."""
    if mood <= 1:
        return "very low"
    if mood <= 3:
        return "low"
    if mood <= 6:
        return "in the middle"
    if mood <= 8:
        return "good"
    return "very good"


def validate_mood(mood: object) -> int:
    if isinstance(mood, bool) or not isinstance(mood, int):
        raise ValueError("Mood must be a whole number from 0 to 10.")
    if not MOOD_MIN <= mood <= MOOD_MAX:
        raise ValueError(f"Mood must be from {MOOD_MIN} to {MOOD_MAX}; {mood} is outside that.")
    return mood


def clean_note(note: str) -> str:
    """Keep the user's words exactly, but drop blank edges (and half a character, see
    domain.text); refuse absurd lengths kindly."""
    cleaned = clean_text(note.strip())
    if len(cleaned) > NOTE_MAX_CHARS:
        raise ValueError(
            f"That note is {len(cleaned):,} characters long; a check-in note can hold "
            f"{NOTE_MAX_CHARS:,}. The journal is the place for longer writing."
        )
    return cleaned


@dataclass(frozen=True)
class DaySummary:
    day: dt.date
    mean: float | None
    count: int


def daily_means(entries: Iterable[tuple[dt.date, int]]) -> dict[dt.date, float]:
    totals: dict[dt.date, list[int]] = defaultdict(list)
    for day, mood in entries:
        totals[day].append(mood)
    return {day: sum(values) / len(values) for day, values in totals.items()}


def last_days(
    entries: Iterable[tuple[dt.date, int]], today: dt.date, days: int = 7
) -> list[DaySummary]:
    """One summary per day, oldest first, ending today; days without check-ins have mean None."""
    counts: dict[dt.date, int] = defaultdict(int)
    pairs = list(entries)
    for day, _mood in pairs:
        counts[day] += 1
    means = daily_means(pairs)
    out = []
    for offset in range(days - 1, -1, -1):
        day = today - dt.timedelta(days=offset)
        out.append(DaySummary(day=day, mean=means.get(day), count=counts.get(day, 0)))
    return out


def validate_emotions(words: object) -> tuple[str, ...]:
    if isinstance(words, str) or not isinstance(words, list | tuple | set | frozenset):
        raise ValueError("Emotion words must be a list.")
    chosen = []
    for word in words:
        if word not in EMOTION_WORDS:
            raise ValueError(f"'{word}' isn't one of the emotion words offered.")
        if word not in chosen:
            chosen.append(word)
    return tuple(w for w in EMOTION_WORDS if w in chosen)  # a stable order


def validate_sleep(hours: object) -> float | None:
    if hours is None:
        return None
    if isinstance(hours, bool) or not isinstance(hours, int | float):
        raise ValueError("Hours of sleep must be a number.")
    if not 0 <= hours <= SLEEP_MAX_HOURS:
        raise ValueError("Hours of sleep must be from 0 to 24.")
    return round(float(hours) * 2) / 2  # half hours are precise enough to remember
