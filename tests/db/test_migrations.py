"""Migrations: built from the chain, match the models, keep rows, refuse the unknown."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from mindful_desktop.db.base import Base, is_modelled
from mindful_desktop.db.engine import create_db_engine
from mindful_desktop.db.migrate import (
    alembic_config,
    head_revision,
    open_database,
    script_directory,
)
from mindful_desktop.errors import (
    DatabaseCorruptError,
    DatabaseTooNewError,
    NotOurDatabaseError,
)
from mindful_desktop.paths import AppPaths
from tests.db.conftest import open_raw


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _upgrade_to(db_path: Path, revision: str) -> None:
    engine = create_db_engine(db_path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_new_database_is_built_by_the_migration_chain(paths: AppPaths) -> None:
    db = open_database(paths)
    try:
        assert db.revision() == head_revision()
        with db.engine.connect() as conn:
            tables = set(
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            )
        assert set(Base.metadata.tables) <= tables
        assert db.upgraded_from_backup is None  # nothing to back up in a new file
    finally:
        db.close()


def test_models_match_migrations(paths: AppPaths) -> None:
    db = open_database(paths)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={"include_name": lambda n, t, _p: t != "table" or is_modelled(n)},
            )
            diff = compare_metadata(context, Base.metadata)
        assert diff == []
    finally:
        db.close()


def test_every_connection_has_the_house_pragmas(paths: AppPaths) -> None:
    db = open_database(paths)
    try:
        with db.engine.connect() as conn:

            def pragma(name: str) -> object:
                return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert int(pragma("busy_timeout")) >= 5000  # type: ignore[call-overload]
            assert pragma("secure_delete") == 1
    finally:
        db.close()


def test_data_folder_and_files_are_private(paths: AppPaths) -> None:
    db = open_database(paths)
    db.close()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.backups_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.db_path.stat().st_mode) == 0o600


def _revisions_before_head() -> list[str]:
    return [
        rev.revision
        for rev in script_directory().walk_revisions()
        if rev.revision != head_revision()
    ]


@pytest.mark.parametrize("start", _revisions_before_head())
def test_upgrade_keeps_existing_rows_and_backs_up_first(paths: AppPaths, start: str) -> None:
    paths.ensure()
    _upgrade_to(paths.db_path, start)
    raw = open_raw(paths.db_path)
    raw.execute(
        "INSERT INTO check_in (created_at, updated_at, local_date, mood, note) "
        "VALUES ('2026-01-01 08:00:00', '2026-01-01 08:00:00', '2026-01-01', 3, 'héllo 🌧 שלום')"
    )
    raw.commit()
    raw.close()

    db = open_database(paths)
    try:
        assert db.revision() == head_revision()
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT mood, note FROM check_in").all()
        assert [tuple(r) for r in rows] == [(3, "héllo 🌧 שלום")]
    finally:
        db.close()
    backup = db.upgraded_from_backup
    assert backup is not None and backup.parent == paths.backups_dir
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    copy = open_raw(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == start
    assert copy.execute("SELECT note FROM check_in").fetchone()[0] == "héllo 🌧 שלום"
    copy.close()


def test_the_chain_has_an_upgrade_to_test() -> None:
    # The test above must have something to do: the chain starts at 0001 and grows.
    assert len(list(script_directory().walk_revisions())) >= 2


def test_too_new_database_is_refused_and_left_byte_identical(paths: AppPaths) -> None:
    db = open_database(paths)
    db.close()
    raw = open_raw(paths.db_path)
    raw.execute("PRAGMA journal_mode=DELETE")  # fold the WAL so the file alone is the database
    raw.execute("UPDATE alembic_version SET version_num = 'ffffffffffff_from_the_future'")
    raw.commit()
    raw.close()
    before = _sha(paths.db_path)
    listing = sorted(p.name for p in paths.data_dir.iterdir())

    with pytest.raises(DatabaseTooNewError) as info:
        open_database(paths)
    assert "newer version" in info.value.message
    assert _sha(paths.db_path) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == listing
    assert list(paths.backups_dir.iterdir()) == []


def test_corrupt_file_is_refused_and_left_alone(paths: AppPaths) -> None:
    paths.ensure()
    paths.db_path.write_bytes(b"this is not a database, it is a shopping list\n" * 50)
    before = _sha(paths.db_path)
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(paths)
    assert "backups" in info.value.message
    assert _sha(paths.db_path) == before


def test_foreign_sqlite_file_is_refused(paths: AppPaths) -> None:
    paths.ensure()
    raw = open_raw(paths.db_path)
    raw.execute("CREATE TABLE recipes (name TEXT)")
    raw.commit()
    raw.close()
    before = _sha(paths.db_path)
    with pytest.raises(NotOurDatabaseError):
        open_database(paths)
    assert _sha(paths.db_path) == before
