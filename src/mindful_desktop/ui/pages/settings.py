"""Settings: the declared options, the user's data (where, back up, export), and About."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop import __version__
from mindful_desktop.domain.words import count
from mindful_desktop.errors import KnownError
from mindful_desktop.services.context import AppContext
from mindful_desktop.services.data import export_json
from mindful_desktop.settings import OPTIONS
from mindful_desktop.texts import DISCLAIMER, PRIVACY
from mindful_desktop.ui.widgets.backups_card import BackupsCard
from mindful_desktop.ui.widgets.common import Card, Page, label
from mindful_desktop.ui.widgets.crisis_settings import CrisisSettingsCard


def reminders_where_text(has_tray: bool) -> str:
    """Where reminders appear on this desktop (with 'Gentle reminders' on, above)."""
    if has_tray:
        return (
            "With gentle reminders on, they appear in the window and as a desktop "
            "notification, and closing the window keeps Mindful Desktop in the tray so they "
            "still come. Quit from the tray icon's menu, or File → Quit."
        )
    return (
        "This desktop has no tray area, so with gentle reminders on they appear in the "
        "window, while the app is open."
    )


class SettingsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Settings", parent=parent)
        self._ctx = ctx

        prefs = Card("Preferences")
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(12)
        self.editors: dict[str, QComboBox | QCheckBox] = {}
        for option in OPTIONS.values():
            if not option.visible:
                continue
            if isinstance(option.default, bool):
                check = QCheckBox(option.label)
                check.setChecked(bool(ctx.settings.get(option.key)))
                check.toggled.connect(self._bool_saver(option.key))
                field = QVBoxLayout()
                field.setSpacing(4)
                field.addWidget(check)
                field.addWidget(label(option.help, "Muted"))
                form.addRow("", field)
                self.editors[option.key] = check
                continue
            if not option.choices:
                continue
            combo = QComboBox()
            combo.setMaximumWidth(320)
            combo.setAccessibleName(option.label)
            for value, text in option.choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(ctx.settings.get(option.key))))
            combo.currentIndexChanged.connect(self._saver(option.key, combo))
            field = QVBoxLayout()
            field.setSpacing(4)
            field.addWidget(combo)
            field.addWidget(label(option.help, "Muted"))
            form.addRow(option.label, field)
            self.editors[option.key] = combo
        prefs.body.addLayout(form)
        self.add(prefs)
        self.crisis = CrisisSettingsCard(ctx.crisis)
        self.add(self.crisis)

        plan = Card("Practice times")
        plan.body.addWidget(
            label(
                "Plan when you mean to practise; Today shows the day's times. The plan can go "
                "into the calendar you already use as weekly events (an .ics file).",
                "Muted",
            )
        )
        plan_row = QHBoxLayout()
        self.plan_button = QPushButton("Plan practice times…")
        self.calendar_button = QPushButton("Add the plan to my calendar…")
        plan_row.addWidget(self.plan_button)
        plan_row.addWidget(self.calendar_button)
        plan_row.addStretch(1)
        plan.body.addLayout(plan_row)
        from mindful_desktop.tray import tray_available

        self.reminders_where = label(reminders_where_text(tray_available()), "Muted")
        plan.body.addWidget(self.reminders_where)
        self.plan_status = label("", "Muted")
        self.plan_status.hide()
        plan.body.addWidget(self.plan_status)
        self.add(plan)
        self.plan_button.clicked.connect(self._open_plan)
        self.calendar_button.clicked.connect(self.export_calendar)

        data = Card("Your data")
        data.body.addWidget(label(PRIVACY))
        self.folder_label = label(f"Folder: {ctx.paths.data_dir}", "Muted")
        data.body.addWidget(self.folder_label)
        row = QHBoxLayout()
        self.open_button = QPushButton("Open folder")
        self.export_button = QPushButton("Export as JSON…")
        self.import_button = QPushButton("Import an export…")
        self.import_button.setToolTip(
            "Bring an export from another computer into this journal, while it has no entries"
        )
        for button in (self.open_button, self.export_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        data.body.addLayout(row)
        self.data_status = label("", "Muted")
        self.data_status.hide()
        data.body.addWidget(self.data_status)
        self.add(data)
        from mindful_desktop.ui.widgets.privacy_card import EXPORT_IS_PLAIN, PrivacyCard

        self.export_plain = label(EXPORT_IS_PLAIN, "Muted")
        self.export_plain.setVisible(ctx.privacy.protected())
        data.body.addWidget(self.export_plain)
        self.privacy = PrivacyCard(ctx.privacy, self.export, self._lock)
        self.add(self.privacy)
        self.backups = BackupsCard(ctx.backups)
        self.add(self.backups)

        about = Card("About")
        about.body.addWidget(label(f"Mindful Desktop {__version__}. Free and open software."))
        about.body.addWidget(label(DISCLAIMER))
        self.add(about)

        self.open_button.clicked.connect(self.open_folder)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_export)
        ctx.settings.changed.connect(self._show_value)

    def _show_value(self, key: str) -> None:
        """A value saved elsewhere (or put back after a failed save) shows here too."""
        editor = self.editors.get(key)
        value = self._ctx.settings.get(key)
        if isinstance(editor, QCheckBox) and editor.isChecked() != bool(value):
            editor.blockSignals(True)
            editor.setChecked(bool(value))
            editor.blockSignals(False)
        elif isinstance(editor, QComboBox) and editor.currentData() != value:
            editor.blockSignals(True)
            editor.setCurrentIndex(max(0, editor.findData(value)))
            editor.blockSignals(False)

    def _saver(self, key: str, combo: QComboBox) -> Callable[[int], None]:
        def save(_index: int) -> None:
            value = combo.currentData()
            try:
                self._ctx.settings.set(key, value)
            except KnownError as exc:
                self._show(exc.message, error=True)
                self._show_value(key)

        return save

    def _bool_saver(self, key: str) -> Callable[[bool], None]:
        def save(value: bool) -> None:
            try:
                self._ctx.settings.set(key, bool(value))
            except KnownError as exc:
                self._show(exc.message, error=True)
                self._show_value(key)

        return save

    def _show(self, text: str, error: bool = False) -> None:
        self.data_status.setObjectName("Error" if error else "Status")
        self.data_status.style().unpolish(self.data_status)
        self.data_status.style().polish(self.data_status)
        self.data_status.setText(text)
        self.data_status.setVisible(bool(text))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._ctx.paths.data_dir)))

    def _open_plan(self) -> None:
        from mindful_desktop.ui.navigator import Navigator

        nav = Navigator.of(self)
        if nav is not None:
            nav.open_plan()

    def export_calendar(self) -> Path | None:
        from mindful_desktop.ui.dialogs.plan import choose_calendar_file, save_calendar

        out = choose_calendar_file(self)
        if out is None:
            return None
        saved, message = save_calendar(self._ctx.db, out, self._ctx.plan.today())
        self.plan_status.setObjectName("Muted" if saved else "Error")
        self.plan_status.style().unpolish(self.plan_status)
        self.plan_status.style().polish(self.plan_status)
        self.plan_status.setText(message)
        self.plan_status.show()
        return saved

    def show_privacy(self, message: str) -> None:
        self.privacy.refresh()
        self.privacy.state.setText(f"{message} {self.privacy.state.text()}".strip())

    def _lock(self) -> None:
        window = self.window()
        lock = getattr(window, "lock", None)
        if lock is not None:
            lock()

    def export(self) -> Path | None:
        suggested = Path.home() / f"mindful-desktop-export-{dt.date.today():%Y-%m-%d}.json"
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export your data", str(suggested), "JSON files (*.json)"
        )
        if not name:
            return None
        out = Path(name)
        try:
            counts = export_json(self._ctx.db, out)
        except KnownError as exc:
            self._show(exc.message, error=True)
            return None
        self._show(f"Exported {sum(counts.values())} records to {out}.")
        return out

    def import_export(self) -> bool:
        """Choose an export; a file that isn't one, or a journal that already has entries, is
        a sentence here and nothing changes. Otherwise the app imports it and reopens."""
        from mindful_desktop.services.importer import entries_in, read_export

        name, _filter = QFileDialog.getOpenFileName(
            self, "Import an export", str(Path.home()), "Mindful Desktop exports (*.json)"
        )
        if not name:
            return False
        path = Path(name)
        try:
            data = read_export(path)
            existing = entries_in(self._ctx.db)
        except KnownError as exc:
            self._show(exc.message, error=True)
            return False
        if existing:
            self._show(
                f"Your journal already holds {count(existing, 'entry', 'entries')}, so "
                f"nothing was imported: an import only fills a journal with no entries yet, "
                "so it never mixes or doubles them. An export is for moving to a new "
                "computer: import it there before writing anything.",
                error=True,
            )
            return False
        self._show("")
        self._ctx.backups.request_import(path, data)
        return True
