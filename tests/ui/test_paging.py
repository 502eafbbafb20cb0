"""A decade in the lists: the oldest journal item, practice session and check-in are reached by
scrolling (no button, nothing cut off), and a save changes its row without resetting the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QListView, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot

from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.models.paged import PagedModel
from mindful_desktop.ui.models.rows import RowsModel
from mindful_desktop.ui.pages.checkin import CheckInPage
from mindful_desktop.ui.pages.journal import JournalPage
from mindful_desktop.ui.pages.practice import PracticePage
from mindful_desktop.ui.widgets.practice_log import LogPanel
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate
from tests.ui.conftest import Prepare

DAYS = 3650  # ten years, one of each a day: 18 pages of 200 per list


def _decade(ctx: AppContext) -> None:
    """Ten years written straight into the file (quick), oldest first, ending yesterday."""
    last = ctx.clock().date() - dt.timedelta(days=1)
    journal, practice, checkins = [], [], []
    for n in range(DAYS):
        day = last - dt.timedelta(days=DAYS - 1 - n)
        at = dt.datetime.combine(day, dt.time(8, 30)).isoformat(" ") + ".000000"
        journal.append((f"Entry {n}", f"Day {n}: a walk, some rain.", day.isoformat(), at, at))
        practice.append(
            ("timer", "timer", "Silent timer", at, day.isoformat(), 10.0, 1, f"n{n}", at, at)
        )
        checkins.append((at, at, day.isoformat(), 5, f"Check-in {n}", "[]"))
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO journal_entry (title, body, local_date, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            journal,
        )
        conn.exec_driver_sql(
            "INSERT INTO practice_session (kind, practice_id, title, started_at, local_date, "
            "minutes, completed, note, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            practice,
        )
        conn.exec_driver_sql(
            "INSERT INTO check_in (created_at, updated_at, local_date, mood, note, emotions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            checkins,
        )


def _scroll_to_the_end(qtbot: QtBot, view: QListView) -> int:
    """Scroll as a person would, to the bottom again and again; returns the pages fetched."""
    model = view.model()
    assert isinstance(model, PagedModel)
    fetched = 0
    while model.canFetchMore():
        rows = model.rowCount()
        view.scrollToBottom()
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(
            lambda rows=rows: model.rowCount() > rows or not model.canFetchMore(), timeout=3000
        )
        fetched += 1
        assert fetched < 80, "scrolling stopped fetching"
    return fetched


def _no_reset(model: QAbstractItemModel) -> list[str]:
    resets: list[str] = []
    model.modelAboutToBeReset.connect(lambda: resets.append("reset"))
    return resets


def test_scrolling_reaches_the_first_journal_item_ever_written(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(_decade)
    win.show_page("journal")
    page = win.page("journal")
    assert isinstance(page, JournalPage)
    assert page.model.rowCount() == 200  # one page, not everything
    assert _scroll_to_the_end(qtbot, page.list) >= 30  # journal + check-in notes + practice
    assert page.model.rowCount() == 3 * DAYS
    oldest = page.model.item(page.model.rowCount() - 1)
    assert oldest is not None and oldest.body in ("Day 0: a walk, some rain.", "Check-in 0", "n0")
    assert {i.key for i in page.model.items()} == {i.key for i in page.model.items()[::1]}
    assert len({i.key for i in page.model.items()}) == 3 * DAYS  # no item twice


def test_scrolling_reaches_the_first_session_and_check_in(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(_decade)
    win.show_page("practice")
    practice = win.page("practice")
    assert isinstance(practice, PracticePage)
    log: LogPanel = practice.log_panel
    practice.tabs.setCurrentWidget(log)
    _scroll_to_the_end(qtbot, log.list)
    assert log.model.rowCount() == DAYS
    last = log.model.data(log.model.index(DAYS - 1, 0), RowsModel.PayloadRole)
    first = win.ctx.db.query_one("SELECT min(id) FROM practice_session")
    assert first is not None and last == first[0]

    win.show_page("checkin")
    checkin = win.page("checkin")
    assert isinstance(checkin, CheckInPage)
    _scroll_to_the_end(qtbot, checkin.history)
    model = checkin.history_model
    assert model.rowCount() == DAYS
    oldest = model.item(DAYS - 1)
    assert oldest is not None and oldest.note == "Check-in 0"


def test_saves_change_their_row_and_never_reset_the_lists(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(_decade)
    ctx = win.ctx
    journal = win.page("journal")
    practice = win.page("practice")
    checkin = win.page("checkin")
    assert isinstance(journal, JournalPage) and isinstance(practice, PracticePage)
    assert isinstance(checkin, CheckInPage)
    win.show_page("journal")
    resets = [_no_reset(m) for m in (journal.model, practice.log_panel.model)]
    resets.append(_no_reset(checkin.history_model))

    # A new journal entry, typed and autosaved, then edited: one row inserted, then changed.
    journal.new_entry()
    qtbot.keyClicks(journal.body_edit, "Today, first words")
    assert journal.save_now()
    top = journal.model.item(0)
    assert top is not None and top.body == "Today, first words"
    qtbot.keyClicks(journal.body_edit, ", and more.")
    assert journal.save_now()
    top = journal.model.item(0)
    assert top is not None and top.body == "Today, first words, and more."
    assert journal.model.rowCount() == 201
    assert resets[0] == []
    # (Check-in and practice notes are the journal's too: saved elsewhere, it reloads them.)
    win.show_page("checkin")

    # A check-in and a logged practice: each list gains its row at the top.
    saved = ctx.checkins.add(7, "A good morning.")
    assert checkin.history_model.item(0) == saved
    session = ctx.practice.log("timer", "timer", "Silent timer", ctx.clock(), 10, True, "")
    assert practice.log_panel.model.item(0) == session
    # Editing one far down the loaded page changes that row where it stands.
    older = checkin.history_model.item(50)
    assert older is not None
    edited = ctx.checkins.update(older.id, note="Kinder words")
    assert checkin.history_model.item(50) == edited
    ctx.checkins.delete(saved.id)
    assert checkin.history_model.item(0) != saved
    assert resets[1:] == [[], []]


def test_long_lists_have_one_row_height_and_show_a_shortened_note_on_hover(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(None)
    long_note = "A long note about the morning sit. " * 12
    win.ctx.practice.log("timer", "timer", "Silent timer", win.ctx.clock(), 10, True, long_note)
    win.ctx.practice.log("timer", "timer", "Silent timer", win.ctx.clock(), 5, True, "")
    win.show_page("practice")
    page = win.page("practice")
    assert isinstance(page, PracticePage)
    page.tabs.setCurrentWidget(page.log_panel)
    view = page.log_panel.list
    view.resize(500, 400)
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    assert view.uniformItemSizes()  # a page of thousands is laid out without asking each row
    short, long_ = view.model().index(0, 0), view.model().index(1, 0)
    assert view.visualRect(short).height() == view.visualRect(long_).height()
    delegate = view.itemDelegate()
    assert isinstance(delegate, TwoLineDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    width = view.visualRect(long_).width()
    row = long_.data(RowsModel.RowRole)
    assert delegate.shortened(option, row, width)
    assert not delegate.shortened(option, short.data(RowsModel.RowRole), width)
    centre = view.visualRect(long_).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    assert delegate.helpEvent(event, view, option, long_)
    qtbot.waitUntil(QToolTip.isVisible)
    assert long_note.strip() in QToolTip.text()
