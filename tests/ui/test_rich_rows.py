"""A search result's excerpt shows its first three lines whole: the row is as tall as the
document lays those lines out, bold words and all, not three of the plain font's lines."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from mindful_desktop.ui.widgets.rich_rows import RichRowDelegate


@pytest.mark.parametrize("points", [9.0, 10.0, 10.5, 12.0])
def test_an_excerpt_of_many_lines_keeps_its_third_line_whole(qtbot: QtBot, points: float) -> None:
    view = QListView()
    qtbot.addWidget(view)
    delegate = RichRowDelegate(view)
    font = view.font()
    font.setPointSizeF(points)  # at some sizes a laid-out line is taller than lineSpacing()
    words = " ".join(f"<b>rain</b> walk{n}" if n % 3 == 0 else f"word{n}" for n in range(80))
    doc = delegate._document(words, font, 240, QColor("black"), QColor("black"))
    height = delegate._html_height(doc, font)
    layout = doc.firstBlock().layout()
    assert layout.lineCount() > 3
    third = layout.lineAt(2)
    assert height >= layout.position().y() + third.y() + third.height()
    fourth = layout.lineAt(3)
    assert height <= layout.position().y() + fourth.y() + 1  # and nothing of the fourth
    short = delegate._document("<b>rain</b> once", font, 240, QColor("black"), QColor("black"))
    assert delegate._html_height(short, font) <= QFontMetrics(font).lineSpacing() * 2 + 2
