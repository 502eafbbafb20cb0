"""Everything a window needs, built once by main() and handed down (no globals)."""

from __future__ import annotations

from dataclasses import dataclass

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.settings import SettingsStore


@dataclass
class AppContext:
    paths: AppPaths
    db: Database
    settings: SettingsStore
    checkins: CheckInService

    @classmethod
    def open(cls, paths: AppPaths, clock: Clock = system_clock) -> AppContext:
        db = open_database(paths)
        return cls(
            paths=paths,
            db=db,
            settings=SettingsStore(db),
            checkins=CheckInService(db, clock),
        )

    def close(self) -> None:
        self.db.close()
