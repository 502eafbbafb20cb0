"""After the eight weeks, Today's home-practice card becomes the staying-well plan: a booster a
month (a week's practice and a section of its lesson to reread), the action plan one click
away; or sooner, by choice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from mindful_desktop.domain.booster import booster_for
from mindful_desktop.paths import assets_dir
from mindful_desktop.services.context import AppContext
from mindful_desktop.services.course import load_bundled_course
from mindful_desktop.ui.main_window import MainWindow
from tests.ui.conftest import Prepare

COURSE = load_bundled_course(assets_dir())


def _finished(ctx: AppContext) -> None:
    for week in range(1, 9):
        ctx.course.set_completed(f"week-{week}", True)


def test_the_booster_takes_each_week_in_turn_one_a_month() -> None:
    months = [dt.date(2027, m, 15) for m in range(1, 13)]
    boosters = [booster_for(day, COURSE.lessons) for day in months]
    weeks = [b.lesson.week for b in boosters if b is not None]
    assert len(weeks) == 12 and sorted(set(weeks)) == list(range(1, 9))
    assert all(b == a % 8 + 1 for a, b in zip(weeks, weeks[1:], strict=False))  # in turn
    same = booster_for(dt.date(2027, 1, 31), COURSE.lessons)
    assert same == boosters[0]  # the same all month
    first = boosters[0]
    assert first is not None and first.section and first.practice_id in first.lesson.practices


def test_after_the_course_today_shows_the_staying_well_plan(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(_finished)
    home = win.page("today").home  # type: ignore[attr-defined]
    assert home.title.text() == "Staying well"
    booster = win.ctx.course.booster()
    assert booster is not None
    title = win.ctx.practice.titles()[booster.practice_id]
    text = " ".join(w.text() for w in home.widgets)
    assert f"This month's booster ({booster.month:%B}): {title}" in text
    assert booster.section in text and booster.lesson.label in text
    assert not home.action_plan.isHidden()  # the action plan one click away
    assert home.stats.isHidden()  # no weekly counting after the course
    home.booster_lesson.click()
    assert win.current_page_key() == "course"
    win.show_page("today")
    home.booster_practice.click()
    qtbot.waitUntil(lambda: win.ctx.playback.tracker.track is not None)
    assert win.ctx.playback.tracker.track.id == booster.practice_id  # type: ignore[union-attr]
    win.ctx.playback.player.stop()


def test_the_staying_well_plan_can_be_chosen_sooner(
    open_window: Callable[[Prepare | None], MainWindow],
) -> None:
    win = open_window(None)
    home = win.page("today").home  # type: ignore[attr-defined]
    assert home.title.text() == "This week's home practice"
    assert home.booster_practice.isHidden()
    win.ctx.settings.set("after_course", True)
    assert home.title.text() == "Staying well" and not home.booster_practice.isHidden()
    win.ctx.settings.set("after_course", False)
    assert home.title.text() == "This week's home practice"
