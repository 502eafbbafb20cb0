"""Whether the journal is protected by a passphrase, and the person's requests to change that
or to lock the window. The work itself needs the journal closed, so `Application` does it
(`convertRequested` → `Application.convert_journal`), and the window locks itself."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from mindful_desktop.db.cipher import WRONG, WrongPassphraseError, is_protected, opens_with
from mindful_desktop.db.protect import check_new
from mindful_desktop.paths import AppPaths
from mindful_desktop.settings import SettingsStore


@dataclass(frozen=True)
class Conversion:
    old: str | None  # the current passphrase (None: not protected yet)
    new: str | None  # the new one (None: remove protection)
    remove_backups: bool = False


class PrivacyService(QObject):
    convertRequested = Signal(object)  # a Conversion, checked
    lockRequested = Signal()
    changed = Signal()

    def __init__(self, paths: AppPaths, settings: SettingsStore) -> None:
        super().__init__()
        self._paths = paths
        self._settings = settings

    def protected(self) -> bool:
        return is_protected(self._paths.db_path)

    def lock_after_minutes(self) -> int:
        return int(self._settings.get("lock_after_minutes") or 0)

    def set_lock_after(self, minutes: int) -> None:
        self._settings.set("lock_after_minutes", max(0, int(minutes)))
        self.changed.emit()

    def opens(self, passphrase: str) -> bool:
        return opens_with(self._paths.db_path, passphrase)

    def request(
        self, old: str | None, new: str | None, again: str = "", remove_backups: bool = False
    ) -> Conversion:
        """Check what was typed (raises a KnownError with the sentence), then ask for it."""
        if old is not None and not self.opens(old):
            raise WrongPassphraseError(WRONG)
        if new is not None:
            check_new(new, again)
        conversion = Conversion(old, new, remove_backups)
        self.convertRequested.emit(conversion)
        return conversion
