"""PHQ-9 and GAD-7: exact wording, scoring over every band edge, item 9, change and timing."""

from __future__ import annotations

import datetime as dt

import pytest

from mindful_desktop.domain import instruments
from mindful_desktop.domain.instruments import (
    ATTRIBUTION,
    GAD7,
    INSTRUMENTS,
    PHQ9,
    SELF_MONITORING_NOTE,
    Instrument,
    band,
    change_summary,
    is_due,
    needs_crisis_screen,
    next_due,
    result_sentence,
    score,
    validate_extra_answer,
)


def answers_for(instrument: Instrument, total: int) -> list[int]:
    """A valid answer list adding up to `total`, filled from the first item."""
    out = []
    left = total
    for _ in instrument.items:
        out.append(min(3, left))
        left -= out[-1]
    assert left == 0
    return out


def test_phq9_wording_is_the_published_wording() -> None:
    assert PHQ9.stem == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert PHQ9.items == (
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    )
    assert PHQ9.extra_item is not None
    assert PHQ9.extra_item.text == (
        "If you checked off any problems, how difficult have these problems made it for you to "
        "do your work, take care of things at home, or get along with other people?"
    )
    assert PHQ9.extra_item.answers == (
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    )


def test_gad7_wording_is_the_published_wording() -> None:
    assert GAD7.stem == (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    assert GAD7.items == (
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    )
    # The same unscored difficulty item as the PHQ-9's, word for word.
    assert GAD7.extra_item == PHQ9.extra_item


@pytest.mark.parametrize("instrument", [PHQ9, GAD7], ids=lambda i: i.id)
def test_answers_are_the_four_frequencies(instrument: Instrument) -> None:
    assert [(a.value, a.label) for a in instrument.answers] == [
        (0, "Not at all"),
        (1, "Several days"),
        (2, "More than half the days"),
        (3, "Nearly every day"),
    ]


def test_attribution_is_word_for_word() -> None:
    assert ATTRIBUTION == (
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
        "with an educational grant from Pfizer Inc. No permission required to reproduce, "
        "translate, display or distribute."
    )


def test_shape_of_both_instruments() -> None:
    assert (len(PHQ9.items), PHQ9.max_score, PHQ9.meaningful_change) == (9, 27, 5)
    assert (len(GAD7.items), GAD7.max_score, GAD7.meaningful_change) == (7, 21, 4)
    assert (PHQ9.reliable_change, GAD7.reliable_change) == (6, None)
    assert INSTRUMENTS == {"phq9": PHQ9, "gad7": GAD7}


PHQ9_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "moderately severe"),
    (19, "moderately severe"),
    (20, "severe"),
    (27, "severe"),
]
GAD7_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "severe"),
    (21, "severe"),
]


@pytest.mark.parametrize(
    ("instrument", "total", "label"),
    [(PHQ9, t, lab) for t, lab in PHQ9_EDGES] + [(GAD7, t, lab) for t, lab in GAD7_EDGES],
    ids=lambda v: v.id if isinstance(v, Instrument) else str(v),
)
def test_scoring_and_band_at_every_edge(instrument: Instrument, total: int, label: str) -> None:
    answers = answers_for(instrument, total)
    assert score(instrument, answers) == total
    # Same total reached from the other end of the form: order must not matter.
    assert score(instrument, list(reversed(answers))) == total
    assert band(instrument, total).label == label
    sentence = result_sentence(instrument, total)
    assert f"{total} out of {instrument.max_score}" in sentence
    assert f"\u201c{label}\u201d" in sentence
    assert ("doctor or therapist" in sentence) == (total >= 10)


@pytest.mark.parametrize("instrument", [PHQ9, GAD7], ids=lambda i: i.id)
def test_every_total_has_exactly_one_band(instrument: Instrument) -> None:
    for total in range(instrument.max_score + 1):
        assert sum(b.low <= total <= b.high for b in instrument.bands) == 1


@pytest.mark.parametrize(
    ("instrument", "answers", "match"),
    [
        (PHQ9, [0] * 8, "exactly 9 answers"),
        (PHQ9, [0] * 10, "exactly 9 answers"),
        (GAD7, [], "exactly 7 answers"),
        (GAD7, [0] * 9, "exactly 7 answers"),
        (PHQ9, [0] * 8 + [4], "item 9"),
        (PHQ9, [-1] + [0] * 8, "item 1"),
        (GAD7, [0, 0, 1.5, 0, 0, 0, 0], "item 3"),
        (GAD7, [0, 0, 0, "2", 0, 0, 0], "item 4"),
        (GAD7, [0, 0, 0, 0, None, 0, 0], "item 5"),
        (GAD7, [True, 0, 0, 0, 0, 0, 0], "item 1"),
    ],
)
def test_invalid_answers_are_refused_clearly(
    instrument: Instrument, answers: list[object], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        score(instrument, answers)  # type: ignore[arg-type]


@pytest.mark.parametrize(("instrument", "bad"), [(PHQ9, -1), (PHQ9, 28), (GAD7, 22)])
def test_band_refuses_impossible_totals(instrument: Instrument, bad: int) -> None:
    with pytest.raises(ValueError, match="from 0 to"):
        band(instrument, bad)


def test_extra_item_is_optional_and_checked() -> None:
    for instrument in (PHQ9, GAD7):
        assert validate_extra_answer(instrument, None) is None
        assert validate_extra_answer(instrument, 3) == 3
        with pytest.raises(ValueError, match="0 to 3"):
            validate_extra_answer(instrument, 4)
    no_extra = Instrument(
        id="x",
        name="X",
        stem="s",
        items=("a",),
        answers=PHQ9.answers,
        bands=(instruments.Band(0, 3, "any"),),
        meaningful_change=1,
        max_score=3,
    )
    with pytest.raises(ValueError, match="no extra item"):
        validate_extra_answer(no_extra, 0)


@pytest.mark.parametrize("instrument", [PHQ9, GAD7], ids=lambda i: i.id)
def test_the_extra_item_is_never_scored(instrument: Instrument) -> None:
    assert instrument.extra_item is not None
    # The total has one answer per scored item; the difficulty item is not one of them.
    with pytest.raises(ValueError, match=f"exactly {len(instrument.items)} answers"):
        score(instrument, [0] * len(instrument.items) + [3])
    assert instrument.max_score == 3 * len(instrument.items)


def test_broken_tables_fail_at_definition() -> None:
    with pytest.raises(ValueError, match="bands"):
        Instrument(
            id="x",
            name="X",
            stem="s",
            items=("a",),
            answers=PHQ9.answers,
            bands=(instruments.Band(0, 1, "low"),),
            meaningful_change=1,
            max_score=3,
        )


# --- item 9 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_any_item9_answer_above_not_at_all_shows_the_crisis_screen(item9: int) -> None:
    assert needs_crisis_screen([0] * 8 + [item9]) is True


def test_item9_alone_is_enough_even_on_a_partly_filled_form() -> None:
    # Before the score and without needing the other items answered.
    assert needs_crisis_screen([None] * 8 + [1]) is True
    assert needs_crisis_screen([0, None, 3, None, None, None, None, None, 2]) is True


def test_item9_not_at_all_does_not_show_the_screen() -> None:
    assert needs_crisis_screen([3] * 8 + [0]) is False
    assert needs_crisis_screen([0] * 9) is False
    assert needs_crisis_screen([1, 2, 3]) is False  # not answered yet
    assert needs_crisis_screen([0] * 8 + [None]) is False


def test_item9_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="item 9"):
        needs_crisis_screen([0] * 8 + [7])
    with pytest.raises(ValueError, match="9 scored items"):
        needs_crisis_screen([0] * 10)


REASSURANCE = ("safe", "no risk", "not at risk", "good news", "nothing to worry", "relief")


def test_a_zero_on_item9_is_never_turned_into_reassurance() -> None:
    # The only output for a zero is False; no sentence anywhere in the module speaks about it.
    # Its own words, not the module's dunders: `__file__` names the folder it was checked out in.
    words = [v for k, v in vars(instruments).items() if isinstance(v, str) and k[:2] != "__"]
    words += [result_sentence(PHQ9, t) for t in range(28)]
    for text in words:
        lowered = text.lower()
        assert not any(phrase in lowered for phrase in REASSURANCE), text
    item9_zero = [3] * 8 + [0]
    assert result_sentence(PHQ9, score(PHQ9, item9_zero)) == result_sentence(PHQ9, 24)


# --- change ----------------------------------------------------------------------------------


MEANINGFUL = "counts as a meaningful change"
RELIABLE = "more than the test's usual ups and downs"
SAME = "much the same"


@pytest.mark.parametrize(
    ("instrument", "previous", "current", "meaningful", "reliable"),
    [
        # PHQ-9: within one range ("moderate", 10-14), so only the size speaks.
        (PHQ9, 10, 14, False, False),
        (PHQ9, 14, 10, False, False),
        # 5 points: the minimal clinically important difference; 6: reliable change too.
        (PHQ9, 10, 15, True, False),
        (PHQ9, 15, 10, True, False),
        (PHQ9, 10, 16, True, True),
        (PHQ9, 16, 10, True, True),
        (PHQ9, 0, 27, True, True),
        # GAD-7: meaningful at 4; no reliable-change figure is claimed for it.
        (GAD7, 10, 13, False, False),
        (GAD7, 10, 14, True, False),
        (GAD7, 14, 10, True, False),
        (GAD7, 0, 21, True, False),
    ],
)
def test_meaningful_and_reliable_change_start_at_their_thresholds(
    instrument: Instrument, previous: int, current: int, meaningful: bool, reliable: bool
) -> None:
    summary = change_summary(instrument, previous, previous, current)
    change = summary.since_previous
    assert change is not None
    assert (change.meaningful, change.reliable) == (meaningful, reliable)
    assert change.points == current - previous
    text = summary.sentences[0]
    assert (MEANINGFUL in text) is meaningful
    assert (RELIABLE in text) is reliable
    assert ("lower" in text) == (current < previous)
    assert ("higher" in text) == (current > previous)


@pytest.mark.parametrize(
    ("instrument", "previous", "current"),
    [
        (PHQ9, 9, 13),  # mild into moderate, 4 points: under 5 but not "much the same"
        (PHQ9, 13, 9),
        (PHQ9, 4, 5),  # one point over the edge of "minimal"
        (PHQ9, 14, 15),
        (PHQ9, 19, 20),
        (GAD7, 9, 10),
        (GAD7, 12, 15),
        (GAD7, 5, 4),
    ],
)
def test_a_small_change_into_another_range_is_not_much_the_same(
    instrument: Instrument, previous: int, current: int
) -> None:
    change = change_summary(instrument, previous, previous, current).since_previous
    assert change is not None and change.crosses_band and not change.meaningful
    text = change_summary(instrument, previous, previous, current).sentences[0]
    assert SAME not in text
    assert MEANINGFUL not in text
    before, after = band(instrument, previous).label, band(instrument, current).label
    assert (
        f"from the range called \u201c{before}\u201d into the one called \u201c{after}\u201d"
        in text
    )
    assert f"less than the {instrument.meaningful_change} points" in text


@pytest.mark.parametrize(
    ("instrument", "previous", "current"),
    [(PHQ9, 5, 9), (PHQ9, 9, 5), (PHQ9, 10, 14), (PHQ9, 0, 4), (GAD7, 15, 18), (GAD7, 5, 8)],
)
def test_a_small_change_inside_one_range_is_much_the_same(
    instrument: Instrument, previous: int, current: int
) -> None:
    change = change_summary(instrument, previous, previous, current).since_previous
    assert change is not None and not change.crosses_band and not change.meaningful
    text = change_summary(instrument, previous, previous, current).sentences[0]
    assert SAME in text and "range called" not in text


def test_a_meaningful_change_names_the_ranges_it_crosses() -> None:
    text = change_summary(PHQ9, 9, 9, 15).sentences[0]
    assert text == (
        "Your PHQ-9 total is 6 points higher than last time (from 9 to 15). That takes it from "
        "the range called \u201cmild\u201d into the one called \u201cmoderately severe\u201d. "
        "A change of 5 points or more counts as a meaningful change: about the smallest "
        "difference people tend to feel in their everyday lives. At 6 points or more it is "
        "also more than the test's usual ups and downs. It may be worth a kind look at how "
        "things are going, and perhaps a word with someone you trust or your doctor or "
        "therapist."
    )


def test_first_time_and_no_change_sentences() -> None:
    first = change_summary(PHQ9, None, None, 8)
    assert first.since_previous is None and first.since_first is None
    assert first.sentences == (
        "This is your first PHQ-9 here. Taking it again every two weeks lets you see how "
        "things change over time.",
    )
    same = change_summary(GAD7, 6, 6, 6)
    assert same.sentences == ("Your GAD-7 total is the same as last time (6).",)


def test_change_since_first_is_reported_when_it_adds_something() -> None:
    summary = change_summary(PHQ9, 18, 7, 9)
    assert summary.since_first is not None and summary.since_first.meaningful
    assert summary.since_previous is not None and not summary.since_previous.meaningful
    assert summary.sentences == (
        "Your PHQ-9 total is 2 points higher than last time (from 7 to 9). Changes smaller than "
        "5 points often come and go from one fortnight to the next, so this is best read as "
        "much the same.",
        "Since your first PHQ-9 here (18), your total has come down by 9 points. That is a "
        "meaningful change, and more than the test's usual ups and downs.",
    )
    # At exactly the meaningful change, and no more, it is not called reliable.
    five = change_summary(PHQ9, 14, 11, 9).sentences[1]
    assert five.endswith("come down by 5 points. That is a meaningful change.")
    small = change_summary(GAD7, 8, 6, 5).sentences[1]
    assert small == "Since your first GAD-7 here (8), your total has come down by 3 points."


def test_change_words_are_self_monitoring_not_diagnosis() -> None:
    texts = [SELF_MONITORING_NOTE]
    for instrument in (PHQ9, GAD7):
        for prev in range(0, instrument.max_score + 1, 3):
            for cur in range(0, instrument.max_score + 1, 2):
                texts += change_summary(instrument, 0, prev, cur).sentences
    for text in texts:
        lowered = text.lower()
        for banned in ("you have depression", "you are depressed", "disorder", "you are ill"):
            assert banned not in lowered
        assert "diagnos" not in lowered or "not a diagnosis" in lowered
    rise = change_summary(PHQ9, 3, 3, 9).sentences[0]
    assert "someone you trust" in rise


def test_change_refuses_impossible_totals() -> None:
    with pytest.raises(ValueError):
        change_summary(GAD7, 0, 22, 3)


# --- timing ----------------------------------------------------------------------------------

TODAY = dt.date(2026, 3, 14)


@pytest.mark.parametrize(
    ("last", "due"),
    [
        (None, True),
        (TODAY, False),
        (TODAY - dt.timedelta(days=13), False),
        (TODAY - dt.timedelta(days=14), True),
        (TODAY - dt.timedelta(days=400), True),
        (TODAY + dt.timedelta(days=3), False),  # clock moved back: wait, don't nag
    ],
)
def test_is_due_every_two_weeks(last: dt.date | None, due: bool) -> None:
    assert is_due(last, TODAY) is due


def test_is_due_other_intervals_and_next_due() -> None:
    assert is_due(TODAY - dt.timedelta(days=7), TODAY, every_days=7)
    assert not is_due(TODAY - dt.timedelta(days=6), TODAY, every_days=7)
    with pytest.raises(ValueError):
        is_due(None, TODAY, every_days=0)
    assert next_due(None, TODAY) == TODAY
    assert next_due(TODAY - dt.timedelta(days=3), TODAY) == TODAY + dt.timedelta(days=11)
    assert next_due(TODAY - dt.timedelta(days=30), TODAY) == TODAY
