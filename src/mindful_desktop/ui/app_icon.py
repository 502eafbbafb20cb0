"""The app's icon as a QIcon: the committed PNGs (rendered from the SVG), one per size, so
Qt picks the one drawn for the size it needs (the title bar, the task switcher, the tray)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from mindful_desktop.paths import ICON_SIZES, icon_png

# On X11 a window's icon goes to the window manager at every size it has, when the window is
# first shown: with 256 and 512 px that took 35-45 ms of start-up (Xvfb), up to 128 px 6 ms.
# Title bars, task switchers and trays draw at most 128 px even at 200 %; the larger sizes
# are for the menu entry, through the icon theme (install-desktop-entry).
WINDOW_ICON_SIZES = tuple(size for size in ICON_SIZES if size <= 128)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        # With its size given, each file is read only when that size is first drawn.
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon
