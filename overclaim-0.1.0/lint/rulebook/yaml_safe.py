"""Safe YAML loading that remembers where every value came from.

Mappings and lists come back as ``MarkedDict`` and ``MarkedList``, which know the line and
column of each of their entries, so errors can name ``file:line:column``. Aliases are refused
(no alias bombs), and only ``true``/``false`` are booleans: ``no``, ``on`` and ``yes`` stay words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, SequenceNode

from lint.data import OverclaimError, excerpt

Position = tuple[int, int]  # 1-based line and column


class MarkedDict(dict):
    """A mapping that knows where it and each of its values start."""

    position: Position = (1, 1)
    positions: dict


class MarkedList(list):
    """A list that knows where it and each of its items start."""

    position: Position = (1, 1)
    positions: list


def _position(node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class MarkedLoader(yaml.SafeLoader):
    """SafeLoader with positions, no aliases, no duplicate keys and YAML 1.2 booleans."""

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)


def _construct_mapping(loader: MarkedLoader, node: MappingNode):
    data = MarkedDict()
    data.position = _position(node)
    data.positions = {}
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.MarkedYAMLError(
                problem="a key must be a plain word or number", problem_mark=key_node.start_mark
            )
        if key in data:
            raise yaml.MarkedYAMLError(
                problem=f"duplicate key {excerpt(key)}", problem_mark=key_node.start_mark
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.positions[key] = _position(value_node)


def _construct_sequence(loader: MarkedLoader, node: SequenceNode):
    data = MarkedList()
    data.position = _position(node)
    data.positions = [_position(n) for n in node.value]
    yield data
    data.extend(loader.construct_object(n, deep=True) for n in node.value)


MarkedLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
MarkedLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
MarkedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(file: Path, text: str | None = None):
    """Parse a YAML file; errors become one-line ``file:line:column: problem`` messages."""
    try:
        if text is None:
            text = file.read_text(encoding="utf-8")
        return yaml.load(text, Loader=MarkedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else str(file)
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise OverclaimError(f"{where}: {problem[:120]}") from None
    except yaml.YAMLError:
        raise OverclaimError(f"{file}: invalid YAML") from None
    except RecursionError:
        raise OverclaimError(f"{file}: nested too deeply") from None
    except UnicodeDecodeError:
        raise OverclaimError(f"{file}: not valid UTF-8") from None
    except OSError as exc:
        raise OverclaimError(f"{file}: cannot read: {exc.strerror or exc}") from None


def locate(data, path: Sequence) -> Position:
    """The position of the value at ``path`` (keys and indexes) inside loaded data."""
    position = getattr(data, "position", (1, 1))
    node = data
    for step in path:
        positions = getattr(node, "positions", None)
        try:
            if positions is not None:
                position = positions[step]
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return position
