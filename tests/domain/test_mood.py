"""The mood scale and its summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from mindful_desktop.domain.mood import (
    NOTE_MAX_CHARS,
    clean_note,
    daily_means,
    last_days,
    mood_words,
    validate_mood,
)


@pytest.mark.parametrize("good", [0, 5, 10])
def test_valid_moods_pass(good: int) -> None:
    assert validate_mood(good) == good


@pytest.mark.parametrize("bad", [-1, 11, 5.5, "7", None, True])
def test_invalid_moods_are_refused_with_a_sentence(bad: object) -> None:
    with pytest.raises(ValueError, match="0 to 10|from 0"):
        validate_mood(bad)


def test_note_keeps_inner_text_exactly_but_trims_edges() -> None:
    text = "  line one\n\n  indented 🌱 עברית  \n"
    assert clean_note(text) == "line one\n\n  indented 🌱 עברית"


def test_overlong_note_is_refused() -> None:
    with pytest.raises(ValueError, match="journal"):
        clean_note("x" * (NOTE_MAX_CHARS + 1))


def test_daily_means_average_several_check_ins() -> None:
    d = dt.date(2026, 1, 5)
    assert daily_means([(d, 3), (d, 6), (d + dt.timedelta(days=1), 8)]) == {
        d: 4.5,
        d + dt.timedelta(days=1): 8.0,
    }


def test_last_days_has_one_entry_per_day_with_gaps_as_none() -> None:
    today = dt.date(2026, 1, 7)
    entries = [(today, 6), (today, 8), (today - dt.timedelta(days=3), 2), (dt.date(2025, 1, 1), 9)]
    days = last_days(entries, today, 7)
    assert [d.day for d in days] == [today - dt.timedelta(days=n) for n in range(6, -1, -1)]
    assert days[-1].mean == 7.0 and days[-1].count == 2
    assert days[3].mean == 2.0
    assert [d.mean for d in days].count(None) == 5


def test_mood_words_cover_the_scale() -> None:
    assert mood_words(0) == "very low"
    assert mood_words(10) == "very good"
    assert len({mood_words(n) for n in range(11)}) == 5
