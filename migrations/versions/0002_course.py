"""Course progress, worksheets, reflections, home practice

Revision ID: 0002_course
Revises: 0001_check_ins
Create Date: 2026-11-22 23:29:25.300608
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_course"
down_revision: str | None = "0001_check_ins"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "home_practice_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("lesson_slug", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_practice_mark")),
        sa.UniqueConstraint(
            "local_date", "lesson_slug", "item_id", name=op.f("uq_home_practice_mark_local_date")
        ),
    )
    with op.batch_alter_table("home_practice_mark", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_home_practice_mark_local_date"), ["local_date"], unique=False
        )

    op.create_table(
        "lesson_progress",
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("first_opened_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_lesson_progress")),
    )
    op.create_table(
        "reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_kind", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("prompt_id", sa.String(length=64), nullable=False),
        sa.Column("prompt_text", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection")),
    )
    with op.batch_alter_table("reflection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reflection_source_id"), ["source_id"], unique=False)

    op.create_table(
        "worksheet_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worksheet", sa.String(length=64), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worksheet_entry")),
    )
    with op.batch_alter_table("worksheet_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_worksheet_entry_worksheet"), ["worksheet"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("worksheet_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_worksheet_entry_worksheet"))

    op.drop_table("worksheet_entry")
    with op.batch_alter_table("reflection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reflection_source_id"))

    op.drop_table("reflection")
    op.drop_table("lesson_progress")
    with op.batch_alter_table("home_practice_mark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_home_practice_mark_local_date"))

    op.drop_table("home_practice_mark")
