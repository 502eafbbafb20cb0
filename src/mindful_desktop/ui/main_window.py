"""The main window: a sidebar of pages and the page stack, plus menus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop import APP_NAME, __version__
from mindful_desktop.services.context import AppContext
from mindful_desktop.texts import DISCLAIMER, PRIVACY
from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.dialogs.questionnaire import QuestionnaireDialog
from mindful_desktop.ui.dialogs.welcome import WelcomeDialog
from mindful_desktop.ui.dialogs.worksheet import WorksheetDialog
from mindful_desktop.ui.pages.checkin import CheckInPage
from mindful_desktop.ui.pages.course import CoursePage
from mindful_desktop.ui.pages.journal import JournalPage
from mindful_desktop.ui.pages.settings import SettingsPage
from mindful_desktop.ui.pages.today import TodayPage
from mindful_desktop.ui.widgets.common import Card, Page, label
from mindful_desktop.ui.widgets.lazy_page import LazyPage
from mindful_desktop.ui.widgets.today_notes import TodayNotes


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    build: Callable[[AppContext], QWidget]


# Only pages that work are listed; later capabilities add theirs here, in sidebar order:
# Today, Course, Practice, Check-in, Journal, Insights, Settings.
PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "today",
        "Today",
        lambda ctx: TodayPage(
            ctx.checkins, ctx.settings, ctx.course, TodayNotes(ctx.questionnaires, ctx.wellbeing)
        ),
    ),
    PageSpec("course", "Course", lambda ctx: CoursePage(ctx.course)),
    PageSpec("practice", "Practice", lambda ctx: build_practice_page(ctx)),
    PageSpec("checkin", "Check-in", lambda ctx: CheckInPage(ctx.checkins, ctx.questionnaires)),
    PageSpec("journal", "Journal", lambda ctx: JournalPage(ctx.journal, ctx.worksheets)),
    PageSpec("insights", "Insights", lambda ctx: LazyPage(lambda: build_insights_page(ctx))),
    PageSpec("settings", "Settings", lambda ctx: SettingsPage(ctx)),
)


def build_insights_page(ctx: AppContext) -> QWidget:
    """Imported here: pyqtgraph takes about half a second to import, paid on first view."""
    from mindful_desktop.services.insights import InsightsService
    from mindful_desktop.ui.pages.insights import InsightsPage

    return InsightsPage(InsightsService(ctx.db, ctx.clock))


def build_practice_page(ctx: AppContext) -> QWidget:
    """The player needs QtMultimedia; without it the page explains instead of failing."""
    try:
        from mindful_desktop.audio.player import Player
        from mindful_desktop.audio.timer import MeditationTimer
        from mindful_desktop.services.listening import ListeningTracker, TimerLogger
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
    player = Player()
    tracker = ListeningTracker(player, ctx.practice)
    timer = MeditationTimer()
    timer_logger = TimerLogger(timer, ctx.practice)
    bell = Player()
    if bell.load(ctx.practice.bell_path):

        def ring(_kind: str) -> None:
            bell.seek(0)
            bell.play()

        timer.bell.connect(ring)
    page = PracticePage(ctx.practice, tracker, timer_logger)
    # Keep the audio objects alive exactly as long as the page.
    for obj in (player, tracker, timer, timer_logger, bell):
        obj.setParent(page)
    return page


class MainWindow(QMainWindow):
    themeRequested = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(APP_NAME)
        self.resize(1180, 780)
        self.setMinimumSize(860, 600)

        sidebar = QWidget()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(220)
        side_layout = QVBoxLayout(sidebar)
        side_layout.setContentsMargins(0, 0, 0, 12)
        side_layout.addWidget(label(APP_NAME, "AppTitle", wrap=False))
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.setAccessibleName("Pages")
        side_layout.addWidget(self.nav, 1)
        self.crisis_button = QPushButton("Crisis support")
        self.crisis_button.setObjectName("Quiet")
        self.crisis_button.setToolTip("People and helplines to call if things feel like too much")
        self.crisis_button.clicked.connect(lambda: self.show_crisis())
        side_layout.addWidget(self.crisis_button)

        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for spec in PAGES:
            page = spec.build(ctx)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        settings_page = self.pages.get("settings")
        if isinstance(settings_page, SettingsPage):
            settings_page.settingChanged.connect(self._on_setting_changed)
        today = self.pages.get("today")
        if isinstance(today, TodayPage) and today.home is not None:
            today.home.openLessonRequested.connect(self.open_lesson)
            today.home.openWorksheetRequested.connect(self.open_worksheet)
        if isinstance(today, TodayPage) and today.notes is not None:
            today.notes.takeRequested.connect(self.take_questionnaire)
            today.notes.openWorksheetRequested.connect(self.open_worksheet)
            today.notes.crisisRequested.connect(lambda: self.show_crisis())
            ctx.questionnaires.changed.connect(today.notes.refresh)
        journal = self.pages.get("journal")
        if isinstance(journal, JournalPage):
            journal.openWorksheetRequested.connect(self.open_worksheet)
            journal.openLessonRequested.connect(self.open_lesson)
        checkin = self.pages.get("checkin")
        if isinstance(checkin, CheckInPage):
            checkin.takeRequested.connect(self.take_questionnaire)
        course = self.pages.get("course")
        if isinstance(course, CoursePage):
            course.openWorksheetRequested.connect(self.open_worksheet)
            if hasattr(self.pages.get("practice"), "play"):
                course.set_practice_launcher(self.start_practice, ctx.practice.titles())
        ctx.practice.sessionLogged.connect(self._ask_what_was_noticed)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        export = QAction("&Export your data…", self)
        export.triggered.connect(self._export)
        file_menu.addAction(export)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu("&Go")
        for row, spec in enumerate(PAGES):
            action = QAction(spec.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu("&Help")
        crisis = QAction("&Crisis support…", self)
        crisis.triggered.connect(lambda: self.show_crisis())
        help_menu.addAction(crisis)
        help_menu.addSeparator()
        welcome = QAction("Show the &welcome again", self)
        welcome.triggered.connect(self.show_welcome)
        help_menu.addAction(welcome)
        about = QAction("&About Mindful Desktop", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def show_page(self, key: str) -> None:
        keys = [spec.key for spec in PAGES]
        self.nav.setCurrentRow(keys.index(key))

    def open_lesson(self, slug: str) -> None:
        self.show_page("course")
        page = self.pages["course"]
        if isinstance(page, CoursePage):
            page.show_lesson(slug)

    def start_practice(self, track_id: str) -> None:
        self.show_page("practice")
        page = self.pages["practice"]
        play = getattr(page, "play", None)
        if play is not None:
            play(track_id)

    def _ask_what_was_noticed(self, session: object) -> None:
        if not self.isVisible():
            return
        from mindful_desktop.ui.dialogs.practice import NoticeDialog

        dialog = NoticeDialog(self.ctx.practice, session, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def take_questionnaire(self, instrument_id: str) -> QuestionnaireDialog:
        dialog = QuestionnaireDialog(self.ctx.questionnaires, instrument_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.crisisRequested.connect(lambda: self.show_crisis(True, dialog))
        dialog.open()
        return dialog

    def show_crisis(
        self, from_questionnaire: bool = False, over: QWidget | None = None
    ) -> CrisisDialog:
        dialog = CrisisDialog(self.ctx.crisis, from_questionnaire, over or self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.editContactsRequested.connect(lambda: self.show_page("settings"))
        dialog.open()
        return dialog

    def open_worksheet(self, worksheet_id: str) -> WorksheetDialog:
        dialog = WorksheetDialog(self.ctx.worksheets, worksheet_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def current_page_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    def show_welcome(self) -> None:
        dialog = WelcomeDialog(self.ctx.paths.data_dir, self)
        dialog.finished.connect(lambda _r: self.ctx.settings.set("welcome_seen", True))
        dialog.open()

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

    def _export(self) -> None:
        self.show_page("settings")
        page = self.pages["settings"]
        if isinstance(page, SettingsPage):
            page.export()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3><p>{DISCLAIMER}</p><p>{PRIVACY}</p>"
            f"<p>Your data folder: {self.ctx.paths.data_dir}</p>",
        )

    def _on_setting_changed(self, key: str, value: object) -> None:
        if key == "theme" and isinstance(value, str):
            self.themeRequested.emit(value)
        today = self.pages.get("today")
        if key == "show_practice_stats" and isinstance(today, TodayPage) and today.home:
            today.home.refresh()
        if key == "staying_well_watch" and isinstance(today, TodayPage) and today.notes:
            today.notes.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        today = self.pages.get("today")
        if isinstance(today, TodayPage):
            today.keep_draft()
        super().closeEvent(event)
