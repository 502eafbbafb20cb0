"""Alembic environment: runs on the app's own connection (config.attributes["connection"])."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from mindful_desktop.db import models  # noqa: F401  (registers the tables)
from mindful_desktop.db.base import Base, is_modelled

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can't ALTER most things; batch mode copies the table.
        compare_type=True,
        # The full-text index is raw SQL (FTS5) with no model; autogenerate must not drop it.
        include_name=lambda name, type_, _parent: type_ != "table" or is_modelled(name),
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Developer use: `alembic -c migrations/alembic.ini -x db=PATH revision --autogenerate -m ...`
    from pathlib import Path

    from mindful_desktop.db.engine import create_db_engine

    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("pass -x db=PATH (a scratch database at the head revision)")
    engine = create_db_engine(Path(db))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


run()
