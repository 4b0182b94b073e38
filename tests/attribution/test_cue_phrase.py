"""Fixed source phrases from cues.yaml ``phrases:`` (quotes.attribution.cue_phrase, cue-phrase)."""

from __future__ import annotations

import pytest

from quotes.attribution import cue_phrase
from tests.attribution.conftest import summarise

CASES = [
    (
        "In the words of Senator Jane Smith, the bill is a disaster for farmers.",
        [("cue-phrase", "indirect", ("the bill is a disaster for farmers.",), "Senator Jane Smith")],
    ),
    (
        "The economy, in the view of most economists, will slow down next year.",
        [("cue-phrase", "indirect", ("The economy", "will slow down next year."), "most economists")],
    ),
    (
        "In the opinion of the court, the law is unconstitutional.",
        [("cue-phrase", "indirect", ("the law is unconstitutional.",), "the court")],
    ),
    # negatives: the words without a source phrase; a phrase inside a quotation
    ("She chose her words of thanks carefully.", []),
    ('"In the words of my father, never give up," she said.', []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_phrase_cues(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, cue_phrase.phrase_cues(context_of(text))) == expected


def test_a_phrase_before_a_quotation_makes_it_direct(analyzer) -> None:
    (quotation,) = analyzer.analyze('In the words of Mr. Obama: "Yes we can do it again."')
    assert (quotation.kind, quotation.speaker_text, quotation.cue_text) == (
        "direct",
        "Mr. Obama",
        "In the words of",
    )


def test_the_words_of_x_are_the_quotation_after_the_phrase(analyzer) -> None:
    text = "Clinton was, in the words of a senior adviser, ''the torchbearer'' of his legacy."
    (quotation,) = analyzer.analyze(text)
    found = (quotation.rule, quotation.kind, quotation.speaker_text)
    assert found == ("cue-phrase", "mixed", "a senior adviser")
    assert quotation.text.startswith("''the torchbearer'' of his legacy")


def test_a_clause_coordinated_after_the_phrase_is_not_its_content(context_of) -> None:
    text = "She doesn't like surprises much, in the words of one staffer, and bristled when aides left."
    (candidate,) = cue_phrase.phrase_cues(context_of(text))
    assert [text[s:e] for s, e in candidate.content] == ["She doesn't like surprises much"]
