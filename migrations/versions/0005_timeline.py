"""Timeline indexes; check-in notes join the journal's search

Revision ID: 0005_timeline
Revises: 0004_journal
Create Date: 2026-12-07 08:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_timeline"
down_revision: str | None = "0004_journal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A note "has words" exactly as services/timeline.py asks, so the partial indexes are used.
HAS_WORDS = "trim(note, ' ' || char(9, 10, 13)) != ''"
# Each timeline arm (and each list) walks one of these newest first and stops after a page.
INDEXES = (
    ("ix_journal_entry_timeline", "journal_entry", "local_date, created_at", ""),
    ("ix_worksheet_entry_timeline", "worksheet_entry", "local_date, created_at", ""),
    ("ix_practice_session_noted", "practice_session", "local_date, started_at", HAS_WORDS),
    ("ix_check_in_noted", "check_in", "local_date, created_at", HAS_WORDS),
    # The practice log and the check-in history page the same way.
    ("ix_practice_session_log", "practice_session", "local_date, started_at", ""),
    ("ix_check_in_created_at", "check_in", "created_at", ""),
)
CHECK_IN_KIND = 5  # search_index rowid = id * 8 + kind (see 0004)


def upgrade() -> None:
    for name, table, columns, where in INDEXES:
        op.execute(
            f"CREATE INDEX {name} ON {table} ({columns})" + (f" WHERE {where}" if where else "")
        )
    insert = (
        "INSERT INTO search_index (rowid, title, body) "
        f"VALUES (new.id * 8 + {CHECK_IN_KIND}, '', new.note);"
    )
    delete = f"DELETE FROM search_index WHERE rowid = old.id * 8 + {CHECK_IN_KIND};"
    op.execute(f"CREATE TRIGGER check_in_ai AFTER INSERT ON check_in BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER check_in_ad AFTER DELETE ON check_in BEGIN {delete} END")
    op.execute(
        f"CREATE TRIGGER check_in_au AFTER UPDATE OF note ON check_in BEGIN {delete} {insert} END"
    )
    op.execute(  # the notes written before this version
        "INSERT INTO search_index (rowid, title, body) "
        f"SELECT id * 8 + {CHECK_IN_KIND}, '', note FROM check_in"
    )


def downgrade() -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS check_in_{suffix}")
    op.execute(f"DELETE FROM search_index WHERE rowid % 8 = {CHECK_IN_KIND}")
    for name, _table, _columns, _where in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
