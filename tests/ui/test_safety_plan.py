"""The safety plan as a person reaches it: one click from the crisis screen, Today's
staying-well note and the action plan, usable above whatever dialog is open; it offers the
saved crisis contacts and the country's helplines."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.pages.today import TodayPage
from mindful_desktop.ui.widgets.safety_links import ContactsPanel, HelplinesPanel
from tests.conftest import FakeClock
from tests.ui.conftest import in_britain


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(in_britain)


def click(qtbot: QtBot, within: QWidget, text: str) -> None:
    button = next(b for b in within.findChildren(QPushButton) if b.text() == text)
    qtbot.waitUntil(button.isVisible)  # a layout shows what it was given on the next turn
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def safety_plan_in_front(qtbot: QtBot) -> WorksheetDialog:
    """The safety plan, open and the dialog in front: the one the keyboard and mouse reach."""
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.activeModalWidget(), WorksheetDialog)
            and QApplication.activeModalWidget().sheet.id == "safety-plan"
        )  # type: ignore[union-attr]
    )
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, WorksheetDialog) and dialog.isVisible() and dialog.isModal()
    return dialog


def type_into(qtbot: QtBot, dialog: WorksheetDialog, field: str, text: str) -> None:
    editor = dialog.editors[field]
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=3000)


def test_one_click_from_the_crisis_screen(window: MainWindow, qtbot: QtBot) -> None:
    crisis = window.show_crisis()
    click(qtbot, crisis, "Open my safety plan")
    plan = safety_plan_in_front(qtbot)
    assert plan.parentWidget() is crisis  # above it; Close brings the crisis screen back
    type_into(qtbot, plan, "reasons", "Pepper")
    plan.close()
    assert crisis.isVisible() and QApplication.activeModalWidget() is crisis
    document = window.ctx.worksheets.document("safety-plan")
    assert document is not None and document.fields["reasons"] == "Pepper"


def test_one_click_from_the_staying_well_note_on_today(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    window.ctx.questionnaires.submit("phq9", [0, 1, 0, 1, 0, 0, 0, 0, 0])  # 2
    clock.advance(days=14)
    window.ctx.questionnaires.submit("phq9", [2, 2, 1, 1, 1, 1, 0, 0, 0])  # 8: a rise of 6
    today = window.page("today")
    assert isinstance(today, TodayPage) and today.notes is not None
    note = today.notes.watch_note
    assert note is not None
    click(qtbot, note, "Open my safety plan")
    assert safety_plan_in_front(qtbot).parentWidget() is window


def test_one_click_from_the_action_plan(window: MainWindow, qtbot: QtBot) -> None:
    action = window.open_worksheet("action-plan")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is action)
    type_into(qtbot, action, "first", "A breathing space")
    click(qtbot, action, "Open my safety plan")
    plan = safety_plan_in_front(qtbot)
    assert plan.parentWidget() is action
    plan.close()
    assert QApplication.activeModalWidget() is action
    assert action.editors["first"].toPlainText() == "A breathing space"


def test_it_opens_above_the_crisis_screen_over_the_questionnaire(
    window: MainWindow, qtbot: QtBot
) -> None:
    questionnaire = window.take_questionnaire("phq9")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is questionnaire)
    questionnaire.answer(8, 1)  # item 9: the crisis screen opens over the questionnaire
    crisis = questionnaire.findChild(CrisisDialog)
    assert crisis is not None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is crisis)
    click(qtbot, crisis, "Open my safety plan")
    plan = safety_plan_in_front(qtbot)
    # Stacked questionnaire → crisis screen → plan, and the plan is the one that takes input.
    assert plan.parentWidget() is crisis and crisis.parentWidget() is questionnaire
    type_into(qtbot, plan, "on-my-own", "Walk round the block")
    assert plan.width() <= window.width() and plan.height() <= window.height()
    plan.close()
    crisis.accept()
    assert QApplication.activeModalWidget() is questionnaire
    assert questionnaire.answers()[8] == 1  # nothing lost beneath


def test_asking_for_it_again_from_above_brings_the_open_one_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    plan = window.open_worksheet("safety-plan")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is plan)
    plan.editors["warning-signs"].setPlainText("Lying awake")  # not saved yet
    click(qtbot, plan, "Crisis support")
    crisis = plan.findChild(CrisisDialog)
    assert crisis is not None
    click(qtbot, crisis, "Open my safety plan")
    assert safety_plan_in_front(qtbot) is plan  # not a second copy to save over the first
    assert not crisis.isVisible()
    assert plan.editors["warning-signs"].toPlainText() == "Lying awake"


def test_it_offers_the_saved_contacts_and_the_countrys_lines(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.ctx.crisis.add_contact("Ana (sister)", "07700 900123", "evenings")
    plan = window.open_worksheet("safety-plan")
    contacts = plan.findChild(ContactsPanel)
    lines = plan.findChild(HelplinesPanel)
    assert contacts is not None and lines is not None
    click(qtbot, contacts, "Add them to my plan")
    people = plan.editors["ask-for-help"]
    assert isinstance(people, QPlainTextEdit)
    assert people.toPlainText() == "Ana (sister), 07700 900123, evenings"
    assert not contacts.copy_button.isEnabled()  # already there: not added twice
    click(qtbot, lines, "Add them to my plan")
    services = plan.editors["professionals"].toPlainText()  # type: ignore[union-attr]
    assert (
        "Samaritans: call 116 123" in services and "Emergency services: call 999 or 112" in services
    )
    assert "Shout: text SHOUT to 85258" in services
    qtbot.waitUntil(lambda: plan.status.text().startswith("Saved"), timeout=3000)
    saved = window.ctx.worksheets.document("safety-plan")
    assert saved is not None and "Samaritans" in saved.fields["professionals"]
    # A contact added from the plan joins the crisis screen's list and the panel.
    window.ctx.crisis.add_contact("Dr Okafor", "0161 000 0000")
    assert contacts.copy_button.isEnabled()
    assert "Dr Okafor" in window.show_crisis().numbers_text()


def test_with_no_contacts_it_says_how_to_add_one(window: MainWindow, qtbot: QtBot) -> None:
    plan = window.open_worksheet("safety-plan")
    contacts = plan.findChild(ContactsPanel)
    assert contacts is not None and not contacts.copy_button.isVisible()
    click(qtbot, contacts, "Add a crisis contact…")
    from mindful_desktop.ui.widgets.crisis_settings import ContactDialog

    dialog = contacts.findChild(ContactDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Sam")
    dialog.save()
    assert [c.name for c in window.ctx.crisis.contacts()] == ["Sam"]
    assert contacts.copy_button.isVisible()
