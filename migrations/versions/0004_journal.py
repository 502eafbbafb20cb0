"""Check-in details, questionnaires, journal with full-text search, crisis contacts

Revision ID: 0004_journal
Revises: 0003_practice
Create Date: 2026-11-23 00:00:52.515080
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_journal"
down_revision: str | None = "0003_practice"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# One full-text index over everything in the journal's timeline. rowid = source id * 8 + kind,
# so each source row has exactly one index row, found and replaced by rowid.
KINDS = {"journal_entry": 1, "reflection": 2, "practice_session": 3, "worksheet_entry": 4}
INDEXED = {
    "journal_entry": ("{r}.title", "{r}.body"),
    "reflection": ("{r}.prompt_text", "{r}.body"),
    "practice_session": ("{r}.title", "{r}.note"),
    # Only the values of the JSON fields, one per line, not the keys and quotes.
    "worksheet_entry": (
        "{r}.worksheet",
        "(SELECT coalesce(group_concat(value, char(10)), '') FROM json_each({r}.fields))",
    ),
}
FTS = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def _triggers() -> list[str]:
    sql = []
    for table, kind in KINDS.items():
        title, body = INDEXED[table]
        new_values = f"new.id * 8 + {kind}, {title.format(r='new')}, {body.format(r='new')}"
        insert = f"INSERT INTO search_index (rowid, title, body) VALUES ({new_values});"
        delete = f"DELETE FROM search_index WHERE rowid = old.id * 8 + {kind};"
        sql += [
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        ]
    return sql


def upgrade() -> None:

    op.create_table(
        "crisis_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crisis_contact")),
    )
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entry")),
    )
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_local_date"), ["local_date"], unique=False
        )

    op.create_table(
        "questionnaire_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=16), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=32), nullable=False),
        sa.Column("extra_answer", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire_result")),
    )
    with op.batch_alter_table("questionnaire_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_questionnaire_result_instrument"), ["instrument"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_questionnaire_result_local_date"), ["local_date"], unique=False
        )

    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.add_column(sa.Column("emotions", sa.Text(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("sleep_hours", sa.Float(), nullable=True))

    op.execute(FTS)
    for statement in _triggers():
        op.execute(statement)
    for table, kind in KINDS.items():  # what was written before this version
        title, body = INDEXED[table]
        op.execute(
            f"INSERT INTO search_index (rowid, title, body) SELECT id * 8 + {kind}, "
            f"{title.format(r=table)}, {body.format(r=table)} FROM {table}"
        )


def downgrade() -> None:
    for table in KINDS:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_index")

    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.drop_column("sleep_hours")
        batch_op.drop_column("emotions")

    with op.batch_alter_table("questionnaire_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questionnaire_result_local_date"))
        batch_op.drop_index(batch_op.f("ix_questionnaire_result_instrument"))

    op.drop_table("questionnaire_result")
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_local_date"))

    op.drop_table("journal_entry")
    op.drop_table("crisis_contact")
