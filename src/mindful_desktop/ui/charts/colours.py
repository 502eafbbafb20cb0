"""Colours for charts, read from the widget palette so light and dark themes both work."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from mindful_desktop.domain.mood import MOOD_MAX


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """The colour `t` of the way from `a` to `b` (0 is a, 1 is b)."""
    t = min(1.0, max(0.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def with_alpha(colour: QColor, alpha: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(alpha)
    return out


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG), 0 for black to 1 for white."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


@dataclass(frozen=True)
class ChartColours:
    background: QColor  # the card the chart sits on
    text: QColor
    muted: QColor
    grid: QColor
    accent: QColor
    on_accent: QColor  # legible on the accent

    @classmethod
    def from_palette(cls, pal: QPalette) -> ChartColours:
        role = QPalette.ColorRole
        return cls(
            background=pal.color(role.Base),
            text=pal.color(role.WindowText),
            muted=pal.color(role.PlaceholderText),
            grid=pal.color(role.Mid),
            accent=pal.color(role.Highlight),
            on_accent=pal.color(role.HighlightedText),
        )

    @property
    def dark(self) -> bool:
        return self.background.lightness() < 128

    def mood(self, mood: float) -> QColor:
        """A calm one-hue scale: a faint tint for low moods, the full accent for high ones."""
        return blend(self.background, self.accent, 0.16 + 0.84 * mood / MOOD_MAX)

    def mark_on(self, fill: QColor) -> QColor:
        """Black-ish or white-ish, whichever reads better on `fill`."""
        light, dark = QColor("#f4f7f6"), QColor("#17201f")
        return dark if luminance(fill) > 0.32 else light
