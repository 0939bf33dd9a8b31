"""A server's requests take the pool's connections first come, first served (``places``)."""

from __future__ import annotations

import threading

import pytest

from netclarity.store.places import NoPlace, Places


def _queue_up(places: Places, name: str, served: list[str]) -> threading.Thread:
    """Start a request and return once it waits behind the ones started before it."""

    def request() -> None:
        with places.place(timeout=60):
            served.append(name)

    queued = places.waiting
    thread = threading.Thread(target=request)
    thread.start()
    while places.waiting == queued:
        threading.Event().wait(0.001)
    return thread


def test_as_many_requests_as_places_go_ahead_and_the_next_one_waits() -> None:
    places = Places(2)
    served: list[str] = []

    with places.place(timeout=1), places.place(timeout=1):
        third = _queue_up(places, "anna", served)
        assert (served, places.waiting) == ([], 1)
    third.join()

    assert served == ["anna"]


def test_requests_that_wait_get_places_in_the_order_they_asked() -> None:
    places = Places(1)
    served: list[str] = []

    with places.place(timeout=1):
        waiting = [_queue_up(places, name, served) for name in ("anna", "ben", "chloé", "dev")]
        assert served == []
    for thread in waiting:
        thread.join()

    assert served == ["anna", "ben", "chloé", "dev"]
    assert places.waiting == 0


def test_a_request_that_waits_too_long_gives_up_and_leaves_the_queue() -> None:
    places = Places(1)
    served: list[str] = []

    with places.place(timeout=1):
        with (
            pytest.raises(NoPlace, match=r"no place came free in 0\.05 s"),
            places.place(timeout=0.05),
        ):
            served.append("never")
        assert places.waiting == 0
        late = _queue_up(places, "ben", served)
    late.join()

    assert served == ["ben"]


def test_a_place_comes_back_when_its_block_raises() -> None:
    places = Places(1)

    with pytest.raises(RuntimeError), places.place(timeout=1):
        raise RuntimeError("the transaction failed")

    with places.place(timeout=0.05):  # free again, or this would raise NoPlace
        pass
