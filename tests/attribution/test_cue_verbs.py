"""Cue verbs: clause, object, intent and parenthetical (quotes.attribution.cue_verbs)."""

from __future__ import annotations

import pytest

from quotes.attribution import cue_verbs
from tests.attribution.conftest import summarise

CASES = [
    (
        "The mayor said that the bridge would reopen in May.",
        [("cue-clause", "indirect", ("that the bridge would reopen in May",), "The mayor")],
    ),
    (
        "The senator criticized the new tax plan.",
        [("cue-object", "indirect", ("the new tax plan",), "The senator")],
    ),
    # event and perception verbs are no cues (learned from polnear-train): "voted", "unveiled", "saw"
    ("The union voted for the strike.", []),
    ("Voltaic Labs unveiled a battery on Monday.", []),
    ("The company saw strong growth last year.", []),
    ("The governor raised $2 million in May.", []),
    ("The aide spoke on condition of anonymity.", []),
    # a cue deep in a chain of infinitives takes the subject at its top
    (
        "Ana Diaz wanted to continue to try to argue that the plan was sound.",
        [
            ("cue-intent", "indirect", ("to continue to try to argue that the plan was sound",), "Ana Diaz"),
            ("cue-clause", "indirect", ("that the plan was sound",), "Ana Diaz"),
        ],
    ),
    (
        "Many voters see him as a threat to the party.",
        [("cue-object", "indirect", ("him as a threat to the party",), "Many voters")],
    ),
    (
        "Ana Lopez wants to run for governor next year.",
        [("cue-intent", "indirect", ("to run for governor next year",), "Ana Lopez")],
    ),
    (
        "The plan, she said, would fail within a year.",
        [("cue-parenthetical", "indirect", ("The plan", "would fail within a year"), "she")],
    ),
    # negatives: no cue verb, a circumstance rather than a message, a quoted cue
    ("The bridge reopened in May.", []),
    ("He spoke on Thursday in Ohio.", []),
    ('"She said that it was over," the headline read.', []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_verb_cues(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, cue_verbs.verb_cues(context_of(text))) == expected


def test_declares_its_rule_ids() -> None:
    assert set(cue_verbs.RULE_IDS) == {"cue-clause", "cue-object", "cue-intent", "cue-parenthetical"}
