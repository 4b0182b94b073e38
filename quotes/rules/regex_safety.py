"""Regular expressions from rule files that could hang a run are refused when the rules load.

Python's ``re`` backtracks, and a match cannot be interrupted once it runs, so the danger is
caught before any text is read, in two ways:

* by shape: a quantifier nested in another (``(?:a+)+``, ``(\\w+\\s?)*``) where either repeats
  without bound, and alternatives under an unbounded quantifier that can begin with the same
  character (``(?:\\w|\\d)+``), are refused; a possessive quantifier (``a++``) or an atomic group
  (``(?>...)``), which never backtrack, are the way to write such a pattern safely;
* by trial: the pattern is run on growing strings built from its own characters, each ending in
  one it cannot match (the input that makes backtracking explode); a search that takes more than
  :data:`PROBE_SECONDS` is refused. The strings grow two characters at a time, so even an
  exponential pattern is stopped within a few times that budget.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

try:
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

PROBE_SECONDS = 0.05
"""The longest one trial search may take."""
PROBE_LENGTHS = (*range(2, 26, 2), 28, 32, 40, 48, 64, 80)
"""Trial lengths: two at a time while an exponential pattern would blow up, then wider steps."""
PROBE_UNITS = 24
"""At most this many strings are repeated: the pattern's characters, then pairs of them."""
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)
_SAFE = (getattr(_c, "POSSESSIVE_REPEAT", None), getattr(_c, "ATOMIC_GROUP", None))
_SAMPLES = {"CATEGORY_DIGIT": "1", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "a", "CATEGORY_NOT_DIGIT": "a",
            "CATEGORY_NOT_SPACE": "a", "CATEGORY_NOT_WORD": " "}  # fmt: skip


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` could run for an unbounded time (None when it is safe by both tests); the
    pattern must compile."""
    parsed = _parser.parse(pattern)
    for problem in (_nested(parsed, outer=None), _ambiguous(parsed)):
        if problem:
            return problem + "; write it with a possessive quantifier (a++) or an atomic group (?>...)"
    return _probe(re.compile(pattern), _samples(parsed))


def _children(node: Any) -> Iterator[Any]:
    """The sub-patterns directly under one parsed node (op, argument)."""
    op, argument = node
    if op in _REPEATS or op in _SAFE:
        yield argument[-1] if op in _REPEATS or op == _SAFE[0] else argument
    elif op == _c.SUBPATTERN:
        yield argument[-1]
    elif op == _c.BRANCH:
        yield from argument[1]
    elif op in (_c.ASSERT, _c.ASSERT_NOT):
        yield argument[1]
    elif op == _c.GROUPREF_EXISTS:
        yield from (part for part in argument[1:] if part is not None)


def _unbounded(node: Any) -> bool:
    return node[1][1] == _c.MAXREPEAT


def _nested(pattern: Any, outer: bool | None) -> str | None:
    """A repeating quantifier inside another, either without bound. ``outer``: None outside any
    repeat, False inside a bounded one, True inside an unbounded one."""
    for node in pattern:
        op = node[0]
        if op in _SAFE and op is not None:
            continue  # possessive and atomic: no backtracking into them
        if op in _REPEATS and node[1][1] > 1:
            if outer is not None and (outer or _unbounded(node)):
                return "nests a quantifier inside another (catastrophic backtracking)"
            inner = _unbounded(node) if outer is None else outer or _unbounded(node)
            for child in _children(node):
                problem = _nested(child, inner)
                if problem:
                    return problem
            continue
        for child in _children(node):
            problem = _nested(child, outer)
            if problem:
                return problem
    return None


def _ambiguous(pattern: Any, repeated: bool = False) -> str | None:
    """Alternatives under an unbounded quantifier that can begin with the same character."""
    for node in pattern:
        op = node[0]
        if op in _SAFE and op is not None:
            continue
        if op == _c.BRANCH and repeated:
            starts = [_first(alternative) for alternative in node[1][1] if alternative]
            for i, one in enumerate(starts):
                for other in starts[i + 1 :]:
                    if one is None or other is None or one & other:
                        return "has alternatives that can match the same text under a quantifier"
        inside = repeated or (op in _REPEATS and _unbounded(node))
        for child in _children(node):
            problem = _ambiguous(child, inside)
            if problem:
                return problem
    return None


def _first(alternative: Any) -> set[str] | None:
    """The characters an alternative can begin with (None: too many to tell, any)."""
    op, argument = alternative[0]
    if op == _c.LITERAL:
        return {chr(argument).lower()}
    if op == _c.SUBPATTERN:
        return _first(argument[-1]) if argument[-1] else None
    if op == _c.IN and all(kind == _c.LITERAL for kind, _ in argument):
        return {chr(value).lower() for _, value in argument}
    return None


def _samples(pattern: Any) -> list[str]:
    """Characters to build trial strings from: the pattern's own literals and class samples."""
    found = {"a", "1", " "}
    stack = [pattern]
    while stack:
        for node in stack.pop():
            op, argument = node
            if op == _c.LITERAL:
                found.add(chr(argument))
            elif op == _c.IN:
                for kind, value in argument:
                    if kind == _c.LITERAL:
                        found.add(chr(value))
                    elif kind == _c.CATEGORY:
                        found.add(_SAMPLES.get(str(value), "a"))
                    elif kind == _c.RANGE:
                        found.add(chr(value[0]))
            stack.extend(_children(node))
    return sorted(found)


def _probe(compiled: re.Pattern[str], samples: list[str]) -> str | None:
    """Run ``compiled`` on growing strings of each sample (and of each pair), each ending in a
    character it does not expect; the reason if one search takes longer than PROBE_SECONDS."""
    units = samples + [a + b for a in samples for b in samples if a < b]
    for unit in units[:PROBE_UNITS]:
        for length in PROBE_LENGTHS:
            text = unit * (length // len(unit)) + "\x00"
            start = time.perf_counter()
            compiled.search(text)
            if time.perf_counter() - start > PROBE_SECONDS:
                return (f"took over {PROBE_SECONDS:g} s on {len(text)} characters ({unit!r} repeated): "
                        "its time grows too fast with the text")  # fmt: skip
    return None
