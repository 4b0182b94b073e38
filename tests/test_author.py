"""The writer of an article: first-person "I" outside quotation marks in an opinion piece."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.speakers.author import Author, article_author

FIRST_NAMES = {"nicole", "charlotte", "joel"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I grew up there.\n\nCharlotte Meehan is playwright-in-residence at Wheaton College.",
         Author("Charlotte Meehan", "tagline")),
        ("I said no.\n\nJoel B. Pollak is Senior Editor-at-Large at Breitbart News.",
         Author("Joel B. Pollak", "tagline")),
        ("Sanders endorsement\n\nBy Nicole Gaudiano\n\nI was there.", Author("Nicole Gaudiano", "byline")),
        ("Polls tighten.\n\nSanders is scheduled to address the convention Monday night.", None),
        ("Polls tighten.\n\nClinton is well positioned in South Carolina.", None),
        ("Marco Rubio: I'm not interested\n\nThe senator said no.", None),
        ("By Stealth Over Health\n\nText.", None),  # a byline must start with a first name
        ("", None),
    ],
)  # fmt: skip
def test_article_author(text: str, expected: Author | None) -> None:
    assert article_author(text, FIRST_NAMES) == expected


@given(st.text(alphabet=st.sampled_from("ABab .,:\n-'’is"), max_size=200))
def test_a_writer_is_always_named_in_the_text(text: str) -> None:
    found = article_author(text, FIRST_NAMES)
    assert found is None or found.name in text


def test_first_person_outside_quotation_marks_is_the_writer(analyzer) -> None:
    text = (
        "Why I changed my mind\n\nI think Tom Baker was right. He said the plan would fail.\n\n"
        "Ann Price is a columnist for the Harbor Times."
    )
    names = [(q.speaker_text, q.speaker_name) for q in analyzer.analyze(text)]
    assert ("I", "Ann Price") in names
    assert ("He", "Tom Baker") in names  # the writer is no "he"


def test_without_a_tagline_the_writer_stays_the_author(analyzer) -> None:
    names = [q.speaker_name for q in analyzer.analyze("I think Tom Baker was right.")]
    assert names == ["author"]
