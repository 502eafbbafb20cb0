"""Seven days of mood at a glance: one soft bar per day, a dash for days without a check-in."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from mindful_desktop.domain.mood import MOOD_MAX, DaySummary, mood_words


class WeekStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[DaySummary] = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 150)

    def set_days(self, days: list[DaySummary]) -> None:
        self._days = list(days)
        parts = []
        for d in days:
            if d.mean is None:
                parts.append(f"{d.day:%A}: no check-in")
            else:
                parts.append(f"{d.day:%A}: {d.mean:.1f}, {mood_words(round(d.mean))}")
        self.setAccessibleName("Mood over the last seven days")
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def day_labels(self) -> list[str]:
        """What is written under each bar, all at one length: the short day names when every
        one fits its slot (the last, today's, in bold, reads "Today" when that fits too),
        else their first letters."""
        if not self._days:
            return []
        room = self.width() / len(self._days) - 2
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)  # bold is the wider: what fits in bold fits in either
        names = [f"{d.day:%a}" for d in self._days]
        if all(metrics.horizontalAdvance(name) <= room for name in names):
            if metrics.horizontalAdvance("Today") <= room:
                names[-1] = "Today"
            return names
        return [name[0] for name in names]

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if not self._days:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        accent = pal.color(QPalette.ColorRole.Highlight)
        track = pal.color(QPalette.ColorRole.AlternateBase)
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        n = len(self._days)
        width = self.width() / n
        label_h = 22
        value_h = 22
        top = value_h
        bar_area = self.height() - label_h - value_h - 4
        bar_w = min(46.0, width * 0.55)
        font = painter.font()
        labels = self.day_labels()
        for i, day in enumerate(self._days):
            cx = width * i + width / 2
            slot = QRectF(cx - bar_w / 2, top, bar_w, bar_area)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(slot, 8, 8)
            painter.setPen(muted)
            font.setBold(i == n - 1)
            painter.setFont(font)
            day_name = labels[i]
            painter.drawText(
                QRectF(cx - width / 2, self.height() - label_h, width, label_h),
                Qt.AlignmentFlag.AlignCenter,
                day_name,
            )
            if day.mean is None:
                painter.drawText(
                    QRectF(cx - width / 2, 0, width, value_h), Qt.AlignmentFlag.AlignCenter, "–"
                )
                continue
            h = max(6.0, bar_area * day.mean / MOOD_MAX)
            colour = QColor(accent)
            colour.setAlphaF(0.85)
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(slot.left(), slot.bottom() - h, bar_w, h), 8, 8)
            painter.setPen(text)
            value = f"{day.mean:.1f}".rstrip("0").rstrip(".")
            painter.drawText(
                QRectF(cx - width / 2, 0, width, value_h), Qt.AlignmentFlag.AlignCenter, value
            )
        painter.end()
