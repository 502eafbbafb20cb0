"""The open journal and its services: built once per journal, handed down (no globals).

What Today's first frame needs is built at once; every other service (and the audio
`Playback`) is built on first use, so start-up imports only what it shows. Links between
services are made here, in `_link`, and nowhere else (see docs/architecture.md).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.db.sqlite import BUSY_MS
from mindful_desktop.domain.content import ContentError, Course
from mindful_desktop.domain.toml_cache import TomlCache
from mindful_desktop.errors import BundledContentError
from mindful_desktop.paths import AppPaths, assets_dir
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.course import CourseService, load_bundled_course
from mindful_desktop.services.followup import Item9FollowUp
from mindful_desktop.services.plan import PlanService
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.services.questionnaires import QuestionnaireService
from mindful_desktop.services.wellbeing import StayingWellService
from mindful_desktop.settings import SettingsStore

if TYPE_CHECKING:
    from mindful_desktop.services.appointments import AppointmentService
    from mindful_desktop.services.backups import BackupService
    from mindful_desktop.services.crisis import CrisisService
    from mindful_desktop.services.insights import InsightsService
    from mindful_desktop.services.journal import JournalService
    from mindful_desktop.services.medication import MedicationService
    from mindful_desktop.services.playback import Playback
    from mindful_desktop.services.privacy import PrivacyService
    from mindful_desktop.services.worksheets import WorksheetService


def load_content(paths: AppPaths) -> Course:
    """The bundled course, its parsed TOML kept in the data folder's cache between starts."""
    toml = TomlCache(paths.cache_dir / "content.json")
    try:
        course = load_bundled_course(assets_dir(), toml)
    except (ContentError, OSError) as exc:
        raise BundledContentError(
            f"A lesson file that comes with the app can't be read: {exc}. Reinstalling "
            "Mindful Desktop should fix this; your journal is untouched."
        ) from exc
    toml.save()
    return course


class AppContext:
    def __init__(
        self, paths: AppPaths, db: Database, content: Course, clock: Clock = system_clock
    ) -> None:
        self.paths = paths
        self.db = db
        self.content = content
        self.clock = clock
        self.settings = SettingsStore(db)
        self.practice = PracticeService(db, assets_dir() / "audio", paths.recordings_dir, clock)
        self.checkins = CheckInService(db, clock)
        self.course = CourseService(
            db, content, clock, self.practice.counts, self.practice.minutes_on
        )
        self.questionnaires = QuestionnaireService(db, clock)
        self.wellbeing = StayingWellService(db, self.settings, clock)
        self.followup = Item9FollowUp(db, self.settings, clock)
        self.plan = PlanService(db, self.practice.practised_on, clock)
        self._link()

    @classmethod
    def open(
        cls, paths: AppPaths, clock: Clock = system_clock, busy_ms: int = BUSY_MS
    ) -> AppContext:
        content = load_content(paths)
        return cls(paths, open_database(paths, busy_ms), content, clock)

    def _link(self) -> None:
        """Every effect of one service on another, in one place."""
        # The Today checklist and "days practised" count logged practice.
        self.practice.changed.connect(self.course.changed)
        # Today's plan marks the times that logged practice answered.
        self.practice.changed.connect(self.plan.changed)
        # A saved PHQ-9 with item 9 above "not at all" brings back Today's follow-up note.
        self.questionnaires.changed.connect(self.followup.changed)
        # After the eight weeks the questionnaires come every four weeks instead of two.
        self.questionnaires.set_course_done(self.course.course_done)

    # --- built on first use -----------------------------------------------------------------

    @cached_property
    def worksheets(self) -> WorksheetService:
        from mindful_desktop.services.worksheets import WorksheetService

        return WorksheetService(self.db, self.content, self.clock)

    @cached_property
    def crisis(self) -> CrisisService:
        from mindful_desktop.services.crisis import CrisisService

        return CrisisService(self.db, self.settings)

    @cached_property
    def journal(self) -> JournalService:
        from mindful_desktop.services.journal import JournalService

        return JournalService(self.db, self.clock)

    @cached_property
    def medication(self) -> MedicationService:
        from mindful_desktop.services.medication import MedicationService

        return MedicationService(self.db, self.clock)

    @cached_property
    def appointments(self) -> AppointmentService:
        from mindful_desktop.services.appointments import AppointmentService

        return AppointmentService(self.db, self.clock)

    @cached_property
    def insights(self) -> InsightsService:
        from mindful_desktop.services.insights import InsightsService

        insights = InsightsService(self.db, self.clock)
        # Built on first use, so linked here rather than in `_link`: Insights goes stale when
        # anything it counts changes (the page reloads on its next show, not on every one);
        # medication changes and appointments are marked on its charts.
        sources = (self.checkins, self.practice, self.questionnaires)
        for source in (*sources, self.medication, self.appointments):
            source.changed.connect(insights.changed)
        return insights

    @cached_property
    def privacy(self) -> PrivacyService:
        from mindful_desktop.services.privacy import PrivacyService

        return PrivacyService(self.paths, self.settings)

    @cached_property
    def backups(self) -> BackupService:
        from mindful_desktop.services.backups import BackupService

        return BackupService(self.paths, self.clock)

    @cached_property
    def playback(self) -> Playback:
        """The player, the silent timer and their loggers. Raises ImportError where
        QtMultimedia can't load; the Practice page explains that instead."""
        from mindful_desktop.services.playback import Playback

        return Playback(self.practice, self.clock)

    def built(self, name: str) -> bool:
        """Whether a first-use service exists yet (without building it)."""
        return name in self.__dict__

    def finish_practice(self) -> list[str]:
        """Log the part heard of a running track or timer, as Stop would. Returns a phrase for
        each session logged (e.g. "12 minutes of Body scan"), for the person to be told."""
        if not self.built("playback"):
            return []
        return self.playback.finish()

    def close(self) -> None:
        self.finish_practice()
        if self.built("playback"):
            self.playback.release()
        if self.built("backups"):
            self.backups.wait()
        self.db.close()
