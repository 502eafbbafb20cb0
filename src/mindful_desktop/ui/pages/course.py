"""Course: the lessons with progress, and a reader with practices, worksheets and reflections."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.content import Lesson
from mindful_desktop.errors import KnownError
from mindful_desktop.services.course import CourseService
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import discard, label, side_width
from mindful_desktop.ui.widgets.flow_layout import FlowLayout
from mindful_desktop.ui.widgets.markdown_view import MarkdownView
from mindful_desktop.ui.widgets.readiness_check import Keep, ReadinessCheckCard
from mindful_desktop.ui.widgets.save_retry import SaveRetry
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate

SAVE_DELAY_MS = 800


class FlowRow(QWidget):
    """A row of buttons under a small heading, wrapping onto new lines; hidden when empty."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(label(heading, "Muted"))
        self.row = FlowLayout()
        layout.addLayout(self.row)
        self.buttons: list[QPushButton] = []

    def set_buttons(self, items: Sequence[tuple[str, Callable[..., object]]]) -> None:
        for button in self.buttons:
            self.row.removeWidget(button)
            discard(button)
        self.buttons = []
        while self.row.count():
            self.row.takeAt(0)
        for text, action in items:
            button = QPushButton(text)
            # clicked(bool) would fill the action's first default argument; call it bare.
            button.clicked.connect(lambda _checked=False, run=action: run())
            self.row.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(items))


class ReflectionBox(QWidget):
    """One prompt and its answer, saved shortly after typing stops and when focus leaves."""

    def __init__(self, service: CourseService, slug: str, prompt_id: str, text: str) -> None:
        super().__init__()
        self._service = service
        self._slug = slug
        self.prompt_id = prompt_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(label(text))
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(text)
        self.editor.setPlaceholderText("Write as much or as little as you like. Saved as you type.")
        self.editor.setMinimumHeight(96)
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor)
        self.status = label("", "Muted")
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._retry = SaveRetry(self.save_now, self)
        self._dirty = False

    def load(self, body: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(body)
        self.editor.blockSignals(False)
        self.editor.textChanged.connect(self._changed)
        self.status.setText("Saved in your journal." if body else "")

    def _changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if not self._dirty:
            return
        try:
            self._service.save_reflection(self._slug, self.prompt_id, self.editor.toPlainText())
        except KnownError as exc:
            self.status.setText(self._retry.failed(exc))
            return
        self._retry.saved()
        self._dirty = False
        self.status.setText("Saved in your journal.")


class CoursePage(QWidget):
    openWorksheetRequested = Signal(str)
    crisisRequested = Signal()  # from the orientation's "is this the right time?"

    SIDE_WIDE, SIDE_NARROW = 300, 230  # the lesson list
    MEASURE = 72  # characters a line: a comfortable measure for long reading

    def __init__(
        self,
        course: CourseService,
        start_practice: Callable[[str], None] | None = None,
        track_titles: dict[str, str] | None = None,
        parent: QWidget | None = None,
        keep_in_journal: Keep | None = None,
    ) -> None:
        super().__init__(parent)
        self._course = course
        self._keep = keep_in_journal
        self.check: ReadinessCheckCard | None = None
        self._start_practice = start_practice
        self._titles = track_titles or {}
        self._lesson: Lesson | None = None
        self.reflections: list[ReflectionBox] = []

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        side = QWidget()
        side.setFixedWidth(self.SIDE_WIDE)
        self.side = side
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(28, 32, 12, 20)
        side_layout.setSpacing(10)
        side_layout.addWidget(label("Course", "PageTitle"))
        self.pace = label("", "Muted")
        side_layout.addWidget(self.pace)
        self.model = RowsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setObjectName("LessonList")
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSpacing(3)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setAccessibleName("Lessons")
        self.list.clicked.connect(
            lambda index: self.show_lesson(self.model.data(index, RowsModel.PayloadRole))
        )
        side_layout.addWidget(self.list, 1)
        layout.addWidget(side)

        self.reader_scroll = QScrollArea()
        self.reader_scroll.setWidgetResizable(True)
        self.reader_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.reader_scroll.setAccessibleName("Lesson")
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(28, 32, 36, 32)
        column = QWidget()
        self.reader_column = column
        self.column = QVBoxLayout(column)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(12)
        holder_layout.addStretch(1)  # the column sits centred once it reaches its measure
        holder_layout.addWidget(column, 100)
        holder_layout.addStretch(1)
        self.reader_scroll.setWidget(holder)
        layout.addWidget(self.reader_scroll, 1)

        self.week_label = label("", "Muted")
        self.title = label("", "PageTitle")
        self.summary = label("")
        self.ahead_note = label(
            "You're reading ahead. Reading on is welcome; the practice works best one week at a "
            "time, at your own pace.",
            "Status",
        )
        top_actions = QHBoxLayout()
        self.complete_button = QPushButton()
        self.complete_button.clicked.connect(self._toggle_complete)
        top_actions.addWidget(self.complete_button)
        top_actions.addStretch(1)
        self.practices = FlowRow("Practices in this lesson")
        self.worksheets = FlowRow("Worksheets")
        self.body = MarkdownView()
        self.check_host = QVBoxLayout()
        self.check_host.setContentsMargins(0, 8, 0, 16)
        self.reflection_host = QVBoxLayout()
        self.reflection_host.setSpacing(16)
        bottom = QHBoxLayout()
        self.bottom_complete = QPushButton()
        self.bottom_complete.clicked.connect(self._toggle_complete)
        self.next_button = QPushButton()
        self.next_button.setObjectName("Primary")
        self.next_button.clicked.connect(self._next)
        bottom.addWidget(self.bottom_complete)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        for widget in (self.week_label, self.title, self.summary, self.ahead_note):
            self.column.addWidget(widget)
        self.column.addLayout(top_actions)
        self.column.addWidget(self.practices)
        self.column.addWidget(self.worksheets)
        self.column.addSpacing(8)
        self.column.addWidget(self.body)
        self.column.addLayout(self.check_host)
        self.column.addLayout(self.reflection_host)
        self.column.addSpacing(12)
        self.column.addLayout(bottom)
        self.column.addStretch(1)

        self._set_measure()
        course.changed.connect(self._refresh_list)
        self._refresh_list()
        self.show_lesson(course.current_lesson().slug)

    # --- list -----------------------------------------------------------------------------

    def _refresh_list(self) -> None:
        states = self._course.states()
        current = self._course.current_lesson()
        rows = []
        for lesson in self._course.course.lessons:
            state = states[lesson.slug]
            rows.append(
                Row(
                    lesson.label,
                    lesson.slug,
                    tooltip="Completed"
                    if state.completed
                    else ("Suggested now" if lesson is current else ""),
                    bold=lesson is current,
                    detail=lesson.title,
                    badge="✓" if state.completed else ("→" if lesson is current else ""),
                )
            )
        self.model.set_rows(rows)
        done = sum(1 for lesson in self._course.course.lessons if states[lesson.slug].completed)
        self.pace.setText(
            f"Suggested now: {current.label}. {done} of {len(rows)} lessons marked complete."
        )
        if self._lesson is not None:
            self._select(self._lesson.slug)
            self._update_buttons()

    def _select(self, slug: str) -> None:
        row = self.model.row_of(slug)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    # --- reader ---------------------------------------------------------------------------

    def show_lesson(self, slug: str) -> None:
        for box in self.reflections:
            box.save_now()
        lesson = self._course.course.lesson(slug)
        self._lesson = lesson
        try:
            self._course.mark_opened(slug)
        except KnownError:
            pass  # progress is a nicety; reading must still work on a read-only disk
        self._select(slug)
        self.week_label.setText(lesson.label)
        self.title.setText(lesson.title)
        self.body.setAccessibleName(f"{lesson.title}, the lesson's text")
        self.summary.setText(lesson.summary)
        current = self._course.current_lesson()
        self.ahead_note.setVisible(lesson.week > current.week and not self._completed(slug))
        practices = []
        if self._start_practice is not None:
            for track in dict.fromkeys(lesson.practices):
                title = self._titles.get(track, track)
                practices.append((f"▶  {title}", lambda t=track: self._play(t)))
        self.practices.set_buttons(practices)
        sheets = [
            (
                self._course.course.worksheets[w].title,
                lambda w=w: self.openWorksheetRequested.emit(w),
            )
            for w in lesson.worksheets
        ]
        self.worksheets.set_buttons(sheets)
        self.body.set_markdown(lesson.body)
        self._build_check(lesson)
        self._build_reflections(lesson)
        self._update_buttons()
        self.reader_scroll.verticalScrollBar().setValue(0)

    def _play(self, track: str) -> None:
        assert self._start_practice is not None
        self._start_practice(track)

    def _build_check(self, lesson: Lesson) -> None:
        """Built afresh each time the lesson opens: ticks live only on screen."""
        if self.check is not None:
            self.check_host.removeWidget(self.check)
            discard(self.check)
            self.check = None
        if lesson.check is not None:
            self.check = ReadinessCheckCard(lesson.check, self._keep)
            self.check.crisisRequested.connect(self.crisisRequested)
            self.check_host.addWidget(self.check)

    def _build_reflections(self, lesson: Lesson) -> None:
        for box in self.reflections:
            self.reflection_host.removeWidget(box)
            discard(box)
        self.reflections = []
        answers = self._course.reflections(lesson.slug)
        for prompt in lesson.prompts:
            box = ReflectionBox(self._course, lesson.slug, prompt.id, prompt.text)
            box.load(answers.get(prompt.id, ""))
            self.reflection_host.addWidget(box)
            self.reflections.append(box)

    def _completed(self, slug: str) -> bool:
        return self._course.states()[slug].completed

    def _update_buttons(self) -> None:
        if self._lesson is None:
            return
        done = self._completed(self._lesson.slug)
        text = "✓ Completed — mark as not done" if done else "Mark lesson complete"
        self.complete_button.setText(text)
        self.bottom_complete.setText(text)
        following = [w for w in self._course.course.lessons if w.week > self._lesson.week]
        self.next_button.setVisible(bool(following))
        if following:
            self.next_button.setText(f"Next: {following[0].label} →")

    def _toggle_complete(self) -> None:
        if self._lesson is None:
            return
        try:
            self._course.set_completed(self._lesson.slug, not self._completed(self._lesson.slug))
        except KnownError as exc:
            self.summary.setText(exc.message)

    def _next(self) -> None:
        if self._lesson is None:
            return
        following = [w for w in self._course.course.lessons if w.week > self._lesson.week]
        if following:
            self.show_lesson(following[0].slug)

    def set_practice_launcher(
        self, start_practice: Callable[[str], None], track_titles: dict[str, str]
    ) -> None:
        self._start_practice = start_practice
        self._titles = track_titles
        if self._lesson is not None:
            self.show_lesson(self._lesson.slug)

    def current_slug(self) -> str | None:
        return None if self._lesson is None else self._lesson.slug

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.side.setFixedWidth(side_width(self.width(), self.SIDE_WIDE, self.SIDE_NARROW))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._set_measure()

    def _set_measure(self) -> None:
        measure = self.body.fontMetrics().averageCharWidth() * self.MEASURE
        self.reader_column.setMaximumWidth(measure)

    def hideEvent(self, event: object) -> None:  # noqa: N802
        for box in self.reflections:
            box.save_now()
        super().hideEvent(event)  # type: ignore[arg-type]
