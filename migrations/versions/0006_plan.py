"""The practice plan: the times a person means to practise

Revision ID: 0006_plan
Revises: 0005_timeline
Create Date: 2026-12-07 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_plan"
down_revision: str | None = "0005_timeline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.String(length=13), nullable=False),
        sa.Column("at", sa.String(length=5), nullable=False),
        sa.Column("practice_id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "minutes >= 1 AND minutes <= 180", name=op.f("ck_plan_slot_plan_minutes_range")
        ),
        sa.CheckConstraint(
            "length(at) = 5 AND substr(at, 3, 1) = ':'", name=op.f("ck_plan_slot_plan_at_hh_mm")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_slot")),
    )


def downgrade() -> None:
    op.drop_table("plan_slot")
