"""Check-in: the two-weekly questionnaires with their history, and every mood check-in."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.domain.instruments import INSTRUMENTS, SELF_MONITORING_NOTE
from mindful_desktop.errors import KnownError
from mindful_desktop.services.checkins import CheckInService, CheckInView
from mindful_desktop.services.questionnaires import QuestionnaireService, ResultView
from mindful_desktop.ui.dialogs.checkin_edit import CheckInEditDialog
from mindful_desktop.ui.models.paged import PagedRowsModel
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import Card, Page, label
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate
from mindful_desktop.ui.widgets.undo_bar import UndoBar

ABOUT = {
    "phq9": "Nine questions about low mood and how you've been over the last two weeks.",
    "gad7": "Seven questions about worry and anxiety over the last two weeks.",
}


def _result_row(r: ResultView) -> Row:
    instrument = INSTRUMENTS[r.instrument]
    detail = f"{instrument.name}: {r.total} of {instrument.max_score}, {r.band}"
    return Row(f"{r.day:%a %d %b %Y}", r.id, detail=detail)


def _history_row(c: CheckInView) -> Row:
    extras = [", ".join(c.emotions)] if c.emotions else []
    if c.sleep_hours is not None:
        extras.append(f"slept {c.sleep_hours:g} h")
    detail = f"Mood {c.mood} of 10" + (" · " + " · ".join(extras) if extras else "")
    if c.note:
        detail += f"\n{c.note}"
    return Row(f"{c.when:%a %d %b %Y, %H:%M}", c.id, detail=detail)


class InstrumentRow(QWidget):
    def __init__(self, service: QuestionnaireService, instrument_id: str) -> None:
        super().__init__()
        self._service = service
        self.instrument_id = instrument_id
        name = INSTRUMENTS[instrument_id].name
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(label(name, "CardTitle"))
        text.addWidget(label(ABOUT[instrument_id], "Muted"))
        self.status = label("")
        text.addWidget(self.status)
        layout.addLayout(text, 1)
        self.take = QPushButton(f"Take the {name}")
        layout.addWidget(self.take)  # the page fills in the status (refresh)

    def refresh(self) -> None:
        last = self._service.latest(self.instrument_id)
        due = self._service.due(self.instrument_id)
        if last is None:
            self.status.setText("Not taken yet. It takes about two minutes.")
        else:
            when = f"{last.day:%d %B}".lstrip("0")
            if due:
                self.status.setText(f"Last taken {when}: {last.total} ({last.band}). Due now.")
            else:
                nxt = self._service.next_due(self.instrument_id)
                self.status.setText(
                    f"Last taken {when}: {last.total} ({last.band}). "
                    f"Next suggested {nxt:%d %B}".replace(" 0", " ")
                    + "."
                )
        self.take.setObjectName("Primary" if due else "")
        self.take.style().unpolish(self.take)
        self.take.style().polish(self.take)


class CheckInPage(Page):
    takeRequested = Signal(str)  # instrument id

    def __init__(
        self,
        checkins: CheckInService,
        questionnaires: QuestionnaireService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Check-in",
            "Your mood check-ins, and two short questionnaires to take every two weeks.",
            parent,
        )
        self._checkins = checkins
        self._questionnaires = questionnaires
        card = Card("Questionnaires")
        self.rows = [InstrumentRow(questionnaires, i) for i in ("phq9", "gad7")]
        for row in self.rows:
            row.take.clicked.connect(
                lambda _=False, i=row.instrument_id: self.takeRequested.emit(i)
            )
            card.body.addWidget(row)
        card.body.addWidget(label(SELF_MONITORING_NOTE, "Muted"))
        self.add(card)

        lists = QHBoxLayout()
        lists.setSpacing(16)
        results = Card("Your results")
        self.results_model: PagedRowsModel[ResultView] = PagedRowsModel(
            lambda last, limit: questionnaires.results(limit, before=last),
            lambda r: (r.taken, r.id),
            _result_row,
            self,
        )
        self.results = self._list(self.results_model, "Questionnaire results")
        self.results_empty = label("Your totals will be listed here.", "Muted")
        results.body.addWidget(self.results_empty)
        results.body.addWidget(self.results, 1)
        history = Card("Your check-ins")
        self.history_model: PagedRowsModel[CheckInView] = PagedRowsModel(
            lambda last, limit: checkins.history(limit, before=last),
            lambda c: (c.when, c.id),
            _history_row,
            self,
        )
        self.history = self._list(self.history_model, "Mood check-ins")
        self.history_empty = label("Check-ins you save on Today are listed here.", "Muted")
        history.body.addWidget(self.history_empty)
        history.body.addWidget(self.history, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setAccessibleName("Edit the selected check-in")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete the selected check-in")
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        history.body.addLayout(actions)
        self.status = label("", "Error")
        history.body.addWidget(self.status)
        self.undo_bar = UndoBar()
        history.body.addWidget(self.undo_bar)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history.selectionModel().selectionChanged.connect(self._selection)
        lists.addWidget(results, 2)
        lists.addWidget(history, 3)
        holder = QWidget()
        holder.setLayout(lists)
        lists.setContentsMargins(0, 0, 0, 0)
        self.add(holder, 1)

        questionnaires.changed.connect(self.refresh_results)
        self.history_model.follow(
            checkins.saved,
            checkins.removed,
            checkins.changed,
            self._history_changed,
            self.refresh_history,
        )
        self.refresh()

    def _list(self, model: QAbstractItemModel, name: str) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setItemDelegate(TwoLineDelegate(view, one_line_each=True))
        view.setObjectName("LessonList")
        view.setAccessibleName(name)
        view.setMinimumHeight(260)
        return view

    def refresh(self) -> None:
        self.refresh_results()
        self.refresh_history()

    def refresh_results(self) -> None:
        for row in self.rows:
            row.refresh()
        try:
            self.results_model.reload()
        except KnownError as exc:
            self.status.setText(exc.message)
        self.results_empty.setVisible(self.results_model.rowCount() == 0)

    def refresh_history(self) -> None:
        """The newest page of check-ins; older ones are fetched as the list scrolls."""
        try:
            self.history_model.reload()
        except KnownError as exc:
            self.status.setText(exc.message)
        self._history_changed()

    def _history_changed(self) -> None:
        self.history_empty.setVisible(self.history_model.rowCount() == 0)
        self._selection()

    def selected_checkin(self) -> CheckInView | None:
        index = self.history.currentIndex()
        if not index.isValid() or not self.history.selectionModel().isSelected(index):
            return None
        return self._checkins.get(self.history_model.data(index, RowsModel.PayloadRole))

    def _selection(self, *_args: object) -> None:
        chosen = self.history.selectionModel().hasSelection()
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def edit_selected(self) -> CheckInEditDialog | None:
        checkin = self.selected_checkin()
        if checkin is None:
            return None
        self.undo_bar.dismiss()
        self.status.setText("")
        dialog = CheckInEditDialog(self._checkins, checkin, self)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        """Deleted at once; the Undo bar puts it back as it was."""
        checkin = self.selected_checkin()
        if checkin is None:
            return
        self.status.setText("")
        try:
            deleted = self._checkins.delete(checkin.id)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        if deleted is not None:
            self.undo_bar.offer(
                f"{deleted.label} deleted.", lambda: self._checkins.restore(deleted)
            )
