"""score_text, the texts reader and the JSON record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.io.manifest import Manifest
from quotes.io.readers import read_texts
from quotes.io.serialize import score_to_dict as score_record
from quotes.rules.frames import FrameRules, load_frame_rules
from quotes.rules.tone import ToneRules, load_tone_rules
from quotes.scoring.scorer import score_text

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def rules() -> tuple[ToneRules, FrameRules]:
    return load_tone_rules(RULES), load_frame_rules(RULES)


def test_whole_text_and_spans(rules: tuple[ToneRules, FrameRules]) -> None:
    text = 'The mayor said: "The new budget is a disaster for taxpayers." Police made arrests.'
    whole = score_text(text, None, *rules)
    assert {f.id for f in whole.frames} >= {"economic", "crime"}
    span = (text.index("The new"), text.index('." ') + 1)
    quoted = score_text(text, [span], *rules)
    assert quoted.codebook_frame == "economic"
    assert quoted.tone.label == "negative"
    for ev in (*quoted.tone.evidence, *(e for f in quoted.frames for e in f.evidence)):
        assert span[0] <= ev.span[0] and ev.span[1] <= span[1]
        assert text[ev.span[0]:ev.span[1]] == ev.matched


def test_score_record_shape(rules: tuple[ToneRules, FrameRules]) -> None:
    record = score_record("7", score_text("Taxes rose sharply, a terrible blow.", None, *rules))
    assert set(record) == {"id", "tone", "frames", "codebook_frame"}
    assert set(record["tone"]) == {"compound", "label", "pos", "neu", "neg", "certainty", "hype", "evidence"}
    assert record["frames"][0]["id"] == "economic"
    assert isinstance(record["tone"]["evidence"][0]["span"], list)
    json.dumps(record)


def read_score_inputs(path: str, errors: list[str] | None = None) -> list[tuple[str, str]]:
    manifest = Manifest()
    texts = [(a.id, a.text) for a in read_texts(path, manifest)]
    if errors is not None:
        errors.extend(manifest.messages())
    return texts


def test_read_txt(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("first line\n\nthird line\n", encoding="utf-8")
    assert read_score_inputs(str(path)) == [("in:1", "first line"), ("in:3", "third line")]


def test_read_jsonl_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = ['{"id": "a", "text": "x"}', "not json", '{"text": 5}', '{"text": "y"}', "[1]",
             '{"id": 9, "text": "z"}']  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[str] = []
    assert read_score_inputs(str(path), errors) == [("a", "x"), ("in:4", "y"), ("9", "z")]
    assert [e.split(": ")[0] for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:5"]


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=100),
       spans=st.none() | st.lists(st.tuples(st.integers(-5, 100), st.integers(-5, 100)), max_size=3))
def test_any_text_never_raises(rules: tuple[ToneRules, FrameRules], text: str,
                               spans: list[tuple[int, int]] | None) -> None:
    scores = score_text(text, spans, *rules)
    record = score_record("x", scores)
    json.dumps(record)
    evidence = [*scores.tone.evidence, *(ev for f in scores.frames for ev in f.evidence)]
    for ev in evidence:
        assert text[ev.span[0]:ev.span[1]] == ev.matched
