"""Phrase lexicons: entries with brace alternatives ("tax{,es,ed}"), compiled to one regex, with
the YAML helpers that read them. Shared by the tone rules (:mod:`quotes.rules.tone`) and the
frame lexicons (:mod:`quotes.scoring.frames`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.rules.regex_safety import regex_problem
from quotes.rules.yamlfile import RuleError, require

_BRACES = re.compile(r"\{([^{}]*)\}")
_WORD = re.compile(r"\w+")
_NON_WORDS = re.compile(r"(\W+)")


# --- phrase lexicons (shared with framing) ---------------------------------------------------


def expand(entry: str) -> list[str]:
    """Expand brace alternatives: ``"tax{,es,ed}"`` -> ``["tax", "taxes", "taxed"]``."""
    parts = _BRACES.split(entry)
    literals, choices = parts[0::2], [p.split(",") for p in parts[1::2]]
    return ["".join(itertools.chain.from_iterable(itertools.zip_longest(literals, combo, fillvalue="")))
            for combo in itertools.product(*choices)]


def phrase_regex(phrase: str) -> str:
    """A regex for one expanded phrase: whole words, any run of spaces or hyphens between words,
    and a trailing ``*`` for any word ending (``immigra*``)."""
    words = phrase.strip().split()
    pieces = []
    for word in words:
        star = word.endswith("*") and len(word) > 1
        body = re.escape(word[:-1] if star else word).replace(r"\-", r"[\s-]?")
        pieces.append(body + (r"\w*" if star else ""))
    return r"(?<!\w)" + r"[\s-]+".join(pieces) + r"(?!\w)"


@dataclass(frozen=True)
class PhraseEntry:
    """One lexicon entry as written in its file, with what it contributes."""

    source: str  # e.g. "tone/hedges"
    entry: str  # as written, e.g. "suggest{,s,ed}"
    weight: float = 1.0
    note: str = ""
    key: str = ""  # the category it belongs to (a frame id, a negation rule id, ...)


@dataclass(frozen=True)
class PhraseLexicon:
    """Entries compiled for fast matching: single words by dict lookup, multiword phrases by the
    regexes of their first word, and everything else (case-sensitive entries, raw patterns) by one
    alternation whose ``lastgroup`` names the entry."""

    entries: tuple[PhraseEntry, ...]
    single: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)
    first: dict[str, tuple[tuple[re.Pattern[str], int], ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)
    pattern: re.Pattern[str] | None = None
    keys: frozenset[str] = field(default=frozenset(), compare=False, hash=False, repr=False)

    def finditer(self, text: str, start: int = 0,
                 end: int | None = None) -> Iterator[tuple[PhraseEntry, int, int]]:
        """Non-overlapping matches in ``text[start:end]`` as (entry, start, end) in ``text`` offsets;
        at one position the longest match wins, then the earliest."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, int]] = []
        if self.keys:
            segment = text[start:end]
            lowered = segment.lower()
            if len(lowered) != len(segment):  # lower() changed a length: fold case word by word
                lowered = "".join(w.lower() if len(w.lower()) == len(w) else w
                                  for w in _NON_WORDS.split(segment))
            hits = self.keys.intersection(_WORD.findall(lowered))  # usually empty or tiny, found in C
            for token in _WORD.finditer(lowered) if hits else ():
                key = token.group()
                if key not in hits:
                    continue
                t_start = start + token.start()
                index = self.single.get(key)
                if index is not None:
                    found.append((t_start, start + token.end(), index))
                for regex, index in self.first.get(key, ()):
                    match = regex.match(text, t_start, end)
                    if match and match.end() > match.start():
                        found.append((match.start(), match.end(), index))
        if self.pattern is not None:
            for match in self.pattern.finditer(text, start, end):
                if match.end() > match.start():
                    index = int(match.lastgroup[1:].partition("_")[0])  # type: ignore[index]
                    found.append((match.start(), match.end(), index))
        found.sort(key=lambda f: (f[0], f[0] - f[1], f[2]))
        last = -1
        for s, e, index in found:
            if s >= last:
                last = e
                yield self.entries[index], s, e


_PLAIN_WORD = re.compile(r"\w+")
_LEADING_WORD = re.compile(r"(\w+)[\s-]")


def compile_lexicon(items: Sequence[tuple[PhraseEntry, list[str], bool]]) -> PhraseLexicon:
    """Compile (entry, alternatives, case_sensitive) items, where an alternative is an expanded
    phrase (``"phrase:..."``) or a raw regex (``"regex:..."``)."""
    single: dict[str, int] = {}
    first: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    rest: list[tuple[int, str]] = []
    for index, (_, alternatives, case_sensitive) in enumerate(items):
        for alternative in alternatives:
            kind, _, body = alternative.partition(":")
            leading = _LEADING_WORD.match(body) if kind == "phrase" else None
            if kind == "phrase" and not case_sensitive and _PLAIN_WORD.fullmatch(body):
                single.setdefault(body.lower(), index)
            elif leading and not case_sensitive and "*" not in leading.group(1):
                first.setdefault(leading.group(1).lower(), []).append(
                    (re.compile(phrase_regex(body), re.IGNORECASE), index))
            else:
                regex = phrase_regex(body) if kind == "phrase" else body
                rest.append((index, f"(?P<e{index}_{len(rest)}>{regex})" if case_sensitive
                             else f"(?P<e{index}_{len(rest)}>(?i:{regex}))"))
    pattern = re.compile("|".join(r for _, r in rest)) if rest else None
    return PhraseLexicon(tuple(item[0] for item in items), single, {k: tuple(v) for k, v in first.items()},
                         pattern, frozenset(single) | frozenset(first))


def lexicon_items(path: Path, line: int | None, item: dict[str, Any], entry: PhraseEntry,
                  field_name: str = "phrases") -> list[tuple[PhraseEntry, list[str], bool]]:
    """The compiled alternatives of a group's ``phrases`` (and raw ``patterns``), one per entry."""
    case = item.get("case_sensitive", False)
    if not isinstance(case, bool):
        raise RuleError(path, line, "'case_sensitive' must be true or false")
    phrases = item.get(field_name, [])
    patterns = item.get("patterns", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise RuleError(path, line, f"'{field_name}' must be a list of non-empty strings")
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise RuleError(path, line, "'patterns' must be a list of regular expressions")
    if not phrases and not patterns:
        raise RuleError(path, line, f"a group needs '{field_name}' or 'patterns'")
    out = []
    for phrase in phrases:
        if phrase.count("{") != phrase.count("}"):
            raise RuleError(path, line, f"unbalanced braces in {phrase!r}")
        forms = [f for f in expand(phrase) if f.strip()]
        if not forms:
            raise RuleError(path, line, f"{phrase!r} expands to nothing")
        out.append((_replace(entry, phrase), [f"phrase:{f.strip()}" for f in forms], case))
    lines = getattr(patterns, "item_lines", [line] * len(patterns))
    for pattern, pattern_line in zip(patterns, lines, strict=True):
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise RuleError(path, pattern_line, f"bad pattern {pattern!r}: {error}") from None
        if compiled.groups:
            raise RuleError(path, pattern_line, f"pattern {pattern!r} must not capture; use (?:...)")
        if compiled.match(""):
            raise RuleError(path, pattern_line, f"pattern {pattern!r} matches the empty string")
        problem = regex_problem(pattern)
        if problem:  # a pattern that could hang a run on one unlucky sentence
            raise RuleError(path, pattern_line, f"pattern {pattern!r} {problem}")
        out.append((_replace(entry, pattern), [f"regex:{pattern}"], case))
    return out


def _replace(entry: PhraseEntry, text: str) -> PhraseEntry:
    return PhraseEntry(entry.source, text, entry.weight, entry.note, entry.key)


def number(path: Path, line: int | None, item: Any, name: str, default: float | None = None) -> float:
    """A numeric field (int or float, not bool) as float; ``default`` when absent and allowed."""
    if default is not None and isinstance(item, dict) and name not in item:
        return default
    value = require(path, line, item, name, (int, float))
    if not math.isfinite(value):
        raise RuleError(path, line, f"field '{name}' must be finite")
    return float(value)


# --- rules -----------------------------------------------------------------------------------
