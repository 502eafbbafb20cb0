"""PHQ-9 / GAD-7: the exact items, answered one row each; item 9 opens the crisis screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.instruments import (
    ATTRIBUTION,
    PHQ9_ITEM9_INDEX,
    SELF_MONITORING_NOTE,
    needs_crisis_screen,
    result_sentence,
)
from mindful_desktop.errors import KnownError
from mindful_desktop.services.questionnaires import QuestionnaireService, ResultView
from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.widgets.common import Card, label


class QuestionnaireDialog(QDialog):
    crisisRequested = Signal()  # item 9 above "not at all": show the crisis screen now
    submitted = Signal(object)  # ResultView

    def __init__(
        self, service: QuestionnaireService, instrument_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.instrument = service.instrument(instrument_id)
        self.saved: ResultView | None = None
        self._crisis_shown = False
        self.setWindowTitle(self.instrument.name)
        fit_to_window(self, QSize(900, 760))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_form())
        self.result_page = QWidget()
        self.result_layout = QVBoxLayout(self.result_page)
        self.result_layout.setContentsMargins(32, 26, 32, 16)
        self.result_layout.setSpacing(12)
        self.stack.addWidget(self.result_page)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(32, 0, 32, 0)
        self.progress = label("", "Muted")
        buttons.addWidget(crisis_button(self))
        buttons.addWidget(self.progress, 1)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.submit_button = QPushButton("See my total")
        self.submit_button.setObjectName("Primary")
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        outer.addLayout(buttons)
        self._update()

    def _build_form(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(32, 26, 32, 16)
        column.setSpacing(12)
        column.addWidget(label(self.instrument.name, "PageTitle"))
        column.addWidget(label(self.instrument.stem))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        for col, answer in enumerate(self.instrument.answers, start=1):
            head = label(answer.label, "Muted")
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head.setMaximumWidth(110)
            grid.addWidget(head, 0, col)
        self.groups: list[QButtonGroup] = []
        for row, text in enumerate(self.instrument.items, start=1):
            item = label(f"{row}. {text}")
            item.setMinimumWidth(360)
            grid.addWidget(item, row, 0)
            group = QButtonGroup(self)
            for col, answer in enumerate(self.instrument.answers, start=1):
                button = QRadioButton()
                button.setAccessibleName(f"{text}: {answer.label}")
                group.addButton(button, answer.value)
                grid.addWidget(button, row, col, Qt.AlignmentFlag.AlignCenter)
            group.idToggled.connect(lambda _id, on, r=row - 1: self._answered(r) if on else None)
            self.groups.append(group)
        grid.setColumnStretch(0, 1)
        column.addLayout(grid)
        self.extra_group: QButtonGroup | None = None
        extra = self.instrument.extra_item
        if extra is not None:
            card = Card()
            card.body.addWidget(label(extra.text))
            row_layout = QHBoxLayout()
            self.extra_group = QButtonGroup(self)
            for value, extra_label in enumerate(extra.answers):
                button = QRadioButton(extra_label)
                button.setAccessibleName(f"{extra.text}: {extra_label}")
                self.extra_group.addButton(button, value)
                row_layout.addWidget(button)
            row_layout.addStretch(1)
            card.body.addLayout(row_layout)
            card.body.addWidget(label("This question is not added to the total.", "Muted"))
            column.addWidget(card)
        column.addWidget(label(ATTRIBUTION, "Muted"))
        column.addStretch(1)
        return vertical_scroll(holder, "Questions")

    def answers(self) -> list[int | None]:
        return [g.checkedId() if g.checkedId() >= 0 else None for g in self.groups]

    def answer(self, item: int, value: int) -> None:
        """Choose an answer as a click would (for keyboard users, tests and screenshots)."""
        button = self.groups[item].button(value)
        assert button is not None
        button.setChecked(True)

    def _answered(self, item: int) -> None:
        self._update()
        if self.instrument.id == "phq9" and item == PHQ9_ITEM9_INDEX and not self._crisis_shown:
            if needs_crisis_screen(self.answers()):
                # At once, before any score, and needing nothing else from the person.
                self._crisis_shown = True
                self.crisisRequested.emit()

    def _update(self) -> None:
        answered = sum(a is not None for a in self.answers())
        total = len(self.groups)
        self.progress.setText(f"{answered} of {total} answered")
        self.submit_button.setEnabled(answered == total)

    def submit(self) -> None:
        answers = self.answers()
        if any(a is None for a in answers):
            return
        extra = None
        if self.extra_group is not None and self.extra_group.checkedId() >= 0:
            extra = self.extra_group.checkedId()
        try:
            result = self._service.submit(
                self.instrument.id, [int(a) for a in answers if a is not None], extra
            )
        except KnownError as exc:
            self.progress.setText(exc.message)  # the answers stay as they are
            return
        self.saved = result
        self._show_result(result)
        self.submitted.emit(result)

    def _show_result(self, result: ResultView) -> None:
        layout = self.result_layout
        layout.addWidget(label(f"Your {self.instrument.name}", "PageTitle"))
        if self.instrument.id == "phq9" and needs_crisis_screen(list(result.answers)):
            card = Card()
            card.body.addWidget(
                label(
                    "You said you have had thoughts of being better off dead or of hurting "
                    "yourself. Please reach out to someone today.",
                    "Status",
                )
            )
            again = QPushButton("Show crisis support again")
            again.clicked.connect(self.crisisRequested.emit)
            card.body.addWidget(again, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(card)
        total = label(f"{result.total} out of {self.instrument.max_score}", "BigNumber")
        layout.addWidget(total)
        layout.addWidget(label(result_sentence(self.instrument, result.total)))
        for sentence in self._service.summary(result).sentences:
            layout.addWidget(label(sentence))
        layout.addWidget(label(SELF_MONITORING_NOTE, "Muted"))
        layout.addStretch(1)
        layout.addWidget(label(ATTRIBUTION, "Muted"))
        self.stack.setCurrentWidget(self.result_page)
        self.submit_button.hide()
        self.cancel_button.setText("Done")
        self.progress.setText("Saved in your journal.")
