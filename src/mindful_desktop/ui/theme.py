"""Calm light and dark palettes plus one style sheet that reads its colours from the palette."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT_LIGHT = "#2f6f6a"  # a quiet teal: contrast 5.9:1 on white
ACCENT_DARK = "#7cc4bb"
# A sentence about something that went wrong: a deep red on light, a soft one on dark, each
# past 4.5:1 against the window and the cards (tests/ui/test_contrast.py checks).
ERROR_LIGHT = "#b3261e"
ERROR_DARK = "#f2a7a0"
BASE_POINT_SIZE = 10.5  # calm, readable body text
ICONS = Path(__file__).resolve().parent / "icons"

_STYLE = """
QWidget#Sidebar { background: palette(alternate-base); border-right: 1px solid palette(mid); }
QLabel#AppTitle { font-size: 17px; font-weight: 600; padding: 18px 16px 10px 16px; }
QListWidget#Nav { background: transparent; border: none; font-size: 15px; outline: none; }
QListWidget#Nav::item { padding: 9px 14px; margin: 2px 8px; border-radius: 7px; }
QListWidget#Nav::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QListView#LessonList { background: transparent; border: none; outline: none; }
QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }
QScrollBar:horizontal { background: transparent; height: 10px; margin: 2px; }
QScrollBar::handle { background: palette(mid); border-radius: 3px; }
QScrollBar::handle:vertical { min-height: 32px; }
QScrollBar::handle:horizontal { min-width: 32px; }
QScrollBar::handle:hover { background: palette(placeholder-text); }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QPushButton#Chip { padding: 4px 12px; border-radius: 13px; }
QPushButton#Chip:checked { background: palette(highlight); color: palette(highlighted-text);
                           border-color: palette(highlight); }
QPushButton#Link { border: none; background: transparent; color: palette(link);
                   padding: 2px 0; text-align: left; }
QPushButton#Link:hover { text-decoration: underline; }
QPushButton#Quiet { border: none; background: transparent; color: palette(placeholder-text);
                    text-align: left; padding: 6px 16px; }
QPushButton#Quiet:hover { color: palette(link); }
QLabel#BigNumber { font-size: 34px; font-weight: 600; }
QLabel#ShortcutKeys { font-weight: 600; }
QLabel#CrisisNumber { font-size: 18px; font-weight: 700; color: palette(link); }
QFrame#Note { background: palette(alternate-base); border: 1px solid palette(mid);
              border-left: 4px solid palette(highlight); border-radius: 10px; }
QRadioButton::indicator { width: 14px; height: 14px; border-radius: 9px;
                          border: 2px solid palette(placeholder-text); background: palette(base); }
QRadioButton::indicator:checked { background: palette(highlight);
                                  border-color: palette(highlight); }
QRadioButton::indicator:hover { border-color: palette(highlight); }
QCheckBox::indicator { width: 14px; height: 14px; border-radius: 4px;
                       border: 2px solid palette(placeholder-text); background: palette(base); }
QCheckBox::indicator:checked { background: palette(highlight); border-color: palette(highlight);
                               image: url(CHECK_ICON); }
QCheckBox::indicator:checked:disabled { background: palette(mid); border-color: palette(mid); }
QCheckBox::indicator:hover { border-color: palette(highlight); }
QCheckBox#RowCheck { border: 2px solid transparent; border-radius: 6px; padding: 1px; }
QCheckBox#RowCheck:focus { border-color: palette(highlight); }
QLabel#Caption { font-size: 19px; background: palette(alternate-base); border-radius: 10px;
                 padding: 12px 18px; }
QLabel#PageTitle { font-size: 26px; font-weight: 600; }
QLabel#PageSubtitle { color: palette(placeholder-text); font-size: 15px; }
QFrame#Card { background: palette(base); border: 1px solid palette(mid); border-radius: 12px; }
QLabel#CardTitle { font-size: 17px; font-weight: 600; }
QLabel#Muted { color: palette(placeholder-text); }
QLabel#Status { color: palette(link); }
QLabel#Error { color: ERROR_COLOUR; }
QPushButton { padding: 7px 16px; border-radius: 7px; border: 1px solid palette(mid);
              background: palette(button); }
QPushButton:hover { border-color: palette(highlight); }
QPushButton:focus { border: 2px solid palette(highlight); }
QPushButton#Primary { background: palette(highlight); color: palette(highlighted-text);
                      font-weight: 600; border: none; }
QPushButton#Primary:disabled { background: palette(mid); color: palette(placeholder-text); }
QPushButton#MoodButton { min-width: 40px; min-height: 40px; max-width: 48px; padding: 0;
                         font-size: 15px; border: 1px solid palette(mid); border-radius: 20px;
                         background: palette(button); }
QPushButton#MoodButtonSmall { min-width: 28px; min-height: 28px; max-width: 32px; padding: 0;
                              font-size: 13px; border: 1px solid palette(mid);
                              border-radius: 14px; background: palette(button); }
QPushButton#MoodButton:checked, QPushButton#MoodButtonSmall:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); font-weight: 700; }
QPlainTextEdit, QLineEdit { border: 1px solid palette(mid); border-radius: 8px; padding: 6px;
                            background: palette(base); }
"""


def dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1e2222",
        QPalette.ColorRole.WindowText: "#e6ebea",
        QPalette.ColorRole.Base: "#262b2b",
        QPalette.ColorRole.AlternateBase: "#1a1d1d",
        QPalette.ColorRole.Text: "#e6ebea",
        QPalette.ColorRole.Button: "#2d3333",
        QPalette.ColorRole.ButtonText: "#e6ebea",
        QPalette.ColorRole.Mid: "#3d4545",
        QPalette.ColorRole.Highlight: ACCENT_DARK,
        QPalette.ColorRole.HighlightedText: "#102220",
        QPalette.ColorRole.Link: ACCENT_DARK,
        QPalette.ColorRole.PlaceholderText: "#9aa5a3",
        QPalette.ColorRole.ToolTipBase: "#262b2b",
        QPalette.ColorRole.ToolTipText: "#e6ebea",
    }
    for role, value in colours.items():
        p.setColor(role, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7b8583"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7b8583"))
    return p


def light_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f6f7f5",
        QPalette.ColorRole.WindowText: "#1f2524",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#edf0ee",
        QPalette.ColorRole.Text: "#1f2524",
        QPalette.ColorRole.Button: "#f1f3f2",
        QPalette.ColorRole.ButtonText: "#1f2524",
        QPalette.ColorRole.Mid: "#d5dbd9",
        QPalette.ColorRole.Highlight: ACCENT_LIGHT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT_LIGHT,
        QPalette.ColorRole.PlaceholderText: "#5f6b69",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2524",
    }
    for role, value in colours.items():
        p.setColor(role, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a9492"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a9492"))
    return p


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: str) -> bool:
    """Apply 'light', 'dark' or 'system'; return True when the result is dark."""
    dark = apply_base_theme(app, mode)
    apply_style_sheet(app, dark)
    return dark


STYLE = "Fusion"
# Set on the QApplication once it has the style: asking `app.style()` instead would build the
# Python side of QStyle (a dozen large enums, ~7 ms) before the first frame.
_STYLE_PROPERTY = "mindfulStyle"


def style_arguments() -> list[str]:
    """Arguments for a new QApplication, so it starts with our style (see `mark_styled`)."""
    return ["-style", STYLE]


def mark_styled(app: QApplication) -> None:
    app.setProperty(_STYLE_PROPERTY, STYLE)


def apply_base_theme(app: QApplication, mode: str) -> bool:
    """Style, font and palette: cheap before any widget exists. Returns whether it is dark."""
    dark = mode == "dark" or (mode == "system" and system_prefers_dark())
    if app.property(_STYLE_PROPERTY) != STYLE:
        app.setStyle(STYLE)
        mark_styled(app)
    font = app.font()
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
        app.setFont(font)
    app.setPalette(dark_palette() if dark else light_palette())
    return dark


def apply_style_sheet(app: QApplication, dark: bool) -> None:
    """The style sheet. At start-up it is set once the window is built: with a style sheet in
    place, every widget added to a layout is restyled as it is reparented."""
    icon = ICONS / ("check-dark.svg" if dark else "check-light.svg")
    error = ERROR_DARK if dark else ERROR_LIGHT
    app.setStyleSheet(_STYLE.replace("CHECK_ICON", icon.as_posix()).replace("ERROR_COLOUR", error))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
