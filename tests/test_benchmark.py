"""Accuracy floors on the shared benchmark: accuracy must never silently drop.

Skipped cleanly when ../shared/bench is not beside the project. The floors sit a little below
the figures measured when they were set (see the README's accuracy section).
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_BENCH

FLOORS = {  # end-to-end F1, speakers judged by span
    "polnear-dev.jsonl": {"direct": 0.88, "mixed": 0.72, "indirect": 0.56, "all": 0.66},
}


def _scores(analyzer, name: str, speaker_by: str = "span") -> dict:
    from quotes.evaluate.scorer import evaluate, read_gold
    from quotes.records import Article

    path = SHARED_BENCH / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    gold = read_gold(str(path))
    predictions = {
        r.article.id: r.quotations for r in analyzer.run(Article(id=a.id, text=a.text) for a in gold)
    }
    return evaluate(gold, predictions, speaker_by)


@pytest.mark.parametrize("speaker_by", ["span", "name"])
def test_seed_is_perfect(analyzer, speaker_by: str) -> None:
    report = _scores(analyzer, "seed.jsonl", speaker_by)
    assert report["kinds"]["all"]["end_to_end"]["f1"] == 1.0


def test_polnear_dev_floors(analyzer) -> None:
    report = _scores(analyzer, "polnear-dev.jsonl")
    for kind, floor in FLOORS["polnear-dev.jsonl"].items():
        assert report["kinds"][kind]["end_to_end"]["f1"] >= floor, kind
