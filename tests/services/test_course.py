"""Course progress, the Today checklist and reflections, persisted by slug."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from mindful_desktop.db.migrate import open_database
from mindful_desktop.paths import AppPaths, assets_dir
from mindful_desktop.services.course import CourseService, load_bundled_course
from mindful_desktop.services.data import export_json
from tests.conftest import FakeClock

COURSE = load_bundled_course(assets_dir())


def _service(paths: AppPaths, clock: FakeClock, counter: object = None) -> CourseService:
    db = open_database(paths)
    if counter is None:
        return CourseService(db, COURSE, clock)
    return CourseService(db, COURSE, clock, counter)  # type: ignore[arg-type]


def test_the_course_starts_with_the_orientation(paths: AppPaths, clock: FakeClock) -> None:
    course = _service(paths, clock)
    assert course.current_lesson().slug == "before-you-begin"
    assert course.checklist() is None  # no home practice before week 1


def test_completing_lessons_moves_the_current_week_and_survives_restart(
    paths: AppPaths, clock: FakeClock
) -> None:
    course = _service(paths, clock)
    course.set_completed("before-you-begin", True)
    course.set_completed("week-1", True)
    assert course.current_lesson().slug == "week-2"
    course._db.close()
    again = _service(paths, clock)
    assert again.current_lesson().slug == "week-2"
    assert again.states()["week-1"].completed
    again.set_completed("week-1", False)
    assert again.current_lesson().slug == "week-1"
    again._db.close()


def test_reading_ahead_does_not_move_the_current_week(paths: AppPaths, clock: FakeClock) -> None:
    course = _service(paths, clock)
    course.mark_opened("week-5")
    assert course.states()["week-5"].opened and not course.states()["week-5"].completed
    assert course.current_lesson().slug == "before-you-begin"


def test_checklist_follows_the_current_week(paths: AppPaths, clock: FakeClock) -> None:
    course = _service(paths, clock)
    course.set_completed("before-you-begin", True)
    checklist = course.checklist()
    assert checklist is not None and checklist.lesson.slug == "week-1"
    assert [e.item.id for e in checklist.items] == ["body-scan", "routine-activity"]
    course.set_completed("week-1", True)
    course.set_completed("week-2", True)
    checklist = course.checklist()
    assert checklist is not None and checklist.lesson.slug == "week-3"
    space = next(e for e in checklist.items if e.item.id == "breathing-space")
    assert space.item.per_day == 3 and space.done == 0


def test_ticking_by_hand_and_days_practised(paths: AppPaths, clock: FakeClock) -> None:
    course = _service(paths, clock)
    course.set_completed("before-you-begin", True)
    course.set_marked("routine-activity", 1)
    clock.advance(days=2)
    course.set_marked("body-scan", 1)
    checklist = course.checklist()
    assert checklist is not None
    assert {e.item.id: e.complete for e in checklist.items} == {
        "body-scan": True,
        "routine-activity": False,  # that was two days ago
    }
    assert checklist.days_practised == 2 and checklist.days_goal == 6
    course.set_marked("body-scan", 0)
    checklist = course.checklist()
    assert checklist is not None and checklist.days_practised == 1


def test_logged_practice_ticks_items_by_itself(paths: AppPaths, clock: FakeClock) -> None:
    today = clock().date()
    logged = {
        today: {"body-scan-short": 1},
        today - dt.timedelta(days=3): {"breath": 2},
        today - dt.timedelta(days=9): {"breath": 1},  # outside this week
    }

    def counter(start: dt.date, end: dt.date) -> dict[dt.date, dict[str, int]]:
        return {d: c for d, c in logged.items() if start <= d <= end}

    course = _service(paths, clock, counter)
    course.set_completed("before-you-begin", True)
    checklist = course.checklist()
    assert checklist is not None
    scan = next(e for e in checklist.items if e.item.id == "body-scan")
    assert scan.logged == 1 and scan.complete  # the short version counts too
    assert checklist.days_practised == 2


def test_reflections_are_saved_updated_and_cleared(paths: AppPaths, clock: FakeClock) -> None:
    course = _service(paths, clock)
    course.save_reflection("week-1", "raisin-noticed", "The wrinkles. 🍇")
    course.save_reflection("week-1", "raisin-noticed", "The wrinkles, and the smell. 🍇")
    assert course.reflections("week-1") == {"raisin-noticed": "The wrinkles, and the smell. 🍇"}
    course.save_reflection("week-1", "raisin-noticed", "   ")
    assert course.reflections("week-1") == {}


def test_progress_and_reflections_appear_in_export(
    paths: AppPaths, clock: FakeClock, tmp_path: Path
) -> None:
    course = _service(paths, clock)
    course.set_completed("week-1", True)
    course.save_reflection("week-1", "autopilot-moment", "Driving home.")
    out = tmp_path / "e.json"
    export_json(course._db, out)
    tables = json.loads(out.read_text())["tables"]
    assert tables["lesson_progress"][0]["slug"] == "week-1"
    assert tables["lesson_progress"][0]["completed_at"].endswith("Z")
    (reflection,) = tables["reflection"]
    assert (reflection["source_id"], reflection["body"]) == ("week-1", "Driving home.")
    prompt = next(p for p in COURSE.lesson("week-1").prompts if p.id == "autopilot-moment")
    assert reflection["prompt_text"] == prompt.text


def test_after_the_eight_weeks_questionnaires_come_every_four_weeks(
    paths: AppPaths, clock: FakeClock
) -> None:
    from mindful_desktop.services.questionnaires import QuestionnaireService

    course = _service(paths, clock)
    questionnaires = QuestionnaireService(course._db, clock)
    questionnaires.set_course_done(course.course_done)
    questionnaires.submit("phq9", [1] * 9)
    today = clock().date()
    assert course.course_done_on() is None
    assert questionnaires.next_due("phq9") == today + dt.timedelta(days=14)
    for week in range(1, 8):
        course.set_completed(f"week-{week}", True)
    assert not course.course_done()  # seven of eight is still the course
    clock.advance(days=3)
    course.set_completed("week-8", True)
    assert course.course_done_on() == clock().date()
    assert questionnaires.next_due("phq9") == today + dt.timedelta(days=28)
    assert not questionnaires.due("phq9")
    clock.advance(days=26)
    assert questionnaires.due("phq9")
    course._db.close()
