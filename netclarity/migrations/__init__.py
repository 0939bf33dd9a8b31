"""Alembic migrations of the store's schema; see ``netclarity.store.migrate`` for how to add one."""
