"""A person's correction of a bundled crisis line: the contact that replaces it

Revision ID: 0008_line_corrections
Revises: 0007_practice_mood
Create Date: 2026-12-07 16:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008_line_corrections"
down_revision: str | None = "0007_practice_mood"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The key of the bundled line (domain/crisis_lines.py) this contact stands in for; empty
    # for a person's own contact. Kept by key, not by number, so an app update that changes
    # the bundled number still shows the person's version in its place.
    op.execute("ALTER TABLE crisis_contact ADD COLUMN replaces VARCHAR(40) NOT NULL DEFAULT ''")


def downgrade() -> None:
    op.execute("ALTER TABLE crisis_contact DROP COLUMN replaces")
