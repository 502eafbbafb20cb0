"""Every page, lesson and dialog at 1024x640, 1280x800 and 1920x1080: nothing runs off the
side, no wrapped text is cut off (see tests/ui/fit.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mindful_desktop.ui.main_window import KEYS, MainWindow
from tests.ui.fit import SIZES, problems, settle


@pytest.fixture
def window(open_window: Callable[..., MainWindow], themed: None) -> MainWindow:
    return open_window()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    found = []
    for key in KEYS:
        window.show_page(key)
        settle()
        found += problems(window, f"{key} at {size}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_lesson_fits(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    found = []
    for lesson in window.ctx.content.lessons:
        window.open_lesson(lesson.slug)
        settle()
        found += problems(window, f"{lesson.slug} at {size}")
    assert not found, "\n".join(found)
