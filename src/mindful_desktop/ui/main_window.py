"""The main window: a sidebar of pages and the page stack, plus menus.

Today is built with the window; every other page is built the first time it is shown or
asked for (`page(key)`), so start-up pays only for the first frame. Pages ask to go places
through the `Navigator`; this window is its one subscriber.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop import APP_NAME
from mindful_desktop.errors import KnownError
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.menus import build_menus
from mindful_desktop.ui.navigator import Navigator
from mindful_desktop.ui.widgets.common import Card, Page, label, static_label
from mindful_desktop.ui.widgets.lazy_page import LazyPage
from mindful_desktop.ui.widgets.reminder_bar import ReminderBar

if TYPE_CHECKING:
    from mindful_desktop.ui.dialogs.crisis import CrisisDialog
    from mindful_desktop.ui.dialogs.plan import PlanDialog
    from mindful_desktop.ui.dialogs.questionnaire import QuestionnaireDialog
    from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog
    from mindful_desktop.ui.widgets.now_playing import NowPlaying


def build_today(ctx: AppContext, nav: Navigator) -> QWidget:
    from mindful_desktop.ui.pages.today import TodayPage
    from mindful_desktop.ui.widgets.plan_card import PlanCard
    from mindful_desktop.ui.widgets.today_notes import TodayNotes

    notes = TodayNotes(ctx.questionnaires, ctx.wellbeing)
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


class MainWindow(QMainWindow):
    closing = Signal()  # the person closed the window; emitted before it goes
    hiddenToTray = Signal()  # closed while the app stays in the tray for reminders

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.nav = Navigator(self)
        self.shutting_down = False
        # Set by presence.py: whether closing the window leaves the app in the tray.
        self.stays_in_tray: Callable[[], bool] = lambda: False
        self._quitting = False
        self.setWindowTitle(APP_NAME)
        self.resize(1180, 780)
        self.setMinimumSize(860, 600)

        sidebar = QWidget()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(220)
        side_layout = QVBoxLayout(sidebar)
        side_layout.setContentsMargins(0, 0, 0, 12)
        side_layout.addWidget(static_label(APP_NAME, "AppTitle", wrap=False))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Nav")
        self.sidebar.setAccessibleName("Pages")
        side_layout.addWidget(self.sidebar, 1)
        self._side_layout = side_layout
        self.now_playing: NowPlaying | None = None  # once Practice (and its player) exists
        self.crisis_button = QPushButton("Crisis support")
        self.crisis_button.setObjectName("Quiet")
        self.crisis_button.setToolTip("People and helplines to call if things feel like too much")
        self.crisis_button.clicked.connect(self.nav.show_crisis)
        side_layout.addWidget(self.crisis_button)

        self.stack = QStackedWidget()
        self._holders: dict[str, LazyPage] = {}
        for spec in PAGES:
            holder = LazyPage(partial(spec.build, ctx, self.nav))
            self._holders[spec.key] = holder
            self.stack.addWidget(holder)
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
        self._holders["practice"].built.connect(self._add_now_playing)
        self._holders["today"].ensure_built()
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)

        self.reminder_bar = ReminderBar()  # hidden until a reminder is due (see presence.py)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(self.reminder_bar)
        content_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(content, 1)
        self.setCentralWidget(central)

        self.nav.pageRequested.connect(self.show_page)
        self.nav.lessonRequested.connect(self.open_lesson)
        self.nav.worksheetRequested.connect(self.open_worksheet)
        self.nav.practiceRequested.connect(self.start_practice)
        self.nav.questionnaireRequested.connect(self.take_questionnaire)
        self.nav.planRequested.connect(self.open_plan)
        self.nav.crisisRequested.connect(self.show_crisis)
        ctx.practice.sessionLogged.connect(self._ask_what_was_noticed)
        build_menus(self)

    # --- pages --------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for `key`, built now if it hasn't been yet."""
        return self._holders[key].ensure_built()

    def is_built(self, key: str) -> bool:
        return self._holders[key].page is not None

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(KEYS.index(key))

    def current_page_key(self) -> str:
        return KEYS[self.stack.currentIndex()]

    def _add_now_playing(self, _page: QWidget) -> None:
        """The practice under way, in the sidebar on other pages (not without audio)."""
        if not self.ctx.built("playback"):
            return
        from mindful_desktop.ui.widgets.now_playing import NowPlaying

        self.now_playing = widget = NowPlaying(self.ctx.playback.tracker)
        column = self._side_layout
        column.insertWidget(column.indexOf(self.crisis_button), widget)  # Crisis stays last
        row = KEYS.index("practice")
        widget.set_practice_shown(self.stack.currentIndex() == row)
        self.stack.currentChanged.connect(lambda i: widget.set_practice_shown(i == row))

    # --- navigation intents -------------------------------------------------------------------

    def open_lesson(self, slug: str) -> None:
        from mindful_desktop.ui.pages.course import CoursePage

        page = self.page("course")
        self.show_page("course")
        if isinstance(page, CoursePage):
            page.show_lesson(slug)

    def start_practice(self, track_id: str) -> None:
        """Open Practice and play `track_id`; 'timer' opens the silent timer, ready to start."""
        page = self.page("practice")
        self.show_page("practice")
        if track_id == "timer":
            tabs, timer = getattr(page, "tabs", None), getattr(page, "timer_panel", None)
            if tabs is not None and timer is not None:
                tabs.setCurrentWidget(timer)
                timer.setFocus()
            return
        play = getattr(page, "play", None)  # the fallback page (no audio) has none
        if play is not None:
            play(track_id)

    def open_plan(self) -> PlanDialog:
        from mindful_desktop.ui.dialogs.plan import PlanDialog

        dialog = PlanDialog(self.ctx.plan, self.ctx.practice, self.ctx.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _ask_what_was_noticed(self, session: object) -> None:
        if not self.isVisible() or self.shutting_down:
            return
        from mindful_desktop.ui.dialogs.practice import NoticeDialog

        dialog = NoticeDialog(self.ctx.practice, session, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def take_questionnaire(self, instrument_id: str) -> QuestionnaireDialog:
        from mindful_desktop.ui.dialogs.questionnaire import QuestionnaireDialog

        dialog = QuestionnaireDialog(self.ctx.questionnaires, instrument_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.crisisRequested.connect(lambda: self.show_crisis(True, dialog))
        dialog.open()
        return dialog

    def show_crisis(
        self, from_questionnaire: bool = False, over: QWidget | None = None
    ) -> CrisisDialog:
        from mindful_desktop.ui.dialogs.crisis import CrisisDialog

        # Over the dialog that is open, if one is: a dialog blocks the window behind it.
        over = over or self._open_dialog() or self
        dialog = CrisisDialog(self.ctx.crisis, from_questionnaire, over)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.editContactsRequested.connect(lambda: self.show_page("settings"))
        dialog.open()
        return dialog

    def _open_dialog(self) -> QWidget | None:
        """The modal dialog of this window that has the keyboard now, if one is open."""
        modal = QApplication.activeModalWidget()
        owner = modal
        while owner is not None and owner is not self:
            owner = owner.parentWidget()
        return modal if owner is self else None

    def open_worksheet(self, worksheet_id: str) -> WorksheetDialog:
        from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog

        dialog = WorksheetDialog(self.ctx.worksheets, worksheet_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_welcome(self) -> None:
        from mindful_desktop.ui.dialogs.welcome import WelcomeDialog

        dialog = WelcomeDialog(self.ctx.paths.data_dir, self, self.ctx.crisis)
        dialog.finished.connect(self._welcome_seen)
        dialog.open()

    def _welcome_seen(self, _result: int) -> None:
        try:
            self.ctx.settings.set("welcome_seen", True)
        except KnownError:
            pass  # shown again next time; nothing is lost

    def check_in(self) -> None:
        """Today, with the mood picker ready (the tray's "Check in…")."""
        self.show_page("today")
        self.bring_to_front()
        mood = getattr(self.page("today"), "mood", None)
        if mood is not None:
            mood.setFocus()

    def bring_to_front(self) -> None:
        """Called when a second launch asks us to show ourselves."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        # An open dialog (the welcome, a questionnaire) must stay in front of its window.
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.raise_()
                dialog.activateWindow()

    def show_report(self, printing: bool = False) -> None:
        from mindful_desktop.ui.dialogs.report import ReportDialog

        ReportDialog(self.ctx, self, printing=printing).open()

    def export_data(self) -> None:
        page = self.page("settings")
        self.show_page("settings")
        export = getattr(page, "export", None)
        if export is not None:
            export()

    # --- where the window was left ------------------------------------------------------------

    def restore_state(self) -> None:
        """The size, position and page it was left at; Qt moves a window whose screen is gone
        back onto one that exists."""
        geometry = str(self.ctx.settings.get("window_geometry"))
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        last = str(self.ctx.settings.get("last_page"))
        if last in KEYS and last != "today":
            self.show_page(last)

    def save_state(self) -> None:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        for key, value in (("window_geometry", geometry), ("last_page", self.current_page_key())):
            try:
                self.ctx.settings.set(key, value)
            except KnownError:
                return  # a full or read-only disk: the window opens at its default next time

    def keep_unsaved_text(self) -> None:
        """Drafts and reflections being typed go to disk now."""
        from mindful_desktop.ui.pages.today import TodayPage

        today = self.page("today")
        if isinstance(today, TodayPage):
            today.keep_draft()
        if self.is_built("course"):
            for box in getattr(self.page("course"), "reflections", []):
                box.save_now()

    def quit_app(self) -> None:
        """File → Quit (Ctrl+Q) and the tray's Quit: close for real, even with a tray."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._quitting and not self.shutting_down and self.stays_in_tray():
            # Reminders on and a tray to live in: the window goes, the app stays.
            self.keep_unsaved_text()
            self.save_state()
            event.ignore()
            self.hide()
            self.hiddenToTray.emit()
            return
        self.closing.emit()
        self.keep_unsaved_text()
        super().closeEvent(event)
