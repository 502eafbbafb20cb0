"""What "fits" means, checked on real widgets: no visible horizontal scroll bar, no
word-wrapped label shorter than the height its text needs at its width, and no sentence
squeezed into a column a few words wide beside something that took its room."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QListView,
    QStyleOptionViewItem,
    QWidget,
)

from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate

# Logical sizes: 1180x780 is the first start; 1024x640 is also a 1536x960 screen at 150 % and
# 1280x720 a 1920x1080 screen at 150 % (Qt lays out in logical pixels, so scaling is a size).
SIZES = ((1024, 640), (1180, 780), (1280, 720), (1280, 800), (1920, 1080))
# A sentence narrower than this many characters a line reads as a column of single words.
SQUEEZED_CHARS = 18


def settle() -> None:
    for _ in range(3):  # layouts that depend on other layouts take more than one pass
        QApplication.processEvents()


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0


def problems(top: QWidget, where: str) -> list[str]:
    """Everything that doesn't fit inside `top`, as sentences naming the widget."""
    found = []
    for area in top.findChildren(QAbstractScrollArea):
        if _shown(area, top) and area.horizontalScrollBar().isVisibleTo(top):
            found.append(f"{where}: horizontal scroll bar on {_name(area)}")
    for lab in top.findChildren(QLabel):
        if not (_shown(lab, top) and lab.wordWrap() and lab.text()):
            continue
        chars = lab.width() / max(1, lab.fontMetrics().averageCharWidth())
        if len(lab.text()) > 2 * SQUEEZED_CHARS and chars < SQUEEZED_CHARS:
            found.append(
                f"{where}: label {lab.text()[:50]!r} is squeezed to {lab.width()} px, "
                f"about {chars:.0f} characters a line"
            )
        need = lab.heightForWidth(lab.width())
        if need > lab.height() + 1:
            found.append(
                f"{where}: label {lab.text()[:50]!r} is {lab.height()} px high at "
                f"{lab.width()} px, needs {need}"
            )
    for view in top.findChildren(QListView):
        if not _shown(view, top):
            continue
        model, delegate = view.model(), view.itemDelegate()
        if model is None or not isinstance(delegate, TwoLineDelegate):
            continue
        for line in range(model.rowCount()):
            index = model.index(line, 0)
            rect = view.visualRect(index)
            row = index.data(RowsModel.RowRole)
            if not rect.isValid() or not isinstance(row, Row):
                continue
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.font = view.font()
            need = delegate.row_height(option, row, rect.width())  # at the width it really has
            if need > rect.height() + 1:
                found.append(
                    f"{where}: row {line} of {_name(view)} is {rect.height()} px high, "
                    f"its text needs {need}"
                )
    if top.minimumSizeHint().width() > top.width():
        found.append(
            f"{where}: needs {top.minimumSizeHint().width()} px of width, has {top.width()}"
        )
    return found


def _name(widget: QWidget) -> str:
    parent = widget.parentWidget()
    chain = [type(widget).__name__]
    while parent is not None and len(chain) < 4:
        chain.append(type(parent).__name__)
        parent = parent.parentWidget()
    return " in ".join(chain)
