"""Everything a window needs, built once by main() and handed down (no globals)."""

from __future__ import annotations

from dataclasses import dataclass

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.domain.content import ContentError, Course
from mindful_desktop.errors import BundledContentError
from mindful_desktop.paths import AppPaths, assets_dir
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.course import CourseService, load_bundled_course
from mindful_desktop.services.crisis import CrisisService
from mindful_desktop.services.journal import JournalService
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.services.questionnaires import QuestionnaireService
from mindful_desktop.services.wellbeing import StayingWellService
from mindful_desktop.services.worksheets import WorksheetService
from mindful_desktop.settings import SettingsStore


@dataclass
class AppContext:
    paths: AppPaths
    db: Database
    settings: SettingsStore
    checkins: CheckInService
    content: Course
    course: CourseService
    worksheets: WorksheetService
    practice: PracticeService
    questionnaires: QuestionnaireService
    crisis: CrisisService
    wellbeing: StayingWellService
    journal: JournalService
    clock: Clock = system_clock

    @classmethod
    def open(cls, paths: AppPaths, clock: Clock = system_clock) -> AppContext:
        try:
            content = load_bundled_course(assets_dir())
        except (ContentError, OSError) as exc:
            raise BundledContentError(
                f"A lesson file that comes with the app can't be read: {exc}. Reinstalling "
                "Mindful Desktop should fix this; your journal is untouched."
            ) from exc
        db = open_database(paths)
        practice = PracticeService(db, assets_dir() / "audio", paths.recordings_dir, clock)
        settings = SettingsStore(db)
        return cls(
            paths=paths,
            db=db,
            settings=settings,
            checkins=CheckInService(db, clock),
            content=content,
            course=CourseService(db, content, clock, practice.counts),
            worksheets=WorksheetService(db, content, clock),
            practice=practice,
            questionnaires=QuestionnaireService(db, clock),
            crisis=CrisisService(db, settings),
            wellbeing=StayingWellService(db, settings, clock),
            journal=JournalService(db, clock),
            clock=clock,
        )

    def close(self) -> None:
        self.db.close()
