"""The orientation's "is this the right time to start?" as a person meets it: five questions,
advice under each one ticked, Crisis support one click away, and nothing written unless they
ask for a copy in their journal."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mindful_desktop.paths import AppPaths
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.pages.course import CoursePage
from mindful_desktop.ui.widgets.readiness_check import KEPT_STATUS, ReadinessCheckCard
from tests.conftest import FakeClock
from tests.ui.fit import SIZES, problems, settle

SLUG = "before-you-begin"


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    win = open_window(None)
    win.open_lesson(SLUG)
    return win


def card(window: MainWindow) -> ReadinessCheckCard:
    page = window.page("course")
    assert isinstance(page, CoursePage) and page.check is not None
    return page.check


def everything(paths: AppPaths) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table in the journal file."""
    con = sqlite3.connect(paths.db_path)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}
    finally:
        con.close()


def test_the_check_shows_in_the_orientation_with_its_five_questions(window: MainWindow) -> None:
    check = card(window)
    lesson = window.ctx.content.lesson(SLUG)
    assert lesson.check is not None
    assert check.isVisibleTo(window)
    assert check.title.text() == "Is this the right time to start?"
    assert [row.question.id for row in check.questions] == [
        "severe-episode",
        "suicidal-thoughts",
        "loss-or-trauma",
        "dependence",
        "psychosis-bipolar",
    ]
    assert [row.box.accessibleName() for row in check.questions] == [
        q.text for q in lesson.check.questions
    ]
    assert not any(row.advice.isVisibleTo(window) for row in check.questions)
    assert check.keep_button.isVisibleTo(window) and check.keep_button.isEnabled()
    # only the orientation has it
    window.open_lesson("week-1")
    page = window.page("course")
    assert isinstance(page, CoursePage) and page.check is None
    assert not page.findChildren(ReadinessCheckCard)


def test_ticking_a_question_shows_what_to_consider(window: MainWindow, qtbot: QtBot) -> None:
    check = card(window)
    loss = check.questions[2]
    qtbot.mouseClick(loss.box, Qt.MouseButton.LeftButton)
    assert loss.advice.isVisibleTo(window)
    assert "shorter practices, eyes open" in loss.advice_text.text()
    assert not check.questions[0].advice.isVisibleTo(window)
    # the question's words toggle it too, as a plain check box's text would
    text = check.questions[0].row.text
    qtbot.mouseClick(
        check.questions[0].row, Qt.MouseButton.LeftButton, pos=text.geometry().center()
    )
    assert check.questions[0].box.isChecked() and check.questions[0].advice.isVisibleTo(window)
    qtbot.mouseClick(loss.box, Qt.MouseButton.LeftButton)
    assert not loss.advice.isVisibleTo(window)


def test_thoughts_of_suicide_offer_crisis_support(window: MainWindow, qtbot: QtBot) -> None:
    check = card(window)
    suicide = check.questions[1]
    assert [row.crisis_button is not None for row in check.questions] == [
        False,
        True,
        False,
        False,
        False,
    ]
    suicide.box.setFocus()
    qtbot.keyClick(suicide.box, Qt.Key.Key_Space)  # by keyboard as well
    assert suicide.advice.isVisibleTo(window)
    assert suicide.crisis_button is not None
    with qtbot.waitSignal(window.nav.crisisRequested, timeout=1000):
        qtbot.mouseClick(suicide.crisis_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(CrisisDialog)
    assert dialog is not None
    dialog.close()


def test_nothing_is_written_unless_kept(
    window: MainWindow, qtbot: QtBot, paths: AppPaths, clock: FakeClock
) -> None:
    before = everything(paths)
    check = card(window)
    for row in check.questions:
        qtbot.mouseClick(row.box, Qt.MouseButton.LeftButton)
    qtbot.wait(1000)  # past every autosave delay
    window.show_page("journal")
    window.show_page("today")
    assert everything(paths) == before
    window.open_lesson(SLUG)
    assert card(window).ticked() == []  # the ticks lived only on screen
    window.close()
    window.ctx.close()
    assert everything(paths) == before
    again = AppContext.open(paths, clock)
    try:
        assert again.journal.timeline() == []
    finally:
        again.close()


def test_keeping_it_puts_one_dated_copy_in_the_journal(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    check = card(window)
    lesson = window.ctx.content.lesson(SLUG)
    assert lesson.check is not None
    qtbot.mouseClick(check.questions[1].box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.questions[3].box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.keep_button, Qt.MouseButton.LeftButton)
    items = window.ctx.journal.timeline()
    assert len(items) == 1
    entry = window.ctx.journal.entry(items[0].id)
    assert entry is not None
    assert entry.title == "Is this the right time to start?"
    assert entry.body == lesson.check.summary(["suicidal-thoughts", "dependence"])
    assert "✓ " + lesson.check.questions[1].text in entry.body
    assert lesson.check.questions[0].text not in entry.body
    assert check.status.text() == KEPT_STATUS
    assert not check.keep_button.isEnabled()  # one copy of one answer
    qtbot.mouseClick(check.questions[0].box, Qt.MouseButton.LeftButton)
    assert check.keep_button.isEnabled() and not check.status.isVisibleTo(window)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_check_fits_with_every_question_ticked(
    window: MainWindow, themed: None, size: tuple[int, int]
) -> None:
    window.resize(*size)
    for row in card(window).questions:
        row.box.setChecked(True)
    settle()
    assert not problems(window, f"the check at {size}")
