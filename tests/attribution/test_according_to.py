"""``According to X, ...`` (quotes.attribution.according_to)."""

from __future__ import annotations

import pytest

from quotes.attribution import according_to
from tests.attribution.conftest import summarise

CASES = [
    (
        "According to the ministry, unemployment fell to 4 percent in May.",
        [("according-to", "indirect", ("unemployment fell to 4 percent in May.",), "the ministry")],
    ),
    (
        "Unemployment fell to 4 percent in May, according to the ministry.",
        [("according-to", "indirect", ("Unemployment fell to 4 percent in May",), "the ministry")],
    ),
    # negatives: no source after "to"; inside a quotation
    ("They acted according.", []),
    ('"According to the ministry, we are fine," he said.', []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_according_to(context_of, text: str, expected: list[tuple]) -> None:
    assert summarise(text, according_to.according_to_cues(context_of(text))) == expected
