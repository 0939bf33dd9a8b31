"""The SQLite database holds every answer in plain text: only its owner may read it."""

from __future__ import annotations

import stat
from pathlib import Path

from netclarity import config
from netclarity.store import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_files_are_private_in_a_private_folder(
    tmp_path: Path,
) -> None:
    store = Store.open(config.database_url(environ={}, root=tmp_path))
    store.start("networking_clarity", 1, "digest")

    folder = tmp_path / "data"
    files = {p.name: mode(p) for p in folder.iterdir()}
    store.close()

    assert files == {"netclarity.db": 0o600, "netclarity.db-wal": 0o600, "netclarity.db-shm": 0o600}
    assert mode(folder) == 0o700


def test_files_left_readable_by_an_older_release_are_tightened(tmp_path: Path) -> None:
    database = tmp_path / "netclarity.db"
    Store.open(f"sqlite:///{database}").close()
    for path in (database, Path(f"{database}-wal")):
        path.touch()
        path.chmod(0o644)

    store = Store.open(f"sqlite:///{database}")
    modes = (mode(database), mode(Path(f"{database}-wal")))
    store.close()

    assert modes == (0o600, 0o600)


def test_the_default_data_folder_is_the_owners_only(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir(mode=0o755)

    config.database_url(environ={}, root=tmp_path)

    assert mode(tmp_path / "data") == 0o700
