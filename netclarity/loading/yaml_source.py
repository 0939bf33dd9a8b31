"""Read YAML as untrusted input, remembering the line every value came from.

PyYAML's ``safe_load`` forgets positions, but every message about a questionnaire must
point at a line. We compose the node tree (safe tags only), refuse what a questionnaire
never needs and an attacker might use (anchors/aliases, huge files, deep nesting), note
duplicate keys, and build plain Python data plus a map from each value's path to its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

MAX_BYTES = 500_000
"""A questionnaire is a few dozen kilobytes (the networking one: 25 kB); anything this big
is a mistake or an attack, and pure-Python YAML parsing of it would already take seconds."""

BOOL_TAG = "tag:yaml.org,2002:bool"

PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
"""What plain YAML resolves to; anything else (``!!python/object``, ``!custom``) is refused
by name rather than built as whatever shape it happens to have."""

MAX_DEPTH = 50
"""Nesting of mappings and lists; a questionnaire needs about eight levels."""


class YamlProblem(Exception):
    """The document cannot be read at all; ``line`` is 1-based.

    ``more`` holds further ``(line, message)`` pairs of the same mistake found elsewhere in
    the file, so an author fixes every unquoted ``: `` in one go instead of one per run.
    """

    def __init__(self, line: int, message: str, more: tuple[tuple[int, str], ...] = ()) -> None:
        self.line = line
        self.message = message
        self.more = more
        super().__init__(f"{line}: {message}")

    @property
    def all(self) -> list[tuple[int, str]]:
        """Every ``(line, message)``, in line order."""
        return sorted({(self.line, self.message), *self.more})


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing anchors, aliases and deep nesting as they are read.

    Refusing while reading matters: aliases can make a small file expand exponentially
    (an "alias bomb"), and PyYAML's scanner slows down with the square of the bracket
    depth, so a megabyte of ``[`` would otherwise keep a server busy for hours.

    Only ``true`` and ``false`` are booleans, as in YAML 1.2 (and so in editors using
    yaml-language-server): under PyYAML's YAML 1.1 rules a Likert point or a label
    written ``Yes``, ``No``, ``On`` or ``Off`` would silently become true or false.
    """

    def _refuse_depth(self) -> None:
        if len(self.indents) + self.flow_level >= MAX_DEPTH:
            raise YamlProblem(
                self.get_mark().line + 1,
                f"the file is nested more than {MAX_DEPTH} levels deep; "
                "a questionnaire needs only a few",
            )

    def add_indent(self, column: int) -> bool:
        if column > self.indent:
            self._refuse_depth()
        return super().add_indent(column)

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        self._refuse_depth()
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                event.start_mark.line + 1 if event.start_mark else 1,
                "anchors and aliases (&name / *name) are not supported; write the value out",
            )
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class SourceMap:
    """Line numbers by path, e.g. ``("pages", 0, "questions", 2, "type") -> 41``."""

    lines: dict[Path_, int] = field(default_factory=dict)

    def line_for(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that exists (e.g. for a missing key)."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)


@dataclass
class _Walker:
    loader: _Loader
    source: SourceMap = field(default_factory=SourceMap)
    duplicates: list[tuple[int, str]] = field(default_factory=list)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.source.lines[path] = node.start_mark.line + 1
        if node.tag not in PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(
                node.start_mark.line + 1,
                f"the tag '{tag}' is not allowed: a questionnaire holds only text, numbers, "
                "true/false, lists and mappings",
            )
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlProblem(
                        key_node.start_mark.line + 1, "a mapping key must be plain text"
                    )
                key = self.loader.construct_object(key_node)
                if key in result:
                    self.duplicates.append((key_node.start_mark.line + 1, str(key)))
                key_path = (*path, str(key))
                result[key] = self.build(value_node, key_path)
                self.source.lines[key_path] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node)


UNQUOTED_COLON = "mapping values are not allowed here"
_HINTS = {
    UNQUOTED_COLON: "if a text contains ': ', put it in quotes",
    "<block end>": "check the indentation",
    "could not find expected ':'": "check the indentation and that each key ends with ':'",
}
_KEY = re.compile(r"^(\s*)(?:-\s+)?\w[\w.-]*:(?=\s|$)")
_BLOCK_TEXT = re.compile(r":\s+[|>][-+0-9]*\s*(?:#.*)?$")


def _indented_key(text: str, mark: yaml.Mark) -> bool:
    """Whether the ': ' PyYAML stumbled on ends the first key of its line: that key is indented
    further than the line above, so YAML took it for more of that line's text."""
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    key = _KEY.match(lines[mark.line])
    return key is not None and key.end() - 1 == mark.column


def unquoted_colons(text: str) -> list[int]:
    """The lines whose value is plain (unquoted) text containing ': ' (1-based).

    The lines of block texts (after ``>-`` or ``|``) and of bracketed mappings and lists
    written over several lines are skipped: a colon is fine there.
    """
    found: list[int] = []
    block_indent: int | None = None
    flow = 0  # open brackets of a {mapping} or [list] written over several lines
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" "))
        code = line.split(" #")[0]
        opened = flow
        flow = max(0, flow + sum(map(code.count, "{[")) - sum(map(code.count, "}]")))
        if opened:
            continue
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        key = _KEY.match(line)
        if key is None:
            continue
        value = line[key.end() :].split(" #")[0].strip()
        if _BLOCK_TEXT.search(line.split(" #")[0]):
            block_indent = indent
        elif value and value[0] not in "'\"{[|>&*!" and ": " in f"{value} ":
            found.append(number)
    return found


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """PyYAML's message, with where the broken part started and a hint in plain words."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem:
        return YamlProblem(line, "YAML syntax: a tab character; indent with spaces only")
    if problem == UNQUOTED_COLON and mark is not None:
        if _indented_key(text, mark):
            return YamlProblem(
                line,
                "YAML syntax: this line is indented further than the key above it, so it "
                "reads as more of that key's text; line its key up with the keys beside it",
            )
        message = f"YAML syntax: {problem}; {_HINTS[UNQUOTED_COLON]}"
        more = tuple((n, message) for n in unquoted_colons(text) if n != line)
        return YamlProblem(line, message, more)
    if exc.context:
        start = exc.context_mark.line + 1 if exc.context_mark else line
        problem += f" ({exc.context}" + (f" that starts on line {start})" if start != line else ")")
    hints = [hint for clue, hint in _HINTS.items() if clue in problem]
    return YamlProblem(line, f"YAML syntax: {problem}" + (f"; {hints[0]}" if hints else ""))


def load(data: bytes) -> tuple[Any, SourceMap, list[tuple[int, str]]]:
    """Parse ``data``: returns the value, its source map, and ``(line, key)`` of duplicate keys.

    Raises ``YamlProblem`` for anything that prevents reading the document.
    """
    if len(data) > MAX_BYTES:
        raise YamlProblem(1, f"the file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, "the file is not UTF-8 text; save it as UTF-8") from None
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise YamlProblem(1, "the file is empty; expected a questionnaire mapping")
            walker = _Walker(loader)
            value = walker.build(node, ())
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML syntax: {exc}") from None
    return value, walker.source, walker.duplicates
