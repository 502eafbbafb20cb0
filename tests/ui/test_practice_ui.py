"""The Practice page as a person uses it: pick a track, read captions, log by hand, undo."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mindful_desktop.audio.catalog import Track
from mindful_desktop.audio.player import Player
from mindful_desktop.audio.processing import ImportedRecording
from mindful_desktop.audio.timer import MeditationTimer
from mindful_desktop.db.database import Database
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.listening import ListeningTracker, TimerLogger
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.ui.dialogs.practice import ManualEntryDialog, NoticeDialog, SessionEditDialog
from mindful_desktop.ui.models.rows import RowsModel
from mindful_desktop.ui.pages.practice import PracticePage
from mindful_desktop.ui.widgets.player_panel import clock_text
from tests.conftest import FakeClock


@pytest.fixture
def practice(db: Database, audio_dir: Path, paths: AppPaths, clock: FakeClock) -> PracticeService:
    paths.ensure()
    return PracticeService(db, audio_dir, paths.recordings_dir, clock)


@pytest.fixture
def page(
    practice: PracticeService,
    clock: FakeClock,
    qtbot: QtBot,
    make_player: Callable[[], Player],
) -> Iterator[PracticePage]:
    tracker = ListeningTracker(make_player(), practice, clock)
    timer_logger = TimerLogger(MeditationTimer(), practice, clock)
    widget = PracticePage(practice, tracker, timer_logger)
    for obj in (tracker, timer_logger.timer, timer_logger):
        obj.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    yield widget


def test_choosing_a_practice_and_pressing_play_shows_captions(
    page: PracticePage, qtbot: QtBot
) -> None:
    assert page.model.rowCount() == 1
    rect = page.list.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    panel = page.player_panel
    assert panel.title.text() == "Mindfulness of the breath"
    qtbot.mouseClick(panel.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.play.text() == "Pause", timeout=5000)
    qtbot.waitUntil(lambda: panel.caption.text() == "Feel the breath.", timeout=8000)
    assert panel.remaining.text().endswith("left")


def test_a_finished_practice_lands_in_the_log(page: PracticePage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page._practice.sessionLogged, timeout=15000):
        page.play("breath")
    qtbot.waitUntil(lambda: page.log_panel.model.rowCount() == 1, timeout=2000)
    row = page.log_panel.model.data(page.log_panel.model.index(0, 0))
    assert "1 min" in row


def test_add_practice_done_elsewhere_then_delete_and_undo(
    page: PracticePage, practice: PracticeService, qtbot: QtBot
) -> None:
    log = page.log_panel
    dialog = ManualEntryDialog(practice, practice.today(), parent=log)
    qtbot.addWidget(dialog)
    dialog.kind.setEditText("Mindful walking in the park")
    dialog.minutes.setValue(25)
    qtbot.keyClicks(dialog.note, "Frost on the grass")
    dialog.save()
    assert dialog.result() == ManualEntryDialog.DialogCode.Accepted
    assert log.model.rowCount() == 1
    log.list.setCurrentIndex(log.model.index(0, 0))
    assert log.delete_button.isEnabled()
    qtbot.mouseClick(log.delete_button, Qt.MouseButton.LeftButton)
    assert log.model.rowCount() == 0 and log.undo_bar.isVisibleTo(log)
    assert log.undo_bar.message.text().endswith(" deleted.")
    qtbot.mouseClick(log.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert not log.undo_bar.isVisibleTo(log)
    (session,) = practice.sessions()
    assert (session.title, session.minutes, session.note) == (
        "Mindful walking in the park",
        25.0,
        "Frost on the grass",
    )


def test_a_bad_manual_entry_keeps_the_dialog_open(practice: PracticeService, qtbot: QtBot) -> None:
    dialog = ManualEntryDialog(practice, practice.today())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.note, "typed words stay")
    dialog.save()  # no practice chosen
    assert "which practice" in dialog.error.text()
    assert dialog.note.toPlainText() == "typed words stay"
    assert practice.sessions() == []


def test_what_did_you_notice_saves_a_note(
    practice: PracticeService, clock: FakeClock, qtbot: QtBot
) -> None:
    session = practice.log("timer", "timer", "Silent sit, 10 min", clock(), 10, True)
    dialog = NoticeDialog(practice, session)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "Restless, then quieter.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert practice.sessions()[0].note == "Restless, then quieter."


def test_the_silent_timer_controls(page: PracticePage, qtbot: QtBot) -> None:
    panel = page.timer_panel
    panel.length.setValue(20)
    assert panel.display.text() == "20:00"
    qtbot.mouseClick(panel.start, Qt.MouseButton.LeftButton)
    assert not panel.start.isEnabled() and panel.stop.isEnabled()
    qtbot.mouseClick(panel.pause, Qt.MouseButton.LeftButton)
    assert panel.pause.text() == "Resume"
    qtbot.mouseClick(panel.stop, Qt.MouseButton.LeftButton)
    assert panel.start.isEnabled() and panel.display.text() == "20:00"


def test_clock_text() -> None:
    assert clock_text(0) == "0:00"
    assert clock_text(61_500) == "1:01"
    assert clock_text(3_725_000) == "1:02:05"


def test_importing_from_the_page_runs_in_the_background(
    page: PracticePage, tmp_path: Path, qtbot: QtBot
) -> None:
    from tests.conftest import make_tone

    src = make_tone(tmp_path / "Evening practice.flac", 6.0)
    with qtbot.waitSignal(page.importFinished, timeout=60000) as done:
        page.import_file(src)
        assert not page.import_button.isEnabled()  # busy, but the window still responds
    assert done.args[0].title == "Evening practice"
    assert page.model.rowCount() == 2
    assert page.import_button.isEnabled() and "Added" in page.import_status.text()


def test_a_bad_import_from_the_page_is_explained(
    page: PracticePage, tmp_path: Path, qtbot: QtBot
) -> None:
    bad = tmp_path / "voice memo.m4a"
    bad.write_bytes(b"not audio at all" * 100)
    with qtbot.waitSignal(page.importFinished, timeout=60000) as done:
        page.import_file(bad)
    assert done.args[0] is None
    assert (
        page.import_status.objectName() == "Error" and "voice memo.m4a" in page.import_status.text()
    )
    assert page.model.rowCount() == 1


def test_an_app_logged_session_is_edited_and_keeps_its_note(
    page: PracticePage, practice: PracticeService, clock: FakeClock, qtbot: QtBot
) -> None:
    sat = practice.log("timer", "timer", "Silent timer", clock(), 2.5, False, "Restless")
    log = page.log_panel
    log.list.setCurrentIndex(log.model.index(0, 0))
    dialog = log.edit_selected()
    assert isinstance(dialog, SessionEditDialog)
    qtbot.addWidget(dialog)
    assert dialog.note.toPlainText() == "Restless" and not dialog.completed.isChecked()
    dialog.completed.setChecked(True)
    dialog.save()
    assert dialog.result() == SessionEditDialog.DialogCode.Accepted
    edited = practice.session(sat.id)
    assert edited is not None
    assert (edited.note, edited.completed, edited.minutes) == ("Restless", True, 2.5)
    dialog.minutes.setValue(20)
    dialog.note.setPlainText("Restless, then settled")
    dialog.save()
    edited = practice.session(sat.id)
    assert edited is not None and (edited.note, edited.minutes) == ("Restless, then settled", 20)


def test_delete_an_app_logged_session_then_undo(
    page: PracticePage, practice: PracticeService, clock: FakeClock, qtbot: QtBot
) -> None:
    heard = practice.log("track", "breath", "Mindfulness of the breath", clock(), 3, True, "warm")
    log = page.log_panel
    log.list.setCurrentIndex(log.model.index(0, 0))
    qtbot.mouseClick(log.delete_button, Qt.MouseButton.LeftButton)
    assert log.model.rowCount() == 0 and practice.sessions() == []
    assert log.undo_bar.message.text() == "“Mindfulness of the breath” of 14 March deleted."
    qtbot.mouseClick(log.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert practice.sessions() == [heard] and log.model.rowCount() == 1


def _own_recording(practice: PracticeService) -> Track:
    path = practice.recordings_dir / "rec-morning.opus"
    path.write_bytes(b"OggS not really")
    return practice.register_recording(
        ImportedRecording("rec-morning", "Morning sit", path, 600.0, "morning.m4a")
    )


def _choose(page: PracticePage, track_id: str) -> None:
    page.list.setCurrentIndex(page.model.index(page.model.row_of(track_id), 0))


def _answer_message_box(monkeypatch: pytest.MonkeyPatch, button: str) -> list[str]:
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_only_own_recordings_can_be_renamed_or_removed(
    page: PracticePage, practice: PracticeService
) -> None:
    track = _own_recording(practice)
    actions = page.recording_actions
    _choose(page, "breath")
    assert not actions.isVisibleTo(page)
    _choose(page, track.id)
    assert actions.isVisibleTo(page) and actions.track == track


def test_removing_a_recording_asks_first_and_keeps_its_sessions(
    page: PracticePage,
    practice: PracticeService,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    track = _own_recording(practice)
    for _ in range(12):
        practice.log("recording", track.id, track.title, clock(), 10, True)
    _choose(page, track.id)
    asked = _answer_message_box(monkeypatch, "Keep it")
    qtbot.mouseClick(page.recording_actions.remove_button, Qt.MouseButton.LeftButton)
    assert asked == [
        "Remove “Morning sit”? The file is deleted from Mindful Desktop's folder; "
        "the 12 sessions you logged with it stay in your journal."
    ]
    assert track.path.exists() and page.model.row_of(track.id) >= 0
    _answer_message_box(monkeypatch, "Remove")
    qtbot.mouseClick(page.recording_actions.remove_button, Qt.MouseButton.LeftButton)
    assert not track.path.exists() and page.model.row_of(track.id) == -1
    assert len(practice.sessions()) == 12 and page.log_panel.model.rowCount() == 12
    assert not page.recording_actions.isVisibleTo(page)


def test_renaming_a_recording(page: PracticePage, practice: PracticeService, qtbot: QtBot) -> None:
    track = _own_recording(practice)
    _choose(page, track.id)
    dialog = page.recording_actions.rename()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.name.setText("   ")
    dialog.save()
    assert "can't be empty" in dialog.error.text() and dialog.isVisible()
    dialog.name.setText("Morning sit with Anna")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert practice.titles()[track.id] == "Morning sit with Anna"
    row = page.model.row_of(track.id)
    assert page.model.data(page.model.index(row, 0), RowsModel.RowRole).detail == (
        "Morning sit with Anna"
    )
    assert page.recording_actions.track is not None
    assert page.recording_actions.track.title == "Morning sit with Anna"


def test_the_player_panel_redraws_once_a_second_and_not_while_hidden(
    page: PracticePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = page.player_panel
    drawn: list[str] = []
    for name in ("elapsed", "remaining", "caption"):
        box = getattr(panel, name)
        real = box.setText
        monkeypatch.setattr(box, "setText", lambda t, n=name, r=real: (drawn.append(n), r(t)))
    player = panel._player
    for ms in range(0, 5000, 50):  # twenty reports a second, as the FFmpeg backend sends
        player.positionChanged.emit(ms)
    # Seconds 1 to 4 (0 was drawn when the page was shown), not a hundred times.
    assert drawn.count("elapsed") == 4 and drawn.count("remaining") == 4
    assert drawn.count("caption") <= 1  # no cue here: the caption is drawn (empty) once
    assert panel.elapsed.text() == clock_text(4950)
    page.hide()
    drawn.clear()
    for ms in range(5000, 9000, 50):
        player.positionChanged.emit(ms)
    assert drawn == []  # hidden: nothing redrawn
    page.show()  # and it catches up when shown
    assert "elapsed" in drawn


def test_the_clocks_keep_one_size_so_a_new_second_lays_nothing_out(page: PracticePage) -> None:
    panel = page.player_panel
    player = panel._player
    for clock in (panel.elapsed, panel.remaining):
        assert clock.minimumSize() == clock.maximumSize()  # fixed: setText can't relayout
    panel._on_duration(2 * 3600 * 1000)  # a two-hour recording: the clocks widen to fit
    sizes = []
    for ms in (0, 9_000, 3_599_000, 3_600_000, 7_199_000):
        player.positionChanged.emit(ms)
        sizes.append((panel.elapsed.size(), panel.remaining.size()))
        for clock in (panel.elapsed, panel.remaining):
            assert clock.fontMetrics().horizontalAdvance(clock.text()) <= clock.width()
    assert len(set(sizes)) == 1


def test_a_style_change_after_the_player_is_gone_asks_nothing_of_it(page: PracticePage) -> None:
    """Seen as a crash: the theme applied after a practice page's player was deleted (the
    clocks re-fit on StyleChange and asked the dead player its duration)."""
    import shiboken6
    from PySide6.QtCore import QEvent

    panel = page.player_panel
    panel._on_duration(600_000)
    shiboken6.delete(panel._player)
    panel.changeEvent(QEvent(QEvent.Type.StyleChange))
    assert panel.remaining.width() > 0


def test_mood_before_goes_into_the_logged_session_and_the_note_asks_after(
    page: PracticePage, practice: PracticeService, qtbot: QtBot
) -> None:
    panel = page.player_panel
    assert panel.mood_before.value() is None  # nothing chosen for the person
    qtbot.mouseClick(panel.mood_before.buttons[4], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(practice.sessionLogged, timeout=15000) as logged:
        page.play("breath")
    session = logged.args[0]
    assert session.mood_before == 4
    assert panel.mood_before.value() is None  # asked afresh next time
    dialog = NoticeDialog(practice, session)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.mood_after.buttons[6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no note: still saved
    saved = practice.session(session.id)
    assert saved is not None and (saved.mood_before, saved.mood_after, saved.note) == (4, 6, "")


def test_skipping_the_note_keeps_no_mood_after(
    practice: PracticeService, clock: FakeClock, qtbot: QtBot
) -> None:
    session = practice.log("timer", "timer", "Silent sit, 10 min", clock(), 10, True)
    dialog = NoticeDialog(practice, session)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.mood_after.buttons[8], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert practice.sessions()[0].mood_after is None
