"""The questionnaire dialog: both forms end with the unscored difficulty item, kept with the
result and never added to the total, and both show the attribution in full."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from mindful_desktop.domain.instruments import ATTRIBUTION, DIFFICULTY_ITEM
from mindful_desktop.ui.dialogs.questionnaire import QuestionnaireDialog
from mindful_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window()


def _labels(dialog: QuestionnaireDialog) -> list[str]:
    return [lbl.text() for lbl in dialog.findChildren(QLabel)]


@pytest.mark.parametrize(("instrument", "items"), [("phq9", 9), ("gad7", 7)])
def test_the_difficulty_item_is_asked_kept_and_not_scored(
    window: MainWindow, qtbot: QtBot, instrument: str, items: int
) -> None:
    dialog = window.take_questionnaire(instrument)
    assert isinstance(dialog, QuestionnaireDialog)
    texts = _labels(dialog)
    assert DIFFICULTY_ITEM.text in texts
    assert "This question is not added to the total." in texts
    assert ATTRIBUTION in texts
    assert ATTRIBUTION.endswith(
        "No permission required to reproduce, translate, display or distribute."
    )
    group = dialog.extra_group
    assert group is not None
    choices = [b.text() for b in group.buttons() if isinstance(b, QRadioButton)]
    assert choices == list(DIFFICULTY_ITEM.answers)
    # The scored items alone decide when the total can be seen; the last item may be skipped.
    for item in range(items):
        dialog.answer(item, 1)
    assert dialog.progress.text() == f"{items} of {items} answered"
    very = group.button(2)
    assert very is not None
    dialog.stack.currentWidget().ensureWidgetVisible(very)  # type: ignore[attr-defined]
    qtbot.mouseClick(very, Qt.MouseButton.LeftButton)
    assert very.isChecked()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    assert (dialog.saved.total, dialog.saved.extra_answer) == (items, 2)
    assert window.ctx.questionnaires.latest(instrument) == dialog.saved
    assert f"{items} out of" in " ".join(_labels(dialog))
    dialog.close()


def test_the_difficulty_item_can_be_left_unanswered(window: MainWindow) -> None:
    dialog = window.take_questionnaire("gad7")
    for item in range(7):
        dialog.answer(item, 0)
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.extra_answer is None
    dialog.close()
