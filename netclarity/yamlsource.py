"""Read YAML as untrusted input, remembering the line every value came from.

PyYAML's ``safe_load`` forgets positions, but every message about a questionnaire must
point at a line. We compose the node tree (safe tags only), refuse what a questionnaire
never needs and an attacker might use (anchors/aliases, duplicate keys, huge files), and
build plain Python data plus a map from each value's path to its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

MAX_BYTES = 1_000_000
"""A questionnaire is a few dozen kilobytes; anything this big is a mistake or an attack."""


class YamlProblem(Exception):
    """The document cannot be read at all; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


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
    loader: yaml.SafeLoader
    source: SourceMap = field(default_factory=SourceMap)
    duplicates: list[tuple[int, str]] = field(default_factory=list)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.source.lines[path] = node.start_mark.line + 1
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


def _reject_aliases(text: str) -> None:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise YamlProblem(
                mark.line + 1 if mark else 1,
                "anchors and aliases (&name / *name) are not supported; write the value out",
            )


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
        _reject_aliases(text)
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise YamlProblem(1, "the file is empty; expected a questionnaire mapping")
            walker = _Walker(loader)
            value = walker.build(node, ())
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{what} ({exc.context})"
        raise YamlProblem(line, f"YAML syntax: {what}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML syntax: {exc}") from None
    except RecursionError:
        raise YamlProblem(1, "the document is nested too deeply") from None
    return value, walker.source, walker.duplicates
