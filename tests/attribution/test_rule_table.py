"""rules/attribution.yaml must declare exactly the rule ids the attribution modules produce."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quotes.attribution import RULE_IDS
from quotes.pipeline.rules import load_rules
from quotes.rules.ruleset import default_rules_dir
from quotes.rules.yamlfile import RuleError


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_the_bundled_table_matches_the_code() -> None:
    table = load_rules().cues.attribution_rules
    assert {rule.id for rule in table} == RULE_IDS
    assert "split-quote" not in RULE_IDS  # a split quotation is one record (cue-quote-after)


def test_a_rule_no_module_produces_fails_with_its_line(rules_copy: Path) -> None:
    table = rules_copy / "attribution.yaml"
    _edit(
        table,
        "  - {id: unattributed,",
        "  - {id: split-quote, priority: 0, confidence: 0.8, description: x}\n  - {id: unattributed,",
    )
    with pytest.raises(RuleError) as error:
        load_rules(rules_copy)
    line = _line_of(table, "split-quote")
    assert re.fullmatch(
        rf".*attribution\.yaml:{line}: rule 'split-quote' is produced by no .*", str(error.value)
    )


def test_a_produced_rule_missing_from_the_file_fails(rules_copy: Path) -> None:
    table = rules_copy / "attribution.yaml"
    text = table.read_text(encoding="utf-8")
    table.write_text("\n".join(line for line in text.splitlines() if "id: dash-quote" not in line) + "\n")
    with pytest.raises(RuleError, match=r"attribution\.yaml:\d+: .*not declared: dash-quote"):
        load_rules(rules_copy)


def test_every_rule_needs_a_priority(rules_copy: Path) -> None:
    table = rules_copy / "attribution.yaml"
    _edit(table, "{id: colon-quote, priority: 2,", "{id: colon-quote,")
    line = _line_of(table, "id: colon-quote")
    with pytest.raises(RuleError, match=rf"attribution\.yaml:{line}: missing field 'priority'"):
        load_rules(rules_copy)


def test_word_lists_are_validated(rules_copy: Path) -> None:
    _edit(rules_copy / "cues.yaml", "speaker_pronouns: [he, she, they]", "speaker_pronoun: [he, she, they]")
    with pytest.raises(RuleError, match=r"cues\.yaml:\d+: words: unknown list\(s\): speaker_pronoun"):
        load_rules(rules_copy)


def test_priorities_keep_the_order_of_specificity() -> None:
    priority = {rule.id: rule.priority for rule in load_rules().cues.attribution_rules}
    assert priority["cue-quote-after"] < priority["cue-quote-before"] < priority["cue-clause"]
    assert priority["dash-quote"] < priority["unattributed"]
    assert priority["continuation"] < priority["unattributed"]


def test_an_unknown_rule_id_is_an_error_not_a_default_confidence(rules) -> None:
    from quotes.attribution import Candidate
    from quotes.pipeline.extractor import Extractor
    from quotes.speakers.resolver import Resolution

    candidate = Candidate([(0, 4)], "direct", [], "", "speech", "no-such-rule")
    with pytest.raises(ValueError, match="no-such-rule"):
        Extractor(rules, score=False)._record("text", candidate, Resolution(None, "unknown", "none"))
