"""The operator's settings: where the data lives, how long it is kept, how it is reached.

Each setting is read the same way, first found wins:

1. an environment variable (deployments, tests, cron jobs);
2. ``.streamlit/secrets.toml`` in the project root — the key under ``[netclarity]`` or at the
   top level (read with ``tomllib``: this module must not import streamlit);
3. a default.

``database_url``: ``NETCLARITY_DATABASE_URL``, ``database_url``, else
``sqlite:///<project root>/data/netclarity.db`` — zero set-up; ``data/`` is created (owner
only: ``netclarity.store.database`` keeps the files private).

``NETCLARITY_QUESTIONS`` (environment only) points the app at another folder of questionnaires
than ``questions/`` (tests and benchmarks use it).

``retention_days``: ``NETCLARITY_RETENTION_DAYS``, ``retention_days``, else none — answers
are kept until deleted. A whole number of days, at least 1 (``python -m netclarity expire``).

``pool_size``: ``NETCLARITY_POOL_SIZE``, ``pool_size``, else 20 — the most database
connections one app server holds open at once (a whole number, at least 1). Every session
of the server saves through them, one short transaction at a time; a save that finds them
all busy waits its turn. Servers × pool size must stay under PostgreSQL's
``max_connections`` (100 unless the database's host says otherwise).

``postgresql://`` (and ``postgres://``) URLs are pointed at the psycopg 3 driver, the only
PostgreSQL driver installed, so a URL copied from a hosting provider works unchanged.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "NETCLARITY_DATABASE_URL"
RETENTION_ENV_VAR = "NETCLARITY_RETENTION_DAYS"
POOL_SIZE_ENV_VAR = "NETCLARITY_POOL_SIZE"
DEFAULT_POOL_SIZE = 20
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SECRETS_FILE = Path(".streamlit") / "secrets.toml"
DEFAULT_DATABASE = Path("data") / "netclarity.db"
QUESTIONS_ENV_VAR = "NETCLARITY_QUESTIONS"
_PSYCOPG_SCHEMES = ("postgresql://", "postgres://")


class ConfigError(ValueError):
    """The configuration exists but cannot be used (unreadable secrets file, wrong type)."""


def database_url(
    environ: Mapping[str, str] | None = None,
    root: Path = PROJECT_ROOT,
    *,
    prepare: bool = True,
) -> str:
    """The SQLAlchemy URL of the database to use (see the module docstring for the order).

    With ``prepare`` (the app and the commands that write), the default SQLite file's folder
    is created and made private; ``doctor`` passes ``prepare=False`` so that it reports the
    deployment as it finds it instead of repairing it first.
    """
    env = os.environ if environ is None else environ
    configured = env.get(ENV_VAR, "").strip() or _database_url_secret(root / SECRETS_FILE)
    if configured:
        return normalise(configured)
    database = default_database(root)
    if prepare:
        # Only its owner may enter the folder: the database holds every answer in plain text.
        database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        database.parent.chmod(0o700)  # the app's own folder, also when an older release made it
    return f"sqlite:///{database}"


def default_database(root: Path = PROJECT_ROOT) -> Path:
    """The SQLite file used when no database URL is configured."""
    return root / DEFAULT_DATABASE


def questions_dir(environ: Mapping[str, str] | None = None, root: Path = PROJECT_ROOT) -> Path:
    """The folder of questionnaire files: ``questions/``, or ``NETCLARITY_QUESTIONS``."""
    env = os.environ if environ is None else environ
    return Path(env.get(QUESTIONS_ENV_VAR) or root / "questions")


def normalise(url: str) -> str:
    """Use psycopg 3 for plain PostgreSQL URLs; leave every other URL as it is."""
    for scheme in _PSYCOPG_SCHEMES:
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    return url


def retention_days(
    environ: Mapping[str, str] | None = None, root: Path = PROJECT_ROOT
) -> int | None:
    """Days after which finished rounds and closed workshops expire; None: kept until deleted.

    Raises ``ConfigError`` for anything but a whole number of at least 1, so that a typo never
    silently means "keep forever" (or "delete everything").
    """
    return _whole_number(environ, root, RETENTION_ENV_VAR, "retention_days", "days")


def pool_size(environ: Mapping[str, str] | None = None, root: Path = PROJECT_ROOT) -> int:
    """How many database connections one app server may hold open at once.

    Raises ``ConfigError`` for anything but a whole number of at least 1.
    """
    configured = _whole_number(environ, root, POOL_SIZE_ENV_VAR, "pool_size", "connections")
    return DEFAULT_POOL_SIZE if configured is None else configured


def _whole_number(
    environ: Mapping[str, str] | None, root: Path, env_var: str, name: str, unit: str
) -> int | None:
    """A setting that is a whole number of ``unit``, at least 1; None when it is not set."""
    env = os.environ if environ is None else environ
    configured = env.get(env_var, "").strip()
    if configured:
        if not configured.isdigit() or int(configured) < 1:
            raise ConfigError(f"{env_var} must be a whole number of {unit}, at least 1")
        return int(configured)
    path = root / SECRETS_FILE
    value = _secret(path, name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{path}: {name} must be a whole number of {unit}, at least 1")
    return value


def _database_url_secret(path: Path) -> str | None:
    value = _secret(path, "database_url")
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{path}: database_url must be a string")
    return value.strip() or None


def _secret(path: Path, name: str) -> object:
    """``name`` under ``[netclarity]``, else at the top level of the secrets file, else None."""
    if not path.is_file():
        return None
    try:
        secrets = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    section = secrets.get("netclarity")
    value = section.get(name) if isinstance(section, dict) else None
    if value is None:
        value = secrets.get(name)
    return value
