"""Safe YAML reading that remembers line numbers, so a bad rule says ``file:line: reason``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from quotes.records.errors import RuleError as RuleError  # re-exported: the rule loaders raise it
from quotes.rules.schema import check_keys


class LineDict(dict):
    """A mapping read from YAML that knows the (1-based) line it started on, and each key's."""

    line: int | None = None
    key_lines: dict[Any, int]


class LineList(list):
    """A sequence read from YAML that knows the line of each item."""

    line: int | None = None
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences carry line numbers."""


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml's parser (8x faster on the bundled rules); its error messages are
    terser, so a file it refuses is read again by :class:`_LineLoader` for the message."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "mapping keys must be plain scalars", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _load(text: str) -> Any:
    """``text`` parsed by libyaml; a text it refuses is read again by the pure-Python parser, whose
    error message is fuller."""
    try:
        return yaml.load(text, Loader=_FastLineLoader)
    except yaml.YAMLError:
        return yaml.load(text, Loader=_LineLoader)


def read_yaml(path: str | Path) -> Any:
    """Parse ``path`` safely; mappings become LineDict and sequences LineList. A rule file is then
    checked against its schema (:mod:`quotes.rules.schema`): every key must be one it may hold.

    Raises:
        RuleError: the file is unreadable or not valid YAML (with the line of the fault), or holds
            a key its schema does not know (with that key's line and the nearest known key).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(path, None, f"cannot read: {error}") from None
    try:
        data = _load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise RuleError(path, line, f"invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise RuleError(path, None, f"invalid YAML: {error}") from None
    check_keys(Path(path), data)
    return data


def line_of(value: Any, default: int | None = None) -> int | None:
    """The line a YAML value started on, when known."""
    return getattr(value, "line", None) or default


def entries(path: str | Path, data: Any, key: str = "entries") -> list[tuple[int | None, Any]]:
    """The items of the list ``data[key]`` with their lines; a RuleError if it is not a list."""
    if not isinstance(data, dict):
        raise RuleError(path, line_of(data, 1), "expected a mapping at the top of the file")
    items = data.get(key)
    if not isinstance(items, list):
        raise RuleError(path, line_of(data, 1), f"expected a list under '{key}'")
    lines = getattr(items, "item_lines", [None] * len(items))
    return list(zip(lines, items, strict=True))


def require(path: str | Path, line: int | None, item: Any, field: str, kind: type | tuple) -> Any:
    """``item[field]`` if it exists and has the right type, else a RuleError naming the line."""
    if not isinstance(item, dict):
        raise RuleError(path, line, "expected a mapping")
    if field not in item:
        raise RuleError(path, line, f"missing field '{field}'")
    value = item[field]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float, (int, float))):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise RuleError(path, line, f"field '{field}' must be {names}, not {type(value).__name__}")
    return value


def word_list(path: Path, line: int | None, item: Any, field: str) -> list[str]:
    """``item[field]``: a list of non-empty strings, stripped and lower-cased."""
    value = require(path, line, item, field, list)
    if not all(isinstance(word, str) and word.strip() for word in value):
        raise RuleError(path, line_of(value, line), f"'{field}' must be a list of non-empty strings")
    return [word.strip().lower() for word in value]


def label_list(path: Path, line: int | None, item: Any, field: str) -> list[str]:
    """A list of labels kept as written (entity types such as ``PERSON``)."""
    value = require(path, line, item, field, list)
    if not all(isinstance(word, str) and word.strip() for word in value):
        raise RuleError(path, line_of(value, line), f"'{field}' must be a list of non-empty strings")
    return [word.strip() for word in value]
