"""The rules the pipeline runs on: the rules folder read (:mod:`quotes.rules.ruleset`) and held
against the code that reads it. The attribution table must declare exactly the rule ids the
attribution modules produce, each way, so a rule the code drops or a misspelt id in
``rules/attribution.yaml`` fails at load with ``file:line: reason``."""

from __future__ import annotations

from pathlib import Path

from quotes.attribution import RULE_IDS
from quotes.rules.attribution import ATTRIBUTION_FILE
from quotes.rules.ruleset import RuleSet, read_rules
from quotes.rules.yamlfile import RuleError


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Read the rules folder (the bundled one by default) and check it against the code."""
    rules = read_rules(directory)
    check_rule_table(rules)
    return rules


def check_rule_table(rules: RuleSet) -> None:
    """A RuleError when ``rules/attribution.yaml`` and the attribution code disagree either way."""
    path = rules.directory / ATTRIBUTION_FILE
    table = rules.cues.attribution_rules
    for rule in table:
        if rule.id not in RULE_IDS:
            raise RuleError(path, rule.line, f"rule '{rule.id}' is produced by no attribution rule module")
    missing = sorted(RULE_IDS - {rule.id for rule in table})
    if missing:
        first = table[0].line if table else None
        raise RuleError(path, first, f"rule(s) produced by the code but not declared: {', '.join(missing)}")
