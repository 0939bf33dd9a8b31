"""Whatever is done to a questionnaire file, loading it ends in a valid questionnaire or in
problems that each read ``FILE:LINE: message`` with a real line: never another exception.

Two kinds of damage: to the text (lines deleted, duplicated or re-indented, random bytes,
tabs, non-UTF-8, huge values, alias bombs) and to the structure (keys deleted or renamed,
values replaced by values of other types), written back as YAML.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netclarity.loading import walk
from netclarity.loading.loader import parse
from netclarity.loading.problems import Problem, QuestionnaireError
from netclarity.questionnaire import Questionnaire
from tests.support.every_type import EVERY_TYPE, NAME

ORIGINAL = EVERY_TYPE.read_bytes()
LINES = ORIGINAL.splitlines(keepends=True)
TREE = yaml.safe_load(ORIGINAL)
RENDERED = re.compile(rf"^{re.escape(NAME)}:(\d+): \S[^\n]*$")

FUZZ = settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ODD_TEXT = [
    b"[]", b"{}", b"42", b"-1", b"2.5", b"true", b"null", b"''", b"[a, b]", b"{a: 1}",
    b"!!binary aGVsbG8=", b"!!python/object:os.system x", b"2024-01-01", b".nan", b"1e400",
    b"&anchor x", b"*anchor", b"|\n  block", b"? complex", b"- item", b"\"unclosed", b"%TAG",
    b"\t", b"\x00", b"\xff\xfe", b"\xc3", b"x" * 6000, b"[" * 200, b"{a: " * 60,
]  # fmt: skip
ALIAS_BOMB = b"".join(
    [b'bomb0: &b0 ["x","x","x","x","x","x","x","x","x"]\n']
    + [f"bomb{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]\n".encode() for i in range(1, 9)]
)


def outcome(data: bytes) -> Questionnaire | list[Problem]:
    try:
        return parse(data, NAME)
    except QuestionnaireError as error:
        return error.problems


def assert_loads_or_explains(data: bytes) -> None:
    """The property: a questionnaire, or problems each on a real line of the file."""
    result = outcome(data)
    if isinstance(result, Questionnaire):
        walk.walk(result)  # and a valid questionnaire can always be walked
        return
    assert result, "a QuestionnaireError must list at least one problem"
    last_line = data.count(b"\n") + 1
    for problem in result:
        rendered = re.fullmatch(RENDERED, str(problem))
        assert rendered, f"not FILE:LINE: message: {str(problem)!r}"
        assert 1 <= int(rendered.group(1)) <= last_line, str(problem)


@st.composite
def damaged_text(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        kind = draw(
            st.sampled_from(
                ["delete", "duplicate", "indent", "dedent", "value", "insert", "bytes", "tab"]
            )
        )
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, line)
        elif kind == "indent":
            lines[at] = b" " * draw(st.integers(1, 4)) + line
        elif kind == "dedent":
            lines[at] = line.lstrip(b" ")
        elif kind == "value" and b": " in line:
            key = line.split(b": ", 1)[0]
            lines[at] = key + b": " + draw(st.sampled_from(ODD_TEXT)) + b"\n"
        elif kind == "insert":
            lines.insert(at, draw(st.sampled_from([*ODD_TEXT, ALIAS_BOMB])) + b"\n")
        elif kind == "bytes":
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.binary(min_size=1, max_size=8)) + line[cut:]
        elif kind == "tab":
            lines[at] = b"\t" + line
        if not lines:
            break
    return b"".join(lines)


@FUZZ
@given(damaged_text())
def test_damaged_text_loads_or_is_explained(data: bytes) -> None:
    assert_loads_or_explains(data)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_are_explained(data: bytes) -> None:
    assert_loads_or_explains(data)


@FUZZ
@given(st.sampled_from([0, 10, 5000, 600_000]), st.integers(0, len(LINES) - 1))
def test_huge_values_are_explained(size: int, at: int) -> None:
    key = LINES[at].split(b":", 1)[0]
    data = b"".join([*LINES[:at], key + b": " + b"y" * size + b"\n", *LINES[at + 1 :]])

    assert_loads_or_explains(data)


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["goals", "channels", "friday", "time", "single_choice", "x" * 5001]),
    st.lists(st.one_of(st.integers(), st.text(max_size=4)), max_size=3),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
)


def children(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return list(node)
    if isinstance(node, list):
        return list(range(len(node)))
    return []


@st.composite
def damaged_tree(draw: st.DrawFn) -> bytes:
    tree = copy.deepcopy(TREE)
    for _ in range(draw(st.integers(1, 3))):
        parent: Any = tree
        place = draw(st.sampled_from(children(parent)))
        while children(parent[place]) and draw(st.booleans()):
            parent = parent[place]
            place = draw(st.sampled_from(children(parent)))
        action = draw(st.sampled_from(["delete", "replace", "rename"]))
        if action == "delete":
            del parent[place]
        elif action == "replace":
            parent[place] = draw(ODD_VALUES)
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(place)
        if not children(tree):
            break
    return yaml.safe_dump(tree, sort_keys=False, allow_unicode=True).encode()


@FUZZ
@given(damaged_tree())
def test_damaged_structure_loads_or_is_explained(data: bytes) -> None:
    assert_loads_or_explains(data)
