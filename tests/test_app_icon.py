"""The app icon: every committed PNG is its size, drawn from the SVG as it is now, and the
QIcon the window and the tray use offers each size."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from mindful_desktop.paths import ICON_SIZES, icon_png, icon_svg
from mindful_desktop.ui.app_icon import WINDOW_ICON_SIZES, app_icon

ROOT = Path(__file__).resolve().parents[1]


def _render_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "tools/render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_its_size_and_matches_the_svg(qapp: QApplication, size: int) -> None:
    committed = QImage(str(icon_png(size)))
    assert not committed.isNull(), icon_png(size)
    assert (committed.width(), committed.height()) == (size, size)
    assert committed.hasAlphaChannel()
    assert committed.pixelColor(0, 0).alpha() == 0  # a round icon: transparent corners
    fresh = _render_tool().render(size)
    committed = committed.convertToFormat(fresh.format())
    diff = sum(
        abs(a - b) for a, b in zip(committed.constBits(), fresh.constBits(), strict=True)
    ) / (size * size * 4)
    assert diff < 2.0, (
        f"{icon_png(size).name} no longer matches {icon_svg().name}: "
        "run python tools/render_icons.py and commit the PNGs"
    )


def test_the_qicon_offers_every_size_a_window_or_tray_draws(qapp: QApplication) -> None:
    icon = app_icon()
    assert {s.width() for s in icon.availableSizes()} == set(WINDOW_ICON_SIZES)
    assert {16, 22, 24, 32, 48, 64, 128} <= set(WINDOW_ICON_SIZES)
    assert icon.pixmap(QSize(16, 16)).toImage().pixelColor(8, 8).alpha() == 255
