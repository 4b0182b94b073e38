"""Unit tests for speaker resolution's pure parts: word lists, descriptions, the index, name errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.evaluate.name_errors import (
    CAUSE_HELP,
    CAUSES,
    NameCase,
    breakdown,
    by_cause,
    document_mention,
    error_cause,
    format_breakdown,
    format_causes,
    mention_kind,
    other_form,
)
from quotes.rules.mentions import load_first_names, load_speaker_words
from quotes.rules.yamlfile import RuleError
from quotes.speakers.descriptions import acronym, clean_title, is_acronym
from quotes.speakers.index import Recency
from quotes.text.names import names_match

RULES = Path(__file__).resolve().parent.parent / "rules"


def test_first_names_have_clear_genders() -> None:
    names = load_first_names(RULES / "first_names.yaml")
    assert names["donald"] == "male" and names["hillary"] == "female" and names["mary"] == "female"
    assert "leslie" not in names and "terry" not in names  # unclear: left out


def test_first_names_reject_a_name_under_both_genders(tmp_path: Path) -> None:
    path = tmp_path / "first_names.yaml"
    path.write_text("male: [ana, bo]\nfemale:\n  - cy\n  - ana\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"first_names.yaml:4: 'ana' is listed as both"):
        load_first_names(path)


def test_speaker_words_are_optional(tmp_path: Path) -> None:
    words = load_speaker_words(tmp_path)
    assert words.first_names == {} and not words.platforms


def test_speaker_words_from_the_bundled_rules() -> None:
    words = load_speaker_words(RULES)
    assert "twitter" in words.platforms
    assert words.title_abbreviations["gov."] == "governor"
    assert words.organisation_kinds["bank"] == words.organisation_kinds["lender"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("International Monetary Fund", "IMF"),
        ("Democratic National Committee", "DNC"),
        ("Google", None),
        ("federal Securities and Exchange Commission", "SEC"),  # (a word in lower case is no initial)
        ("the old Harbor", None),
    ],
)
def test_acronym(name: str, expected: str | None) -> None:
    assert acronym(name) == expected


def test_is_acronym() -> None:
    assert is_acronym("IMF") and is_acronym("F.B.I.") and not is_acronym("Fed") and not is_acronym("I")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("54", None),
        ("the chief executive of OpenAI", "the chief executive of OpenAI"),
        ("a schoolteacher who voted for him in 2012", "a schoolteacher"),
        ("", None),
        ("(UPI) — Former Attorney General", "Former Attorney General"),
        ("D-N.C.), head of the Congressional Black Caucus", "D-N.C., head of the Congressional Black Caucus"),
        ("D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all", "D-Ore."),
        ("chair of the committee (and a lawyer)", "chair of the committee (and a lawyer)"),
        ("(a senator", "a senator"),
        ("a senator (R-Utah", "a senator"),
    ],
)
def test_clean_title(title: str, expected: str | None) -> None:
    assert clean_title(title) == expected


@given(st.text(alphabet="ab (),-—", max_size=30))
def test_clean_title_parentheses_always_pair(title: str) -> None:
    depth = 0
    for char in clean_title(title) or "":
        depth += {"(": 1, ")": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


def test_recency_nearest_first_and_linear() -> None:
    index: Recency[str] = Recency()
    for position, item in [(0, "a"), (10, "b"), (20, "a"), (30, "c")]:
        index.add(position, item)
    assert index.before(25) == [(20, "a"), (10, "b")]
    assert index.before(0) == []
    assert index.last_before("c", 31) == 30


@pytest.mark.parametrize(
    ("mention", "gold", "kind"),
    [
        ("", "Donald Trump", "none"),
        ("he", "Donald Trump", "pronoun"),
        ("Mr. Trump's", "Donald Trump", "name"),
        ("a senior administration official", "senior administration official", "description"),
        ("White House officials", "White House officials", "description"),
        ("The Indiana governor", "Mike Pence", "description"),
    ],
)
def test_mention_kind(mention: str, gold: str, kind: str) -> None:
    assert mention_kind(mention, gold) == kind


def test_names_match_like_the_scorer() -> None:
    assert names_match("James B. Comey", "James Comey")
    assert names_match("Sam Altman", "Altman")
    assert names_match("senior administration official", "administration official")
    assert not names_match("Melania Trump", "Donald Trump")
    assert names_match(None, None) and not names_match("X", None)


def test_breakdown_counts_and_examples() -> None:
    cases = [
        NameCase("a", "direct", "he", "Sam Altman", "Satya Nadella"),
        NameCase("a", "direct", "he", "Sam Altman", "Sam Altman"),
        NameCase("a", "indirect", "aides", "aides", None),
        NameCase("a", "indirect", "", None, None),  # no gold name: left out
    ]
    rows = {row.mention_kind: row for row in breakdown(cases)}
    assert (rows["pronoun"].total, rows["pronoun"].wrong) == (2, 1)
    assert (rows["description"].total, rows["description"].wrong) == (1, 1)
    assert rows["none"].total == 0
    table = format_breakdown(rows.values())
    assert "pronoun" in table and "Satya Nadella" in table


def _cause(text: str, content: str, speaker: str, cue: str | None, gold: str, predicted: str | None,
           predicted_speaker: str = "") -> str:  # fmt: skip
    def at(words: str) -> tuple[tuple[int, int], ...]:
        return ((text.index(words), text.index(words) + len(words)),) if words else ()

    return error_cause(text, content=at(content), speaker=at(speaker), cue=None if cue is None else at(cue),
                       gold_name=gold, predicted_name=predicted, predicted_speaker=at(predicted_speaker),
                       predicted_content=at(content))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue", "gold", "predicted", "predicted_speaker", "cause"),
    [
        # a paragraph-opening quotation with no cue of its own, and one after an indirect report
        ('Amsel says demand doubled.\n\n"We run out by noon."', '"We run out by noon."', "", "",
         "Ruth Amsel", None, "", "no cue"),
        ('Amsel says demand doubled. "We run out by noon."', '"We run out by noon."', "", "",
         "Ruth Amsel", "Amsel", "", ""),  # right: no cause
        ('Amsel says demand doubled. "We run out by noon."', '"We run out by noon."', "", "",
         "Ruth Amsel", None, "", "no cue"),
        # a cue in the sentence: after a speaker with an abbreviation, or a colon and a new line
        ('"We lost," Dr. Ana Ruiz said.', '"We lost,"', "Dr. Ana Ruiz", "said", "Ana Ruiz", "Ruiz Ana Maria",
         "Dr. Ana Ruiz", "form"),
        ('Ruiz said:\n\n"We lost."', '"We lost."', "Ruiz", "said", "Ana Ruiz", None, "Ruiz", "name"),
        # no cue field in the gold: the speaker mention stands for it
        ('"We lost," said Ruiz.', '"We lost,"', "Ruiz", None, "Ana Ruiz", "Ed Ames", "Ruiz", "name"),
        ("The study found that X.", "that X", "The study", "found", "Halden Institute", "study",
         "The study", "document"),
        ("Figures released by the pantry show that X.", "that X", "Figures released by the pantry", "show",
         "Pantry", "figures", "Figures", "document"),
        ('"A," Priya said.', '"A,"', "Priya", "said", "Priya Raman", "Priya", "Priya", "form"),
        ('"A," Kim said.', '"A,"', "Kim", "said", "Kim Soo-jin", "Kim", "Kim", "form"),
        ('"A," said Ana\u200bTorres.', '"A,"', "Ana\u200bTorres", "said", "Ana Torres", "Ana\u200bTorres",
         "Ana\u200bTorres", "form"),
        ('"A," said Ana Tor\u200bres.', '"A,"', "Ana Tor\u200bres", "said", "Ana Torres", "Ana Tor\u200bres",
         "Ana Tor\u200bres", "form"),
        ('"A," the match report said, Ruiz added.', '"A,"', "Ruiz", "added", "Ana Ruiz", "match report",
         "the match report", "wrong mention"),
        ('"A," she said.', '"A,"', "she", "said", "Ana Ruiz", "Jo Bloggs", "she", "pronoun"),
        ('"A," the coach said.', '"A,"', "the coach", "said", "Ed Ames", "coach", "the coach",
         "description, named"),
        ('"A," a spokeswoman said.', '"A,"', "a spokeswoman", "said", "spokeswoman for the city", None,
         "", "description, unnamed"),
        ('"A," said Melania Trump.', '"A,"', "Melania Trump", "said", "Melania Trump", "Donald Trump",
         "Melania Trump", "name"),
        ("It is expected that X.", "that X", "", "is expected", "Ana Ruiz", None, "", "no mention"),
    ],
)  # fmt: skip
def test_error_cause(text, content, speaker, cue, gold, predicted, predicted_speaker, cause) -> None:
    assert _cause(text, content, speaker, cue, gold, predicted, predicted_speaker) == cause


def test_other_form_and_document_mentions() -> None:
    assert other_form("Priya Raman", "Priya") and other_form("Ana Torres", "Ana Torres who")
    assert not other_form("Melania Trump", "Donald Trump")
    assert not other_form("City of Phoenix", "city")  # a lower-case word is no form of a name
    assert document_mention("the recall notice posted on Health Canada's website")
    assert document_mention("Data published by NHS England") and document_mention("The RTB report")
    assert not document_mention("The Washington Post") and not document_mention("Health Canada")


def test_by_cause_counts_by_kind_and_keeps_every_cause() -> None:
    cases = [
        NameCase("a", "direct", "", "Ruth Amsel", None, "no cue"),
        NameCase("a", "indirect", "he", "Ed Ames", "Jo Bloggs", "pronoun"),
        NameCase("a", "indirect", "he", "Ed Ames", "Ed Ames"),  # right: no cause
    ]
    rows = {row.cause: row for row in by_cause(cases)}
    assert list(rows) == list(CAUSES)
    assert rows["no cue"].wrong == 1 and dict(rows["pronoun"].by_kind)["indirect"] == 1
    assert sum(row.wrong for row in rows.values()) == 2
    table = format_causes(rows.values())
    assert "no cue" in table and "'Jo Bloggs'" in table and CAUSE_HELP["form"] in table
