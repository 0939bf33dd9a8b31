"""``doctor`` passes a sound deployment and names each thing that is wrong with a broken one.

Every test builds a deployment in a temporary folder — the app's questionnaire, its
``.streamlit/config.toml``, a database made by the store — and breaks one thing.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from netclarity.operations import doctor
from netclarity.operations.doctor import Deployment, Diagnosis, Level, examine
from netclarity.report.fonts import CJK, TEXT, Face
from netclarity.store import Store
from netclarity.store.database import Database
from netclarity.store.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A deployment as the README's single-server section leaves it, after the first visit."""
    app = tmp_path / "app"
    (app / "questions").mkdir(parents=True)
    shutil.copy(ROOT / "questions" / "networking_clarity.yaml", app / "questions")
    (app / ".streamlit").mkdir()
    shutil.copy(ROOT / ".streamlit" / "config.toml", app / ".streamlit")
    (app / "data").mkdir(mode=0o700)
    Store.open(f"sqlite:///{app / 'data' / 'netclarity.db'}").close()
    return app


def deployment(root: Path, **environ: str) -> Deployment:
    return Deployment(root=root, environ=environ, streamlit_home=root / "no-home")


def found(deployment: Deployment, level: Level = Level.PROBLEM) -> list[str]:
    """The messages at ``level``, each as ``topic: message``."""
    return [f"{f.topic}: {f.message}" for f in examine(deployment) if f.level is level]


def _secrets(root: Path, text: str, mode: int = 0o600) -> Path:
    path = root / ".streamlit" / "secrets.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_a_sound_deployment_has_no_problems(root: Path) -> None:
    assert found(deployment(root)) == []


def test_the_default_sqlite_file_is_a_warning_about_hosts_that_forget_their_disk(
    root: Path,
) -> None:
    assert found(deployment(root), Level.WARNING) == [
        f"database: answers go to the default SQLite file {root}/data/netclarity.db: right "
        "for one server whose disk is kept; on Streamlit Community Cloud or in a container "
        "the file is lost on every restart, so set database_url to a hosted PostgreSQL"
    ]


def test_a_configured_database_is_no_warning(root: Path, tmp_path: Path) -> None:
    Store.open(f"sqlite:///{root / 'data' / 'other.db'}").close()

    setup = deployment(root, NETCLARITY_DATABASE_URL=f"sqlite:///{root / 'data' / 'other.db'}")

    assert found(setup, Level.WARNING) == []


def test_a_retention_period_that_is_not_a_number_of_days_is_a_problem(root: Path) -> None:
    assert found(deployment(root, NETCLARITY_RETENTION_DAYS="forever")) == [
        "settings: NETCLARITY_RETENTION_DAYS must be a whole number of days, at least 1"
    ]


def test_a_pool_size_that_is_not_a_number_of_connections_is_a_problem(root: Path) -> None:
    assert found(deployment(root, NETCLARITY_POOL_SIZE="lots")) == [
        "settings: NETCLARITY_POOL_SIZE must be a whole number of connections, at least 1"
    ]


def test_a_database_that_cannot_be_reached_is_a_problem(root: Path) -> None:
    setup = deployment(root, NETCLARITY_DATABASE_URL="postgresql://app:pw@127.0.0.1:1/nc")

    problems = found(setup)

    assert len(problems) == 1
    assert problems[0].startswith(
        "database: cannot reach postgresql+psycopg://app:***@127.0.0.1:1/nc: "
    )


def test_a_database_at_an_older_schema_is_a_problem(root: Path) -> None:
    url = f"sqlite:///{root / 'data' / 'old.db'}"
    old = Database.open(url)
    upgrade(old, "0002")
    old.dispose()

    problems = found(deployment(root, NETCLARITY_DATABASE_URL=url))

    assert problems == [
        f"database: {url} reachable, schema at revision 0002, older than "
        f"{doctor.head_revision()}: starting the app (or restoring) upgrades it"
    ]


def test_a_database_written_by_a_newer_release_is_a_problem(root: Path) -> None:
    with sqlite3.connect(root / "data" / "netclarity.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()

    assert found(deployment(root)) == [
        f"database: sqlite:///{root}/data/netclarity.db reachable, schema at revision 9999, "
        f"written by a newer release of the app (this one knows up to "
        f"{doctor.head_revision()}): run that release"
    ]


def test_a_damaged_database_file_is_a_problem(root: Path) -> None:
    (root / "data" / "netclarity.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)

    problems = found(deployment(root))

    assert len(problems) == 1
    assert problems[0].startswith(f"database: cannot reach sqlite:///{root}/data/netclarity.db")


def test_a_database_other_users_can_read_is_a_problem(root: Path) -> None:
    (root / "data").chmod(0o755)
    (root / "data" / "netclarity.db").chmod(0o644)

    assert found(deployment(root)) == [
        f"files: other users on this machine can read the answers in "
        f"{root}/data/netclarity.db: chmod 700 {root}/data (or chmod 600 each file)"
    ]


def test_an_open_folder_with_private_files_is_fine(root: Path) -> None:
    (root / "data").chmod(0o755)
    (root / "data" / "netclarity.db").chmod(0o600)

    assert found(deployment(root)) == []


def test_a_database_folder_everyone_can_write_to_is_a_problem(root: Path) -> None:
    (root / "data").chmod(0o777)
    (root / "data" / "netclarity.db").chmod(0o600)

    assert found(deployment(root)) == [
        f"files: every user on this machine can write to {root}/data: chmod 700 {root}/data"
    ]


def test_a_missing_font_is_a_problem_that_names_its_package(root: Path, tmp_path: Path) -> None:
    missing = Face("cjk", "fonts-wqy-microhei", {"": tmp_path / "wqy-microhei.ttc"})
    setup = Deployment(root=root, environ={}, fonts=(TEXT, missing))

    assert found(setup) == [
        "fonts: no fonts for Chinese, Japanese and Korean in PDF summaries: "
        "apt-get install fonts-wqy-microhei"
    ]
    assert CJK.package == missing.package


def test_a_questionnaire_that_does_not_load_is_a_problem_with_its_line(root: Path) -> None:
    broken = root / "questions" / "broken.yaml"
    broken.write_text("id: broken\nversion: 1\ntitle: Broken\npages: []\n", encoding="utf-8")

    assert found(deployment(root)) == [
        f"questionnaires: {broken}:4: pages: should list at least 1 item(s), not 0"
    ]


def test_no_questionnaire_at_all_is_a_problem(root: Path) -> None:
    (root / "questions" / "networking_clarity.yaml").unlink()

    assert found(deployment(root)) == [f"questionnaires: none loads from {root}/questions"]


def test_a_secrets_file_every_user_can_read_is_a_problem(root: Path) -> None:
    path = _secrets(root, "[netclarity]\nretention_days = 30\n", mode=0o644)

    assert found(deployment(root)) == [
        f"secrets: every user on this machine can read {path}: chmod 600 {path}"
    ]


def test_a_private_secrets_file_is_fine(root: Path) -> None:
    _secrets(root, "[netclarity]\nretention_days = 30\n")

    assert found(deployment(root)) == []


def test_xsrf_protection_turned_off_in_the_project_config_is_a_problem(root: Path) -> None:
    config = root / ".streamlit" / "config.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "enableXsrfProtection = true", "enableXsrfProtection = false"
        ),
        encoding="utf-8",
    )

    assert found(deployment(root)) == [
        f"xsrf: XSRF protection is off ({config}): set server.enableXsrfProtection = true"
    ]


def test_xsrf_protection_turned_off_in_the_environment_is_a_problem(root: Path) -> None:
    setup = deployment(root, STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION="false")

    assert found(setup) == [
        "xsrf: XSRF protection is off (STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION): "
        "set server.enableXsrfProtection = true"
    ]


def test_the_project_config_wins_over_the_users_global_one(root: Path, tmp_path: Path) -> None:
    home = tmp_path / "home" / ".streamlit"
    home.mkdir(parents=True)
    (home / "config.toml").write_text("[server]\nenableXsrfProtection = false\n")

    setup = Deployment(root=root, environ={}, streamlit_home=home)

    assert found(setup) == []


def test_the_command_prints_every_finding_and_exits_1_on_a_problem(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        doctor,
        "examine",
        lambda _: [
            Diagnosis(Level.OK, "fonts", "the PDF has fonts for every script"),
            Diagnosis(Level.PROBLEM, "xsrf", "XSRF protection is off (x): set it"),
        ],
    )
    from netclarity.commands.cli import main

    status = main(["doctor"])

    assert status == 1
    output = capsys.readouterr()
    assert output.out == (
        "ok       fonts: the PDF has fonts for every script\n"
        "problem  xsrf: XSRF protection is off (x): set it\n"
    )
    assert output.err == "doctor: 1 problem to fix\n"


def test_before_the_first_visit_the_default_data_folder_may_be_missing(tmp_path: Path) -> None:
    """The app creates it (owner only) for the first person; a folder named in the settings
    is the operator's to create."""
    app = tmp_path / "fresh"
    (app / "questions").mkdir(parents=True)
    shutil.copy(ROOT / "questions" / "networking_clarity.yaml", app / "questions")

    assert found(deployment(app)) == []
    missing = app / "elsewhere" / "answers.db"
    assert found(deployment(app, NETCLARITY_DATABASE_URL=f"sqlite:///{missing}")) == [
        f"files: {missing.parent} does not exist: mkdir -m 700 {missing.parent}"
    ]
