"""The reporter's stance through the cue verb, in context (rules/stance.yaml ``senses``).

Golden cases in ``tests/cases/stance/NAME.txt`` beside ``NAME.expected.json``: short articles in
several house styles, written for these tests, each quotation with its cue, lemma and stance.
``pytest tests/test_stance.py --update-golden`` rewrites the expected files; review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.rules.stance import StanceRules, load_stance_rules
from quotes.rules.yamlfile import RuleError
from quotes.scoring.stance import stance_of, stance_sense

RULES = Path(__file__).resolve().parent.parent / "rules"
CASES = sorted((Path(__file__).parent / "cases" / "stance").glob("*.txt"))


@pytest.fixture(scope="module")
def stance_rules() -> StanceRules:
    return load_stance_rules(RULES)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_stance_golden_case(case: Path, analyzer, update_golden: bool) -> None:
    text = case.read_text(encoding="utf-8")
    found = [{"cue_text": q.cue_text, "cue_lemma": q.cue_lemma, "stance": q.stance,
              "speaker_name": q.speaker_name, "content": q.text[:60]}
             for q in analyzer.analyze(text)]
    expected_file = case.with_suffix(".expected.json")
    if update_golden:
        expected_file.write_text(json.dumps({"quotes": found}, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    assert found == json.loads(expected_file.read_text(encoding="utf-8"))["quotes"]


@pytest.mark.parametrize(
    ("lemma", "context", "stance"),
    [
        ("call", ("the", "agreement", "turning"), "neutral"),  # "called the agreement a turning point"
        ("called", ("for", "an", "audit"), "directive"),
        ("call", ("on", "the", "province"), "directive"),
        ("claim", ("responsibility", "for"), "neutral"),
        ("claimed", ("its", "software"), "distancing"),
        ("admit", (), "admission"),
        ("conceded", ("that",), "admission"),
        ("concede", ("defeat",), "neutral"),
        ("acknowledged", ("that",), "endorsing"),
        ("defend", ("the", "formula"), "contesting"),
        ("deny", (), "contesting"),
        ("plead", ("guilty",), "admission"),
        ("pleaded", ("not", "guilty"), "contesting"),
        ("plead", ("with", "the", "judge"), "directive"),
    ],
)
def test_stance_senses(stance_rules: StanceRules, lemma: str, context: tuple[str, ...], stance: str) -> None:
    assert stance_of(lemma, stance_rules, (), context) == stance


def test_call_for_must_follow_the_verb(stance_rules: StanceRules) -> None:
    # "was called a charlatan by physicians for promoting cures": "for" is governed, not next
    assert stance_of("call", stance_rules, ("charlatan", "by", "for"), ("a", "charlatan", "by")) == "neutral"
    assert stance_of("call", stance_rules, ("for",), ("for", "an", "audit")) == "directive"


def test_a_sense_says_why(stance_rules: StanceRules) -> None:
    stance, why = stance_sense("call", stance_rules, (), ("for",))
    assert stance == "directive" and "demand" in why
    assert stance_sense("frobnicate", stance_rules, (), ("for",))[0] == "other"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("stances:\n  - stance: neutral\n    reason: r\n    verbs: [say]\nsenses:\n  - verbs: [shout]\n"
         "    stance: emotive\n    reason: r\n    words: [at]\n", "the stances table lacks"),
        ("stances:\n  - stance: neutral\n    reason: r\n    verbs: [call]\nsenses:\n  - verbs: [call]\n"
         "    stance: directive\n    reason: r\n    words: [call for]\n", "single words"),
    ],
)
def test_bad_senses_say_file_and_line(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "stance.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_stance_rules(tmp_path)
    assert str(error.value).startswith(f"{path}:") and reason in str(error.value)


def test_stance_table_counts_each_verb_by_stance(tmp_path: Path) -> None:
    import subprocess
    import sys

    article = {"id": "a", "quotes": [{"cue_lemma": "call", "stance": "directive"},
                                     {"cue_lemma": "call", "stance": "neutral"},
                                     {"cue_lemma": "say", "stance": "neutral"}]}
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "stance_table.py"
    out = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True,
                         check=True).stdout
    assert "3 quotations" in out
    assert any(line.split()[:2] == ["call", "2"] and "directive 1" in line and "neutral 1" in line
               for line in out.splitlines())
