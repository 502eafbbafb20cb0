"""The position slider: keys step through the practice, a click on the groove jumps there."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

STEP_MS = 5_000  # arrow keys
PAGE_MS = 30_000  # Page Up / Page Down (Home and End go to the start and the end)


class SeekSlider(QSlider):
    """Shows the player's position (`show_position`, silent) and asks for a seek
    (`seekRequested`) whenever the person moves it: a key, a click, the wheel, a drag's end."""

    seekRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSingleStep(STEP_MS)
        self.setPageStep(PAGE_MS)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.valueChanged.connect(self._moved)
        self.sliderReleased.connect(lambda: self.seekRequested.emit(self.value()))

    def show_position(self, ms: int) -> None:
        """Follow the player without asking it to seek (and not while being dragged)."""
        if self.isSliderDown():
            return
        with QSignalBlocker(self):
            self.setValue(ms)

    def _moved(self, value: int) -> None:
        if not self.isSliderDown():  # a drag seeks once, when it is let go
            self.seekRequested.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Through a practice as through a document: Page Down goes on, Page Up goes back
        # (Qt's sliders do the opposite, taking "up" as a higher value).
        actions = {
            Qt.Key.Key_PageDown: QSlider.SliderAction.SliderPageStepAdd,
            Qt.Key.Key_PageUp: QSlider.SliderAction.SliderPageStepSub,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is not None:
            self.triggerAction(action)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        # Qt's own left click on the groove moves one page towards the pointer; a player's
        # slider jumps to where it was clicked, then can be dragged on from there.
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            style = self.style()
            control = QStyle.ComplexControl.CC_Slider
            hit = style.hitTestComplexControl(control, option, event.position().toPoint(), self)
            if hit != QStyle.SubControl.SC_SliderHandle:
                groove = style.subControlRect(
                    control, option, QStyle.SubControl.SC_SliderGroove, self
                )
                handle = style.subControlRect(
                    control, option, QStyle.SubControl.SC_SliderHandle, self
                )
                span = max(1, groove.width() - handle.width())
                x = int(event.position().x()) - groove.x() - handle.width() // 2
                self.setValue(
                    QStyle.sliderValueFromPosition(
                        self.minimum(), self.maximum(), x, span, option.upsideDown
                    )
                )
        super().mousePressEvent(event)
