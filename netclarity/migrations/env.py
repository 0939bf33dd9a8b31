"""Alembic environment: migrations run on the connection ``netclarity.store.migrate`` hands in.

There is no ``alembic.ini`` and no URL here on purpose: the store opens the database (with
its SQLite settings and PostgreSQL lock) and runs the upgrade inside its own transaction.
"""

from __future__ import annotations

from alembic import context

from netclarity.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with netclarity.store.migrate, which passes a connection")

# Batch mode lets ALTER-style operations work on SQLite (it copies the table when needed).
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
