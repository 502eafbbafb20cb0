"""Worksheets: documents keep one entry, calendars many; all persist and export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mindful_desktop.db.migrate import open_database
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.paths import AppPaths, assets_dir
from mindful_desktop.services.course import load_bundled_course
from mindful_desktop.services.data import export_json
from mindful_desktop.services.worksheets import MAX_FIELD_CHARS, WorksheetService
from tests.conftest import FakeClock

COURSE = load_bundled_course(assets_dir())


def test_a_document_worksheet_is_one_page_kept_edited(paths: AppPaths, clock: FakeClock) -> None:
    sheets = WorksheetService(open_database(paths), COURSE, clock)
    sheets.save("action-plan", {"signs": "Waking at 4", "first": "A breathing space"})
    sheets.save("action-plan", {"signs": "Waking at 4; cancelling plans", "first": "Call Sam"})
    (entry,) = sheets.entries("action-plan")
    assert entry.fields["signs"] == "Waking at 4; cancelling plans"
    assert entry.fields["first"] == "Call Sam"


def test_calendar_entries_are_dated_and_many(paths: AppPaths, clock: FakeClock) -> None:
    sheets = WorksheetService(open_database(paths), COURSE, clock)
    first = sheets.save("pleasant-events", {"event": "Sun on the bench"})
    sheets.save("pleasant-events", {"event": "Soup"}, day=clock().date() - dt.timedelta(days=1))
    sheets.save("pleasant-events", {"event": "Sun on the bench", "body": "Warm face"}, first.id)
    entries = sheets.entries("pleasant-events")
    assert [e.fields["event"] for e in entries] == ["Sun on the bench", "Soup"]  # newest day first
    assert entries[0].fields["body"] == "Warm face"
    removed = sheets.delete(first.id)
    assert removed is not None and [
        e.fields["event"] for e in sheets.entries("pleasant-events")
    ] == ["Soup"]


def test_unknown_fields_are_ignored_and_huge_text_refused(
    paths: AppPaths, clock: FakeClock
) -> None:
    sheets = WorksheetService(open_database(paths), COURSE, clock)
    entry = sheets.save("future-letter", {"letter": "Dear me, ✉️", "nonsense": "x"})
    assert entry.fields == {"letter": "Dear me, ✉️"}
    with pytest.raises(InvalidInputError, match="still in the box"):
        sheets.save("future-letter", {"letter": "x" * (MAX_FIELD_CHARS + 1)})


def test_worksheets_survive_restart_and_appear_in_export(
    paths: AppPaths, clock: FakeClock, tmp_path: Path
) -> None:
    db = open_database(paths)
    WorksheetService(db, COURSE, clock).save("practice-plan", {"why": "To notice sooner"})
    db.close()
    db = open_database(paths)
    assert WorksheetService(db, COURSE, clock).document("practice-plan") is not None
    out = tmp_path / "e.json"
    export_json(db, out)
    (row,) = json.loads(out.read_text())["tables"]["worksheet_entry"]
    assert row["worksheet"] == "practice-plan"
    assert row["fields"] == {"why": "To notice sooner"}
    db.close()
