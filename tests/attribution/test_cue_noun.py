"""Cue nouns with a ``that`` clause (quotes.attribution.cue_noun)."""

from __future__ import annotations

import pytest

from quotes.attribution import cue_noun
from tests.attribution.conftest import summarise

CASES = [
    (
        "Trump's claim that the election was rigged drew criticism.",
        [("cue-noun", "indirect", ("that the election was rigged",), "Trump's")],
    ),
    (
        "The senator made the argument that taxes should be cut for everyone.",
        [("cue-noun", "indirect", ("that taxes should be cut for everyone",), "The senator")],
    ),
    # negatives: a cue noun with no clause; a relative clause is no reported content
    ("Her claim was odd.", []),
    ("The claim that won the prize was odd.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_noun_cues(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, cue_noun.noun_cues(context_of(text))) == expected
