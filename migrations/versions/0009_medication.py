"""Medication (its start, changes and effects noticed), appointments and questions for them;
changes, effects and questions join the journal's search

Revision ID: 0009_medication
Revises: 0008_line_corrections
Create Date: 2026-12-08 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_medication"
down_revision: str | None = "0008_line_corrections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# search_index rowid = id * 8 + kind (see 0004); services/timeline.py INDEX_KINDS says the same.
EVENT_KIND = 6
QUESTION_KIND = 7
NL = "char(10)"
# A change is found by the medication's name, the kind of change, the dose and who agreed it
# (its title column) and by its note (its body, where search excerpts come from); a question by
# its words and what was agreed.
EVENT_TITLE = (
    f"coalesce((SELECT name FROM medication WHERE id = {{r}}.medication_id), '') || {NL} || "
    f"{{r}}.kind || {NL} || {{r}}.dose || {NL} || {{r}}.agreed_with"
)
EVENT_BODY = "{r}.note"
QUESTION_BODY = f"{{r}}.body || {NL} || {{r}}.agreed"
INDEXED = {
    "medication_event": (EVENT_KIND, EVENT_TITLE, EVENT_BODY),
    "appointment_question": (QUESTION_KIND, "''", QUESTION_BODY),
}


def _triggers() -> list[str]:
    sql = []
    for table, (kind, title, body) in INDEXED.items():
        values = f"new.id * 8 + {kind}, {title.format(r='new')}, {body.format(r='new')}"
        insert = f"INSERT INTO search_index (rowid, title, body) VALUES ({values});"
        delete = f"DELETE FROM search_index WHERE rowid = old.id * 8 + {kind};"
        sql += [
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        ]
    # A medication renamed: its changes are found by the new name, not the old one.
    events = "medication_event"
    renamed = EVENT_TITLE.format(r=events).replace(
        f"(SELECT name FROM medication WHERE id = {events}.medication_id)", "new.name"
    )
    sql.append(
        "CREATE TRIGGER medication_au AFTER UPDATE OF name ON medication BEGIN "
        f"DELETE FROM search_index WHERE rowid IN (SELECT id * 8 + {EVENT_KIND} FROM {events} "
        "WHERE medication_id = new.id); "
        f"INSERT INTO search_index (rowid, title, body) SELECT id * 8 + {EVENT_KIND}, "
        f"{renamed}, {EVENT_BODY.format(r=events)} FROM {events} "
        "WHERE medication_id = new.id; END"
    )
    return sql


def upgrade() -> None:
    op.create_table(
        "medication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("schedule", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medication")),
    )
    op.create_table(
        "medication_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("medication_id", sa.Integer(), nullable=True),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("dose", sa.String(length=200), nullable=False),
        sa.Column("agreed_with", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('started', 'changed', 'tapering', 'stopped', 'noticed')",
            name=op.f("ck_medication_event_kind_known"),
        ),
        sa.CheckConstraint(
            "kind = 'noticed' OR medication_id IS NOT NULL",
            name=op.f("ck_medication_event_change_has_medication"),
        ),
        sa.ForeignKeyConstraint(
            ["medication_id"],
            ["medication.id"],
            name=op.f("fk_medication_event_medication_id_medication"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medication_event")),
    )
    with op.batch_alter_table("medication_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_medication_event_medication_id"), ["medication_id"], unique=False
        )
        batch_op.create_index(
            "ix_medication_event_timeline", ["local_date", "created_at"], unique=False
        )
    op.create_table(
        "appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("with_whom", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment")),
    )
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointment_local_date"), ["local_date"], unique=False)
    op.create_table(
        "appointment_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("agreed", sa.Text(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_question")),
    )
    with op.batch_alter_table("appointment_question", schema=None) as batch_op:
        batch_op.create_index(
            "ix_appointment_question_timeline", ["local_date", "created_at"], unique=False
        )
    for statement in _triggers():
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS medication_au")
    for table, (kind, _title, _body) in INDEXED.items():
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
        op.execute(f"DELETE FROM search_index WHERE rowid % 8 = {kind}")
    op.drop_table("appointment_question")
    op.drop_table("appointment")
    op.drop_table("medication_event")
    op.drop_table("medication")
