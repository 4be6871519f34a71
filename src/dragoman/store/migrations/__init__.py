"""Alembic migrations of the knowledge base, run by `dragoman.store.db.migrate`."""
