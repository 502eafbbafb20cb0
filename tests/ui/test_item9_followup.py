"""PHQ-9 item 9 is remembered: the next time the app opens, Today asks how the person is,
offers the safety plan and Crisis support, until they hide the note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.pages.today import TodayPage
from mindful_desktop.ui.widgets.today_notes import TodayNotes
from tests.conftest import FakeClock

Opener = Callable[..., MainWindow]


def _in_britain(ctx: AppContext) -> None:
    ctx.crisis._locale = "en_GB"


def notes(window: MainWindow) -> TodayNotes:
    today = window.page("today")
    assert isinstance(today, TodayPage) and today.notes is not None
    return today.notes


def words(widget: QWidget) -> str:
    return " ".join(lbl.text() for lbl in widget.findChildren(QLabel))


def click(qtbot: QtBot, within: QWidget, text: str) -> None:
    button = next(b for b in within.findChildren(QPushButton) if b.text() == text)
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def restart(window: MainWindow, open_window: Opener) -> MainWindow:
    """Close the window and its journal as quitting does, and open them again."""
    window.save_state()
    window.close()
    window.ctx.close()
    again = open_window(_in_britain)
    again.restore_state()
    return again


def test_the_follow_up_is_there_after_a_restart_until_hidden(
    open_window: Opener, clock: FakeClock, qtbot: QtBot
) -> None:
    window = open_window(_in_britain)
    window.show_page("journal")
    questionnaire = window.take_questionnaire("phq9")
    questionnaire.answer(8, 1)
    crisis = questionnaire.findChild(CrisisDialog)
    assert crisis is not None
    crisis.accept()
    questionnaire.reject()  # cancelled: no result is saved, the answer is still remembered
    assert window.ctx.questionnaires.history("phq9") == []

    clock.advance(days=1)
    window = restart(window, open_window)
    assert window.current_page_key() == "today"  # not the Journal it was left on
    note = notes(window).followup_note
    assert note is not None and note.isVisibleTo(window)
    text = words(note)
    assert "How are you doing?" in text and text.count("Yesterday, in the PHQ-9") == 1
    assert "Nobody sees your answers" in text and "can't call for help" in text

    click(qtbot, note, "Open my safety plan")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), WorksheetDialog))
    plan = QApplication.activeModalWidget()
    assert isinstance(plan, WorksheetDialog) and plan.sheet.id == "safety-plan"
    plan.close()
    click(qtbot, note, "Crisis support")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CrisisDialog))
    QApplication.activeModalWidget().accept()  # type: ignore[union-attr]

    click(qtbot, note, "Hide this note")
    assert notes(window).followup_note is None
    window.show_page("journal")
    window = restart(window, open_window)
    assert notes(window).followup_note is None
    assert window.current_page_key() == "journal"  # hidden: the window opens where it was left

    clock.advance(days=14)  # a later answer above "not at all" brings it back
    window.ctx.questionnaires.submit("phq9", [0] * 8 + [1])
    back = notes(window).followup_note
    assert back is not None and "Earlier today" in words(back)


def test_one_note_speaks_about_item_9_at_a_time(
    open_window: Opener, clock: FakeClock, qtbot: QtBot
) -> None:
    window = open_window(_in_britain)
    window.ctx.questionnaires.submit("phq9", [0, 0, 1, 0, 0, 0, 0, 0, 1])  # 2, item 9 above 0
    today = notes(window)
    assert today.followup_note is not None
    assert today.watch_note is None  # its only reason is item 9, said in the note above
    clock.advance(minutes=5)
    click(qtbot, today.followup_note, "Hide this note")
    # The watch still counts it while that PHQ-9 is recent, in its own kind words.
    watch = today.watch_note
    assert watch is not None and "better off dead" in words(watch)
    assert "Crisis support" in [b.text() for b in watch.findChildren(QPushButton)]
