"""The orientation's "is this the right time to start?": a question to tick for each thing
MBCT teachers ask about before a course, what to consider under each one ticked, and a copy
in the journal only when the person asks for one. Never a gate: the course is open either way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.domain.content import CheckQuestion, ReadinessCheck
from mindful_desktop.errors import KnownError
from mindful_desktop.ui.widgets.common import Card, label, static_label
from mindful_desktop.ui.widgets.flow_layout import FlowLayout
from mindful_desktop.ui.widgets.home_practice import CheckRow

# Keeps a copy: (title, body). The journal's `create`, in the window.
Keep = Callable[[str, str], object]

KEEP_TEXT = "Keep this in my journal"
KEPT_TEXT = "Kept in your journal"
KEPT_STATUS = "It's on the Journal page, where you can read, change or delete it."


class QuestionRow(QWidget):
    """One question with its tick box, and what to consider beneath it once it is ticked."""

    def __init__(self, question: CheckQuestion, crisis: Callable[[], None]) -> None:
        super().__init__()
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.row = CheckRow(question.text, False, True)
        self.box = self.row.box
        self.box.setAccessibleDescription(question.advice)
        layout.addWidget(self.row)
        self.advice = QFrame()
        self.advice.setObjectName("Note")
        inner = QVBoxLayout(self.advice)
        inner.setContentsMargins(14, 10, 14, 10)
        inner.setSpacing(8)
        self.advice_text = label(question.advice)
        inner.addWidget(self.advice_text)
        self.crisis_button: QPushButton | None = None
        if question.crisis:
            self.crisis_button = QPushButton("Open Crisis support")
            self.crisis_button.clicked.connect(lambda _checked=False: crisis())
            buttons = QHBoxLayout()
            buttons.addWidget(self.crisis_button)
            buttons.addStretch(1)
            inner.addLayout(buttons)
        # Under the question's words, not under its box: it reads as that question's answer.
        indent = QHBoxLayout()
        indent.setContentsMargins(self.box.sizeHint().width() + 8, 0, 0, 0)
        indent.addWidget(self.advice)
        layout.addLayout(indent)
        self.advice.hide()
        self.box.toggled.connect(self.advice.setVisible)


class ReadinessCheckCard(Card):
    crisisRequested = Signal()
    kept = Signal()  # a copy went into the journal

    def __init__(self, check: ReadinessCheck, keep: Keep | None = None) -> None:
        super().__init__(check.title)
        self.setAccessibleName(check.title)
        self.check = check
        self._keep = keep
        self.body.addWidget(label(check.intro))
        self.questions: list[QuestionRow] = []
        rows = QVBoxLayout()
        rows.setSpacing(12)
        for question in check.questions:
            row = QuestionRow(question, self.crisisRequested.emit)
            row.box.toggled.connect(self._changed)
            rows.addWidget(row)
            self.questions.append(row)
        self.body.addLayout(rows)
        self.body.addWidget(label(check.closing))
        actions = FlowLayout()
        self.keep_button = QPushButton(KEEP_TEXT)
        self.keep_button.setToolTip("Saves which questions you ticked, with today's date")
        self.keep_button.clicked.connect(lambda _checked=False: self.keep_now())
        actions.addWidget(self.keep_button)
        self.body.addLayout(actions)
        self.status = static_label("", "Status")
        self.status.hide()
        self.body.addWidget(self.status)
        self.keep_button.setVisible(keep is not None)

    def ticked(self) -> list[str]:
        return [row.question.id for row in self.questions if row.box.isChecked()]

    def _changed(self) -> None:
        self.keep_button.setEnabled(True)
        self.keep_button.setText(KEEP_TEXT)
        self._say("")

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setObjectName("Error" if error else "Status")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def keep_now(self) -> None:
        if self._keep is None:
            return
        try:
            self._keep(self.check.title, self.check.summary(self.ticked()))
        except KnownError as exc:
            self._say(exc.message, error=True)
            return
        self.keep_button.setText(KEPT_TEXT)
        self.keep_button.setEnabled(False)  # until a tick changes: one copy of one answer
        self._say(KEPT_STATUS)
        self.kept.emit()
