"""How mood tended to shift around practice, from the optional ratings just before and just
after a session. Plain words, and never a claim of cause. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from mindful_desktop.domain.words import count

ENOUGH = 5  # rated practices before anything is said about a tendency
ABOUT_THE_SAME = 0.25  # points of mood, on average
NOT_CAUSE = "This describes what happened around practice; it doesn't show that practice caused it."


@dataclass(frozen=True)
class MoodShift:
    rated: int  # practices with a rating before and after
    mean_change: float  # after minus before, on average (0 when none)
    sentence: str

    @property
    def enough(self) -> bool:
        return self.rated >= ENOUGH


def mood_shift(rated: int, total_change: float) -> MoodShift:
    """`rated` practices with a mood before and after; `total_change` the sum over them of
    after minus before."""
    if rated <= 0:
        return MoodShift(
            0,
            0.0,
            "If you like, rate your mood before and after a practice (both are optional); "
            "after a few, this says how it tended to shift around practice.",
        )
    change = total_change / rated
    if rated < ENOUGH:
        return MoodShift(
            rated,
            change,
            f"{count(rated, 'practice')} rated before and after so far; after {ENOUGH}, this "
            "says how mood tended to shift around practice.",
        )
    over = f"Over the {count(rated, 'practice')} you rated before and after"
    if abs(change) < ABOUT_THE_SAME:
        said = f"{over}, mood was about the same afterwards."
    else:
        way = "higher" if change > 0 else "lower"
        said = f"{over}, mood was on average {abs(change):.1f} points {way} afterwards."
    return MoodShift(rated, change, f"{said} {NOT_CAUSE}")
