"""What the Journal says about things written elsewhere in the app: each item's row text
(`ItemNames.describe`) and the read-only pane that shows one (`JournalReader`), with where to
go to change it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.domain.medication import KIND_WORDS, NOTICED, describe_change, short_day
from mindful_desktop.domain.words import humane
from mindful_desktop.services.journal import (
    CHECKIN,
    JOURNAL,
    MEDICATION,
    PRACTICE,
    QUESTION,
    REFLECTION,
    WORKSHEET,
    TimelineItem,
)
from mindful_desktop.services.worksheets import WorksheetService
from mindful_desktop.ui.widgets.common import label

CARE_PAGE = "care"  # where medication and appointment notes are changed (ui/main_window.py)


def change_words(item: TimelineItem) -> str:
    """A medication item's line: the change in words, or what was noticed (and with what)."""
    fields = dict(item.fields)
    if item.origin == NOTICED:
        return f"{item.title}: {item.first_line()}" if item.title else item.first_line()
    return describe_change(
        item.origin, item.title, fields.get("dose", ""), fields.get("agreed_with", "")
    )


class ItemNames:
    """Names for the timeline: days as a person says them, lessons and worksheets by title."""

    def __init__(
        self, today: Callable[[], dt.date], worksheets: WorksheetService | None = None
    ) -> None:
        self._today = today
        self._worksheets = worksheets

    def day_text(self, day: dt.date) -> str:
        today = self._today()
        if day == today:
            return "Today"
        if day == today - dt.timedelta(days=1):
            return "Yesterday"
        return f"{day:%a %d %b}" if day.year == today.year else f"{day:%a %d %b %Y}"

    def lesson_name(self, slug: str) -> tuple[str, str]:
        """(label, title) of a lesson, e.g. ('Week 1', 'Noticing automatic pilot')."""
        if self._worksheets is not None:
            try:
                lesson = self._worksheets.course.lesson(slug)
            except KeyError:
                pass
            else:
                return lesson.label, lesson.title
        return humane(slug), ""

    def sheet_title(self, sheet_id: str) -> str:
        if self._worksheets is not None and sheet_id in self._worksheets.course.worksheets:
            return self._worksheets.course.worksheets[sheet_id].title
        return humane(sheet_id)

    def field_labels(self, sheet_id: str) -> dict[str, str]:
        if self._worksheets is None or sheet_id not in self._worksheets.course.worksheets:
            return {}
        return {f.id: f.label for f in self._worksheets.course.worksheets[sheet_id].fields}

    def describe(self, item: TimelineItem) -> tuple[str, str]:
        """(the row's small header, its title line)."""
        day = self.day_text(item.day)
        if item.kind == JOURNAL:
            return f"{day} · Journal", item.title or item.first_line()
        if item.kind == REFLECTION:
            where = self.lesson_name(item.source)[0] if item.origin == "lesson" else "Practice"
            return f"{day} · Reflection · {where}", item.first_line()
        if item.kind == PRACTICE:
            return f"{day} · Practice note", item.first_line()
        if item.kind == CHECKIN:
            return f"{day} · Check-in · mood {item.mood}", item.first_line()
        if item.kind == MEDICATION:
            what = "Effect noticed" if item.origin == NOTICED else KIND_WORDS.get(item.origin, "")
            return f"{day} · Medication · {what}", change_words(item)
        if item.kind == QUESTION:
            done = " · talked about" if item.origin == "done" else ""
            return f"{day} · Question for an appointment{done}", item.first_line()
        return f"{day} · Worksheet", f"{self.sheet_title(item.source)}: {item.first_line()}"


class JournalReader(QWidget):
    """One item written outside the journal, read-only, with where it came from and a way
    there (a lesson or worksheet opens; practice notes and check-ins say which page)."""

    openWorksheetRequested = Signal(str)  # worksheet id
    openLessonRequested = Signal(str)  # lesson slug
    openPageRequested = Signal(str)  # a page's key

    def __init__(self, names: ItemNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._item: TimelineItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.header = label("", "Muted")
        self.where = label("", "Status")
        self.title = label("", "CardTitle")
        layout.addWidget(self.header)
        layout.addWidget(self.where)
        layout.addWidget(self.title)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setAccessibleName("What you wrote")
        self.body.setTabChangesFocus(True)
        layout.addWidget(self.body, 1)
        source_row = QHBoxLayout()
        self.hint = label("", "Muted")
        self.open_button = QPushButton()
        source_row.addWidget(self.hint, 1)
        source_row.addWidget(self.open_button)
        layout.addLayout(source_row)
        self.open_button.clicked.connect(self._open_source)

    def show_item(self, item: TimelineItem) -> None:
        self._item = item
        self.header.setText(f"{item.day:%A %d %B %Y}")
        fill = QTextCharFormat()
        strong = QTextCharFormat()
        strong.setFontWeight(QFont.Weight.DemiBold)
        self.body.clear()
        cursor = self.body.textCursor()
        self.open_button.hide()
        if item.kind == REFLECTION:
            if item.origin == "lesson":
                name, title = self._names.lesson_name(item.source)
                self.where.setText(f"A reflection from {name}" + (f": {title}." if title else "."))
                self.open_button.setText("Open the lesson")
                self.open_button.show()
                self.hint.setText("To change it, open the lesson and edit it there.")
            else:
                self.where.setText("A reflection after a practice.")
                self.hint.setText("")
            self.title.setText(item.title)
            cursor.insertText(item.body, fill)
        elif item.kind == PRACTICE:
            minutes = max(1, round(item.minutes))
            self.where.setText(f"A note after practice: {item.title}, {minutes} min.")
            self.title.setText("What you noticed")
            self.hint.setText("Practice notes can be changed in the log on the Practice page.")
            cursor.insertText(item.body, fill)
        elif item.kind == CHECKIN:
            feelings = ", ".join(word for _id, word in item.fields)
            self.where.setText(
                f"A note with your check-in at {item.moment:%H:%M}: mood {item.mood} of 10"
                + (f", {feelings}." if feelings else ".")
            )
            self.title.setText("What you noted")
            self.hint.setText("Check-ins can be changed on the Check-in page.")
            cursor.insertText(item.body, fill)
        elif item.kind == WORKSHEET:
            title = self._names.sheet_title(item.source)
            self.where.setText(f"From your worksheet “{title}”.")
            self.title.setText(title)
            self.open_button.setText("Open worksheet")
            self.open_button.show()
            self.hint.setText("To change it, open the worksheet.")
            labels = self._names.field_labels(item.source)
            for n, (field_id, value) in enumerate(item.fields):
                if n:
                    cursor.insertText("\n\n", fill)
                cursor.insertText(labels.get(field_id, humane(field_id)) + "\n", strong)
                cursor.insertText(value, fill)
        elif item.kind in (MEDICATION, QUESTION):
            self._show_care(item, cursor, fill, strong)
        self.body.moveCursor(QTextCursor.MoveOperation.Start)

    def _show_care(
        self,
        item: TimelineItem,
        cursor: QTextCursor,
        fill: QTextCharFormat,
        strong: QTextCharFormat,
    ) -> None:
        self.open_button.setText("Open Medication and appointments")
        self.open_button.show()
        self.hint.setText("To change it, open Medication and appointments.")
        fields = dict(item.fields)
        if item.kind == QUESTION:
            self.where.setText(
                f"A question for an appointment, written down on {short_day(item.day)}."
                + (
                    f" Talked about on {short_day(dt.date.fromisoformat(fields['done_on']))}."
                    if "done_on" in fields
                    else ""
                )
            )
            self.title.setText("Your question")
            cursor.insertText(item.body, fill)
            if fields.get("agreed"):
                cursor.insertText("\n\nWhat was agreed\n", strong)
                cursor.insertText(fields["agreed"], fill)
            return
        if item.origin == NOTICED:
            with_what = f" with {item.title}" if item.title else ""
            self.where.setText(f"Something you noticed{with_what}.")
            self.title.setText("What you noticed")
        else:
            self.where.setText("A change to your medication, as you noted it.")
            self.title.setText(change_words(item))
        cursor.insertText(item.body, fill)

    def _open_source(self) -> None:
        item = self._item
        if item is None:
            return
        if item.kind in (MEDICATION, QUESTION):
            self.openPageRequested.emit(CARE_PAGE)
        elif item.kind == WORKSHEET:
            self.openWorksheetRequested.emit(item.source)
        elif item.kind == REFLECTION and item.origin == "lesson":
            self.openLessonRequested.emit(item.source)
