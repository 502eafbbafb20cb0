"""Check-ins, questionnaires and the crisis screen, driven as a person would."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from mindful_desktop.app import main
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.dialogs.questionnaire import QuestionnaireDialog
from mindful_desktop.ui.main_window import KEYS, MainWindow
from mindful_desktop.ui.models.rows import RowsModel
from mindful_desktop.ui.pages.checkin import CheckInPage
from mindful_desktop.ui.pages.today import TodayPage
from tests.conftest import FakeClock
from tests.ui.conftest import in_britain


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(in_britain)


def words(widget: object) -> str:
    return " ".join(lbl.text() for lbl in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def test_check_in_with_feelings_and_sleep(window: MainWindow, qtbot: QtBot) -> None:
    today = window.page("today")
    assert isinstance(today, TodayPage)
    assert today.extras.panel is None  # built when first opened
    qtbot.mouseClick(today.extras.toggle, Qt.MouseButton.LeftButton)
    panel = today.extras.panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.height() >= panel.sizeHint().height())  # laid out, as seen
    today.ensureWidgetVisible(today.mood)
    qtbot.mouseClick(today.mood.buttons[4], Qt.MouseButton.LeftButton)
    for word in ("tired", "anxious"):
        today.ensureWidgetVisible(today.extras.chips[word])  # scroll to it, as a person would
        qtbot.mouseClick(today.extras.chips[word], Qt.MouseButton.LeftButton)
    assert today.extras.sleep is not None
    today.extras.sleep.setValue(5.5)
    today.ensureWidgetVisible(today.save_button)
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)
    (saved,) = window.ctx.checkins.history()
    assert (saved.mood, saved.emotions, saved.sleep_hours) == (4, ("tired", "anxious"), 5.5)
    assert today.extras.emotions() == [] and today.extras.sleep_hours() is None
    assert "tired, anxious" in today.model.data(today.model.index(0, 0))


def answer_all(dialog: QuestionnaireDialog, values: list[int]) -> None:
    for item, value in enumerate(values):
        dialog.answer(item, value)


def test_phq9_result_shows_total_band_and_change(window: MainWindow, clock: FakeClock) -> None:
    window.ctx.questionnaires.submit("phq9", [2, 2, 2, 2, 2, 2, 2, 2, 0])  # 16, two weeks ago
    clock.advance(days=14)
    dialog = window.take_questionnaire("phq9")
    answer_all(dialog, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    assert dialog.submit_button.isEnabled()
    dialog.submit()
    text = words(dialog)
    assert "8 out of 27" in text
    assert "“mild”" in text
    assert "8 points lower" in text  # a meaningful change, said as self-monitoring
    assert "not a diagnosis" in text
    assert "Spitzer" in text
    assert window.findChild(CrisisDialog) is None  # item 9 was 0: no crisis screen


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_item_9_shows_the_crisis_screen_at_once_before_the_score(
    window: MainWindow, item9: int
) -> None:
    window.ctx.crisis.add_contact("My therapist", "0161 000 0000")
    dialog = window.take_questionnaire("phq9")
    dialog.answer(8, item9)  # answered first: nothing else is needed
    crisis = window.findChild(CrisisDialog)
    assert crisis is not None and crisis.isVisible()
    assert dialog.saved is None  # no score yet
    text = words(crisis)
    assert "Nobody sees your answers" in text and "cannot call for help" in text
    assert "better off dead" in text
    order = crisis.numbers_text().splitlines()
    assert order[0].startswith("My therapist")  # own contacts come first
    assert any("Samaritans" in line for line in order)
    crisis.accept()
    answer_all(dialog, [0, 0, 0, 0, 0, 0, 0, 0, item9])
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.total == item9
    assert "Show crisis support again" in " ".join(
        b.text() for b in dialog.findChildren(type(dialog.submit_button))
    )


def test_not_at_all_on_item_9_is_never_presented_as_reassurance(window: MainWindow) -> None:
    dialog = window.take_questionnaire("phq9")
    answer_all(dialog, [0] * 9)
    dialog.submit()
    text = words(dialog).lower()
    for phrase in ("safe", "good news", "no risk", "reassur", "nothing to worry"):
        assert phrase not in text
    assert window.findChild(CrisisDialog) is None


def test_crisis_screen_from_every_page(window: MainWindow, qtbot: QtBot) -> None:
    for key in KEYS:
        window.show_page(key)
        assert window.crisis_button.isVisible()
    qtbot.mouseClick(window.crisis_button, Qt.MouseButton.LeftButton)
    crisis = window.findChild(CrisisDialog)
    assert crisis is not None
    assert "Samaritans" in crisis.numbers_text()  # the country the person chose


def test_contacts_and_country_in_settings(window: MainWindow, qtbot: QtBot) -> None:
    card = window.page("settings").crisis  # type: ignore[attr-defined]
    dialog = card._open(None)
    qtbot.keyClicks(dialog.name, "Ana (sister)")
    qtbot.keyClicks(dialog.phone, "+34 600 000 000")
    dialog.save()
    assert [c.name for c in window.ctx.crisis.contacts()] == ["Ana (sister)"]
    card.country.setCurrentIndex(card.country.findData("DE"))
    assert window.ctx.crisis.country() == "DE"
    assert "TelefonSeelsorge" in window.show_crisis().numbers_text()


def test_a_nameless_contact_keeps_the_dialog_open(window: MainWindow, qtbot: QtBot) -> None:
    card = window.page("settings").crisis  # type: ignore[attr-defined]
    dialog = card._open(None)
    qtbot.keyClicks(dialog.phone, "123")
    dialog.save()
    assert "name" in dialog.error.text() and dialog.phone.text() == "123"
    assert window.ctx.crisis.contacts() == []


def test_today_says_when_a_questionnaire_is_due(window: MainWindow, clock: FakeClock) -> None:
    today = window.page("today")
    assert isinstance(today, TodayPage) and today.notes is not None
    assert today.notes.due_note is not None
    window.ctx.questionnaires.submit("phq9", [0] * 9)
    window.ctx.questionnaires.submit("gad7", [0] * 7)
    assert today.notes.due_note is None
    clock.advance(days=14)
    today.refresh()
    assert today.notes.due_note is not None


def test_staying_well_note_opens_the_action_plan_and_can_be_switched_off(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    q = window.ctx.questionnaires
    q.submit("phq9", [0, 1, 0, 1, 0, 0, 0, 0, 0])  # 2
    clock.advance(days=14)
    q.submit("phq9", [2, 2, 1, 1, 1, 1, 0, 0, 0])  # 8: up 6 from the lowest
    today = window.page("today")
    assert isinstance(today, TodayPage) and today.notes is not None
    note = today.notes.watch_note
    assert note is not None and "6 points higher" in words(note)
    plan = next(b for b in note.findChildren(type(today.save_button)) if "action plan" in b.text())
    qtbot.mouseClick(plan, Qt.MouseButton.LeftButton)
    assert window.findChild(type(window.open_worksheet("action-plan"))) is not None
    window.ctx.settings.set("staying_well_watch", False)
    today.notes.refresh()
    assert today.notes.watch_note is None


def test_check_in_page_lists_results_and_check_ins(window: MainWindow) -> None:
    window.ctx.checkins.add(6, "ok day", ["calm"], 7.0)
    window.ctx.questionnaires.submit("gad7", [1, 1, 1, 1, 0, 0, 0])
    page = window.page("checkin")
    assert isinstance(page, CheckInPage)
    assert page.results_model.rowCount() == 1 and page.history_model.rowCount() == 1
    result = page.results_model.data(page.results_model.index(0, 0), RowsModel.RowRole)
    assert "GAD-7: 4 of 21, minimal" in str(result.detail)
    assert "Due now" not in page.rows[1].status.text()


def test_export_has_answers_totals_and_bands(
    paths: AppPaths, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = AppContext.open(paths, clock)
    ctx.questionnaires.submit("phq9", [1, 2, 1, 0, 0, 1, 0, 0, 0], extra_answer=1)
    ctx.checkins.add(5, "", ["flat"], 6.5)
    ctx.close()
    out = tmp_path / "e.json"
    assert main(["export", str(out)]) == 0
    tables = json.loads(out.read_text())["tables"]
    (result,) = tables["questionnaire_result"]
    assert result["answers"] == [1, 2, 1, 0, 0, 1, 0, 0, 0]
    assert (result["total"], result["band"], result["extra_answer"]) == (5, "mild", 1)
    assert tables["check_in"][0]["emotions"] == ["flat"]
    assert tables["check_in"][0]["sleep_hours"] == 6.5
    assert dt.date.fromisoformat(result["local_date"]) == clock().date()


def test_latest_result_is_the_newest_one(window: MainWindow, clock: FakeClock) -> None:
    q = window.ctx.questionnaires
    assert q.latest("phq9") is None and q.last_taken("phq9") is None
    q.submit("phq9", [1] * 8 + [0])
    clock.advance(days=3)
    newest = q.submit("phq9", [2] * 8 + [0])
    q.submit("gad7", [0] * 7)
    assert q.latest("phq9") == newest
    assert q.last_taken("phq9") == clock().date()


def _select_first_check_in(page: CheckInPage) -> None:
    page.history.setCurrentIndex(page.history_model.index(0, 0))


def test_delete_a_check_in_then_undo_brings_it_back(window: MainWindow, qtbot: QtBot) -> None:
    saved = window.ctx.checkins.add(4, "grey morning", ["tired"], 6.0)
    page = window.page("checkin")
    assert isinstance(page, CheckInPage)
    window.show_page("checkin")
    assert not page.delete_button.isEnabled()  # nothing chosen yet
    _select_first_check_in(page)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.history_model.rowCount() == 0 and window.ctx.checkins.history() == []
    assert page.undo_bar.isVisible()
    assert page.undo_bar.message.text() == "Check-in of 14 March deleted."
    qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert window.ctx.checkins.history() == [saved]
    assert page.history_model.rowCount() == 1 and not page.undo_bar.isVisible()


def test_the_undo_bar_goes_away_by_itself(window: MainWindow, qtbot: QtBot) -> None:
    window.ctx.checkins.add(4, "grey morning")
    page = window.page("checkin")
    window.show_page("checkin")
    _select_first_check_in(page)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.undo_bar.timer.isActive() and page.undo_bar.timer.interval() == 10_000
    page.undo_bar.timer.timeout.emit()  # ten seconds later
    assert not page.undo_bar.isVisible() and window.ctx.checkins.history() == []


def test_edit_a_past_check_in(window: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    saved = window.ctx.checkins.add(3, "rough day")
    clock.advance(days=1)
    page = window.page("checkin")
    window.show_page("checkin")
    _select_first_check_in(page)
    dialog = page.edit_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.mood.value() == 3 and dialog.note.toPlainText() == "rough day"
    assert any(b.text() == "Crisis support" for b in dialog.findChildren(QPushButton))
    qtbot.mouseClick(dialog.mood.buttons[5], Qt.MouseButton.LeftButton)
    dialog.note.setPlainText("rough morning, kinder evening")
    dialog.extras.toggle.setChecked(True)
    dialog.extras.chips["hopeful"].setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (edited,) = window.ctx.checkins.history()
    assert (edited.id, edited.when, edited.mood, edited.note, edited.emotions) == (
        saved.id,
        saved.when,
        5,
        "rough morning, kinder evening",
        ("hopeful",),
    )
    assert (
        "kinder evening"
        in page.history_model.data(page.history_model.index(0, 0), RowsModel.RowRole).detail
    )
