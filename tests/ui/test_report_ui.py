"""File → Report for my clinician…: the dialog saves a PDF of the chosen period, prints it,
and says plainly what is wrong with a period it can't use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mindful_desktop.services.data import fill_demo_data
from mindful_desktop.services.report_data import NOTES
from mindful_desktop.ui.dialogs.report import ReportDialog
from mindful_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(lambda ctx: fill_demo_data(ctx.db, 60, today=ctx.clock().date()))


def _dialog(
    window: MainWindow, qtbot: QtBot, text: str = "Report for my clinician"
) -> ReportDialog:
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().replace("&", "").startswith(text))
    action.trigger()
    dialog = window.findChildren(ReportDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_file_menu_opens_it_and_saving_writes_the_pdf(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(window, qtbot)
    today = window.ctx.clock().date()
    assert dialog.end.date() == QDate(today.year, today.month, today.day)
    start = today - dt.timedelta(days=90)
    assert dialog.start.date() == QDate(start.year, start.month, start.day)
    assert not dialog.sections[NOTES].isChecked()
    assert all(box.isChecked() for key, box in dialog.sections.items() if key != NOTES)
    asked: list[str] = []

    def chosen(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "for-my-gp"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)
    dialog.save_button.click()
    assert asked and asked[0].endswith(f"-to-{today:%Y-%m-%d}.pdf")
    saved = tmp_path / "for-my-gp.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert dialog.status.isVisible() and str(saved) in dialog.status.text()
    assert dialog.open_folder.isVisible()


def test_a_period_that_ends_before_it_starts_is_explained_and_nothing_is_asked(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(window, qtbot)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: pytest.fail("asked for a file"))
    dialog.start.setDate(dialog.end.date().addDays(-1))
    dialog.end.setDate(dialog.start.date().addDays(-5))
    assert dialog.period.currentData() == "choose"
    dialog.save_button.click()
    assert dialog.message.isVisible() and "after it ends" in dialog.message.text()


def test_print_paints_the_pages_on_the_printer(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(window, qtbot, "Print a report")
    assert dialog.print_button.isDefault()
    dialog.period.setCurrentIndex(0)  # the last 4 weeks
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) >= 1
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
