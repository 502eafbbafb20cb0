"""How mood tended to shift around practice: nothing claimed before five rated practices,
then plain words, and never a claim of cause."""

from __future__ import annotations

from mindful_desktop.domain.around_practice import NOT_CAUSE, mood_shift


def test_nothing_rated_yet_invites_without_pressing() -> None:
    shift = mood_shift(0, 0)
    assert shift.rated == 0 and not shift.enough
    assert "optional" in shift.sentence and NOT_CAUSE not in shift.sentence


def test_a_few_ratings_say_no_tendency_yet() -> None:
    shift = mood_shift(3, 9)
    assert not shift.enough and shift.sentence.startswith("3 practices rated before and after")
    assert "higher" not in shift.sentence


def test_enough_ratings_give_the_average_shift_and_no_cause() -> None:
    higher = mood_shift(5, 5)
    assert higher.enough and higher.mean_change == 1.0
    assert higher.sentence == (
        "Over the 5 practices you rated before and after, mood was on average 1.0 points "
        f"higher afterwards. {NOT_CAUSE}"
    )
    lower = mood_shift(6, -6)
    assert "1.0 points lower afterwards" in lower.sentence
    same = mood_shift(5, 1)
    assert "about the same afterwards" in same.sentence and same.sentence.endswith(NOT_CAUSE)
