"""Titles from parliaments and councils outside the US are no part of a speaker's name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We have waited long enough," said Cllr Amara Boateng.', "Amara Boateng"),
        ("Local MP Diane Abbott said the council should publish the full costs.", "Diane Abbott"),
        ("Councillor Mark Devlin said the repairs were too expensive.", "Mark Devlin"),
        ('"We will be at the table," said Premier Rachel Notley.', "Rachel Notley"),
    ],
)
def test_a_title_before_the_name_is_dropped(analyzer, text: str, expected: str) -> None:
    assert [q.speaker_name for q in analyzer.analyze(text)] == [expected]
