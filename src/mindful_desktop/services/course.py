"""The course: lesson progress, the current week, home-practice checklists, reflections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import day_param, to_date, to_datetime
from mindful_desktop.domain.booster import Booster, booster_for
from mindful_desktop.domain.content import (
    DAYS_GOAL,
    Course,
    HomePracticeItem,
    Lesson,
    load_course,
    split_front_matter,
)
from mindful_desktop.domain.home_practice import logged_toward

# For a range of days: {day: {track_id: sessions logged}}. The practice log supplies it.
PracticeCounter = Callable[[dt.date, dt.date], dict[dt.date, dict[str, int]]]
# For one day: {practice id: minutes logged}, for the items counted in minutes.
MinutesCounter = Callable[[dt.date], dict[str, float]]

if TYPE_CHECKING:
    from mindful_desktop.domain.toml_cache import TomlCache


def no_practice_log(_start: dt.date, _end: dt.date) -> dict[dt.date, dict[str, int]]:
    return {}


def no_minutes_log(_day: dt.date) -> dict[str, float]:
    return {}


def bundled_track_ids(audio_dir: Path, toml: TomlCache | None = None) -> list[str]:
    """Ids of the bundled practices, from the scripts they are rendered from."""
    ids = []
    for script in sorted((audio_dir / "scripts").glob("*.txt")):
        meta, _ = split_front_matter(script.read_text(encoding="utf-8"), script.name, toml)
        ids.append(str(meta["id"]))
    return ids


def load_bundled_course(assets: Path, toml: TomlCache | None = None) -> Course:
    return load_course(assets / "lessons", bundled_track_ids(assets / "audio", toml), toml)


@dataclass(frozen=True)
class LessonState:
    opened: bool
    completed: bool


@dataclass(frozen=True)
class ChecklistItem:
    item: HomePracticeItem
    logged: int  # ticked by logged practice
    marked: int  # ticked by hand
    minutes: float = 0.0  # logged today toward an item counted in minutes

    @property
    def done(self) -> int:
        return min(self.item.per_day, self.logged + self.marked)

    @property
    def complete(self) -> bool:
        return self.done >= self.item.per_day


@dataclass(frozen=True)
class Checklist:
    lesson: Lesson
    day: dt.date
    items: tuple[ChecklistItem, ...]
    days_practised: int  # in the seven days ending on `day`
    days_goal: int = DAYS_GOAL


class CourseService(QObject):
    changed = Signal()

    def __init__(
        self,
        db: Database,
        course: Course,
        clock: Clock = system_clock,
        practice_counter: PracticeCounter = no_practice_log,
        minutes_counter: MinutesCounter = no_minutes_log,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.course = course
        self._clock = clock
        self._practice_counter = practice_counter
        self._minutes_counter = minutes_counter

    # --- progress -------------------------------------------------------------------------

    def states(self) -> dict[str, LessonState]:
        rows = self._db.query("SELECT slug, completed_at FROM lesson_progress")
        found = {slug: LessonState(True, done is not None) for slug, done in rows}
        return {
            lesson.slug: found.get(lesson.slug, LessonState(False, False))
            for lesson in self.course.lessons
        }

    def course_done_on(self) -> dt.date | None:
        """The local day the last of the eight weeks was marked complete, once all are;
        None while the course goes on."""
        weekly = [lesson.slug for lesson in self.course.lessons if lesson.is_weekly]
        if not weekly:
            return None
        marks = ",".join("?" * len(weekly))
        rows = self._db.query(
            f"SELECT completed_at FROM lesson_progress WHERE slug IN ({marks}) "
            "AND completed_at IS NOT NULL",
            tuple(weekly),
        )
        if len(rows) < len(weekly):
            return None
        last = max(to_datetime(done) for (done,) in rows)
        return utc_naive_to_local(last).date()

    def course_done(self) -> bool:
        return self.course_done_on() is not None

    def booster(self, day: dt.date | None = None) -> Booster | None:
        """This month's booster practice and lesson section, for the time after the course."""
        return booster_for(day or self.today(), self.course.lessons)

    def current_lesson(self) -> Lesson:
        """The user's own pace: the first lesson not yet marked complete."""
        states = self.states()
        for lesson in self.course.lessons:
            if not states[lesson.slug].completed:
                return lesson
        return self.course.lessons[-1]

    def current_weekly_lesson(self) -> Lesson | None:
        """The week whose home practice applies today (None before week 1 is reached)."""
        current = self.current_lesson()
        if current.is_weekly:
            return current
        if current.week == 9:
            return self.course.by_week(8)
        return None

    def mark_opened(self, slug: str) -> None:
        self.course.lesson(slug)

        from mindful_desktop.db.models import LessonProgress

        def work() -> None:
            with self._db.session() as session:
                if session.get(LessonProgress, slug) is None:
                    session.add(LessonProgress(slug=slug, first_opened_at=self._now_utc()))

        work()
        self.changed.emit()

    def set_completed(self, slug: str, completed: bool) -> None:
        self.course.lesson(slug)

        from mindful_desktop.db.models import LessonProgress

        def work() -> None:
            with self._db.session() as session:
                row = session.get(LessonProgress, slug)
                if row is None:
                    row = LessonProgress(slug=slug, first_opened_at=self._now_utc())
                    session.add(row)
                row.completed_at = self._now_utc() if completed else None

        work()
        self.changed.emit()

    def _now_utc(self) -> dt.datetime:
        return to_utc_naive(self._clock())

    def today(self) -> dt.date:
        return self._clock().date()

    # --- reflections ----------------------------------------------------------------------

    def reflections(self, slug: str) -> dict[str, str]:
        rows = self._db.query(
            "SELECT prompt_id, body FROM reflection WHERE source_kind = 'lesson' AND source_id = ?",
            (slug,),
        )
        return {prompt_id: body for prompt_id, body in rows}

    def save_reflection(self, slug: str, prompt_id: str, body: str) -> None:
        lesson = self.course.lesson(slug)
        prompt = next(p for p in lesson.prompts if p.id == prompt_id)
        text = body.rstrip()
        from sqlalchemy import select

        from mindful_desktop.db.models import Reflection

        def work() -> None:
            now = self._now_utc()
            with self._db.session() as session:
                row = session.scalars(
                    select(Reflection).where(
                        Reflection.source_kind == "lesson",
                        Reflection.source_id == slug,
                        Reflection.prompt_id == prompt_id,
                    )
                ).first()
                if row is None and text.strip():
                    session.add(
                        Reflection(
                            source_kind="lesson",
                            source_id=slug,
                            prompt_id=prompt_id,
                            prompt_text=prompt.text,
                            body=text,
                            created_at=now,
                            updated_at=now,
                        )
                    )
                elif row is not None and text.strip():
                    if row.body != text:
                        row.body = text
                        row.prompt_text = prompt.text
                        row.updated_at = now
                elif row is not None:
                    session.delete(row)  # the user cleared the answer on purpose

        work()
        self.changed.emit()

    # --- home practice --------------------------------------------------------------------

    def checklist(self, day: dt.date | None = None) -> Checklist | None:
        lesson = self.current_weekly_lesson()
        if lesson is None:
            return None
        day = day or self.today()
        start = day - dt.timedelta(days=6)
        logged = self._practice_counter(start, day)
        marks = [
            (to_date(d), slug, item_id, times)
            for d, slug, item_id, times in self._db.query(
                "SELECT local_date, lesson_slug, item_id, times FROM home_practice_mark "
                "WHERE local_date >= ? AND local_date <= ?",
                (day_param(start), day_param(day)),
            )
        ]
        marked_today = {
            item_id: times for d, slug, item_id, times in marks if d == day and slug == lesson.slug
        }
        days_marked = {d for d, _slug, _item, times in marks if times > 0}
        days_logged = {d for d, counts in logged.items() if any(counts.values())}
        today_logged = logged.get(day, {})
        week = lesson.home_practice
        minutes = self._minutes_counter(day) if any(i.minutes for i in week) else {}
        answered = [logged_toward(item, week, today_logged, minutes) for item in week]
        items = tuple(
            ChecklistItem(
                item=item,
                logged=done.times,
                marked=marked_today.get(item.id, 0),
                minutes=done.minutes,
            )
            for item, done in zip(week, answered, strict=True)
        )
        return Checklist(
            lesson=lesson,
            day=day,
            items=items,
            days_practised=len(days_marked | days_logged),
        )

    def set_marked(self, item_id: str, times: int, day: dt.date | None = None) -> None:
        """Record how many times an item was done by hand today (0 clears it)."""
        lesson = self.current_weekly_lesson()
        if lesson is None or item_id not in {i.id for i in lesson.home_practice}:
            raise KeyError(item_id)
        item = next(i for i in lesson.home_practice if i.id == item_id)
        times = max(0, min(item.per_day, times))
        day = day or self.today()
        from sqlalchemy import delete, select

        from mindful_desktop.db.models import HomePracticeMark

        def work() -> None:
            with self._db.session() as session:
                where = (
                    HomePracticeMark.local_date == day,
                    HomePracticeMark.lesson_slug == lesson.slug,
                    HomePracticeMark.item_id == item_id,
                )
                if times == 0:
                    session.execute(delete(HomePracticeMark).where(*where))
                    return
                row = session.scalars(select(HomePracticeMark).where(*where)).first()
                if row is None:
                    session.add(
                        HomePracticeMark(
                            local_date=day,
                            lesson_slug=lesson.slug,
                            item_id=item_id,
                            times=times,
                            created_at=self._now_utc(),
                        )
                    )
                else:
                    row.times = times

        work()
        self.changed.emit()
