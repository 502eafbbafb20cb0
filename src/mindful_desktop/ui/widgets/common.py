"""Building blocks shared by pages: cards, page headers, labels with object names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget


def discard(widget: QWidget) -> None:
    """Take a widget off screen now. deleteLater alone leaves it painted, at its old place,
    until the event loop comes back round (never, inside processEvents)."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def label(text: str, name: str | None = None, wrap: bool = True) -> QLabel:
    """Text a person may want to copy (a lesson, an entry, a result): selectable by mouse."""
    widget = static_label(text, name, wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def static_label(text: str, name: str | None = None, wrap: bool = True) -> QLabel:
    """Glanceable text (headings, Today's cards, hints). Not selectable: the first selectable
    label builds Qt's text-selection machinery (~7 ms), which the first frame can do without."""
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if name:
        widget.setObjectName(name)
    return widget


NARROW_PAGE = 900  # below this a page's side list narrows, leaving room to read


def side_width(page_width: int, wide: int, narrow: int) -> int:
    """Width of a page's side list (lessons, practices) for the page's width."""
    return narrow if page_width < NARROW_PAGE else wide


class Card(QFrame):
    """A rounded panel with an optional title; children go into `body`."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(22, 18, 22, 20)
        self.body.setSpacing(12)
        if title:
            self.title = static_label(title, "CardTitle")
            self.body.addWidget(self.title)


class Page(QScrollArea):
    """A scrollable page with a title, a subtitle and a centred column of content."""

    MAX_WIDTH = 960

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(title)  # the page takes focus to scroll; this is what is read
        outer = QWidget()
        outer_layout = QHBoxLayout(outer)
        outer_layout.setContentsMargins(40, 26, 40, 26)
        self.column = QWidget()
        self.column.setMaximumWidth(self.MAX_WIDTH)
        self.content = QVBoxLayout(self.column)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.setSpacing(16)
        # The column grows to MAX_WIDTH; the stretches on either side take what is left.
        outer_layout.addStretch(1)
        outer_layout.addWidget(self.column, 100)
        outer_layout.addStretch(1)
        self._tail = QWidget()
        self.title_label = static_label(title, "PageTitle")
        self.subtitle_label = static_label(subtitle, "PageSubtitle")
        self.content.addWidget(self.title_label)
        self.content.addWidget(self.subtitle_label)
        self.subtitle_label.setVisible(bool(subtitle))
        self.setWidget(outer)

    def set_subtitle(self, text: str) -> None:
        self.subtitle_label.setText(text)
        self.subtitle_label.setVisible(bool(text))

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        self.content.removeWidget(self._tail)
        self.content.addWidget(widget, stretch)
        self.content.addWidget(self._tail, 1)  # keeps content at the top of a tall window
