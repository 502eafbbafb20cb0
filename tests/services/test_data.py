"""Doctor, export and demo data."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import head_revision
from mindful_desktop.errors import DataDirError, DiskFullError, InvalidInputError
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.data import (
    doctor_report,
    export_json,
    fill_demo_data,
    write_atomically,
)
from tests.conftest import FakeClock


def test_doctor_reports_a_healthy_journal(db: Database, paths: AppPaths) -> None:
    report = doctor_report(paths)
    assert report["healthy"] is True
    assert report["is_head"] is True
    assert report["schema_revision"] == head_revision()
    assert report["quick_check"] == "ok"
    assert report["tables"]["check_in"] == 0


def test_doctor_without_a_journal_says_so(paths: AppPaths) -> None:
    report = doctor_report(paths)
    assert report["healthy"] is False
    assert report["database_exists"] is False
    assert not paths.db_path.exists()  # the doctor looks; it never creates


def test_export_contains_every_check_in_exactly(
    db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    service = CheckInService(db, clock)
    long_note = "A long day. " * 800 + "🙂 مرحبا"
    service.add(3, long_note)
    service.add(8, "")
    out = tmp_path / "export.json"
    counts = export_json(db, out)
    assert counts["check_in"] == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "mindful-desktop-export"
    assert data["schema_revision"] == head_revision()
    notes = [row["note"] for row in data["tables"]["check_in"]]
    assert notes == [long_note.strip(), ""]
    first = data["tables"]["check_in"][0]
    assert first["local_date"] == clock().date().isoformat()
    assert first["created_at"].endswith("Z")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_replaces_atomically_and_leaves_no_temp_files(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    out.write_text("old contents")
    export_json(db, out)
    assert json.loads(out.read_text())["format"] == "mindful-desktop-export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["export.json"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "export.json"
    out.write_text("old contents")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(DiskFullError) as info:
        write_atomically(out, "new contents")
    assert "full" in info.value.message
    assert out.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_export_to_a_missing_folder_is_explained(db: Database, tmp_path: Path) -> None:
    with pytest.raises(DataDirError, match="doesn't exist"):
        export_json(db, tmp_path / "nowhere" / "export.json")


def test_demo_data_fills_an_empty_journal_plausibly(db: Database) -> None:
    n = fill_demo_data(db, 120, seed=3, today=dt.date(2026, 5, 1))
    assert 60 < n < 200
    with db.engine.connect() as conn:
        lo, hi, first, last = conn.exec_driver_sql(
            "SELECT min(mood), max(mood), min(local_date), max(local_date) FROM check_in"
        ).one()
    assert 0 <= lo < hi <= 10
    assert first >= "2026-01-02" and last <= "2026-05-01"
    with db.engine.connect() as conn:
        sessions, kinds, practised_days = conn.exec_driver_sql(
            "SELECT count(*), count(DISTINCT kind), count(DISTINCT local_date) "
            "FROM practice_session"
        ).one()
    assert sessions > 50 and kinds >= 2 and 50 < practised_days < 120


def test_demo_data_tells_a_medication_story_with_appointments(db: Database) -> None:
    today = dt.date(2026, 5, 1)
    fill_demo_data(db, 120, seed=3, today=today)
    from mindful_desktop.services import medication_data as read

    events = list(reversed(read.events(db)))  # oldest first
    changes = [(e.kind, e.dose) for e in events if e.is_change]
    assert changes[:2] == [("started", "50 mg"), ("changed", "100 mg")]
    tapers = [e for e in events if e.kind == "tapering"]
    assert [e.dose for e in tapers] == ["75 mg", "50 mg", "25 mg"]
    assert all((b.day - a.day).days >= 14 for a, b in zip(tapers, tapers[1:], strict=False))
    assert sum(1 for e in events if e.kind == "noticed") >= 3
    assert all(today - dt.timedelta(days=119) <= e.day <= today for e in events)
    visits = sorted(a.day for a in read.appointments(db))
    assert len(visits) >= 3 and all(
        (b - a).days >= 14 for a, b in zip(visits, visits[1:], strict=False)
    )
    assert read.next_appointment(db, today) is not None
    asked = read.questions(db)
    assert any(q.done and q.agreed for q in asked) and any(not q.done for q in asked)


def test_a_short_demo_has_no_medication_story(db: Database) -> None:
    fill_demo_data(db, 10, seed=3, today=dt.date(2026, 5, 1))
    assert db.query("SELECT count(*) FROM medication")[0][0] == 0


def test_demo_data_refuses_a_journal_with_data(db: Database, clock: FakeClock) -> None:
    CheckInService(db, clock).add(6, "real entry")
    with pytest.raises(InvalidInputError, match="empty"):
        fill_demo_data(db, 10)


def test_every_table_is_documented_in_the_export_format() -> None:
    from mindful_desktop.db.base import Base

    doc = (Path(__file__).resolve().parents[2] / "docs" / "export-format.md").read_text()
    for table in Base.metadata.tables:
        assert f"| `{table}` |" in doc, f"docs/export-format.md does not describe {table}"
