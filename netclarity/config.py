"""Where the data lives: the database URL, from the environment, the secrets file or a default.

Order, first found wins:

1. the environment variable ``NETCLARITY_DATABASE_URL`` (deployments, tests);
2. ``.streamlit/secrets.toml`` in the project root — ``database_url`` under ``[netclarity]``
   or at the top level (read with ``tomllib``: this module must not import streamlit);
3. ``sqlite:///<project root>/data/netclarity.db`` — zero set-up; ``data/`` is created
   (owner only: ``netclarity.store.database`` keeps the files private).

``postgresql://`` (and ``postgres://``) URLs are pointed at the psycopg 3 driver, the only
PostgreSQL driver installed, so a URL copied from a hosting provider works unchanged.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "NETCLARITY_DATABASE_URL"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SECRETS_FILE = Path(".streamlit") / "secrets.toml"
DEFAULT_DATABASE = Path("data") / "netclarity.db"
_PSYCOPG_SCHEMES = ("postgresql://", "postgres://")


class ConfigError(ValueError):
    """The configuration exists but cannot be used (unreadable secrets file, wrong type)."""


def database_url(environ: Mapping[str, str] | None = None, root: Path = PROJECT_ROOT) -> str:
    """The SQLAlchemy URL of the database to use (see the module docstring for the order)."""
    env = os.environ if environ is None else environ
    configured = env.get(ENV_VAR, "").strip() or _from_secrets(root / SECRETS_FILE)
    if configured:
        return normalise(configured)
    database = root / DEFAULT_DATABASE
    database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    database.parent.chmod(0o700)  # the app's own folder, also when an older release made it
    return f"sqlite:///{database}"


def normalise(url: str) -> str:
    """Use psycopg 3 for plain PostgreSQL URLs; leave every other URL as it is."""
    for scheme in _PSYCOPG_SCHEMES:
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    return url


def _from_secrets(path: Path) -> str | None:
    if not path.is_file():
        return None
    try:
        secrets = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    section = secrets.get("netclarity")
    value = section.get("database_url") if isinstance(section, dict) else None
    if value is None:
        value = secrets.get("database_url")
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{path}: database_url must be a string")
    return value.strip() or None
