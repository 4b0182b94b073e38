"""A dateline before an unnamed source is no part of its name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BRUSSELS - European leaders said on Friday that the plan would fail.", "European leaders"),
        ("LONDON (Reuters) - Officials said the talks would resume.", "Officials"),
        ("Senate Republicans said the plan would fail.", "Senate Republicans"),
    ],
)
def test_a_dateline_is_dropped_from_a_description(analyzer, text: str, expected: str) -> None:
    assert [q.speaker_name for q in analyzer.analyze(text)] == [expected]
