"""The sidebar's pages, in order: what each is built from, and its links to the navigator.

A page is built the first time it is shown or asked for (`LazyPage`), so each builder imports
its page only then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.navigator import Navigator
from mindful_desktop.ui.widgets.common import Card, Page, label


def build_today(ctx: AppContext, nav: Navigator) -> QWidget:
    from mindful_desktop.ui.pages.today import TodayPage
    from mindful_desktop.ui.widgets.plan_card import PlanCard
    from mindful_desktop.ui.widgets.today_notes import TodayNotes

    notes = TodayNotes(ctx.questionnaires, ctx.wellbeing, ctx.followup)
    plan = PlanCard(ctx.plan, ctx.settings)
    plan.startRequested.connect(nav.start_practice)
    plan.planRequested.connect(nav.open_plan)
    page = TodayPage(ctx.checkins, ctx.settings, ctx.course, notes, plan, ctx.practice.titles)
    assert page.home is not None
    page.home.openLessonRequested.connect(nav.open_lesson)
    page.home.openWorksheetRequested.connect(nav.open_worksheet)
    page.home.practiceRequested.connect(nav.start_practice)
    notes.takeRequested.connect(nav.take_questionnaire)
    notes.openWorksheetRequested.connect(nav.open_worksheet)
    notes.crisisRequested.connect(nav.show_crisis)
    return page


def build_course(ctx: AppContext, nav: Navigator) -> QWidget:
    from mindful_desktop.ui.pages.course import CoursePage

    def keep(title: str, body: str) -> None:
        ctx.journal.create(body, title=title)  # the journal is built on first use: here

    page = CoursePage(ctx.course, nav.start_practice, ctx.practice.titles(), keep_in_journal=keep)
    page.openWorksheetRequested.connect(nav.open_worksheet)
    page.crisisRequested.connect(nav.show_crisis)
    return page


def build_practice(ctx: AppContext, _nav: Navigator) -> QWidget:
    """The player needs QtMultimedia; without it the page explains instead of failing."""
    try:
        playback = ctx.playback
        from mindful_desktop.ui.pages.practice import PracticePage
    except ImportError as exc:
        fallback = Page("Practice")
        card = Card("Audio isn't available on this computer")
        card.body.addWidget(
            label(
                "Mindful Desktop couldn't load its audio player "
                f"({exc}). On Debian or Ubuntu, installing the package libpulse0 usually fixes "
                "this. Everything else in the app works as usual."
            )
        )
        fallback.add(card)
        return fallback
    return PracticePage(ctx.practice, playback.tracker, playback.timer_logger)


def build_checkin(ctx: AppContext, nav: Navigator) -> QWidget:
    from mindful_desktop.ui.pages.checkin import CheckInPage

    page = CheckInPage(ctx.checkins, ctx.questionnaires)
    page.takeRequested.connect(nav.take_questionnaire)
    return page


def build_journal(ctx: AppContext, nav: Navigator) -> QWidget:
    from mindful_desktop.ui.pages.journal import JournalPage

    page = JournalPage(ctx.journal, ctx.worksheets)
    page.openWorksheetRequested.connect(nav.open_worksheet)
    page.openLessonRequested.connect(nav.open_lesson)
    page.openPageRequested.connect(nav.show_page)
    # Practice notes, reflections, check-in notes, medication notes and questions for an
    # appointment appear in the journal's timeline too.
    for source in (ctx.practice, ctx.checkins, ctx.course, ctx.medication, ctx.appointments):
        source.changed.connect(page.mark_stale)
    return page


def build_care(ctx: AppContext, _nav: Navigator) -> QWidget:
    from mindful_desktop.ui.pages.care import CarePage

    return CarePage(ctx.medication, ctx.appointments)


def build_insights(ctx: AppContext, _nav: Navigator) -> QWidget:
    """pyqtgraph takes about half a second to import: paid on first view."""
    from mindful_desktop.ui.pages.insights import InsightsPage

    return InsightsPage(ctx.insights)


def build_settings(ctx: AppContext, _nav: Navigator) -> QWidget:
    from mindful_desktop.ui.pages.settings import SettingsPage

    return SettingsPage(ctx)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    build: Callable[[AppContext, Navigator], QWidget]


# In sidebar order; Ctrl+1 … Ctrl+8 follow it.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("today", "Today", build_today),
    PageSpec("course", "Course", build_course),
    PageSpec("practice", "Practice", build_practice),
    PageSpec("checkin", "Check-in", build_checkin),
    PageSpec("journal", "Journal", build_journal),
    PageSpec("care", "Meds & appointments", build_care),
    PageSpec("insights", "Insights", build_insights),
    PageSpec("settings", "Settings", build_settings),
)
KEYS = tuple(spec.key for spec in PAGES)
