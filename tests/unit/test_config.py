"""The database URL comes from the environment, else the secrets file, else a local SQLite file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from netclarity.config import (
    ConfigError,
    database_url,
    normalise,
    pool_size,
    questions_dir,
    retention_days,
)

PG = "postgresql+psycopg://app:secret@db.example.internal:5432/netclarity"


def _secrets(root: Path, text: str) -> None:
    (root / ".streamlit").mkdir()
    (root / ".streamlit" / "secrets.toml").write_text(text, encoding="utf-8")


def test_without_configuration_it_is_an_sqlite_file_under_data(tmp_path: Path) -> None:
    url = database_url({}, root=tmp_path)

    assert url == f"sqlite:///{tmp_path}/data/netclarity.db"
    assert (tmp_path / "data").is_dir()


def test_the_environment_variable_wins_over_the_secrets_file(tmp_path: Path) -> None:
    _secrets(tmp_path, 'database_url = "sqlite:////srv/other.db"\n')

    assert database_url({"NETCLARITY_DATABASE_URL": PG}, root=tmp_path) == PG


def test_an_empty_environment_variable_is_ignored(tmp_path: Path) -> None:
    _secrets(tmp_path, f'database_url = "{PG}"\n')

    assert database_url({"NETCLARITY_DATABASE_URL": "  "}, root=tmp_path) == PG


def test_the_netclarity_section_of_the_secrets_file_is_read(tmp_path: Path) -> None:
    _secrets(tmp_path, f'title = "x"\n\n[netclarity]\ndatabase_url = "{PG}"\n')

    assert database_url({}, root=tmp_path) == PG


def test_a_top_level_database_url_in_the_secrets_file_is_read(tmp_path: Path) -> None:
    _secrets(tmp_path, f'database_url = "{PG}"\n\n[connections.other]\nurl = "ignored"\n')

    assert database_url({}, root=tmp_path) == PG


def test_the_section_wins_over_the_top_level_key(tmp_path: Path) -> None:
    _secrets(
        tmp_path, f'database_url = "sqlite:////srv/x.db"\n[netclarity]\ndatabase_url = "{PG}"\n'
    )

    assert database_url({}, root=tmp_path) == PG


def test_a_secrets_file_without_a_database_url_falls_back_to_sqlite(tmp_path: Path) -> None:
    _secrets(tmp_path, '[netclarity]\nfacilitator_hint = "ask Sam"\n')

    assert database_url({}, root=tmp_path) == f"sqlite:///{tmp_path}/data/netclarity.db"


def test_an_unreadable_secrets_file_is_reported_with_its_path(tmp_path: Path) -> None:
    _secrets(tmp_path, "database_url = \n")

    with pytest.raises(ConfigError, match=r"secrets\.toml: not valid TOML"):
        database_url({}, root=tmp_path)


def test_a_database_url_that_is_not_text_is_reported(tmp_path: Path) -> None:
    _secrets(tmp_path, "database_url = 5432\n")

    with pytest.raises(ConfigError, match="database_url must be a string"):
        database_url({}, root=tmp_path)


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://app@db/netclarity", "postgresql+psycopg://app@db/netclarity"),
        (
            "postgres://app:pw@db:5433/nc?sslmode=require",
            "postgresql+psycopg://app:pw@db:5433/nc?sslmode=require",
        ),
        (PG, PG),
        ("sqlite:////srv/netclarity.db", "sqlite:////srv/netclarity.db"),
    ],
)
def test_plain_postgresql_urls_use_psycopg_3(given: str, used: str) -> None:
    assert normalise(given) == used


def test_an_environment_postgresql_url_is_normalised_too(tmp_path: Path) -> None:
    url = database_url({"NETCLARITY_DATABASE_URL": "postgresql://app@db/nc"}, root=tmp_path)

    assert url == "postgresql+psycopg://app@db/nc"


def test_without_a_retention_setting_answers_are_kept_until_deleted(tmp_path: Path) -> None:
    assert retention_days({}, root=tmp_path) is None


def test_the_retention_period_comes_from_the_environment_first(tmp_path: Path) -> None:
    _secrets(tmp_path, "[netclarity]\nretention_days = 30\n")

    assert retention_days({"NETCLARITY_RETENTION_DAYS": "365"}, root=tmp_path) == 365


def test_the_retention_period_can_be_set_in_the_secrets_file(tmp_path: Path) -> None:
    _secrets(tmp_path, "[netclarity]\nretention_days = 180\n")

    assert retention_days({}, root=tmp_path) == 180


@pytest.mark.parametrize("given", ["0", "-5", "30.5", "a year"])
def test_a_retention_period_that_is_not_a_whole_number_of_days_is_refused(
    tmp_path: Path, given: str
) -> None:
    with pytest.raises(ConfigError, match="NETCLARITY_RETENTION_DAYS must be a whole number"):
        retention_days({"NETCLARITY_RETENTION_DAYS": given}, root=tmp_path)


@pytest.mark.parametrize("given", ["0", '"90"', "true", "1.5"])
def test_a_retention_period_in_the_secrets_file_must_be_a_positive_whole_number(
    tmp_path: Path, given: str
) -> None:
    _secrets(tmp_path, f"retention_days = {given}\n")

    with pytest.raises(ConfigError, match="retention_days must be a whole number of days"):
        retention_days({}, root=tmp_path)


def test_the_default_data_folder_is_created_for_its_owner_only(tmp_path: Path) -> None:
    database_url({}, root=tmp_path)

    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700


def test_the_questionnaires_folder_can_be_moved_with_an_environment_variable(
    tmp_path: Path,
) -> None:
    assert questions_dir({}, root=tmp_path) == tmp_path / "questions"
    assert questions_dir({"NETCLARITY_QUESTIONS": "/srv/q"}, root=tmp_path) == Path("/srv/q")


def test_a_server_holds_at_most_twenty_database_connections_unless_told_otherwise(
    tmp_path: Path,
) -> None:
    assert pool_size({}, root=tmp_path) == 20


def test_the_pool_size_comes_from_the_environment_first(tmp_path: Path) -> None:
    _secrets(tmp_path, "[netclarity]\npool_size = 10\n")

    assert pool_size({"NETCLARITY_POOL_SIZE": "40"}, root=tmp_path) == 40
    assert pool_size({}, root=tmp_path) == 10


@pytest.mark.parametrize("given", ["0", "-1", "2.5", "many"])
def test_a_pool_size_that_is_not_a_whole_number_of_connections_is_refused(
    tmp_path: Path, given: str
) -> None:
    with pytest.raises(ConfigError, match="NETCLARITY_POOL_SIZE must be a whole number of conn"):
        pool_size({"NETCLARITY_POOL_SIZE": given}, root=tmp_path)


def test_a_pool_size_in_the_secrets_file_must_be_a_positive_whole_number(tmp_path: Path) -> None:
    _secrets(tmp_path, 'pool_size = "20"\n')

    with pytest.raises(ConfigError, match="pool_size must be a whole number of connections"):
        pool_size({}, root=tmp_path)
