"""Whatever people type is stored byte-for-byte; text the databases cannot hold is refused alike."""

from __future__ import annotations

import pytest

from netclarity.response import Plan
from netclarity.store import InvalidValue, Store

DIGEST = "e5" * 32
HOSTILE = {
    "long": "Give first" * 10_000,  # 100,000 characters
    "markup": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "formula": '=HYPERLINK("http://example.invalid","click")',
    "rtl": "شبكة العلاقات \u202eabc\u202c עברית",
    "zero_width": "a\u200bb\u200cc\u200dd\ufeffe\u2060",
    "emoji": "🤝🏽 👩‍👩‍👧‍👦 🇬🇧 ✔︎",
    "control": "tab\tnew\nline\rbell\x07esc\x1b del\x7f",
    "nul": "before\x00after",
    "lone_surrogate": "half \ud83d pair",
    "quotes": "\\\"'`; DROP TABLE answers; --",
    "cjk": "人脈づくり 네트워킹",
    "whitespace": "  \u00a0leading and trailing\u3000  ",
}


def test_hostile_text_answers_come_back_byte_for_byte(store: Store) -> None:
    assert len(HOSTILE["long"]) == 100_000
    token, _ = store.start("networking_clarity", 1, DIGEST)

    store.save_answers(token, HOSTILE)
    store.save_answer(token, "nested", {"rows": list(HOSTILE.values()), HOSTILE["emoji"]: 1})

    loaded = store.load(token)
    assert loaded is not None
    assert {key: loaded.answers[key] for key in HOSTILE} == HOSTILE
    assert loaded.answers["nested"] == {"rows": list(HOSTILE.values()), HOSTILE["emoji"]: 1}


def test_hostile_text_in_the_plan_comes_back_exactly(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)
    plan = Plan(give=HOSTILE["nul"] + HOSTILE["rtl"] + HOSTILE["emoji"] + HOSTILE["formula"])

    store.save_answer(token, "plan", plan)

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.plan == plan


def test_names_in_any_script_are_stored_exactly(store: Store) -> None:
    name = "Zoë O'Brien-Nakamura 中村 محمد 🎉"

    token, _ = store.start("networking_clarity", 1, DIGEST, name=name)

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.name == name


@pytest.mark.parametrize(
    ("name", "problem"),
    [("Ada\x00", "NUL character"), ("Ada \udc00", "unpaired surrogate"), ("A" * 201, "longer")],
)
def test_a_name_no_database_can_hold_is_refused(store: Store, name: str, problem: str) -> None:
    with pytest.raises(InvalidValue, match=problem):
        store.start("networking_clarity", 1, DIGEST, name=name)


def test_a_page_id_with_nul_is_refused_and_nothing_changes(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    with pytest.raises(InvalidValue, match="page contains a NUL character"):
        store.set_page(token, "time\x00")

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.page is None


def test_values_that_are_not_json_are_refused(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    with pytest.raises(InvalidValue, match="'hours' is not storable as JSON"):
        store.save_answer(token, "hours", {"paid_events": float("inf")})
    with pytest.raises(InvalidValue, match="'channels' is not storable as JSON"):
        store.save_answer(token, "channels", {"paid_events", "linkedin"})
