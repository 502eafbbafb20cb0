"""File → Report for my clinician…: choose a period and what goes in, then save a PDF (and
open its folder, if you like) or print it with the system's print dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPagedPaintDevice, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.errors import KnownError
from mindful_desktop.report.pdf import A4, LETTER, paper_for_locale, prepare, write_pdf
from mindful_desktop.services.context import AppContext
from mindful_desktop.services.report_data import (
    DEFAULT_SECTIONS,
    SECTIONS,
    ReportData,
    first_day,
    gather,
    make_request,
)
from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.widgets.common import label

CHOOSE = "choose"
# (label, days back from today; None: since the first thing recorded)
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("The last 4 weeks", 28),
    ("The last 3 months", 91),
    ("The last 6 months", 182),
    ("The last 12 months", 365),
    ("Since I started", None),
)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, printing: bool = False):
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle("Report for my clinician")
        fit_to_window(self, QSize(620, 720))
        self.saved_to: Path | None = None
        today = self._today()
        self._first = first_day(ctx.db) or today

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(24, 20, 24, 4)
        column.setSpacing(10)
        column.addWidget(label("A summary to take to your clinician", "PageTitle"))
        column.addWidget(
            label(
                "A short PDF of the period you choose: your questionnaire results, mood and "
                "practice, drawn as tables and charts. It is made on this computer and goes "
                "only where you save or print it."
            )
        )
        form = QFormLayout()
        form.setSpacing(8)
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        for text, days in PERIODS:
            self.period.addItem(text, days)
        self.period.addItem("Dates I choose", CHOOSE)
        form.addRow("Period", self.period)
        dates = QHBoxLayout()
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit, name in ((self.start, "From"), (self.end, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
            edit.setMaximumDate(_qdate(today))
        dates.addWidget(self.start)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form.addRow("Dates", dates)
        column.addLayout(form)

        column.addWidget(label("What to include", "CardTitle"))
        self.sections: dict[str, QCheckBox] = {}
        for key, text in SECTIONS:
            box = QCheckBox(text)
            box.setChecked(key in DEFAULT_SECTIONS)
            self.sections[key] = box
            column.addWidget(box)
        column.addWidget(
            label(
                "Your own check-in notes stay out unless you tick them. The course and the "
                "worksheets are shown as they are today.",
                "Muted",
            )
        )
        column.addWidget(label("A note for your clinician (optional)", "CardTitle"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("A note for your clinician")
        self.note.setPlaceholderText("e.g. what you would like to talk about this time")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        column.addWidget(self.note)
        paper_row = QFormLayout()
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("A4", A4)
        self.paper.addItem("Letter", LETTER)
        self.paper.setCurrentIndex(0 if paper_for_locale(QLocale.system().name()) == A4 else 1)
        paper_row.addRow("Paper", self.paper)
        column.addLayout(paper_row)
        self.message = label("", "Error")
        self.message.hide()
        column.addWidget(self.message)
        done = QHBoxLayout()
        self.status = label("", "Status")
        self.open_folder = QPushButton("Open the folder")
        self.open_folder.setAutoDefault(False)
        self.open_folder.clicked.connect(self._open_folder)
        done.addWidget(self.status, 1)
        done.addWidget(self.open_folder)
        self.status.hide()
        self.open_folder.hide()
        column.addLayout(done)
        column.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        outer.addWidget(vertical_scroll(holder, self.windowTitle()), 1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Save as PDF…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Close", QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_report)
        self._printing = printing
        buttons.setContentsMargins(24, 0, 24, 0)
        outer.addWidget(buttons)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start.dateChanged.connect(self._dates_edited)
        self.end.dateChanged.connect(self._dates_edited)
        self._setting = False
        self.period.setCurrentIndex(1)
        self._period_chosen()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # After the button box has made its accept button the default: Enter does what the
        # menu item said (File → Print a report… prints).
        default, other = (self.print_button, self.save_button)
        if not self._printing:
            default, other = other, default
        other.setDefault(False)
        default.setDefault(True)

    def _today(self) -> dt.date:
        return self._ctx.clock().date()

    # --- the period ------------------------------------------------------------------------

    def _period_chosen(self, *_args: object) -> None:
        days = self.period.currentData()
        if days == CHOOSE:
            return
        today = self._today()
        start = self._first if days is None else today - dt.timedelta(days=int(days) - 1)
        self._setting = True
        try:
            self.start.setDate(_qdate(min(start, today)))
            self.end.setDate(_qdate(today))
        finally:
            self._setting = False

    def _dates_edited(self, *_args: object) -> None:
        if not self._setting:
            self.period.blockSignals(True)
            self.period.setCurrentIndex(self.period.count() - 1)
            self.period.blockSignals(False)

    # --- making it ---------------------------------------------------------------------------

    def _data(self) -> ReportData | None:
        self.message.hide()
        try:
            chosen = frozenset(key for key, box in self.sections.items() if box.isChecked())
            request = make_request(
                _day(self.start.date()),
                _day(self.end.date()),
                self._today(),
                chosen,
                self.note.toPlainText(),
            )
            return gather(self._ctx.db, self._ctx.content, request, self._today())
        except KnownError as exc:
            self._say(exc.message)
            return None

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def suggested_path(self) -> Path:
        start, end = _day(self.start.date()), _day(self.end.date())
        return Path.home() / f"mindful-desktop-report-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}.pdf"

    def save_pdf(self) -> Path | None:
        data = self._data()
        if data is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save the report", str(self.suggested_path()), "PDF files (*.pdf)"
        )
        if not name:
            return None
        out = Path(name)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            pages = write_pdf(data, out, str(self.paper.currentData()))
        except KnownError as exc:
            self._say(exc.message)
            return None
        self.saved_to = out
        self.status.setText(f"Saved {pages} page{'s' if pages != 1 else ''} to {out}.")
        self.status.show()
        self.open_folder.show()
        return out

    def _open_folder(self) -> None:
        if self.saved_to is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_to.parent)))

    def print_to(self, device: QPagedPaintDevice) -> int:
        """Paint the report on a printer the person chose (tests pass a PDF printer)."""
        data = self._data()
        if data is None:
            return 0
        from mindful_desktop.report.document import paint_report

        return paint_report(device, data)

    def print_report(self) -> None:
        if self._data() is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer, str(self.paper.currentData()))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the report")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = self.print_to(printer)
        except OSError:
            self._say("The printer couldn't start the report. Check that it is on and try again.")
            return
        self.status.setText(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")
        self.status.show()
        self.open_folder.hide()
