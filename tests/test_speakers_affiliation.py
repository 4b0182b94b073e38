"""Affiliations and gendered roles that tie a description to a person (quotes.speakers.affiliation)."""

import pytest

from quotes.pipeline.rules import load_rules
from quotes.speakers.affiliation import affiliations_of, agreement, clashes, role_gender


@pytest.fixture(scope="module")
def words():
    return load_rules().mentions.words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indiana Gov.", {"state": {"indiana"}}),
        ("R-Ind.", {"party": {"republican"}, "state": {"indiana"}}),
        ("the New York businessman", {"state": {"new york"}}),
        ("The GOP nominee", {"party": {"republican"}}),
        ("D-N.J.", {"party": {"democratic"}, "state": {"new jersey"}}),
        ("a senior fellow in economics", {}),  # "in" is no Indiana: postal codes count in capitals only
    ],
)
def test_affiliations_of(words, text, expected) -> None:
    assert affiliations_of(text, words.affiliations) == expected


def test_a_clash_rules_out_and_agreement_counts() -> None:
    libertarian = {"party": {"libertarian"}}
    assert clashes(libertarian, {"party": {"republican"}})
    assert not clashes({}, {"party": {"republican"}})
    assert not clashes(libertarian, {"state": {"ohio"}})
    assert agreement({"state": {"ohio"}, "party": {"republican"}}, {"state": {"ohio"}}) == 1


@pytest.mark.parametrize(
    ("words_", "gender"),
    [(["new", "york", "businessman"], "male"), (["spokeswoman"], "female"), (["senator"], None)],
)
def test_role_gender(words, words_, gender) -> None:
    assert role_gender(words_, words.role_genders) == gender


def test_titles_name_a_qualifier_as_word_or_initials() -> None:
    from quotes.speakers.described import titles_name

    assert titles_name({"chairman of the Democratic National Committee": None}, {"dnc"})
    assert titles_name({"Pfizer chief executive": None}, {"pfizer"})
    assert not titles_name({"President": None}, {"dnc"})
    assert not titles_name({"Microsoft CEO": None}, {"pfizer"})
