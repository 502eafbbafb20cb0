"""What the lessons tell a person to press or turn on is there, named as the lessons name it:
the practice times, gentle reminders, practice done elsewhere and the reminder's answers."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from mindful_desktop.paths import assets_dir
from mindful_desktop.ui.main_window import MainWindow

LESSONS = sorted((assets_dir() / "lessons").glob("*.md"))
BOLD = re.compile(r"\*\*([^*]+)\*\*")


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window()


def _texts(widget: QWidget) -> set[str]:
    found = {b.text() for b in widget.findChildren(QAbstractButton)}
    found |= {lbl.text() for lbl in widget.findChildren(QLabel)}
    return found


def _named_in_lessons() -> set[str]:
    """Bold words in the lessons that name a control: a button ("…") or a setting."""
    names = set()
    for path in LESSONS:
        for name in BOLD.findall(path.read_text(encoding="utf-8")):
            if name.endswith("…") or name in ("Gentle reminders", "Practice times"):
                names.add(name)
    return names


def test_every_control_a_lesson_names_is_in_the_app(window: MainWindow) -> None:
    names = _named_in_lessons()
    assert {"Plan practice times…", "Add a time…", "Gentle reminders", "Practice times"} <= names
    seen = _texts(window.page("today")) | _texts(window.page("settings"))
    seen |= _texts(window.page("practice"))
    plan = window.open_plan()
    seen |= _texts(plan) | {plan.windowTitle()}
    plan.close()
    seen |= _texts(window.reminder_bar)
    assert names <= seen, names - seen
    # Said in prose around them: the reminder's answers and the track for difficult moments.
    assert {"Start", "Later", "Skip today"} <= _texts(window.reminder_bar)
    titles = {t.title for t in window.ctx.practice.library()}
    assert "Breathing space for difficult moments" in titles
    week4 = (assets_dir() / "lessons" / "04-week-4.md").read_text(encoding="utf-8")
    assert '"Breathing space for difficult moments"' in week4
