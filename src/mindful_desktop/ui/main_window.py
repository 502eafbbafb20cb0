"""The main window: a sidebar of pages and the page stack, plus menus.

Today is built with the window; every other page is built the first time it is shown or
asked for (`page(key)`), so start-up pays only for the first frame. Pages ask to go places
through the `Navigator`; this window is its one subscriber.
"""

from __future__ import annotations

from collections.abc import Callable
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
from mindful_desktop.ui.page_builders import KEYS, PAGES
from mindful_desktop.ui.widgets.common import static_label
from mindful_desktop.ui.widgets.lazy_page import LazyPage
from mindful_desktop.ui.widgets.reminder_bar import ReminderBar

if TYPE_CHECKING:
    from mindful_desktop.privacy import IdleLock
    from mindful_desktop.ui.dialogs.crisis import CrisisDialog
    from mindful_desktop.ui.dialogs.plan import PlanDialog
    from mindful_desktop.ui.dialogs.questionnaire import QuestionnaireDialog
    from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog
    from mindful_desktop.ui.widgets.lock_screen import LockScreen
    from mindful_desktop.ui.widgets.now_playing import NowPlaying

__all__ = ["KEYS", "PAGES", "MainWindow"]  # the pages' keys are asked of the window, too


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
        self.lock_screen: LockScreen | None = None
        self.idle_lock: IdleLock | None = None

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
        dialog.crisisRequested.connect(self._remember_item9)
        dialog.open()
        return dialog

    def _remember_item9(self) -> None:
        """Item 9 above "not at all": Today asks how the person is, from now and after a restart."""
        try:
            self.ctx.followup.remember()
        except KnownError:
            pass  # a full or read-only disk: the crisis screen still opens; the note may not

    def show_crisis(
        self, from_questionnaire: bool = False, over: QWidget | None = None
    ) -> CrisisDialog:
        from mindful_desktop.ui.dialogs.crisis import CrisisDialog

        # Over the dialog that is open, if one is: a dialog blocks the window behind it.
        over = over or self._open_dialog() or self
        dialog = CrisisDialog(self.ctx.crisis, from_questionnaire, over)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.editContactsRequested.connect(lambda: self.show_page("settings"))
        dialog.safetyPlanRequested.connect(lambda: self.open_worksheet("safety-plan", dialog))
        dialog.open()
        return dialog

    def _open_dialog(self) -> QWidget | None:
        """The modal dialog of this window that has the keyboard now, if one is open."""
        modal = QApplication.activeModalWidget()
        owner = modal
        while owner is not None and owner is not self:
            owner = owner.parentWidget()
        return modal if owner is self else None

    def open_worksheet(self, worksheet_id: str, over: QWidget | None = None) -> WorksheetDialog:
        from mindful_desktop.ui.dialogs.frame import close_above
        from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog

        for shown in self.findChildren(WorksheetDialog):
            # Open already, beneath the crisis screen say: that one comes back to the front,
            # rather than a second copy whose words the first would then save over.
            if shown.isVisible() and shown.sheet.id == worksheet_id and close_above(shown):
                shown.raise_()
                shown.activateWindow()
                return shown
        # Over the dialog that is open, if one is (the crisis screen, the action plan).
        over = over or self._open_dialog() or self
        dialog = WorksheetDialog(self.ctx.worksheets, worksheet_id, over, self.ctx.crisis)
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

    # --- the lock (a journal protected by a passphrase) ------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.locked

    def lock(self) -> None:
        """Cover everything the journal shows until the passphrase is given again (Lock now,
        or after the chosen idle minutes). Only a protected journal has a passphrase."""
        privacy = self.ctx.privacy
        if not privacy.protected():
            return
        if self.lock_screen is None:
            from mindful_desktop.ui.widgets.lock_screen import LockScreen

            self.lock_screen = LockScreen(self, privacy.opens, self._unlocked)
        self.lock_screen.lock()

    def _unlocked(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.poke()

    def watch_idle(self) -> None:
        """Lock after the person's chosen minutes without use (set on the Privacy card)."""
        from PySide6.QtWidgets import QApplication

        from mindful_desktop.privacy import IdleLock

        if self.idle_lock is None:
            self.idle_lock = IdleLock(self.lock, self)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self.idle_lock)
            self.ctx.privacy.changed.connect(self.watch_idle)
        minutes = self.ctx.privacy.lock_after_minutes() if self.ctx.privacy.protected() else 0
        self.idle_lock.set_minutes(minutes)

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
        # Today, whatever page was left, while its note about item 9 waits to be read.
        if last in KEYS and last != "today" and self.ctx.followup.due() is None:
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
