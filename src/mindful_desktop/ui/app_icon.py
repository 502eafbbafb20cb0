"""The app's icon as a QIcon: the committed PNGs (rendered from the SVG), one per size, so
Qt picks the one drawn for the size it needs (the title bar, the task switcher, the tray)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from mindful_desktop.paths import ICON_SIZES, icon_png


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        # With its size given, each file is read only when that size is first drawn.
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon
