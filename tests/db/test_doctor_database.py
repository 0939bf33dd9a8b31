"""``doctor``'s database check on a real database of either kind: reachable and current is
fine, a schema left behind by an older release is a problem, and nothing is changed."""

from __future__ import annotations

from pathlib import Path

from netclarity.operations.doctor import Deployment, Level, database, head_revision
from netclarity.store import Store
from netclarity.store.database import Database
from netclarity.store.migrate import schema_state, upgrade


def check(url: str, root: Path) -> list[tuple[Level, str]]:
    setup = Deployment(root=root, environ={"NETCLARITY_DATABASE_URL": url})
    return [(finding.level, finding.message) for finding in database(setup)]


def test_a_database_at_the_current_schema_is_fine(
    store: Store, database_url: str, tmp_path: Path
) -> None:
    shown = store.database.engine.url.render_as_string(hide_password=True)

    assert check(database_url, tmp_path) == [
        (Level.OK, f"{shown} reachable, schema at revision {head_revision()}, the current one")
    ]


def test_an_older_schema_is_a_problem_and_doctor_does_not_upgrade_it(
    database_url: str, tmp_path: Path
) -> None:
    old = Database.open(database_url)
    upgrade(old, "0001")

    findings = check(database_url, tmp_path)

    assert [level for level, _ in findings] == [Level.PROBLEM]
    assert "schema at revision 0001, older than" in findings[0][1]
    assert old.read(schema_state).current == "0001"
    old.dispose()
