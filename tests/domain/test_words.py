"""Counting in words."""

from __future__ import annotations

import pytest

from mindful_desktop.domain.words import count, plural


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 minutes"),
        (1, "1 minute"),
        (2, "2 minutes"),
        (1.0, "1 minute"),
        (1.5, "1.5 minutes"),
        (1234, "1,234 minutes"),
        (2.04, "2 minutes"),
    ],
)
def test_count_minutes(n: float, expected: str) -> None:
    assert count(n, "minute") == expected


def test_irregular_plurals_and_bare_words() -> None:
    assert count(1, "entry", "entries") == "1 entry"
    assert count(3, "entry", "entries") == "3 entries"
    assert plural(1, "week") == "week" and plural(0, "week") == "weeks"
    assert plural(2, "day") == "days" and count(1, "session") == "1 session"
