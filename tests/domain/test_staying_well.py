"""The staying-well watch: each trigger on its own, none on noise or sparse data."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from mindful_desktop.domain import followup, staying_well
from mindful_desktop.domain.staying_well import ReasonKind, check

TODAY = dt.date(2026, 3, 14)
DAY = dt.timedelta(days=1)


def mood_series(baseline: float, recent: float, *, days: int = 120) -> dict[dt.date, float]:
    """Daily means: `recent` for the last 14 days, `baseline` before that."""
    return {TODAY - n * DAY: (recent if n < 14 else baseline) for n in range(days)}


def fortnightly(*totals: int) -> list[tuple[dt.date, int]]:
    """PHQ-9 totals taken every 14 days, the last one today."""
    n = len(totals)
    return [(TODAY - (n - 1 - i) * 14 * DAY, t) for i, t in enumerate(totals)]


def test_nothing_at_all_shows_nothing() -> None:
    result = check([], {}, TODAY)
    assert not result.should_show and result.reasons == () and not result.show_crisis


# --- PHQ-9 rise ------------------------------------------------------------------------------


def test_rise_of_five_from_the_recent_lowest_triggers_alone() -> None:
    result = check(fortnightly(3, 2, 4, 5, 4, 6, 7), {}, TODAY)
    assert result.should_show and not result.show_crisis
    assert result.kinds == {ReasonKind.PHQ9_RISE}
    assert result.sentences == (
        "Your latest PHQ-9 total (7) is 5 points higher than your lowest in the six months "
        "before it (2). A rise of this size is worth noticing early, while it is easier to "
        "respond to.",
    )


def test_rise_of_four_does_not_trigger() -> None:
    assert not check(fortnightly(3, 2, 4, 5, 4, 6), {}, TODAY).should_show


def test_a_low_older_than_six_months_is_not_the_yardstick() -> None:
    old_low = (TODAY - 200 * DAY, 1)
    history = [old_low, *fortnightly(4, 5, 4, 8)]
    assert not check(history, {}, TODAY).should_show
    recent_low = (TODAY - 182 * DAY, 1)
    assert check([recent_low, *fortnightly(4, 5, 4, 8)], {}, TODAY).kinds == {ReasonKind.PHQ9_RISE}


# --- PHQ-9 crossing 10 -----------------------------------------------------------------------


def test_crossing_ten_triggers_alone() -> None:
    result = check(fortnightly(6, 9, 10), {}, TODAY)
    assert result.kinds == {ReasonKind.PHQ9_CROSSED}
    assert result.sentences == (
        "Your PHQ-9 total has gone from 9 last time to 10 now. Totals of 10 or more are worth "
        "talking over with your doctor or therapist.",
    )


@pytest.mark.parametrize("totals", [(9, 9), (10, 11), (12, 10), (10,), (11, 9)])
def test_no_crossing_without_going_from_below_ten_to_ten_or_more(totals: tuple[int, ...]) -> None:
    assert ReasonKind.PHQ9_CROSSED not in check(fortnightly(*totals), {}, TODAY).kinds


def test_rise_and_crossing_together_give_both_reasons() -> None:
    assert check(fortnightly(4, 11), {}, TODAY).kinds == {
        ReasonKind.PHQ9_RISE,
        ReasonKind.PHQ9_CROSSED,
    }


# --- show_crisis -----------------------------------------------------------------------------


def test_show_crisis_from_fifteen() -> None:
    at_15 = check(fortnightly(14, 15), {}, TODAY)
    assert at_15.show_crisis and at_15.should_show
    assert at_15.kinds == {ReasonKind.PHQ9_HIGH}
    assert "doctor or therapist soon" in at_15.sentences[0]
    at_14 = check(fortnightly(14, 14), {}, TODAY)
    assert not at_14.show_crisis and not at_14.should_show
    assert check(fortnightly(27), {}, TODAY).show_crisis


def test_an_old_questionnaire_does_not_keep_the_note_up() -> None:
    history = [(TODAY - 40 * DAY - n * 14 * DAY, t) for n, t in enumerate((16, 9, 3))]
    result = check(history, {}, TODAY)
    assert not result.should_show and not result.show_crisis


def test_order_of_history_does_not_matter_and_future_dates_are_ignored() -> None:
    history = list(reversed(fortnightly(6, 9, 10))) + [(TODAY + 3 * DAY, 27)]
    assert check(history, {}, TODAY).kinds == {ReasonKind.PHQ9_CROSSED}


def test_impossible_totals_are_refused() -> None:
    with pytest.raises(ValueError, match="0 to 27"):
        check([(TODAY, 28)], {}, TODAY)


# --- mood ------------------------------------------------------------------------------------


def test_mood_drop_of_two_triggers_alone() -> None:
    result = check([], mood_series(6.5, 4.5), TODAY)
    assert result.kinds == {ReasonKind.MOOD_DROP} and not result.show_crisis
    assert result.sentences == (
        "Your mood check-ins over the last two weeks average 4.5 out of 10, lower than the 6.5 "
        "of the two months before. Moods go up and down, but a drop that lasts two weeks is "
        "worth a gentle look.",
    )


def test_mood_drop_just_under_two_does_not_trigger() -> None:
    assert not check([], mood_series(6.5, 4.6), TODAY).should_show
    assert not check([], mood_series(4.0, 8.0), TODAY).should_show  # a rise is not a worry


def _sparse(recent_days: int, baseline_days: int) -> dict[dt.date, float]:
    recent = {TODAY - n * DAY: 3.0 for n in range(recent_days)}
    baseline = {TODAY - (14 + n) * DAY: 7.0 for n in range(baseline_days)}
    return recent | baseline


def test_mood_rule_needs_seven_recent_days_and_twenty_before() -> None:
    assert check([], _sparse(7, 20), TODAY).kinds == {ReasonKind.MOOD_DROP}
    assert not check([], _sparse(6, 60), TODAY).should_show
    assert not check([], _sparse(14, 19), TODAY).should_show


def test_mood_rule_looks_only_at_the_windows() -> None:
    moods = mood_series(6.0, 6.0, days=74)
    moods[TODAY - 74 * DAY] = 10.0  # just outside the 60-day baseline
    moods[TODAY + DAY] = 0.0  # tomorrow (a clock problem) is not part of the last two weeks
    assert not check([], moods, TODAY).should_show


def test_a_single_terrible_day_does_not_trigger() -> None:
    moods = mood_series(6.0, 6.0)
    moods[TODAY] = 0.0
    moods[TODAY - DAY] = 0.0
    assert not check([], moods, TODAY).should_show


# --- noise -----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(60))
def test_noisy_but_stable_series_never_trigger(seed: int) -> None:
    rng = random.Random(seed)
    level = rng.uniform(2.0, 8.0)
    phq_level = rng.randint(2, 7)
    start = TODAY - 400 * DAY
    moods: dict[dt.date, float] = {}
    phq: list[tuple[dt.date, int]] = []
    for n in range(401):
        day = start + n * DAY
        if rng.random() < 0.8:  # some days without a check-in
            moods[day] = min(10.0, max(0.0, level + rng.uniform(-1.5, 1.5)))
        if n % 14 == 0:
            phq.append((day, phq_level + rng.randint(-2, 2)))
    for n in range(80, 401, 3):
        today = start + n * DAY
        result = check(phq, moods, today)
        assert not result.should_show, (seed, today, result.sentences)


# --- the words -------------------------------------------------------------------------------


def test_the_words_are_kind_and_not_alarming() -> None:
    results = [
        check(fortnightly(3, 2, 4, 5, 4, 6, 7), {}, TODAY),
        check(fortnightly(6, 9, 10), {}, TODAY),
        check(fortnightly(4, 16), mood_series(7.0, 3.0), TODAY),
    ]
    texts = [s for r in results for s in r.sentences]
    texts += [staying_well.NOTE_LEAD, staying_well.NOTE_SUGGESTION, staying_well.NOTE_CRISIS]
    texts += [staying_well.ITEM9_SENTENCE, followup.FOLLOWUP_OFFER, followup.FOLLOWUP_PRIVACY]
    texts += [followup.followup_lead(TODAY - n * DAY, TODAY) for n in (0, 1, 5, 400)]
    assert len(texts) > 6
    for text in texts:
        lowered = text.lower()
        for word in ("warning", "danger", "alarm", "relapse", "urgent", "failed", "!"):
            assert word not in lowered, text
    assert "isn't a diagnosis" in staying_well.NOTE_SUGGESTION


# --- PHQ-9 item 9 ----------------------------------------------------------------------------


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_item_9_above_not_at_all_in_the_latest_phq9_is_a_reason_whatever_the_total(
    item9: int,
) -> None:
    result = check([(TODAY - 14 * DAY, 2, 0), (TODAY, 3, item9)], {}, TODAY)
    assert result.kinds == {ReasonKind.PHQ9_ITEM9}
    assert result.should_show and result.show_crisis
    assert "better off dead" in result.sentences[0]


def test_item_9_counts_only_in_the_latest_recent_phq9() -> None:
    earlier = check([(TODAY - 14 * DAY, 3, 1), (TODAY, 3, 0)], {}, TODAY)
    assert ReasonKind.PHQ9_ITEM9 not in earlier.kinds
    stale = check([(TODAY - 40 * DAY, 3, 2)], {}, TODAY)
    assert not stale.should_show
    assert not check([(TODAY, 3)], {}, TODAY).should_show  # a pair means item 9 was 0


def test_item_9_is_checked_like_a_total() -> None:
    with pytest.raises(ValueError, match="item 9 answer must be from 0 to 3"):
        check([(TODAY, 3, 4)], {}, TODAY)


def test_the_follow_up_is_due_after_an_answer_until_hidden() -> None:
    t = dt.datetime(2026, 3, 14, 9, 0)
    assert not followup.followup_due(None, None)
    assert followup.followup_due(t, None)
    assert not followup.followup_due(t, t + dt.timedelta(minutes=1))  # hidden since
    assert followup.followup_due(t + dt.timedelta(days=2), t)  # a later answer: back again


def test_the_follow_up_names_the_day_plainly() -> None:
    assert followup.followup_lead(TODAY, TODAY).startswith("Earlier today, in the PHQ-9")
    assert followup.followup_lead(TODAY - DAY, TODAY).startswith("Yesterday,")
    assert followup.followup_lead(TODAY - 5 * DAY, TODAY).startswith("On Monday 9 March,")
    assert followup.followup_lead(dt.date(2025, 2, 1), TODAY).startswith("On 1 February 2025,")
    assert "nobody sees" in followup.FOLLOWUP_PRIVACY.lower()
    assert "can't call for help" in followup.FOLLOWUP_PRIVACY
