"""Every dialog at 1024x640, 1280x800 and 1920x1080: it stays inside its window, nothing runs off
the side, no wrapped text is cut off, and every one but the crisis screen itself offers a quiet
way to Crisis support. Ctrl+Shift+H opens Crisis support from inside any of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from mindful_desktop.ui.dialogs.appointment import AppointmentDialog, QuestionDialog
from mindful_desktop.ui.dialogs.checkin_edit import CheckInEditDialog
from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.dialogs.medication import ChangeDialog, EffectDialog, MedicationDialog
from mindful_desktop.ui.dialogs.practice import ManualEntryDialog, NoticeDialog, SessionEditDialog
from mindful_desktop.ui.dialogs.protect import ProtectDialog
from mindful_desktop.ui.dialogs.report import ReportDialog
from mindful_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from mindful_desktop.ui.dialogs.welcome import WelcomeDialog
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.menus import shortcut_rows
from mindful_desktop.ui.widgets.crisis_settings import ContactDialog
from tests.ui.fit import SIZES, problems, settle

DialogMaker = Callable[[MainWindow], QDialog]


def _notice(window: MainWindow) -> QDialog:
    practice = window.ctx.practice
    session = practice.log("timer", "timer", "Sitting", dt.datetime(2026, 3, 4, 8, 0), 10, True)
    return NoticeDialog(practice, session, window)


def _session_edit(window: MainWindow) -> QDialog:
    practice = window.ctx.practice
    session = practice.log("timer", "timer", "Sitting", dt.datetime(2026, 3, 4, 8, 0), 10, True)
    return SessionEditDialog(practice, session, window)


def _checkin_edit(window: MainWindow) -> QDialog:
    checkin = window.ctx.checkins.add(6, "a note", ["calm"], 7.0)
    return CheckInEditDialog(window.ctx.checkins, checkin, window)


def _question(window: MainWindow) -> QDialog:
    visits = window.ctx.appointments
    question = visits.add_question("Could the taper go more slowly? " * 4)
    return QuestionDialog(visits, question, True, window)


def _change(window: MainWindow) -> QDialog:
    meds = window.ctx.medication
    medication = meds.add("A medication with quite a long name, as some have", "50 mg")
    return ChangeDialog(meds, medication.id, None, window)


MAKERS: dict[str, DialogMaker] = {
    "welcome": lambda w: WelcomeDialog(w.ctx.paths.data_dir, w, w.ctx.crisis),
    "phq9": lambda w: w.take_questionnaire("phq9"),
    "gad7": lambda w: w.take_questionnaire("gad7"),
    "crisis": lambda w: w.show_crisis(),
    "practice note": _notice,
    "manual practice": lambda w: ManualEntryDialog(
        w.ctx.practice, w.ctx.practice.today(), parent=w
    ),
    "crisis contact": lambda w: ContactDialog(w.ctx.crisis, None, w),
    "keyboard shortcuts": lambda w: ShortcutsDialog(shortcut_rows(w), w),
    "edit practice": _session_edit,
    "edit check-in": _checkin_edit,
    "report for my clinician": lambda w: ReportDialog(w.ctx, w),
    "protect with a passphrase": lambda w: ProtectDialog(w.ctx.privacy, "set", None, w),
    "change the passphrase": lambda w: ProtectDialog(w.ctx.privacy, "change", None, w),
    "add a medication": lambda w: MedicationDialog(w.ctx.medication, None, w),
    "record a change": _change,
    "note an effect": lambda w: EffectDialog(w.ctx.medication, None, None, w),
    "appointment": lambda w: AppointmentDialog(w.ctx.appointments, None, w),
    "tick off a question": _question,
}


@pytest.fixture
def window(open_window: Callable[..., MainWindow], themed: None) -> MainWindow:
    return open_window()


def every_dialog(window: MainWindow) -> Iterator[tuple[str, QDialog]]:
    for name, make in MAKERS.items():
        yield name, make(window)
    for sheet_id in window.ctx.worksheets.course.worksheets:
        yield f"worksheet {sheet_id}", window.open_worksheet(sheet_id)


def _close(dialog: QDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.reject()
    dialog.close()
    settle()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_dialog_fits_its_window(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    settle()
    found = []
    for name, dialog in every_dialog(window):
        dialog.show()
        settle()
        where = f"{name} at {size}"
        found += problems(dialog, where)
        if dialog.width() > window.width() or dialog.height() > window.height():
            found.append(f"{where}: {dialog.width()}x{dialog.height()} is larger than the window")
        crisis = [b for b in dialog.findChildren(QPushButton) if b.text() == "Crisis support"]
        if not isinstance(dialog, CrisisDialog) and not (crisis and crisis[0].isVisible()):
            found.append(f"{where}: no Crisis support button")
        _close(dialog)
    assert not found, "\n".join(found)


def _crisis_over(dialog: QDialog) -> CrisisDialog | None:
    found = [c for c in dialog.findChildren(CrisisDialog) if c.isVisible()]
    return found[0] if found else None


def test_the_crisis_shortcut_works_inside_every_dialog(window: MainWindow, qtbot: QtBot) -> None:
    for name, dialog in every_dialog(window):
        if isinstance(dialog, CrisisDialog):
            _close(dialog)
            continue
        dialog.open()
        dialog.activateWindow()
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d)
        qtbot.keyClick(
            dialog.focusWidget() or dialog,
            Qt.Key.Key_H,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        crisis = _crisis_over(dialog)
        assert crisis is not None, f"Ctrl+Shift+H did nothing inside {name}"
        crisis.accept()
        _close(dialog)


def test_the_crisis_button_of_a_dialog_opens_crisis_support_over_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = window.open_worksheet("pleasant-events")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Crisis support")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    crisis = _crisis_over(dialog)
    assert crisis is not None and crisis.isModal()
    # The worksheet is still there beneath it, with nothing lost.
    crisis.accept()
    assert dialog.isVisible()
