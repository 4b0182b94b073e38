"""Titles: dropped from names (titles abroad too), kept as a short role on the quotation."""

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Microsoft CEO Satya Nadella said the deal was big.", "Microsoft CEO"),
        ("Resources Minister Madeleine King said she had spoken to them.", "Resources Minister"),
        ("Sen. Jon Tester said the bill would pass. Tester said it was overdue.", "Senator"),
    ],
)
def test_a_mention_without_a_title_takes_the_one_the_article_gave(analyzer, text: str, expected: str) -> None:
    assert [q.title for q in analyzer.analyze(text)][-1] == expected


def test_a_place_or_party_tag_is_no_title(analyzer) -> None:
    text = "Jon Tester (D-Mont.) spoke on Monday. Tester said the bill would pass."
    assert [q.title for q in analyzer.analyze(text)] == [None]
