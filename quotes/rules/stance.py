"""The reporter's stance through the cue verb (``rules/stance.yaml``): a table of reporting-verb
lemmas, each neutral, endorsing, distancing, ..., and the senses of a verb that take another
stance in context ("called for" is directive, "called it a turning point" neutral), loaded into a
frozen :class:`StanceRules`. Looking a cue up in it is :mod:`quotes.scoring.stance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.rules.yamlfile import RuleError, entries, read_yaml, require

STANCE_FILE = "stance.yaml"


@dataclass(frozen=True)
class StanceSense:
    """A sense of a reporting verb with its own stance, told by a word the verb governs or that
    follows it ("called for" is a demand, "called it a turning point" a description)."""

    verbs: tuple[str, ...]  # lemma keys
    stance: str
    words: frozenset[str]  # any one of them beside the verb selects the sense
    reason: str
    next_only: bool = False  # the word must come right after the verb ("called for", not "called X ... for")


@dataclass(frozen=True)
class StanceRules:
    """Verb lemma -> stance, as sorted pairs and as a lookup table, and the senses in context."""

    stances: tuple[tuple[str, str], ...] = ()  # (verb lemma, stance), sorted
    senses: tuple[StanceSense, ...] = ()
    table: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)


def load_stance_rules(rules_dir: Path) -> StanceRules:
    """Read ``rules_dir/stance.yaml``; RuleError on a bad entry or a verb listed twice."""
    stances, senses = _load_stances(Path(rules_dir) / STANCE_FILE)
    return StanceRules(stances, senses, dict(stances))


def _load_stances(path: Path) -> tuple[tuple[tuple[str, str], ...], tuple[StanceSense, ...]]:
    """The verb table (``stances``: each verb once) and the context senses (``senses``)."""
    if not path.exists():
        return (), ()
    data = read_yaml(path)
    table: dict[str, str] = {}
    for line, item in entries(path, data, "stances"):
        stance = require(path, line, item, "stance", str)
        require(path, line, item, "reason", str)
        for key in _verb_keys(path, line, item):
            if key in table:
                raise RuleError(path, line, f"verb {key!r} is already {table[key]!r}")
            table[key] = stance
    senses = []
    for line, item in entries(path, data, "senses") if "senses" in data else ():
        stance = require(path, line, item, "stance", str)
        reason = require(path, line, item, "reason", str)
        verbs = _verb_keys(path, line, item)
        unknown = [v for v in verbs if v not in table]
        if unknown:
            raise RuleError(path, line, f"sense of {unknown[0]!r}, a verb the stances table lacks")
        words = require(path, line, item, "words", list)
        if not words or not all(isinstance(w, str) and w.strip() and " " not in w.strip() for w in words):
            raise RuleError(path, line, "'words' must be a list of single words")
        next_only = item.get("next", False)
        if not isinstance(next_only, bool):
            raise RuleError(path, line, "'next' must be true or false")
        senses.append(StanceSense(verbs, stance, frozenset(w.strip().casefold() for w in words), reason,
                                  next_only))
    return tuple(sorted(table.items())), tuple(senses)


def _verb_keys(path: Path, line: int | None, item: Any) -> tuple[str, ...]:
    verbs = require(path, line, item, "verbs", list)
    if not verbs or not all(isinstance(v, str) and v.strip() for v in verbs):
        raise RuleError(path, line, "'verbs' must be a list of non-empty strings")
    return tuple(lemma_key(v) for v in verbs)


def lemma_key(lemma: str) -> str:
    """The form verb lemmas are compared in: lower case, single spaces."""
    return " ".join(lemma.casefold().split())
