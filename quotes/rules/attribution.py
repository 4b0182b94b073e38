"""The attribution rule table (``rules/attribution.yaml``): each rule's id, prior confidence,
description and priority, read into frozen :class:`AttributionRule` records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quotes.rules.yamlfile import RuleError, entries, read_yaml, require

ATTRIBUTION_FILE = "attribution.yaml"


@dataclass(frozen=True)
class AttributionRule:
    """An attribution rule's id, its prior confidence, what it means and its rank when two
    candidates claim the same content (a lower priority wins)."""

    id: str
    confidence: float
    description: str
    priority: int = 0
    line: int | None = None


def load_attribution_rules(rules_dir: Path) -> tuple[AttributionRule, ...]:
    """The rule table; a RuleError on a bad or repeated entry. Whether it declares exactly the
    rules the code produces is checked where both are known (:mod:`quotes.pipeline.rules`)."""
    path = rules_dir / ATTRIBUTION_FILE
    if not path.is_file():
        raise RuleError(path, None, "missing rule file")
    data = read_yaml(path)
    rules: dict[str, AttributionRule] = {}
    for line, item in entries(path, data, "rules"):
        rule_id = require(path, line, item, "id", str)
        confidence = require(path, line, item, "confidence", (int, float))
        if not 0 <= confidence <= 1:
            raise RuleError(path, line, "'confidence' must be between 0 and 1")
        priority = require(path, line, item, "priority", int)
        if rule_id in rules:
            raise RuleError(path, line, f"rule '{rule_id}' is declared twice")
        description = require(path, line, item, "description", str)
        rules[rule_id] = AttributionRule(rule_id, float(confidence), description, priority, line)
    return tuple(rules.values())
