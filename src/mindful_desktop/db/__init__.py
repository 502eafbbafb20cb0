"""Persistence: the user's journal in SQLite, via SQLAlchemy 2 and alembic. Qt-free."""
