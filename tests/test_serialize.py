"""The one serializer: records to JSON-ready dicts and back, flat rows."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.io.deserialize import quotation_from_dict, result_from_dict, scores_from_dict
from quotes.io.serialize import (
    QUOTATION_ROW_FIELDS,
    quotation_row,
    quotation_to_dict,
    result_to_dict,
    score_row,
    score_to_dict,
)
from quotes.records import Article, ArticleResult, Evidence, Frame, Quotation, Scores, Tone

texts = st.text(max_size=20)
numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
span_tuples = st.lists(spans, max_size=3).map(tuple)
evidence = st.builds(Evidence, texts, texts, spans, texts, numbers, texts)
evidences = st.lists(evidence, max_size=3).map(tuple)
tones = st.builds(
    Tone, numbers, st.sampled_from(["positive", "neutral", "negative"]), numbers, numbers, numbers,
    numbers, numbers, evidences,
)  # fmt: skip
frames = st.builds(Frame, texts, st.sampled_from(["codebook", "technology"]), texts, numbers, evidences)
scores = st.builds(Scores, tones, st.lists(frames, max_size=3).map(tuple), texts)
quotations = st.builds(
    Quotation,
    kind=st.sampled_from(["direct", "mixed", "indirect"]),
    content=span_tuples,
    text=texts,
    speaker=span_tuples,
    speaker_text=texts,
    speaker_name=st.none() | texts,
    speaker_type=st.sampled_from(["person", "organisation", "unknown"]),
    cue=span_tuples,
    cue_text=texts,
    cue_lemma=texts,
    cue_class=st.sampled_from(["speech", "cognition", "evidence"]),
    stance=texts,
    rule=texts,
    confidence=numbers,
    explanation=texts,
    title=st.none() | texts,
    inherited=st.booleans(),
    scores=st.none() | scores,
)
optional = st.none() | texts
articles = st.builds(Article, texts, st.just(""), optional, optional, optional, optional)
results = st.builds(ArticleResult, articles, st.lists(quotations, max_size=3).map(tuple), st.none() | texts)


def through_json(data: dict) -> dict:
    return json.loads(json.dumps(data, ensure_ascii=False))


@settings(max_examples=200, deadline=None)
@given(quotations)
def test_quotation_round_trip(quotation: Quotation) -> None:
    data = through_json(quotation_to_dict(quotation))
    assert quotation_from_dict(data) == quotation


@settings(max_examples=100, deadline=None)
@given(results)
def test_result_round_trip(result: ArticleResult) -> None:
    if result.error == "":  # an empty error is no error: it is not written
        result = ArticleResult(result.article, result.quotations)
    assert result_from_dict(through_json(result_to_dict(result))) == result


@settings(max_examples=100, deadline=None)
@given(scores)
def test_scores_round_trip(value: Scores) -> None:
    data = through_json(score_to_dict("x", value))
    assert data["id"] == "x" and scores_from_dict(data) == value
    assert list(score_row("x", value)) == [
        "id", "compound", "label", "certainty", "hype", "codebook_frame", "frames",
    ]  # fmt: skip


@settings(max_examples=50, deadline=None)
@given(quotations)
def test_quotation_row_is_flat(quotation: Quotation) -> None:
    row = quotation_row(Article("a1", "text"), quotation)
    assert tuple(row) == QUOTATION_ROW_FIELDS
    assert all(isinstance(v, str | int | float | bool) for v in row.values())


def test_the_benchmark_shape() -> None:
    quotation = Quotation(
        "direct", ((0, 5),), "Hello", ((10, 13),), "Ana", "Ana", "person", ((6, 9),), "said", "say",
        "speech", "neutral", "cue-quote-after", 0.9, "why",
    )  # fmt: skip
    data = quotation_to_dict(quotation)
    assert data["content"] == [[0, 5]] and data["speaker"] == [[10, 13]] and data["cue"] == [[6, 9]]
    assert (data["tone"], data["frames"], data["codebook_frame"]) == (None, [], "other")
    assert "scores" not in data
    article = Article("a1", "text", title="T", source="in.jsonl", line=3)
    expected = {"id": "a1", "title": "T", "quotes": [data]}
    assert result_to_dict(ArticleResult(article, (quotation,))) == expected


@pytest.mark.parametrize(
    "change",
    [{"kind": "shouted"}, {"content": [[0]]}, {"confidence": "high"}, {"surprise": 1}, {"tone": {"x": 1}}],
)
def test_bad_dicts_are_refused(change: dict) -> None:
    quotation = Quotation(
        "direct", ((0, 5),), "Hello", (), "", None, "unknown", (), "", "", "speech", "neutral", "r", 0.5, "",
    )  # fmt: skip
    data = {**quotation_to_dict(quotation), **change}
    with pytest.raises((TypeError, ValueError, KeyError)):
        quotation_from_dict(data)
