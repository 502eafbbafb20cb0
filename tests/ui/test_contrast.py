"""Every coloured sentence is readable in both themes: WCAG's 4.5:1 for body text, against the
window and against the cards (drawn in the Base colour)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from mindful_desktop.ui.theme import ERROR_DARK, ERROR_LIGHT, dark_palette, light_palette


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_wcag() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_sentences_read_at_4_5_to_1_on_the_window_and_on_cards(theme: str) -> None:
    palette = light_palette() if theme == "light" else dark_palette()
    texts = {
        "error": QColor(ERROR_LIGHT if theme == "light" else ERROR_DARK),
        "muted": palette.color(QPalette.ColorRole.PlaceholderText),
        "status": palette.color(QPalette.ColorRole.Link),
        "text": palette.color(QPalette.ColorRole.WindowText),
    }
    for ground in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        behind = palette.color(ground)
        for name, colour in texts.items():
            ratio = contrast(colour, behind)
            assert ratio >= 4.5, f"{theme} {name} on {ground.name}: {ratio:.2f}:1"
