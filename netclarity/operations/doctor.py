"""Is this deployment sound? The checks behind ``python -m netclarity doctor``.

Each check looks at one thing an operator gets wrong in practice and says what to do about
it; none of them changes anything (the database is only read, never created or
upgraded). A *problem* stops people's answers being saved, read or
protected and makes the command exit 1; a *warning* is something to decide on knowingly.

The checks read the same settings the app reads (``netclarity.config``) and Streamlit's
configuration the way Streamlit layers it: ``~/.streamlit/config.toml``, then the project's
``.streamlit/config.toml``, then ``STREAMLIT_*`` environment variables. Options passed on
the ``streamlit run`` command line are not visible from here.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from netclarity import config
from netclarity.store.migrate import SchemaState, schema_state

if TYPE_CHECKING:  # the fonts module loads fontTools: imported only when the check runs
    from netclarity.report.fonts import Face

_XSRF_ENV_VAR = "STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION"
_SCRIPTS = {
    "sans": "Latin, Greek and Cyrillic",
    "arabic": "Arabic",
    "hebrew": "Hebrew",
    "dejavu": "symbols",
    "cjk": "Chinese, Japanese and Korean",
    "emoji": "emoji",
}
_OTHERS = stat.S_IRWXO
_CONNECT_TIMEOUT_S = 5


class Level(Enum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Diagnosis:
    level: Level
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.level.value:<8} {self.topic}: {self.message}"


@dataclass(frozen=True)
class Deployment:
    """Where to look: the app's folder, its environment, fonts and Streamlit's global config."""

    root: Path = config.PROJECT_ROOT
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    fonts: tuple[Face, ...] | None = None
    """``netclarity.report.fonts.Face``s to look for; None: every font the PDF uses."""
    streamlit_home: Path = field(default_factory=lambda: Path.home() / ".streamlit")


Check = Callable[[Deployment], list[Diagnosis]]


def examine(deployment: Deployment) -> list[Diagnosis]:
    """Every check's findings, in the order an operator fixes things."""
    return [finding for check in CHECKS for finding in check(deployment)]


def head_revision() -> str:
    """The schema revision this release brings a database to."""
    return SchemaState.of(None).head


def problems(findings: Iterable[Diagnosis]) -> int:
    return sum(finding.level is Level.PROBLEM for finding in findings)


# -- the checks --------------------------------------------------------------------------------


def settings(deployment: Deployment) -> list[Diagnosis]:
    """The secrets file parses; the retention period and pool size, if set, are numbers."""
    try:
        config.database_url(deployment.environ, deployment.root, prepare=False)
        config.pool_size(deployment.environ, deployment.root)
        days = config.retention_days(deployment.environ, deployment.root)
    except config.ConfigError as error:
        return [Diagnosis(Level.PROBLEM, "settings", str(error))]
    if days is None:
        kept = "no retention period: answers are kept until people delete them"
    else:
        kept = (
            f"retention period {days} days: finished rounds and closed workshops are deleted "
            "when `python -m netclarity expire` runs (schedule it, see the README)"
        )
    return [Diagnosis(Level.OK, "settings", kept)]


def database(deployment: Deployment) -> list[Diagnosis]:
    """The database answers and its schema is the one this release expects."""
    try:
        url = config.database_url(deployment.environ, deployment.root, prepare=False)
    except config.ConfigError:
        return []  # reported by ``settings``
    parsed = sa.make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    findings = []
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if path == config.default_database(deployment.root):
            findings.append(
                Diagnosis(
                    Level.WARNING,
                    "database",
                    f"answers go to the default SQLite file {path}: right for one server "
                    "whose disk is kept; on Streamlit Community Cloud or in a container the "
                    "file is lost on every restart, so set database_url to a hosted PostgreSQL",
                )
            )
        if not path.is_file():
            return [
                *findings,
                Diagnosis(
                    Level.OK,
                    "database",
                    f"{path} does not exist yet: the app creates it for the first person",
                ),
            ]
        # mode=rw: never creates a file; read-only would leave -wal and -shm files behind
        engine = sa.create_engine(f"sqlite:///file:{path}?mode=rw&uri=true")
    elif parsed.get_backend_name() == "postgresql":
        engine = sa.create_engine(parsed, connect_args={"connect_timeout": _CONNECT_TIMEOUT_S})
    else:
        return [Diagnosis(Level.PROBLEM, "database", f"{shown}: use SQLite or PostgreSQL")]
    try:
        with engine.connect() as conn:
            state = schema_state(conn)
            if conn.dialect.name == "sqlite":
                checked = conn.exec_driver_sql("PRAGMA quick_check").scalar_one()
                if checked != "ok":
                    return [
                        *findings,
                        Diagnosis(Level.PROBLEM, "database", f"{shown}: damaged: {checked}"),
                    ]
    except sa.exc.DBAPIError as error:
        return [
            *findings,
            Diagnosis(Level.PROBLEM, "database", f"cannot reach {shown}: {error.orig}"),
        ]
    finally:
        engine.dispose()
    level = Level.OK if state.current is None or state.up_to_date else Level.PROBLEM
    return [*findings, Diagnosis(level, "database", f"{shown} reachable, {state.describe()}")]


def database_files(deployment: Deployment) -> list[Diagnosis]:
    """An SQLite database and its folder: writable by the app, unreadable by other users."""
    try:
        parsed = sa.make_url(
            config.database_url(deployment.environ, deployment.root, prepare=False)
        )
    except config.ConfigError:
        return []
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return []
    path = Path(parsed.database)
    folder = path.parent
    if not folder.is_dir():
        if path == config.default_database(deployment.root):  # the app makes it, owner only
            return [
                Diagnosis(
                    Level.OK,
                    "files",
                    f"{folder} does not exist yet: the app creates it, for its user only",
                )
            ]
        return [
            Diagnosis(Level.PROBLEM, "files", f"{folder} does not exist: mkdir -m 700 {folder}")
        ]
    found = []
    if not os.access(folder, os.W_OK | os.X_OK) or (
        path.exists() and not os.access(path, os.R_OK | os.W_OK)
    ):
        found.append(
            Diagnosis(
                Level.PROBLEM,
                "files",
                f"this user cannot write {path} and its folder (SQLite adds files next to it): "
                "run doctor as the app's user, or chown the folder to it",
            )
        )
    folder_mode = stat.S_IMODE(folder.stat().st_mode)
    if folder_mode & stat.S_IWOTH:
        found.append(
            Diagnosis(
                Level.PROBLEM,
                "files",
                f"every user on this machine can write to {folder}: chmod 700 {folder}",
            )
        )
    if folder_mode & _OTHERS == 0:
        if not found:
            found.append(Diagnosis(Level.OK, "files", f"only its owner can open {folder}"))
        return found
    exposed = [
        file
        for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
        if file.exists() and stat.S_IMODE(file.stat().st_mode) & _OTHERS
    ]
    if exposed:
        names = " ".join(str(file) for file in exposed)
        found.append(
            Diagnosis(
                Level.PROBLEM,
                "files",
                f"other users on this machine can read the answers in {names}: "
                f"chmod 700 {folder} (or chmod 600 each file)",
            )
        )
    elif not found:
        found.append(Diagnosis(Level.OK, "files", f"other users cannot read {path}"))
    return found


def fonts(deployment: Deployment) -> list[Diagnosis]:
    """Every font the PDF falls back on is installed, so a name in any script prints."""
    from netclarity.report import fonts as pdf_fonts

    faces = pdf_fonts.FACES if deployment.fonts is None else deployment.fonts
    missing: dict[str, list[str]] = {}
    for face in faces:
        if not all(path.is_file() for path in face.files.values()):
            missing.setdefault(face.package, []).append(_SCRIPTS.get(face.family, face.family))
    if not missing:
        return [Diagnosis(Level.OK, "fonts", "the PDF has fonts for every script")]
    return [
        Diagnosis(
            Level.PROBLEM,
            "fonts",
            f"no fonts for {', '.join(scripts)} in PDF summaries: apt-get install {package}",
        )
        for package, scripts in sorted(missing.items())
    ]


def questionnaires(deployment: Deployment) -> list[Diagnosis]:
    """Every questionnaire file loads; people see only the ones that do."""
    from netclarity.loading.loader import load_directory

    folder = config.questions_dir(deployment.environ, deployment.root)
    catalogue = load_directory(folder)
    found = [
        Diagnosis(Level.PROBLEM, "questionnaires", str(problem))
        for error in catalogue.errors
        for problem in error.problems
    ]
    if not catalogue.loaded:
        found.append(Diagnosis(Level.PROBLEM, "questionnaires", f"none loads from {folder}"))
    elif not found:
        names = ", ".join(sorted(catalogue.loaded))
        found.append(Diagnosis(Level.OK, "questionnaires", f"{names} load without problems"))
    return found


def secrets_file(deployment: Deployment) -> list[Diagnosis]:
    """The secrets file (a database password) is not readable by every user."""
    path = deployment.root / config.SECRETS_FILE
    if not path.is_file():
        return [Diagnosis(Level.OK, "secrets", f"no {config.SECRETS_FILE} (nothing to protect)")]
    if stat.S_IMODE(path.stat().st_mode) & stat.S_IROTH:
        return [
            Diagnosis(
                Level.PROBLEM,
                "secrets",
                f"every user on this machine can read {path}: chmod 600 {path}",
            )
        ]
    return [Diagnosis(Level.OK, "secrets", f"{path} is not readable by other users")]


def xsrf(deployment: Deployment) -> list[Diagnosis]:
    """Streamlit's XSRF protection is on (it guards the answers-file upload)."""
    enabled, source = True, "Streamlit's default"
    for path in (
        deployment.streamlit_home / "config.toml",
        deployment.root / ".streamlit/config.toml",
    ):
        if not path.is_file():
            continue
        try:
            server = tomllib.loads(path.read_text(encoding="utf-8")).get("server", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            return [Diagnosis(Level.PROBLEM, "xsrf", f"{path}: not valid TOML: {error}")]
        if isinstance(server, dict) and "enableXsrfProtection" in server:
            enabled, source = server["enableXsrfProtection"] is not False, str(path)
    configured = deployment.environ.get(_XSRF_ENV_VAR)
    if configured is not None:
        enabled, source = configured.strip().lower() != "false", _XSRF_ENV_VAR
    if not enabled:
        return [
            Diagnosis(
                Level.PROBLEM,
                "xsrf",
                f"XSRF protection is off ({source}): set server.enableXsrfProtection = true",
            )
        ]
    return [Diagnosis(Level.OK, "xsrf", f"XSRF protection is on ({source})")]


CHECKS: tuple[Check, ...] = (
    settings,
    database,
    database_files,
    fonts,
    questionnaires,
    secrets_file,
    xsrf,
)
