"""Privacy in the window: the passphrase asked before anything loads, protecting and
unprotecting from Settings, and the lock (now, or after idle minutes) that hides content."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mindful_desktop.application import Application
from mindful_desktop.db import cipher
from mindful_desktop.paths import AppPaths
from mindful_desktop.privacy import unlock_at_start
from mindful_desktop.ui.dialogs.passphrase import WRONG_SENTENCE, PassphraseDialog
from mindful_desktop.ui.dialogs.protect import CHANGE, REMOVE, SET
from tests.ui.test_application import Boxes, boxes, make_app, seen_welcome  # noqa: F401

PASS, OTHER = "four calm words here", "another calm phrase"


@pytest.fixture
def app(make_app: Callable[[], Application], paths: AppPaths) -> Iterator[Application]:  # noqa: F811
    paths.ensure()
    seen_welcome(paths)
    yield make_app()
    cipher.lock(paths.data_dir)


def _protect(app: Application, qtbot: QtBot) -> None:
    assert app.window is not None
    card = app.window.page("settings").privacy  # type: ignore[attr-defined]
    dialog = card.open_dialog(SET)
    qtbot.keyClicks(dialog.new, PASS)
    assert dialog.hint.text().startswith("Strong")
    qtbot.keyClicks(dialog.again, PASS)
    dialog.go()


def test_protect_from_settings_then_start_asks_for_the_passphrase(
    app: Application, qtbot: QtBot, paths: AppPaths
) -> None:
    _protect(app, qtbot)
    assert cipher.is_protected(paths.db_path) and not cipher.is_plain(paths.db_path)
    assert app.window is not None and app.ctx is not None
    card = app.window.page("settings").privacy  # type: ignore[attr-defined]
    assert "now protected" in card.state.text()
    assert app.ctx.privacy.protected()
    cipher.lock(paths.data_dir)  # as after a restart: nothing is unlocked
    asked: list[bool] = []

    def wrong_then_quit(opens: Callable[[str], bool]) -> str | None:
        asked.append(opens("not it"))
        asked.append(opens(PASS))
        return None

    assert not unlock_at_start(paths, wrong_then_quit)
    assert asked == [False, True]
    assert unlock_at_start(paths, lambda _opens: PASS)
    assert cipher.key_for(paths.db_path) == PASS


def test_the_start_window_says_when_a_passphrase_does_not_fit(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(lambda p: p == PASS)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.panel.field, "wrong")
    dialog.open_button.click()
    assert dialog.panel.error.text() == WRONG_SENTENCE and "damaged" not in WRONG_SENTENCE
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.panel.field.clear()
    qtbot.keyClicks(dialog.panel.field, PASS)
    dialog.open_button.click()
    assert dialog.passphrase == PASS and dialog.result() == QDialog.DialogCode.Accepted


def test_a_mismatch_or_a_wrong_current_passphrase_changes_nothing(
    app: Application, qtbot: QtBot, paths: AppPaths
) -> None:
    assert app.window is not None
    card = app.window.page("settings").privacy  # type: ignore[attr-defined]
    dialog = card.open_dialog(SET)
    qtbot.keyClicks(dialog.new, PASS)
    qtbot.keyClicks(dialog.again, PASS + "x")
    dialog.go()
    assert "different" in dialog.error.text() and dialog.isVisible()
    assert cipher.is_plain(paths.db_path)
    _protect(app, qtbot)
    card = app.window.page("settings").privacy  # type: ignore[attr-defined]
    dialog = card.open_dialog(REMOVE)
    qtbot.keyClicks(dialog.current, "not it")
    dialog.go()
    assert "doesn't open" in dialog.error.text() or "Check it" in dialog.error.text()
    assert not cipher.is_plain(paths.db_path)


def test_change_and_remove_from_settings(app: Application, qtbot: QtBot, paths: AppPaths) -> None:
    _protect(app, qtbot)
    assert app.window is not None
    dialog = app.window.page("settings").privacy.open_dialog(CHANGE)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.current, PASS)
    qtbot.keyClicks(dialog.new, OTHER)
    qtbot.keyClicks(dialog.again, OTHER)
    dialog.go()
    assert cipher.opens_with(paths.db_path, OTHER) and not cipher.opens_with(paths.db_path, PASS)
    dialog = app.window.page("settings").privacy.open_dialog(REMOVE)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.current, OTHER)
    dialog.go()
    assert cipher.is_plain(paths.db_path) and not cipher.is_protected(paths.db_path)
    assert app.ctx is not None
    app.ctx.checkins.add(6, "after removing it")  # the reopened journal takes writes
    assert app.ctx.checkins.history(5)[0].note == "after removing it"


def test_lock_now_hides_everything_and_the_passphrase_brings_it_back(
    app: Application, qtbot: QtBot
) -> None:
    window = app.window
    assert window is not None
    window.lock()
    assert not window.locked  # not protected: there is no passphrase to lock with
    _protect(app, qtbot)
    window = app.window
    assert window is not None
    crisis = window.show_crisis()
    window.lock()
    assert window.locked and window.lock_screen is not None
    assert window.lock_screen.geometry() == window.rect()
    assert not crisis.isVisible()  # open dialogs are hidden too
    panel = window.lock_screen.panel
    qtbot.keyClicks(panel.field, "wrong")
    window.lock_screen.unlock_button.click()
    assert window.locked and panel.error.text() == WRONG_SENTENCE
    panel.field.clear()
    qtbot.keyClicks(panel.field, PASS)
    window.lock_screen.unlock_button.click()
    assert not window.locked and crisis.isVisible()


def test_idle_minutes_lock_the_window(app: Application, qtbot: QtBot) -> None:
    _protect(app, qtbot)
    window = app.window
    assert window is not None and app.ctx is not None
    app.ctx.privacy.set_lock_after(5)
    assert window.idle_lock is not None and window.idle_lock.timer.isActive()
    assert window.idle_lock.timer.interval() == 5 * 60_000
    window.idle_lock.timer.setInterval(30)  # five minutes, shortened for the test
    window.idle_lock.timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
