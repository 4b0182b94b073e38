"""Text helpers (quotes.text.spans)."""

from __future__ import annotations

import pytest

from quotes.text.spans import has_sentence_break, inner_span, overlap, trim_clause, trim_spans, word_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" , that it works; ", "that it works"),
        ("that it works, and", "that it works"),
        ('"quoted," —', '"quoted,"'),
        ("band", "band"),
    ],
)
def test_trim_clause(text: str, expected: str) -> None:
    start, end = trim_clause(text, 0, len(text))
    assert text[start:end] == expected


def test_trim_spans_mirrors_the_scorer() -> None:
    text = ' "Yes." and "no" '
    assert trim_spans(text, [(0, 8), (12, 17)]) == ((2, 5), (13, 15))
    assert trim_spans(text, [(0, 8), (2, 6)]) == ((2, 5),)


def test_word_count_overlap_inner_span() -> None:
    assert word_count("it's a test", 0, 11) == 4
    assert word_count("abc", 2, 1) == 0
    assert overlap((0, 5), (3, 9)) == 2 and overlap((0, 2), (3, 4)) == 0
    assert inner_span(' "Hi there" ', 0, 12) == (2, 10)


@pytest.mark.parametrize(
    ("gap", "breaks"),
    [
        (" he said. It rained. ", True),
        (" said the Rev. Peter Wherry, of Mayfield Church. ", False),
        (" said Mr. Dole and No. 2 official J. Smith. ", False),
        (" he said no. Then ", True),
    ],
)
def test_sentence_breaks_skip_abbreviations(gap: str, breaks: bool) -> None:
    assert has_sentence_break(gap) is breaks
