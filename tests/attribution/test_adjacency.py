"""Quotations attributed by what stands next to their marks (quotes.attribution.adjacency)."""

from __future__ import annotations

import pytest

from quotes.attribution import adjacency
from tests.attribution.conftest import summarise

QUOTE = '"We will never give up on this city."'
CASES = [
    (
        '"We will never give up on this city," said Mayor Elena Ruiz.',
        [("cue-quote-after", "direct", ('"We will never give up on this city,"',), "Mayor Elena Ruiz")],
    ),
    (f"Mayor Elena Ruiz added, {QUOTE}", [("cue-quote-before", "direct", (QUOTE,), "Mayor Elena Ruiz")]),
    (f"{QUOTE} ― Esther Tapia", [("dash-quote", "direct", (QUOTE,), "Esther Tapia")]),
    (f"Ruiz: {QUOTE}", [("colon-quote", "direct", (QUOTE,), "Ruiz")]),
    (f"The Times reports:\n{QUOTE}", [("colon-quote", "direct", (QUOTE,), "The Times")]),
    (
        '"The deal is done," he said. "Now we build the road to the coast."',
        [
            (
                "cue-quote-after",
                "direct",
                ('"The deal is done,"', '"Now we build the road to the coast."'),
                "he",
            )
        ],
    ),
    (
        '"The deal is done," Viguerie notes.',
        [("cue-quote-after", "direct", ('"The deal is done,"',), "Viguerie")],
    ),
    # negatives: a sentence between the pieces; nothing next to the marks; a fragment mid-sentence
    (
        '"The deal is done," he said. It rained. "Now we build."',
        [("cue-quote-after", "direct", ('"The deal is done,"',), "he")],
    ),
    (f"Yesterday. {QUOTE} Then rain.", []),
    ('He called it "smart" and left.', []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_adjacent_candidates(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, adjacency.adjacent_candidates(context_of(text), set())) == expected


def test_claimed_quotations_are_left_alone(context_of) -> None:
    context = context_of(f"Mayor Elena Ruiz added, {QUOTE}")
    assert list(adjacency.adjacent_candidates(context, {0})) == []
