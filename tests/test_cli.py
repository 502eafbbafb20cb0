"""The headless commands, called as a user would call them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from mindful_desktop.app import main
from mindful_desktop.db.migrate import head_revision
from mindful_desktop.paths import AppPaths


@pytest.mark.parametrize(
    "command",
    [
        "doctor",
        "export",
        "demo-data",
        "screenshot",
        "run",
        "backups",
        "backup",
        "restore",
        "import",
        "report",
    ],
)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "--data-dir" in out


def test_data_dir_flag_works_before_and_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["--data-dir", str(a), "demo-data", "--days", "5"]) == 0
    assert main(["demo-data", "--data-dir", str(b), "--days", "5"]) == 0
    assert (a / "journal.sqlite3").exists() and (b / "journal.sqlite3").exists()


def test_environment_variable_chooses_the_data_dir(paths: AppPaths) -> None:
    assert main(["demo-data", "--days", "3"]) == 0
    assert paths.db_path.exists()


def test_doctor_prints_json_and_exits_zero_when_healthy(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["demo-data", "--days", "3"])
    capsys.readouterr()
    assert main(["doctor"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["is_head"] and report["head_revision"] == head_revision()
    assert report["quick_check"] == "ok"


def test_export_and_demo_data_round_trip(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--days", "30", "--seed", "7"]) == 0
    out = tmp_path / "out.json"
    assert main(["export", "--format", "json", str(out)]) == 0
    data = json.loads(out.read_text())
    assert len(data["tables"]["check_in"]) > 10
    assert [r["at"] for r in data["tables"]["plan_slot"]] == ["07:30", "13:00", "10:00"]


def test_export_ics_writes_the_plan_as_a_calendar_a_parser_reads(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import icalendar

    assert main(["demo-data", "--days", "10"]) == 0
    out = tmp_path / "plan.ics"
    assert main(["export", "--format", "ics", str(out)]) == 0
    assert "Exported 3 planned practice times" in capsys.readouterr().err
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF on every platform
    cal = icalendar.Calendar.from_ical(raw)
    events = sorted(cal.walk("VEVENT"), key=lambda e: str(e["SUMMARY"]))
    assert [str(e["SUMMARY"]) for e in events] == [
        "Mindful walking (10 min)",
        "Short body scan (15 min)",
        "Three-minute breathing space (4 min)",
    ]
    walk = events[0]
    assert walk["RRULE"]["BYDAY"] == ["SA", "SU"] and walk["RRULE"]["FREQ"] == ["WEEKLY"]
    assert walk.decoded("DTSTART").time().isoformat() == "10:00:00"
    assert b"Slept badly" not in raw and b"mood" not in raw.lower()  # the plan, nothing else
    # Exported again: the same slots keep their UIDs, so a calendar updates, not duplicates.
    again = tmp_path / "again.ics"
    assert main(["export", "--format", "ics", str(again)]) == 0
    uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")}
    assert uids == {str(e["UID"]) for e in events}


def test_demo_data_refuses_twice(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo-data", "--days", "3"]) == 0
    assert main(["demo-data", "--days", "3"]) == 2
    assert "empty data folder" in capsys.readouterr().err


def test_known_errors_become_a_sentence_and_exit_2(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.ensure()
    paths.db_path.write_bytes(b"garbage" * 100)
    assert main(["export", str(paths.data_dir / "x.json")]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "page",
    [
        "today",
        "course",
        "practice",
        "checkin",
        "journal",
        "settings",
        "welcome",
        "crisis",
        "questionnaire:phq9",
        "lesson:week-2",
        "worksheet:action-plan",
    ],
)
def test_screenshot_writes_a_png_of_the_page(
    paths: AppPaths, tmp_path: Path, page: str, qapp: object
) -> None:
    out = tmp_path / f"{page}.png"
    assert main(["screenshot", page, str(out)]) == 0
    image = QImage(str(out))
    assert not image.isNull()
    if page in ("today", "course", "practice", "checkin", "journal", "settings", "lesson:week-2"):
        assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_of_an_unknown_page_is_explained(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    assert main(["screenshot", "nowhere", str(tmp_path / "x.png")]) == 2
    assert "no page called 'nowhere'" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], None),
        (["run"], None),
        (["--data-dir", "/d"], "/d"),
        (["run", "--data-dir", "/d"], "/d"),
        (["--data-dir=/d"], "/d"),
    ],
)
def test_the_everyday_start_skips_the_parser(argv: list[str], expected: str | None) -> None:
    from mindful_desktop.app import plain_gui_data_dir

    assert plain_gui_data_dir(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["doctor"],
        ["--help"],
        ["--data-dir"],
        ["--data-dir", "--help"],
        ["--data-dir="],
        ["rn"],
        ["--data-dir", "/d", "doctor"],
        ["run", "--verbose"],
    ],
)
def test_anything_else_goes_through_the_parser(argv: list[str]) -> None:
    from mindful_desktop.app import _NO_DATA_DIR, plain_gui_data_dir

    assert plain_gui_data_dir(argv) is _NO_DATA_DIR


def test_a_typo_gets_the_parsers_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--data-dir"])
    assert info.value.code == 2
    assert "--data-dir" in capsys.readouterr().err


def test_the_pure_half_loads_before_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, mindful_desktop.app as app\n"
        "assert 'PySide6' not in sys.modules, 'a pure module imported PySide6'\n"
        "assert all(name in sys.modules for name in app.PURE_MODULES)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_backup_then_backups_lists_it(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo-data", "--days", "5"]) == 0
    assert main(["backup"]) == 0
    capsys.readouterr()
    assert main(["backups"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "Made by you" in out[0] and "entries" in out[0]


def test_backup_without_a_journal_says_so(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.ensure()
    assert main(["backup"]) == 2
    assert "no journal" in capsys.readouterr().err


def test_restore_puts_a_backup_back_and_keeps_the_journal_it_replaced(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from mindful_desktop.db.backup import list_backups

    assert main(["demo-data", "--days", "5"]) == 0
    assert main(["backup"]) == 0
    backup = list_backups(paths.backups_dir)[0]
    conn = sqlite3.connect(paths.db_path)
    conn.execute("DELETE FROM check_in")
    conn.commit()
    conn.close()
    assert main(["restore", str(backup.path)]) == 0
    assert "Restored" in capsys.readouterr().err
    conn = sqlite3.connect(paths.db_path)
    assert conn.execute("SELECT count(*) FROM check_in").fetchone()[0] == backup.counts["check_in"]
    conn.close()
    assert [b.kind for b in list_backups(paths.backups_dir)].count("restore") == 1


def test_restore_refuses_while_the_app_is_open(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QLockFile

    assert main(["demo-data", "--days", "5"]) == 0
    assert main(["backup"]) == 0
    before = paths.db_path.read_bytes()
    lock = QLockFile(str(paths.data_dir / "instance.lock"))
    assert lock.tryLock(0)
    try:
        backup = next(paths.backups_dir.glob("journal-*.sqlite3"))
        assert main(["restore", str(backup)]) == 1
    finally:
        lock.unlock()
    assert "Close it first" in capsys.readouterr().err
    assert paths.db_path.read_bytes() == before


def test_restore_of_a_damaged_file_is_a_sentence(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--days", "5"]) == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 9000)
    assert main(["restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.sqlite3" in err and "Traceback" not in err


def test_doctor_and_export_report_a_damaged_journal_with_a_sentence(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--days", "40"]) == 0
    data = bytearray(paths.db_path.read_bytes())
    data[4096 * 2 : 4096 * 8] = b"\xa5" * (4096 * 6)
    paths.db_path.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["doctor"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["healthy"] and report["problems"]
    out = tmp_path / "out.json"
    assert main(["export", str(out)]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".out.json.*"))


def test_doctor_never_says_a_too_new_journal_will_be_upgraded(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    assert main(["demo-data", "--days", "3"]) == 0
    conn = sqlite3.connect(paths.db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["doctor"]) == 1
    problems = " ".join(json.loads(capsys.readouterr().out)["problems"])
    assert "newer version" in problems and "upgrades it on start" not in problems


def test_every_file_the_app_makes_is_private_and_doctor_checks(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import stat

    old = os.umask(0o022)  # a usual desktop umask
    try:
        assert main(["demo-data", "--days", "5"]) == 0
        assert main(["backup"]) == 0
    finally:
        os.umask(old)
    for path in [paths.data_dir, *paths.data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"
    capsys.readouterr()
    assert main(["doctor"]) == 0
    capsys.readouterr()
    log = next(paths.logs_dir.glob("*.log"))
    log.chmod(0o644)
    assert main(["doctor"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert f"logs/{log.name}" in report["open_to_others"]


def test_import_reads_an_export_into_a_new_folder_and_refuses_a_full_one(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--days", "20"]) == 0
    out = tmp_path / "export.json"
    assert main(["export", str(out)]) == 0
    new = tmp_path / "new"
    assert main(["import", "--data-dir", str(new), str(out)]) == 0
    again = tmp_path / "again.json"
    assert main(["export", "--data-dir", str(new), str(again)]) == 0
    assert json.loads(again.read_text())["tables"] == json.loads(out.read_text())["tables"]
    assert main(["import", str(out)]) == 2
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "Traceback" not in err


def test_import_refuses_while_the_app_is_open(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QLockFile

    source = tmp_path / "source"
    assert main(["demo-data", "--data-dir", str(source), "--days", "5"]) == 0
    out = tmp_path / "export.json"
    assert main(["export", "--data-dir", str(source), str(out)]) == 0
    paths.ensure()
    lock = QLockFile(str(paths.data_dir / "instance.lock"))
    assert lock.tryLock(0)
    try:
        assert main(["import", str(out)]) == 1
    finally:
        lock.unlock()
    assert "Close it first, then run import again" in capsys.readouterr().err
    assert not paths.db_path.exists()


def test_report_writes_a_pdf_of_the_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo-data", "--days", "40"]) == 0
    out = tmp_path / "for-my-doctor.pdf"
    today = dt.date.today()
    start = (today - dt.timedelta(days=27)).isoformat()
    code = main(
        ["--data-dir", str(data), "report", "--from", start, "--to", today.isoformat(), str(out)]
    )
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Wrote" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("start", "end", "says"),
    [
        ("2026-03-10", "2026-03-01", "after it ends"),
        ("10/03/2026", "2026-03-31", "year-month-day"),
        ("2999-01-01", "2999-01-02", "hasn't come yet"),
    ],
)
def test_report_refuses_a_bad_period_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], start: str, end: str, says: str
) -> None:
    out = tmp_path / "r.pdf"
    code = main(
        ["--data-dir", str(tmp_path / "d"), "report", "--from", start, "--to", end, str(out)]
    )
    assert code == 2
    assert says in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "d").exists()
