"""Two app servers on one PostgreSQL behind HAProxy, set up as README says; one is killed.

Participants (most of them on phones) join through the balancer and get half-way; then the
server the facilitator and some participants are on is killed with SIGKILL. Its
participants carry on in the same tab on the other server and finish, every answer of
everyone is in the database, and the facilitator's dashboard carries on on the other server
(its address holds a sign-in grant, never the key) and counts everyone. The balancer's request
log, in README's format, holds no key and no resume token.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from netclarity.ui.reconnecting import TICK_SECONDS
from tests.browser.conftest import DESKTOP, PHONE
from tests.support.haproxy import Balancer
from tests.support.participant import create_workshop, finish, join_and_start
from tests.support.postgres import PostgresServer, start_or_skip
from tests.support.respondent import TIMEOUT, Respondent
from tests.support.server import AppServer

pytestmark = pytest.mark.postgres

PARTICIPANTS = 4
VIEWPORTS = [PHONE, PHONE, PHONE, DESKTOP]
SAVED = {"goals_clear", "goal_weights", "hours", "motive", "outcomes", "physical_networking_poll"}


@pytest.fixture
def database() -> Iterator[PostgresServer]:
    server = start_or_skip()
    yield server
    server.remove()


@pytest.fixture
def cluster(
    database: PostgresServer, tmp_path: Path
) -> Iterator[tuple[Balancer, dict[str, AppServer], str]]:
    """HAProxy over two `streamlit run` processes sharing one new database."""
    url = database.create_database(f"balanced_{uuid.uuid4().hex}")
    servers = {"app1": AppServer(url), "app2": AppServer(url)}
    balancer = Balancer(list(servers.values()), tmp_path)
    try:
        for server in servers.values():
            server.start()
        balancer.start()
        yield balancer, servers, url
    finally:
        balancer.stop()
        for server in servers.values():
            server.stop()


def server_of(page: Page) -> str:
    """Which server the balancer's cookie keeps this browser on."""
    return next(c["value"] for c in page.context.cookies() if c["name"] == "NCSERVER")


def back_on_another_server(person: Respondent, doomed: str) -> None:
    """Wait until the tab has reconnected through the balancer to a server still alive."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while server_of(person.page) == doomed and time.monotonic() < deadline:
        person.page.wait_for_timeout(200)
    expect(person.page.locator(".st-key-reconnect-probe input")).to_be_enabled(timeout=TIMEOUT)
    # The new server runs the page at the next tick; a person reading the notice takes longer.
    person.page.wait_for_timeout((TICK_SECONDS + 1) * 1000)
    person.wait_idle()


def test_a_killed_server_behind_the_balancer_loses_no_one_and_nothing(
    browser: Any, cluster: tuple[Balancer, dict[str, AppServer], str]
) -> None:
    balancer, servers, url = cluster
    facilitator = browser.new_context(viewport=DESKTOP).new_page()
    link = create_workshop(facilitator, balancer.url, "Behind the balancer", threshold=2)
    code, key = (parse_qs(urlsplit(link).query)[name][0] for name in ("workshop", "key"))
    facilitator.goto(link)  # the facilitator link, key and all, through the balancer
    completed = facilitator.get_by_test_id("stMetric").filter(has_text="Completed")
    expect(completed).to_contain_text("0", timeout=TIMEOUT)

    people = []
    for viewport in VIEWPORTS:
        page = browser.new_context(viewport=viewport).new_page()
        page.goto(f"{balancer.url}/?join={code}")
        person = Respondent(page)
        join_and_start(person)
        person.wait_idle()
        people.append(person)
    doomed = server_of(facilitator)
    moved = [p for p in people if server_of(p.page) == doomed]
    assert moved, "round robin put no participant on the facilitator's server"

    servers[doomed].stop(kill=True)  # SIGKILL to its process id
    for person in moved:
        back_on_another_server(person, doomed)
    for person in people:
        finish(person, poll="sellers")

    expect(completed).to_contain_text(str(PARTICIPANTS), timeout=TIMEOUT)
    assert server_of(facilitator) != doomed
    assert "key=" not in facilitator.url
    assert all(server_of(p.page) != doomed for p in moved)
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        saved = conn.execute(
            sa.text(
                "SELECT r.id, r.completed_at IS NOT NULL, a.key FROM rounds r"
                " JOIN respondents p ON p.id = r.respondent_id"
                " JOIN workshops w ON w.id = p.workshop_id"
                " LEFT JOIN answers a ON a.round_id = r.id WHERE w.code = :code"
            ),
            {"code": code},
        ).all()
    engine.dispose()
    rounds: dict[int, set[str]] = {}
    for round_id, done, answer_key in saved:
        assert done
        rounds.setdefault(round_id, set()).add(answer_key)
    assert len(rounds) == PARTICIPANTS
    assert all(keys >= SAVED for keys in rounds.values())
    tokens = [parse_qs(urlsplit(p.page.url).query)["resume"][0] for p in people]
    tokens.append(parse_qs(urlsplit(facilitator.url).query)["grant"][0])
    for page in (facilitator, *(p.page for p in people)):
        page.context.close()
    logged = balancer.log.read_text()
    assert '"GET /_stcore/stream HTTP/1.1"' in logged
    assert "?" not in logged
    assert not [secret for secret in (key, *tokens) if secret in logged]
