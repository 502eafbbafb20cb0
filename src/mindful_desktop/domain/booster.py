"""The monthly booster after the course: one of the eight weeks a month, in turn, with its
main practice and one section of its lesson to reread. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mindful_desktop.domain.content import Lesson


@dataclass(frozen=True)
class Booster:
    month: dt.date  # the first day of the month it is for
    lesson: Lesson
    practice_id: str  # the week's main practice
    section: str  # a heading of the week's lesson to reread


def first_section(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("## "):
            return line[3:].strip()
    return ""


def booster_for(day: dt.date, lessons: Sequence[Lesson]) -> Booster | None:
    """This month's booster: the weeks take turns, one a month, the same all month."""
    weekly = [lesson for lesson in lessons if lesson.is_weekly and lesson.practices]
    if not weekly:
        return None
    lesson = weekly[(day.year * 12 + day.month - 1) % len(weekly)]
    return Booster(
        dt.date(day.year, day.month, 1), lesson, lesson.practices[0], first_section(lesson.body)
    )
