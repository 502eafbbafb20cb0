"""The FTS5 index follows every journal source through inserts, edits, deletes and upgrades."""

from __future__ import annotations

import json

from alembic import command

from mindful_desktop.db.database import Database
from mindful_desktop.db.engine import create_db_engine
from mindful_desktop.db.migrate import alembic_config, open_database
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.search import decode_rowid
from tests.db.conftest import open_raw


def _hits(db: Database, query: str) -> list[tuple[int, int]]:
    """(kind number, id) of each row the words find."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid", (query,)
        ).all()
    return [decode_rowid(r[0]) for r in rows]


def test_journal_entries_are_indexed_edited_and_removed(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO journal_entry (id, title, body, local_date, created_at, updated_at) "
            "VALUES (3, 'Morning', 'The café was quiet 🌧 שלום', '2026-01-01', '2026-01-01', "
            "'2026-01-01')"
        )
    assert _hits(db, "cafe") == [(1, 3)]  # diacritics folded
    assert _hits(db, "שלום") == [(1, 3)]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE journal_entry SET body = 'A loud bus' WHERE id = 3")
    assert _hits(db, "cafe") == [] and _hits(db, "bus") == [(1, 3)]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM journal_entry WHERE id = 3")
    assert _hits(db, "bus") == []


def test_worksheet_values_are_indexed_but_not_json_keys(db: Database) -> None:
    fields = json.dumps({"event": "Soup with Jo", "body": "warm hands"})
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO worksheet_entry (id, worksheet, local_date, fields, created_at, "
            "updated_at) VALUES (1, 'pleasant-events', '2026-01-01', ?, '2026-01-01', "
            "'2026-01-01')",
            (fields,),
        )
    assert _hits(db, "soup") == [(4, 1)] and _hits(db, "warm") == [(4, 1)]
    assert _hits(db, "event") == []


def test_upgrade_indexes_what_was_written_before(paths: AppPaths) -> None:
    paths.ensure()
    engine = create_db_engine(paths.db_path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003_practice")
    engine.dispose()
    raw = open_raw(paths.db_path)
    raw.execute(
        "INSERT INTO reflection (id, source_kind, source_id, prompt_id, prompt_text, body, "
        "created_at, updated_at) VALUES (5, 'lesson', 'week-1', 'p', 'What did you notice?', "
        "'The raisin was wrinkled', '2026-01-01', '2026-01-01')"
    )
    raw.commit()
    raw.close()
    db = open_database(paths)
    try:
        assert _hits(db, "wrinkled") == [(2, 5)]
    finally:
        db.close()


def test_upgrade_indexes_check_in_notes_written_before(paths: AppPaths) -> None:
    paths.ensure()
    engine = create_db_engine(paths.db_path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004_journal")
    engine.dispose()
    raw = open_raw(paths.db_path)
    raw.execute(
        "INSERT INTO check_in (id, created_at, updated_at, local_date, mood, note, emotions) "
        "VALUES (7, '2026-01-01', '2026-01-01', '2026-01-01', 4, 'Slept badly, walked anyway', "
        "'[]')"
    )
    raw.commit()
    raw.close()
    db = open_database(paths)
    try:
        assert _hits(db, "walked") == [(5, 7)]
        with db.engine.begin() as conn:  # and the triggers follow it from now on
            conn.exec_driver_sql("UPDATE check_in SET mood = 5 WHERE id = 7")
            assert _hits(db, "walked") == [(5, 7)]
            conn.exec_driver_sql("UPDATE check_in SET note = 'Rested' WHERE id = 7")
        assert _hits(db, "walked") == [] and _hits(db, "rested") == [(5, 7)]
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM check_in WHERE id = 7")
        assert _hits(db, "rested") == []
    finally:
        db.close()


def test_medication_notes_and_questions_follow_their_rows_and_the_name(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO medication (id, name, schedule, created_at, updated_at) "
            "VALUES (2, 'Lithium', '', '2026-01-01', '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO medication_event (id, medication_id, local_date, kind, dose, "
            "agreed_with, note, created_at, updated_at) VALUES (4, 2, '2026-01-02', "
            "'tapering', '400 mg', 'Dr Ng', 'Thirsty less often', '2026-01-02', '2026-01-02')"
        )
        conn.exec_driver_sql(
            "INSERT INTO appointment_question (id, body, agreed, local_date, created_at, "
            "updated_at) VALUES (3, 'Blood test when?', 'In March', '2026-01-03', "
            "'2026-01-03', '2026-01-03')"
        )
    event, question = (6, 4), (7, 3)
    assert _hits(db, "lithium") == _hits(db, "thirsty") == _hits(db, "tapering") == [event]
    assert _hits(db, "ng") == _hits(db, "400") == [event]
    assert _hits(db, "blood") == _hits(db, "march") == [question]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE medication SET name = 'Priadel' WHERE id = 2")
        conn.exec_driver_sql("UPDATE appointment_question SET agreed = 'April' WHERE id = 3")
    assert _hits(db, "lithium") == [] and _hits(db, "priadel") == [event]
    assert _hits(db, "march") == [] and _hits(db, "april") == [question]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM medication_event")
        conn.exec_driver_sql("DELETE FROM appointment_question")
    assert _hits(db, "priadel") == [] and _hits(db, "april") == []
