"""Practice log and imported recordings

Revision ID: 0003_practice
Revises: 0002_course
Create Date: 2026-11-22 23:40:10.897103
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_practice"
down_revision: str | None = "0002_course"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "practice_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("practice_id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('track', 'timer', 'recording', 'manual')",
            name=op.f("ck_practice_session_kind_known"),
        ),
        sa.CheckConstraint(
            "minutes >= 0 AND minutes <= 1440", name=op.f("ck_practice_session_minutes_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_session")),
    )
    with op.batch_alter_table("practice_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_practice_session_local_date"), ["local_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_practice_session_practice_id"), ["practice_id"], unique=False
        )

    op.create_table(
        "recording",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.Column("source_name", sa.String(length=300), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording")),
    )


def downgrade() -> None:

    op.drop_table("recording")
    with op.batch_alter_table("practice_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_session_practice_id"))
        batch_op.drop_index(batch_op.f("ix_practice_session_local_date"))

    op.drop_table("practice_session")
