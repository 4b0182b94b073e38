"""Quotation paragraphs with no attribution of their own (quotes.attribution.continuation)."""

from __future__ import annotations

import pytest

from quotes.attribution import attribute
from tests.attribution.conftest import summarise

FIRST = '"We will rebuild every school in the county this year," said Mayor Elena Ruiz.'
SECOND = '"And we will pay for it without raising a single tax on families."'
CASES = [
    (
        f"{FIRST}\n\n{SECOND}",
        [
            (
                "cue-quote-after",
                "direct",
                ('"We will rebuild every school in the county this year,"',),
                "Mayor Elena Ruiz",
            ),
            ("continuation", "direct", (SECOND,), "Mayor Elena Ruiz"),
        ],
    ),
    (
        'Coach Dana Miles was asked about the loss.\n\n"We did not play well enough, and that is on me."',
        # the person named before is not taken for the speaker (right 4 times of 22 on polnear-train);
        # what she was asked about is the reporter's question, no quotation
        [
            ("unattributed", "direct", ('"We did not play well enough, and that is on me."',), None),
        ],
    ),
    (
        '"This is a quotation that nobody in the article claims at all, sadly."',
        [
            (
                "unattributed",
                "direct",
                ('"This is a quotation that nobody in the article claims at all, sadly."',),
                None,
            )
        ],
    ),
    # negatives: scare quotes, short quotations, single quotes and quotations inside a sentence
    ('The so-called "green deal" was dropped after a week of talks.', []),
    ('"Too short to count."', []),
    ("'This single-quoted line is a title rather than a statement of anyone.'", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_orphans(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, attribute(context_of(text))) == expected
