"""The reporter's stance through the cue verb (``rules/stance.yaml``): a table of reporting-verb
lemmas, each neutral, endorsing, distancing, ..., loaded into a frozen :class:`StanceRules`.
Looking a cue up in it is :mod:`quotes.scoring.stance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from quotes.rules.yamlfile import RuleError, entries, read_yaml, require

STANCE_FILE = "stance.yaml"


@dataclass(frozen=True)
class StanceRules:
    """Verb lemma -> stance, as sorted pairs and as a lookup table."""

    stances: tuple[tuple[str, str], ...] = ()  # (verb lemma, stance), sorted
    table: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)


def load_stance_rules(rules_dir: Path) -> StanceRules:
    """Read ``rules_dir/stance.yaml``; RuleError on a bad entry or a verb listed twice."""
    stances = _load_stances(Path(rules_dir) / STANCE_FILE)
    return StanceRules(stances, dict(stances))


def _load_stances(path: Path) -> tuple[tuple[str, str], ...]:
    if not path.exists():
        return ()
    table: dict[str, str] = {}
    for line, item in entries(path, read_yaml(path), "stances"):
        stance = require(path, line, item, "stance", str)
        require(path, line, item, "reason", str)
        verbs = require(path, line, item, "verbs", list)
        for verb in verbs:
            if not isinstance(verb, str) or not verb.strip():
                raise RuleError(path, line, "'verbs' must be a list of non-empty strings")
            key = lemma_key(verb)
            if key in table:
                raise RuleError(path, line, f"verb {verb!r} is already {table[key]!r}")
            table[key] = stance
    return tuple(sorted(table.items()))


def lemma_key(lemma: str) -> str:
    """The form verb lemmas are compared in: lower case, single spaces."""
    return " ".join(lemma.casefold().split())
