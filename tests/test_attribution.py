"""Golden attribution cases: tests/cases/NAME.txt beside NAME.expected.json.

Adding a regression case means adding two files. Each expected quotation lists its kind, its
content pieces as written, the speaker mention as written and the canonical speaker name.
``pytest tests/test_attribution.py --update-golden`` rewrites every expected file from today's
output; review the change with ``git diff tests/cases``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = sorted((Path(__file__).parent / "cases").glob("*.txt"))


def summarise(text: str, quotations) -> list[dict]:
    return [
        {
            "kind": q.kind,
            "content": [text[s:e] for s, e in q.content],
            "speaker_text": q.speaker_text,
            "speaker_name": q.speaker_name,
            "rule": q.rule,
        }
        for q in quotations
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_case(case: Path, analyzer, update_golden: bool) -> None:
    text = case.read_text(encoding="utf-8")
    found = summarise(text, analyzer.analyze(text))
    expected_file = case.with_suffix(".expected.json")
    if update_golden:
        expected_file.write_text(
            json.dumps({"quotes": found}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))["quotes"]
    assert found == expected


def test_every_case_has_an_expectation() -> None:
    assert CASES
    for case in CASES:
        assert case.with_suffix(".expected.json").exists(), case


def test_negative_cases_yield_nothing(analyzer) -> None:
    for case in CASES:
        if case.stem.endswith("-negative"):
            assert analyzer.analyze(case.read_text(encoding="utf-8")) == (), case.stem


def test_seed_article_all_five_quotations_by_name(analyzer, seed_article) -> None:
    text = seed_article["text"]
    found = analyzer.analyze(text)
    names = [(q.kind, q.speaker_name, q.speaker_text) for q in found]
    assert names == [
        ("direct", "Sam Altman", "Sam Altman"),
        ("direct", "Sam Altman", "he"),
        ("direct", "Satya Nadella", "Satya Nadella"),
        ("direct", "Satya Nadella", "He"),
        ("indirect", "OpenAI", "OpenAI"),
    ]
    altman = found[0]
    assert altman.title == "co-founder and CEO of OpenAI"
    assert altman.cue_lemma == "say" and altman.cue_class == "speech"
    assert found[4].speaker_type == "organisation"
    assert found[1].speaker_type == "person"


def test_records_explain_themselves(analyzer) -> None:
    text = '"We will win," said Ana Torres. She added that the polls were wrong.'
    first, second = analyzer.analyze(text)
    assert first.rule == "cue-quote-after" and 0 < first.confidence <= 1
    assert "Ana Torres" in first.explanation
    assert second.kind == "indirect" and second.speaker_name == "Ana Torres" and second.speaker_text == "She"
    assert second.scores is not None and second.scores.tone.label in ("positive", "neutral", "negative")


def test_cue_verbs_match_their_regular_inflections() -> None:
    """A lemmatizer slip (``hoping`` -> ``hop``) still finds the cue by its written form."""
    from quotes.pipeline.rules import load_rules
    from quotes.text.inflect import inflections

    assert inflections("hope") == {"hopes", "hoped", "hoping"}
    assert {"quipped", "quipping"} <= inflections("quip")
    assert {"denies", "denied", "denying"} <= inflections("deny")
    assert {"admitted", "admitting"} <= inflections("admit")
    rules = load_rules().cues
    assert rules.verb_lemma("hop", "hoping") == "hope"
    assert rules.verb_lemma("say", "said") == "say"
    assert rules.verb_lemma("hop", "hopping") is None
