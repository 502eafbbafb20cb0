"""The course as a person uses it: read, mark complete, reflect, fill worksheets, tick practice."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mindful_desktop.paths import AppPaths
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.models.rows import RowsModel
from mindful_desktop.ui.pages.course import CoursePage
from mindful_desktop.ui.pages.today import TodayPage
from tests.conftest import FakeClock


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(None)


def course_page(window: MainWindow) -> CoursePage:
    page = window.page("course")
    assert isinstance(page, CoursePage)
    return page


def today_page(window: MainWindow) -> TodayPage:
    page = window.page("today")
    assert isinstance(page, TodayPage)
    return page


def test_course_lists_lessons_and_opens_one_on_click(window: MainWindow, qtbot: QtBot) -> None:
    window.show_page("course")
    page = course_page(window)
    assert page.model.rowCount() == 10
    assert page.current_slug() == "before-you-begin"
    index = page.model.index(3, 0)
    rect = page.list.visualRect(index)
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_slug() == "week-3"
    assert page.title.text() == "Gathering the scattered mind"
    assert "This week's theme" in page.body.toPlainText()
    assert page.ahead_note.isVisibleTo(page)  # reading ahead is allowed, and said gently
    assert [b.text() for b in page.worksheets.buttons] == ["Unpleasant-events calendar"]


def test_mark_complete_moves_the_suggestion_and_persists(
    window: MainWindow, qtbot: QtBot, paths: AppPaths, clock: FakeClock
) -> None:
    page = course_page(window)
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    assert "Completed" in page.complete_button.text()
    assert "Suggested now: Week 1" in page.pace.text()
    first = page.model.data(page.model.index(0, 0), RowsModel.RowRole)
    assert first.badge == "✓"
    again = AppContext.open(paths, clock)
    assert again.course.current_lesson().slug == "week-1"
    again.close()


def test_reflection_typed_in_a_lesson_lands_in_the_journal(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = course_page(window)
    page.show_lesson("week-1")
    box = page.reflections[0]
    box.editor.setFocus()
    qtbot.keyClicks(box.editor, "I noticed the raisin's weight.")
    qtbot.waitUntil(
        lambda: (
            window.ctx.course.reflections("week-1").get(box.prompt_id)
            == "I noticed the raisin's weight."
        ),
        timeout=3000,
    )
    assert box.status.text() == "Saved in your journal."
    page.show_lesson("week-2")
    page.show_lesson("week-1")
    assert page.reflections[0].editor.toPlainText() == "I noticed the raisin's weight."


def test_filling_a_worksheet_saves_as_you_type(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_worksheet("pleasant-events")
    qtbot.waitExposed(dialog)
    event = dialog.editors["event"]
    assert isinstance(event, QLineEdit)
    qtbot.keyClicks(event, "Coffee with Jo")
    body = dialog.editors["body"]
    assert isinstance(body, QPlainTextEdit)
    qtbot.keyClicks(body, "Warm hands, shoulders down")
    qtbot.waitUntil(
        lambda: len(window.ctx.worksheets.entries("pleasant-events")) == 1, timeout=3000
    )
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=3000)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.editors["event"], "Rain on the roof")  # type: ignore[arg-type]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # saves before closing
    events = [e.fields["event"] for e in window.ctx.worksheets.entries("pleasant-events")]
    assert sorted(events) == ["Coffee with Jo", "Rain on the roof"]
    assert dialog.model.rowCount() == 2


def test_deleting_a_calendar_entry_asks_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.ctx.worksheets.save("unpleasant-events", {"event": "Missed the bus"})
    dialog = window.open_worksheet("unpleasant-events")
    dialog._open(dialog.model.data(dialog.model.index(0, 0), RowsModel.PayloadRole))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.delete_entry()
    assert len(window.ctx.worksheets.entries("unpleasant-events")) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_entry()
    assert window.ctx.worksheets.entries("unpleasant-events") == []


def test_action_plan_is_one_click_from_today(window: MainWindow, qtbot: QtBot) -> None:
    home = today_page(window).home
    assert home is not None
    qtbot.mouseClick(home.action_plan, Qt.MouseButton.LeftButton)
    dialog = window.findChild(WorksheetDialog)
    assert dialog is not None and dialog.sheet.id == "action-plan"
    qtbot.keyClicks(dialog.editors["first"], "Breathing space, then a walk")  # type: ignore[arg-type]
    dialog.close()
    doc = window.ctx.worksheets.document("action-plan")
    assert doc is not None and doc.fields["first"] == "Breathing space, then a walk"


def test_today_checklist_follows_the_week_and_ticks_by_hand(
    window: MainWindow, qtbot: QtBot
) -> None:
    home = today_page(window).home
    assert home is not None
    assert "starts with" in home.week.text()
    window.ctx.course.set_completed("before-you-begin", True)
    assert home.week.text().startswith("Week 1")
    box = home.widgets[1].box  # type: ignore[attr-defined]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    checklist = window.ctx.course.checklist()
    assert checklist is not None and checklist.items[1].complete
    assert "Days practised this week: 1 of 6" in home.stats.text()
    window.ctx.settings.set("show_practice_stats", False)
    home.refresh()
    assert not home.stats.isVisibleTo(home)


def test_several_times_a_day_items_count_up(window: MainWindow, qtbot: QtBot) -> None:
    for slug in ("before-you-begin", "week-1", "week-2"):
        window.ctx.course.set_completed(slug, True)
    home = today_page(window).home
    assert home is not None
    row = next(w for w in home.widgets if hasattr(w, "plus"))
    qtbot.mouseClick(row.plus, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    row = next(w for w in home.widgets if hasattr(w, "plus"))
    assert "1 of 3" in row.text.text()  # type: ignore[attr-defined]


def test_week_6_shows_the_minutes_logged_toward_forty(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    for lesson in window.ctx.course.course.lessons[:6]:
        window.ctx.course.set_completed(lesson.slug, True)
    home = today_page(window).home
    assert home is not None

    def own() -> object:
        return next(w for w in home.widgets if "40 minutes a day" in w.box.accessibleName())  # type: ignore[attr-defined]

    assert "(0 of 40 minutes logged today)" in own().text.text()  # type: ignore[attr-defined]
    window.ctx.practice.log("track", "sitting", "Sitting meditation", clock(), 25.2, True)
    row = own()
    assert "(25 of 40 minutes logged today)" in row.text.text()  # type: ignore[attr-defined]
    assert row.box.isEnabled() and not row.box.isChecked()  # type: ignore[attr-defined]
    window.ctx.practice.log("track", "walking", "Mindful walking", clock(), 15, True)
    row = own()
    assert "(40 minutes logged)" in row.text.text()  # type: ignore[attr-defined]
    assert row.box.isChecked() and not row.box.isEnabled()  # type: ignore[attr-defined]


def test_open_the_lesson_from_today(window: MainWindow, qtbot: QtBot) -> None:
    window.ctx.course.set_completed("before-you-begin", True)
    home = today_page(window).home
    assert home is not None
    qtbot.mouseClick(home.open_lesson, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "course"
    assert course_page(window).current_slug() == "week-1"


def test_switching_lessons_leaves_no_old_reflection_boxes_on_screen(
    window: MainWindow, qtbot: QtBot
) -> None:
    from mindful_desktop.ui.pages.course import ReflectionBox

    page = course_page(window)
    window.show_page("settings")
    window.open_lesson("week-2")  # rebuilt while the page was hidden, then shown
    window.open_lesson("week-3")
    assert page.findChildren(ReflectionBox) == page.reflections  # the old ones are gone
    qtbot.waitUntil(lambda: all(box.isVisible() for box in page.reflections))
    qtbot.waitUntil(lambda: all(box.y() > page.body.y() for box in page.reflections))


def test_a_practice_button_in_a_lesson_starts_it_and_it_plays_on_across_pages(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = course_page(window)
    page.show_lesson("week-2")
    buttons = {b.text(): b for b in page.practices.buttons}
    assert "▶  Mindfulness of the breath" in buttons
    qtbot.mouseClick(buttons["▶  Mindfulness of the breath"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "practice"
    practice = window.page("practice")
    tracker = practice._tracker  # type: ignore[attr-defined]
    assert tracker.track is not None and tracker.track.id == "breath"
    player = tracker.player
    qtbot.waitUntil(lambda: player.position() > 300, timeout=10000)
    window.show_page("journal")  # moving on doesn't stop the practice
    start = player.position()
    qtbot.waitUntil(lambda: player.position() > start + 300, timeout=10000)
    assert player.is_playing()
    tracker.stop()


def test_a_worksheet_button_in_a_lesson_opens_that_worksheet(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = course_page(window)
    page.show_lesson("week-3")
    (button,) = page.worksheets.buttons
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(WorksheetDialog)
    assert dialog is not None and dialog.sheet.id == "unpleasant-events"
