"""Render the app icon's PNGs from its SVG: `python tools/render_icons.py`.

Writes assets/icons/mindful-desktop-N.png for every size in paths.ICON_SIZES, drawn
by QtSvg (in PySide6, so nothing new to install). tests/test_app_icon.py renders them again
and fails if the committed PNGs no longer match the SVG.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from mindful_desktop.paths import ICON_SIZES, icon_png, icon_svg  # noqa: E402


def render(size: int) -> QImage:
    """The icon at `size` x `size` pixels on a transparent background."""
    renderer = QSvgRenderer(str(icon_svg()))
    if not renderer.isValid():
        raise SystemExit(f"{icon_svg()} is not an SVG QtSvg can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert app is not None
    for size in ICON_SIZES:
        out = icon_png(size)
        if not render(size).save(str(out), "PNG"):
            print(f"couldn't write {out}", file=sys.stderr)
            return 1
        print(f"{out.name}: {out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
