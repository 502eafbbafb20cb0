"""Rules for the practice log: what counts as a session, and how minutes are summed."""

from __future__ import annotations

MIN_LOGGED_SECONDS = 60.0
MAX_MANUAL_MINUTES = 600


def logging_threshold(duration_s: float) -> float:
    """Seconds of a track that must be heard for a stopped track to be logged."""
    return min(MIN_LOGGED_SECONDS, duration_s * 0.5)


def counts_as_practice(listened_s: float, duration_s: float) -> bool:
    """A stopped track is logged once a real part of it was heard: a minute, or half a short one."""
    if listened_s <= 0:
        return False
    return listened_s >= logging_threshold(duration_s)


def completed(listened_s: float, duration_s: float) -> bool:
    """Heard to the end, allowing for a few skipped seconds."""
    return duration_s > 0 and listened_s >= duration_s * 0.9


def validate_minutes(minutes: object) -> float:
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise ValueError("Minutes must be a number.")
    if not 1 <= minutes <= MAX_MANUAL_MINUTES:
        raise ValueError(f"Minutes must be from 1 to {MAX_MANUAL_MINUTES}.")
    return float(minutes)
