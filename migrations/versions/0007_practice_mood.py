"""Mood before and after a practice (optional, 0-10)

Revision ID: 0007_practice_mood
Revises: 0006_plan
Create Date: 2026-12-07 14:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_practice_mood"
down_revision: str | None = "0006_plan"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("mood_before", "mood_after")


def upgrade() -> None:
    # ADD COLUMN, not a batch copy of the table: the copy would drop practice_session's search
    # triggers (migration 0004). SQLite checks the CHECK on every later insert and update.
    for column in COLUMNS:
        op.execute(
            f"ALTER TABLE practice_session ADD COLUMN {column} INTEGER "
            f"CONSTRAINT ck_practice_session_{column}_range "
            f"CHECK ({column} IS NULL OR ({column} >= 0 AND {column} <= 10))"
        )


def downgrade() -> None:
    for column in COLUMNS:
        op.execute(f"ALTER TABLE practice_session DROP COLUMN {column}")
