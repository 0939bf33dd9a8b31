"""The warm-up after the first page: it waits for that run, and screens wait for its imports."""

from __future__ import annotations

import threading

import pytest

from netclarity.ui import warmup


@pytest.fixture
def imports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A warm-up not yet started in this process, whose imports are recorded instead of
    made (its first uses and ``gc.freeze`` left out: the test process stays as it is), and
    which begins as soon as the run that started it is over."""
    made: list[str] = []
    monkeypatch.setattr(warmup, "AFTER_FIRST_PAGE_S", 0)
    monkeypatch.setattr(warmup, "_started", threading.Event())
    monkeypatch.setattr(warmup, "_importing", threading.Lock())
    monkeypatch.setattr(warmup, "_first_uses", lambda: None)
    monkeypatch.setattr(warmup.gc, "freeze", lambda: None)
    monkeypatch.setattr(warmup.importlib, "import_module", made.append)
    return made


def test_the_warm_up_begins_only_once_the_run_that_started_it_is_over(
    imports: list[str],
) -> None:
    started, run_may_end, warmed = threading.Event(), threading.Event(), threading.Event()

    def run() -> None:  # a script run: it starts the warm-up, then draws its page
        warmup.start()
        started.set()
        run_may_end.wait()

    script = threading.Thread(target=run)
    script.start()
    assert started.wait(timeout=30)
    waiting = threading.Thread(target=lambda: (warmup.settled(), warmed.set()))
    assert imports == []  # the page is still being drawn
    run_may_end.set()
    script.join(timeout=30)
    waiting.start()
    waiting.join(timeout=30)
    assert warmed.is_set()
    assert set(imports) == set(warmup.HEAVY)


def test_settled_waits_while_the_warm_up_is_importing(
    imports: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    importing, release = threading.Event(), threading.Event()
    seen_by_screen: list[str] = []

    def slow(name: str) -> None:
        importing.set()
        release.wait()
        imports.append(name)

    monkeypatch.setattr(warmup.importlib, "import_module", slow)
    warmup.start()  # from the main thread: nothing to wait for
    assert importing.wait(timeout=30)
    screen = threading.Thread(target=lambda: (warmup.settled(), seen_by_screen.extend(imports)))
    screen.start()
    screen.join(timeout=0.5)
    assert screen.is_alive()  # held back while pandas and the rest are half imported
    release.set()
    screen.join(timeout=30)
    assert set(warmup.HEAVY) <= set(seen_by_screen)


def test_a_screen_before_any_warm_up_imports_what_it_needs_itself(imports: list[str]) -> None:
    warmup.settled()
    assert imports == list(warmup.HEAVY)
