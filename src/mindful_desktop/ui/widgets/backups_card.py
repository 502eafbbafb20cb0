"""Settings → Backups: what backups there are (when, why, size, how many entries), Back up now,
Restore… (from the list or from a file) and Remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mindful_desktop.db.backup import BackupInfo
from mindful_desktop.errors import KnownError
from mindful_desktop.services.backups import BackupService
from mindful_desktop.ui.widgets.common import Card, label

RULE = (
    "A backup is made by itself each day you use the app, checked, and kept in your data "
    "folder: one for each of the last 7 days, 4 weeks and 12 months. Backups you make, and "
    "those made before an upgrade or a restore, stay until you remove them."
)

FORGET = (
    "When you delete an entry, a note or a check-in, its words are wiped from your journal "
    "file at once. Backups made before that still hold them until they age out; to be rid "
    "of them now, make a new backup and remove all the older ones."
)


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def when_text(info: BackupInfo) -> str:
    return f"{info.made_at:%a %d %b %Y, %H:%M}"


class BackupsCard(Card):
    def __init__(self, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__("Backups", parent)
        self._backups = backups
        self._shown: list[BackupInfo] = []
        self.body.addWidget(label(RULE, "Muted"))
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Backups")
        self.table.setHorizontalHeaderLabels(["When", "Why", "Size", "Entries"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(180)
        self.table.setMaximumHeight(260)
        self.body.addWidget(self.table)
        row = QHBoxLayout()
        self.backup_button = QPushButton("Back up now")
        self.restore_button = QPushButton("Restore…")
        self.restore_button.setToolTip("Put the chosen backup back as your journal")
        self.file_button = QPushButton("Restore from a file…")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the chosen backup")
        for button in (self.backup_button, self.restore_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.file_button)
        self.body.addLayout(row)
        self.body.addWidget(label(FORGET, "Muted"))
        forget_row = QHBoxLayout()
        self.forget_button = QPushButton("Remove all backups but a new one…")
        forget_row.addWidget(self.forget_button)
        forget_row.addStretch(1)
        self.body.addLayout(forget_row)
        self.status = label("", "Status")
        self.status.hide()
        self.body.addWidget(self.status)

        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.file_button.clicked.connect(self.restore_file)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.forget_button.clicked.connect(self.forget_older)
        self.table.itemSelectionChanged.connect(self._enable)
        backups.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.chosen()
        self._shown = self._backups.list()
        self.table.setRowCount(len(self._shown))
        for line, info in enumerate(self._shown):
            cells = (when_text(info), info.why, size_text(info.size), f"{info.entries:,}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(line, column, item)
            if chosen is not None and info.path == chosen.path:
                self.table.selectRow(line)
        if not self._shown:
            self._say("No backups yet. The first is made a moment after the app opens.")
        elif self._backups.last_problem:
            self._say(self._backups.last_problem, error=True)
        self._enable()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._shown):
            return None
        return self._shown[rows[0].row()]

    def _enable(self) -> None:
        has = self.chosen() is not None
        self.restore_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setObjectName("Error" if error else "Status")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def back_up(self) -> BackupInfo | None:
        try:
            info = self._backups.back_up_now()
        except KnownError as exc:
            self._say(exc.message, error=True)
            return None
        self._say(f"Backed up and checked: {info.entries:,} entries, {size_text(info.size)}.")
        return info

    def confirm_restore(self, what: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Restore a backup",
            f"Put back {what} as your journal?\n\nYour journal as it is now is backed up "
            "first, so nothing is lost: anything written since that backup stays in the "
            "new “Before a restore” backup.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ok

    def restore_chosen(self) -> None:
        info = self.chosen()
        if info is None:
            return
        what = f"the backup from {when_text(info)} ({info.entries:,} entries)"
        if self.confirm_restore(what):
            self._backups.request_restore(info)

    def restore_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Restore from a backup file", str(Path.home()), "Journals (*.sqlite3)"
        )
        if name and self.confirm_restore(f"the file {Path(name).name}"):
            self._backups.request_restore(Path(name))

    def remove_chosen(self) -> None:
        info = self.chosen()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove a backup",
            f"Remove the backup from {when_text(info)}? Your journal isn't changed.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        try:
            self._backups.remove(info)
        except KnownError as exc:
            self._say(exc.message, error=True)
            return
        self._say("Removed.")

    def forget_older(self) -> int:
        """Back up now, then remove every backup made before it (after asking)."""
        answer = QMessageBox.question(
            self,
            "Remove older backups",
            "Make a new backup of your journal as it is now, then remove every older backup "
            "(daily, yours, and those from before upgrades and restores)? Words you deleted "
            "will then be gone from your data folder too.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return 0
        info = self.back_up()
        if info is None:
            return 0  # nothing removed without a fresh, checked backup to keep
        try:
            removed = self._backups.remove_older_than(info.made_at)
        except KnownError as exc:
            self._say(exc.message, error=True)
            return 0
        self._say(f"Kept a new backup and removed {removed:,} older ones.")
        return removed
