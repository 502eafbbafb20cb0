"""Import: an export read back into an empty journal, every format version, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.db.models import CheckIn, JournalEntry, PracticeSession, Setting
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.data import JSON_COLUMNS, export_data, export_json, fill_demo_data
from mindful_desktop.services.importer import import_json


def _same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a["tables"] == b["tables"]
    assert a["schema_revision"] == b["schema_revision"]


def _fresh(tmp: Path) -> Database:
    return open_database(AppPaths(tmp))


def _as_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """What version 1 wrote: the JSON columns as the text the database holds."""
    old = json.loads(json.dumps(data))
    old["format_version"] = 1
    for name, rows in old["tables"].items():
        for row in rows:
            for key in row:
                if (name, key) in JSON_COLUMNS:
                    row[key] = json.dumps(row[key])
    return old


def test_export_import_export_gives_the_same_data(db: Database, tmp_path: Path) -> None:
    fill_demo_data(db, 120, today=dt.date(2026, 3, 1))
    first = export_data(db)
    out = tmp_path / "export.json"
    export_json(db, out)
    target = _fresh(tmp_path / "new")
    try:
        counts = import_json(target, out)
        assert counts["check_in"] == len(first["tables"]["check_in"]) > 50
        _same(export_data(target), first)
        # The search index is built from the imported rows, not left empty.
        with target.session() as session:
            found = session.execute(
                text("SELECT count(*) FROM search_index WHERE search_index MATCH 'herons'")
            ).scalar_one()
        assert found > 0
    finally:
        target.close()


def test_the_safety_plan_and_item_9_follow_up_round_trip(paths: AppPaths, tmp_path: Path) -> None:
    from mindful_desktop.services.context import AppContext
    from tests.conftest import FakeClock

    clock = FakeClock()
    ctx = AppContext.open(paths, clock)
    sheet = ctx.worksheets.definition("safety-plan")
    words = {f.id: f"{f.label} — mine, in my words ✍️\nsecond line" for f in sheet.fields}
    ctx.worksheets.save("safety-plan", words)
    ctx.questionnaires.submit("phq9", [0] * 8 + [1])
    first = export_data(ctx.db)
    out = tmp_path / "export.json"
    export_json(ctx.db, out)
    ctx.close()
    other = AppPaths(tmp_path / "new")
    target = open_database(other)
    import_json(target, out)
    target.close()
    again = AppContext.open(other, clock)
    try:
        plan = again.worksheets.document("safety-plan")
        assert plan is not None and plan.fields == words
        assert again.followup.due() == clock().date()  # the note comes with the journal
        _same(export_data(again.db), first)
    finally:
        again.close()


def test_a_version_1_export_imports_the_same_data(db: Database, tmp_path: Path) -> None:
    fill_demo_data(db, 60, today=dt.date(2026, 3, 1))
    current = export_data(db)
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(_as_version_1(current)), encoding="utf-8")
    target = _fresh(tmp_path / "new")
    try:
        import_json(target, old)
        _same(export_data(target), current)
    finally:
        target.close()


def test_an_export_from_the_first_schema_imports_into_the_newest(tmp_path: Path) -> None:
    """Schema 0001 had check-ins and settings only; the columns added since take defaults."""
    old = {
        "format": "mindful-desktop-export",
        "format_version": 1,
        "app_version": "0.1.0",
        "schema_revision": "0001_check_ins",
        "exported_at": "2026-11-20T10:00:00Z",
        "tables": {
            "check_in": [
                {
                    "id": 7,
                    "created_at": "2026-11-20T08:10:00.250000Z",
                    "updated_at": "2026-11-20T08:10:00.250000Z",
                    "local_date": "2026-11-20",
                    "mood": 6,
                    "note": "Slept well. שלום 🌿",
                }
            ],
            "setting": [{"key": "theme", "value": '"dark"'}],
        },
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    target = _fresh(tmp_path / "new")
    try:
        assert import_json(target, path)["check_in"] == 1
        with target.session() as session:
            row = session.get(CheckIn, 7)
            assert row is not None
            assert row.note == "Slept well. שלום 🌿"
            assert row.created_at == dt.datetime(2026, 11, 20, 8, 10, 0, 250000)
            assert row.emotions == "[]" and row.sleep_hours is None
            setting = session.get(Setting, "theme")
            assert setting is not None and json.loads(setting.value) == "dark"
    finally:
        target.close()


def test_a_journal_with_entries_is_refused_and_left_alone(db: Database, tmp_path: Path) -> None:
    fill_demo_data(db, 10, today=dt.date(2026, 3, 1))
    out = tmp_path / "export.json"
    export_json(db, out)
    before = export_data(db)
    with pytest.raises(InvalidInputError, match="already holds .* entries, so nothing was"):
        import_json(db, out)
    _same(export_data(db), before)


def test_preferences_alone_dont_make_a_journal_full(db: Database, tmp_path: Path) -> None:
    source = _fresh(tmp_path / "source")
    try:
        fill_demo_data(source, 5, today=dt.date(2026, 3, 1))
        with source.session() as session:
            session.add(Setting(key="theme", value='"dark"'))
        out = tmp_path / "export.json"
        export_json(source, out)
        expected = export_data(source)
    finally:
        source.close()
    with db.session() as session:  # a first start writes preferences of its own
        session.add(Setting(key="theme", value='"light"'))
        session.add(Setting(key="welcome_done", value="true"))
    import_json(db, out)
    _same(export_data(db), expected)  # the export's preferences replace the first start's


def _export_file(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "in.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _minimal(**tables: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "format": "mindful-desktop-export",
        "format_version": 2,
        "schema_revision": "0004_journal",
        "tables": tables,
    }


_GOOD_CHECK_IN = {"id": 1, "local_date": "2026-03-01", "mood": 5, "note": "fine"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "mindful-desktop-export", "tab', "isn't complete JSON"),
        ('{"format": "something-else", "tables": {}}', "isn't a Mindful Desktop export"),
        ("[1, 2, 3]", "isn't a Mindful Desktop export"),
        (
            {"format": "mindful-desktop-export", "format_version": 99, "tables": {}},
            "newer version of Mindful Desktop",
        ),
        (
            {**_minimal(), "schema_revision": "0099_future"},
            "newer version of Mindful Desktop",
        ),
        (_minimal(mystery=[{"a": 1}]), "a table this version doesn't know: mystery"),
        (
            _minimal(check_in=[_GOOD_CHECK_IN, {**_GOOD_CHECK_IN, "id": 2, "mood": 11}]),
            "check_in rows don't fit the journal",
        ),
        (
            _minimal(check_in=[{**_GOOD_CHECK_IN, "local_date": "yesterday"}]),
            "row 1 of check_in has a local_date that can't be read",
        ),
        (
            _minimal(check_in=[{**_GOOD_CHECK_IN, "colour": "blue"}]),
            "a field this version doesn't know: colour",
        ),
        (
            _minimal(check_in=[_GOOD_CHECK_IN, _GOOD_CHECK_IN]),
            "check_in rows don't fit the journal",
        ),
    ],
)
def test_a_bad_file_is_a_sentence_and_imports_nothing(
    db: Database, tmp_path: Path, content: Any, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        import_json(db, _export_file(tmp_path, content))
    assert all(not rows for rows in export_data(db)["tables"].values())


def test_a_missing_or_unreadable_file_is_a_sentence(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="There is no file at"):
        import_json(db, tmp_path / "nowhere.json")
    with pytest.raises(InvalidInputError, match="is a folder"):
        import_json(db, tmp_path)
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0garbage")
    with pytest.raises(InvalidInputError, match="not text"):
        import_json(db, binary)


# --- round trip over generated journals ------------------------------------------------------

# Any text a person could type: every character but lone surrogates (the app replaces those
# before storing, so they can't survive a round trip by design; see test_bad_text.py).
_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
_day = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))
_instant = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2040, 12, 31))
_check_in = st.builds(
    CheckIn,
    created_at=_instant,
    updated_at=_instant,
    local_date=_day,
    mood=st.integers(0, 10),
    note=_text,
    emotions=st.lists(_text, max_size=3).map(json.dumps),
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False),
)
_journal = st.builds(
    JournalEntry,
    title=_text,
    body=_text,
    local_date=_day,
    created_at=_instant,
    updated_at=_instant,
)
_practice = st.builds(
    PracticeSession,
    kind=st.sampled_from(("track", "timer", "recording", "manual")),
    practice_id=st.sampled_from(("body-scan", "timer", "breath")),
    title=_text,
    started_at=_instant,
    local_date=_day,
    minutes=st.floats(0, 600, allow_nan=False),
    completed=st.booleans(),
    note=_text,
    created_at=_instant,
    updated_at=_instant,
)
_json_value = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**9), 10**9) | _text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=6,
)
_settings = st.dictionaries(st.text("abcdefgh_", min_size=1, max_size=12), _json_value, max_size=4)


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """One migrated, empty journal that each generated example copies (migrating is slow)."""
    folder = Path(tempfile.mkdtemp(prefix="mindful-import-"))
    open_database(AppPaths(folder / "template")).close()
    yield folder / "template" / AppPaths(folder / "template").db_path.name
    shutil.rmtree(folder, ignore_errors=True)


def _copy_of(template: Path, folder: Path) -> Database:
    folder.mkdir(parents=True)
    target = AppPaths(folder).db_path
    shutil.copyfile(template, target)
    return Database(target)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    check_ins=st.lists(_check_in, max_size=6),
    entries=st.lists(_journal, max_size=4),
    sessions=st.lists(_practice, max_size=4),
    prefs=_settings,
    version=st.sampled_from((1, 2)),
)
def test_any_journal_survives_export_import_export(
    template: Path,
    check_ins: list[CheckIn],
    entries: list[JournalEntry],
    sessions: list[PracticeSession],
    prefs: dict[str, Any],
    version: int,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = _copy_of(template, root / "source")
        target = _copy_of(template, root / "target")
        try:
            with source.session() as session:
                session.add_all([*check_ins, *entries, *sessions])
                session.add_all(Setting(key=k, value=json.dumps(v)) for k, v in prefs.items())
            first = export_data(source)
            data = first if version == 2 else _as_version_1(first)
            out = root / "export.json"
            out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            import_json(target, out)
            _same(export_data(target), first)
        finally:
            source.close()
            target.close()
