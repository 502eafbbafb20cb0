"""The window: sidebar shows only working pages; the welcome appears once."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mindful_desktop.paths import AppPaths
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.welcome import WelcomeDialog
from mindful_desktop.ui.main_window import MainWindow
from tests.conftest import FakeClock


def _window(paths: AppPaths, clock: FakeClock, qtbot: QtBot) -> MainWindow:
    ctx = AppContext.open(paths, clock)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.destroyed.connect(ctx.close)
    return window


def test_title_and_sidebar(paths: AppPaths, clock: FakeClock, qtbot: QtBot) -> None:
    window = _window(paths, clock, qtbot)
    assert window.windowTitle() == "Mindful Desktop"
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[0] == "Today" and titles[-1] == "Settings"
    window.sidebar.setCurrentRow(titles.index("Settings"))
    assert window.current_page_key() == "settings"
    window.ctx.close()


def test_welcome_is_shown_until_dismissed(paths: AppPaths, clock: FakeClock, qtbot: QtBot) -> None:
    window = _window(paths, clock, qtbot)
    assert window.ctx.settings.get("welcome_seen") is False
    window.show_welcome()
    dialog = window.findChild(WelcomeDialog)
    assert dialog is not None and dialog.isVisible()
    words = " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
    assert str(paths.data_dir) in words
    assert "not a treatment" in words and "emergency" in words
    assert "never connects to the internet" in words
    dialog.begin_button.click()
    assert window.ctx.settings.get("welcome_seen") is True
    window.ctx.close()


def test_sidebar_has_every_page_in_order(paths: AppPaths, clock: FakeClock, qtbot: QtBot) -> None:
    window = _window(paths, clock, qtbot)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [
        "Today",
        "Course",
        "Practice",
        "Check-in",
        "Journal",
        "Meds & appointments",
        "Insights",
        "Settings",
    ]
    window.ctx.close()


def test_charts_are_not_imported_until_insights_is_opened(
    paths: AppPaths, clock: FakeClock, qtbot: QtBot
) -> None:
    import subprocess
    import sys

    probe = (
        "import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from mindful_desktop.paths import AppPaths\n"
        "from mindful_desktop.services.context import AppContext\n"
        "from mindful_desktop.ui.main_window import MainWindow\n"
        f"ctx = AppContext.open(AppPaths.from_arg({str(paths.data_dir)!r}))\n"
        "w = MainWindow(ctx); w.show(); app.processEvents()\n"
        "print('before', 'pyqtgraph' in sys.modules)\n"
        "w.show_page('insights'); app.processEvents()\n"
        "print('after', 'pyqtgraph' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert "before False" in out.stdout and "after True" in out.stdout, out.stderr[-2000:]
