"""The Journal page as a person uses it: write, find, read what came from elsewhere, undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.paths import assets_dir
from mindful_desktop.services.course import CourseService, load_bundled_course
from mindful_desktop.services.journal import JOURNAL, MAX_BODY_CHARS, JournalService
from mindful_desktop.services.worksheets import WorksheetService
from mindful_desktop.ui.pages.journal import JournalPage
from mindful_desktop.ui.widgets.rich_rows import HEADER_ROLE, HTML_ROLE
from tests.conftest import FakeClock

COURSE = load_bundled_course(assets_dir())


@pytest.fixture
def journal(db: Database, clock: FakeClock) -> JournalService:
    return JournalService(db, clock)


@pytest.fixture
def sheets(db: Database, clock: FakeClock) -> WorksheetService:
    return WorksheetService(db, COURSE, clock)


@pytest.fixture
def page(journal: JournalService, sheets: WorksheetService, qtbot: QtBot) -> Iterator[JournalPage]:
    widget = JournalPage(journal, sheets)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def click_row(page: JournalPage, qtbot: QtBot, row: int) -> None:
    rect = page.list.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def titles(page: JournalPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_an_empty_journal_says_what_to_do(page: JournalPage) -> None:
    assert page.model.rowCount() == 0
    assert page.list_note.isVisibleTo(page)
    assert "New entry" in page.list_note.text()
    assert page.stack.currentIndex() == 0  # ready to write straight away
    assert not page.delete_button.isVisibleTo(page)


def test_typing_a_new_entry_saves_as_you_type_and_appears(
    page: JournalPage, journal: JournalService, qtbot: QtBot
) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.title_edit, "Morning")
    qtbot.keyClicks(page.body_edit, "Rain on the window.")
    with qtbot.waitSignal(journal.changed, timeout=3000):
        pass  # the debounced save, without pressing anything
    (item,) = journal.timeline()
    assert (item.title, item.body) == ("Morning", "Rain on the window.")
    assert titles(page) == ["Morning"]
    assert page.model.index(0, 0).data(HEADER_ROLE) == "Today · Journal"
    assert page.list.currentIndex().row() == 0
    assert page.status.text() == "Saved in your journal."
    assert page.delete_button.isVisibleTo(page)

    qtbot.keyClicks(page.body_edit, " Then sun.")
    with qtbot.waitSignal(journal.changed, timeout=3000):
        pass
    (again,) = journal.timeline()
    assert again.id == item.id and again.body == "Rain on the window. Then sun."
    assert page.body_edit.toPlainText() == "Rain on the window. Then sun."  # not reloaded


def test_leaving_the_entry_or_the_page_saves_at_once(
    page: JournalPage, journal: JournalService, qtbot: QtBot
) -> None:
    qtbot.keyClicks(page.body_edit, "First thought")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # before the timer fires
    assert [i.body for i in journal.timeline()] == ["First thought"]
    assert page.body_edit.toPlainText() == ""
    qtbot.keyClicks(page.body_edit, "Second thought")
    page.hide()
    assert [i.body for i in journal.timeline()] == ["Second thought", "First thought"]
    page.show()
    # Clicking the older entry saves nothing new and opens it in the editor.
    click_row(page, qtbot, 1)
    assert page.body_edit.toPlainText() == "First thought"


def test_switching_entries_saves_the_one_being_left(
    page: JournalPage, journal: JournalService, qtbot: QtBot, clock: FakeClock
) -> None:
    first = journal.create("One")
    clock.advance(minutes=1)
    journal.create("Two")
    click_row(page, qtbot, 1)
    assert page.body_edit.toPlainText() == "One"
    page.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.body_edit, " and a half")
    click_row(page, qtbot, 0)
    assert page.body_edit.toPlainText() == "Two"
    assert journal.entry(first.id).body == "One and a half"  # type: ignore[union-attr]
    assert page.list.currentIndex().row() == 0


def test_clicking_away_from_a_new_entry_saves_it_and_opens_the_click(
    page: JournalPage, journal: JournalService, qtbot: QtBot, clock: FakeClock
) -> None:
    journal.create("Older")
    clock.advance(minutes=1)
    qtbot.keyClicks(page.body_edit, "Brand new")
    click_row(page, qtbot, 0)  # the timer has not fired: leaving saves it first
    assert [i.body for i in journal.timeline()] == ["Brand new", "Older"]
    assert page.body_edit.toPlainText() == "Older"
    assert page.list.currentIndex().row() == 1
    assert titles(page) == ["Brand new", "Older"]


def test_text_too_long_to_save_stays_on_screen(
    page: JournalPage, journal: JournalService, qtbot: QtBot, clock: FakeClock
) -> None:
    entry = journal.create("Short")
    clock.advance(minutes=1)
    journal.create("Other")
    click_row(page, qtbot, 1)
    huge = "words " * (MAX_BODY_CHARS // 6 + 1)
    page.body_edit.setPlainText(huge)  # as a paste would
    assert page.save_now() is False
    assert page.status.objectName() == "Error" and "200,000" in page.status.text()
    click_row(page, qtbot, 0)  # refused: the text would otherwise be lost
    assert page.body_edit.toPlainText() == huge
    assert page.list.currentIndex().row() == 1
    assert journal.entry(entry.id).body == "Short"  # type: ignore[union-attr]


def test_a_cleared_entry_keeps_its_last_words(
    page: JournalPage, journal: JournalService, qtbot: QtBot
) -> None:
    entry = journal.create("Keep these words")
    click_row(page, qtbot, 0)
    page.body_edit.selectAll()
    qtbot.keyClick(page.body_edit, Qt.Key.Key_Delete)
    assert page.save_now() is True
    assert "Delete entry" in page.status.text()
    assert journal.entry(entry.id).body == "Keep these words"  # type: ignore[union-attr]


def test_emoji_and_right_to_left_text_round_trip_through_the_editor(
    page: JournalPage, journal: JournalService, qtbot: QtBot
) -> None:
    text = "🌊 בוקר טוב\nصباح الخير 🧘🏽‍♀️\n\n  indented\tand tabbed  "
    # QTest can't type characters outside the BMP, so these arrive as a paste would.
    page.title_edit.setText("שלום 🙂")
    page.body_edit.setPlainText(text)
    assert page.save_now()
    (item,) = journal.timeline()
    assert item.body == text and item.title == "שלום 🙂"
    page.new_entry()
    click_row(page, qtbot, 0)
    assert page.body_edit.toPlainText() == text


def test_search_as_you_type_highlights_and_escape_clears(
    page: JournalPage, journal: JournalService, qtbot: QtBot, clock: FakeClock
) -> None:
    journal.create("The kettle <script>alert(1)</script> boiled.", title="Kettle")
    clock.advance(minutes=1)
    journal.create("Nothing to see.")
    clock.advance(minutes=1)
    journal.create("Another kettle morning.")
    assert page.model.rowCount() == 3
    page.search.setFocus()
    qtbot.keyClicks(page.search, "kett")  # the last word matches as a prefix while typing
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    snippets = [page.model.index(r, 0).data(HTML_ROLE) for r in range(2)]
    assert snippets[0] == "Another <b>kettle</b> morning."  # newest first
    assert "&lt;script&gt;" in snippets[1] and "<script>" not in snippets[1]
    assert page.list_note.text() == "2 entries match."
    qtbot.keyClicks(page.search, "lezebra")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    assert "Nothing matches" in page.list_note.text()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert page.model.rowCount() == 3
    assert page.model.index(0, 0).data(HTML_ROLE) == ""


@pytest.mark.parametrize("query", ["-", '"', "AND", "(", "ünïcödé", "🙂", "*:^"])
def test_awkward_searches_are_calm(
    page: JournalPage, journal: JournalService, qtbot: QtBot, query: str
) -> None:
    journal.create("Some words 🙂 with unicode")
    page.search.setText(query)
    page.refresh()
    assert page.model.rowCount() in (0, 1)


def test_delete_then_undo_brings_the_same_entry_back(
    page: JournalPage, journal: JournalService, qtbot: QtBot
) -> None:
    entry = journal.create("The heron on the weir.", title="Heron")
    click_row(page, qtbot, 0)
    assert page.title_edit.text() == "Heron"
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert journal.entry(entry.id) is None
    assert page.undo_button.isVisibleTo(page)
    assert "Deleted “\u2068Heron\u2069”" in page.status.text()
    assert "Backups made before now keep it" in page.status.text()
    assert page.title_edit.text() == "" and page.body_edit.toPlainText() == ""
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert not page.undo_button.isVisibleTo(page)
    assert journal.entry(entry.id) == entry
    assert page.list.currentIndex().row() == 0
    assert page.body_edit.toPlainText() == "The heron on the weir."
    assert [(i.kind, i.id) for i in journal.search("weir")] == [(JOURNAL, entry.id)]


def test_other_writing_is_read_only_with_where_it_came_from(
    page: JournalPage,
    db: Database,
    sheets: WorksheetService,
    clock: FakeClock,
    qtbot: QtBot,
) -> None:
    course = CourseService(db, COURSE, clock)
    course.save_reflection("week-1", "raisin-noticed", "The smell came first.")
    clock.advance(minutes=1)
    sheets.save("pleasant-events", {"event": "Sun on the bench", "body": "Warm face"})
    page.refresh()  # reflections are written on another page; showing the page also refreshes
    assert page.model.rowCount() == 2
    assert page.model.index(0, 0).data() == "Pleasant-events calendar: Sun on the bench"

    click_row(page, qtbot, 0)
    assert page.stack.currentIndex() == 1
    assert "Pleasant-events calendar" in page.reader.where.text()
    assert "What happened?" in page.reader.body.toPlainText()
    assert "Warm face" in page.reader.body.toPlainText()
    assert page.reader.body.isReadOnly()
    assert not page.delete_button.isVisibleTo(page)
    with qtbot.waitSignal(page.openWorksheetRequested, timeout=1000) as sheet:
        qtbot.mouseClick(page.reader.open_button, Qt.MouseButton.LeftButton)
    assert sheet.args == ["pleasant-events"]

    click_row(page, qtbot, 1)
    assert page.reader.where.text().startswith("A reflection from Week 1")
    assert page.reader.title.text() == COURSE.lesson("week-1").prompts[0].text
    assert page.reader.body.toPlainText() == "The smell came first."
    with qtbot.waitSignal(page.openLessonRequested, timeout=1000) as lesson:
        qtbot.mouseClick(page.reader.open_button, Qt.MouseButton.LeftButton)
    assert lesson.args == ["week-1"]

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 0
    assert not page.list.selectionModel().hasSelection()


def test_the_timeline_model_passes_the_model_tester(
    page: JournalPage,
    journal: JournalService,
    sheets: WorksheetService,
    clock: FakeClock,
    qtmodeltester: ModelTester,
) -> None:
    for n in range(5):
        journal.create(f"Entry {n} about the sea")
        clock.advance(hours=5)
    sheets.save("pleasant-events", {"event": "The sea again"})
    qtmodeltester.check(page.model)
    page.search.setText("sea")
    page.refresh()
    assert page.model.rowCount() == 6
    qtmodeltester.check(page.model)
