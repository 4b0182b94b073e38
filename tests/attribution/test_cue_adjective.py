"""Stance adjectives and evidential verbs (quotes.attribution.cue_adjective)."""

from __future__ import annotations

import pytest

from quotes.attribution import cue_adjective
from tests.attribution.conftest import summarise

ADJECTIVES = [
    (
        "The governor is confident that the budget will pass.",
        [("cue-adjective", "indirect", ("that the budget will pass",), "The governor")],
    ),
    # "it is clear that ...": annotated 7 times in 30 on polnear-train, so not a cue
    ("It is clear that the budget will pass.", []),
    (
        "The governor is sure that the budget will pass.",
        [("cue-adjective", "indirect", ("that the budget will pass",), "The governor")],
    ),
    ("The coach was tall.", []),
    ("The governor is confident.", []),
]

EVIDENTIALS = [
    (
        "Sanders appears to be spending more money than anyone.",
        [("cue-evidential", "indirect", ("Sanders", "to be spending more money than anyone"), None)],
    ),
    ("Sanders appeared on Fox News on Sunday.", []),
]


@pytest.mark.parametrize(("text", "expected"), ADJECTIVES, ids=[t[:30] for t, _ in ADJECTIVES])
def test_adjective_cues(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, cue_adjective.adjective_cues(context_of(text))) == expected


@pytest.mark.parametrize(("text", "expected"), EVIDENTIALS, ids=[t[:30] for t, _ in EVIDENTIALS])
def test_evidential_cues(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, cue_adjective.evidential_cues(context_of(text))) == expected
