"""The warm-up after the first page: a screen that draws charts waits for its imports."""

from __future__ import annotations

import threading

import pytest

from netclarity.ui import warmup


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A warm-up not yet started in this process, whose imports are recorded (and whose
    first uses and ``gc.freeze`` are left out: the test process stays as it is)."""
    imported: list[str] = []
    monkeypatch.setattr(warmup, "_started", threading.Event())
    monkeypatch.setattr(warmup, "_imported", threading.Event())
    monkeypatch.setattr(warmup, "_first_uses", lambda: None)
    monkeypatch.setattr(warmup.gc, "freeze", lambda: None)
    return imported


def test_settled_returns_at_once_when_no_warm_up_was_started(fresh: list[str]) -> None:
    warmup.settled()


def test_settled_waits_until_the_warm_up_has_imported_everything(
    fresh: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow_import(name: str) -> None:
        release.wait()
        fresh.append(name)

    monkeypatch.setattr(warmup.importlib, "import_module", slow_import)
    warmup.start()
    waiter = threading.Thread(target=warmup.settled)
    waiter.start()
    waiter.join(timeout=0.5)
    assert waiter.is_alive()  # the imports are held back, so settled() is still waiting
    release.set()
    waiter.join(timeout=30)
    assert not waiter.is_alive()
    assert fresh == list(warmup.HEAVY)


def test_a_failed_import_does_not_leave_screens_waiting(
    fresh: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(warmup.importlib, "import_module", broken)
    started = threading.Event()
    started.set()  # as start() does before its thread runs warm()
    monkeypatch.setattr(warmup, "_started", started)
    with pytest.raises(ImportError):
        warmup.warm()
    warmup.settled()  # returns: nothing is being imported any more
