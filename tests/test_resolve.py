"""Speaker resolution on parsed text: agreement, salience, shared surnames, non-speakers."""

from __future__ import annotations

import pytest


def _names(analyzer, text: str) -> list[tuple[str, str | None, str]]:
    return [(q.speaker_text, q.speaker_name, q.speaker_type) for q in analyzer.analyze(text)]


def test_she_never_takes_a_man(analyzer) -> None:
    text = 'John Baker met reporters on Monday. "We are ready," she said.'
    assert all(name != "John Baker" for _, name, _ in _names(analyzer, text))


def test_he_never_takes_an_organisation(analyzer) -> None:
    text = 'Brightline Corp. announced a merger on Monday. "It is a good day," he said.'
    assert all(name != "Brightline Corp." for _, name, _ in _names(analyzer, text))


def test_she_takes_the_woman_by_first_name(analyzer) -> None:
    text = 'Thomas Reed and Linda Park spoke on Monday.\n\n"We will win," she said.'
    assert _names(analyzer, text)[-1][1] == "Linda Park"


def test_it_takes_an_organisation(analyzer) -> None:
    text = "Brightline Corp. opened a station on Monday. It said that sales had doubled."
    assert _names(analyzer, text)[-1][1] == "Brightline Corp"


@pytest.mark.parametrize("dateline", ["WASHINGTON —", "DES MOINES, Iowa —", "CLEVELAND (UPI) —"])
def test_a_dateline_is_no_speaker(analyzer, dateline: str) -> None:
    text = (
        f'{dateline} Senator Ana Diaz said on Tuesday that the bill would pass.\n\n"It is time," Diaz said.'
    )
    names = {name for _, name, _ in _names(analyzer, text)}
    assert names == {"Ana Diaz"}


def test_unnamed_sources_keep_their_description(analyzer) -> None:
    text = "Aides to the governor said the plan was dead."
    ((_, name, kind),) = _names(analyzer, text)
    assert (name, kind) == ("Aides", "description")


def test_resolution_lists_each_of_several_speakers(rules, nlp) -> None:
    from quotes.attribution import ArticleContext, attribute
    from quotes.speakers.resolver import Resolver

    text = "Ana Diaz and Tom Ellis said the plan was sound."
    doc = nlp(text)
    context = ArticleContext(text, doc, rules.cues)
    resolver = Resolver(doc, rules.cues, rules.mentions, rules.aliases, context.quoted)
    candidates = attribute(context)
    resolver.register(candidates)
    resolution = resolver.resolve(candidates[0])
    assert resolution.names == ("Ana Diaz", "Tom Ellis")
    assert resolution.name == "Ana Diaz and Tom Ellis"


def test_speaker_types_are_record_types(analyzer) -> None:
    import typing

    from quotes.records import SpeakerType

    text = 'Aides to the governor said the plan was dead. "It is over," they said. I said it first.'
    types = {q.speaker_type for q in analyzer.analyze(text)}
    assert types <= set(typing.get_args(SpeakerType))
    assert "description" in types


def test_a_surname_named_first_joins_the_full_name(analyzer) -> None:
    text = "Mayor Ruiz defends the budget.\n\nMayor Elena Ruiz on Wednesday said the repairs were needed."
    assert {name for _, name, _ in _names(analyzer, text)} == {"Elena Ruiz"}


def test_an_acronym_written_alone_first_takes_the_full_name(analyzer) -> None:
    text = (
        "The IMF cut its forecast on Tuesday. It said growth would slow.\n\n"
        "The International Monetary Fund (IMF) said the slowdown would last."
    )
    names = {q.speaker_name for q in analyzer.analyze(text)}
    assert names == {"International Monetary Fund"}


def test_she_after_an_unnamed_spokeswoman_is_the_spokeswoman(analyzer) -> None:
    text = (
        "Local MP Diane Abbott welcomed the plan on Monday.\n\n"
        'A Downing Street spokeswoman said the government supported it. "We want to see more," she said.'
    )
    last = analyzer.analyze(text)[-1]
    expected = ("she", "Downing Street spokeswoman", "description")
    assert (last.speaker_text, last.speaker_name, last.speaker_type) == expected


def test_an_honorific_inside_the_name_makes_a_person_of_a_model_organisation(analyzer) -> None:
    # the model reads "Councillor Ewan Wilson" as an organisation; "Cr" is New Zealand's "Councillor"
    text = (
        "Councillor Ewan Wilson, who voted against the motion, said residents should have been given a "
        'referendum. "People feel this was decided for them," Cr Wilson said.'
    )
    names = [(name, kind) for _, name, kind in _names(analyzer, text)]
    assert names == [("Ewan Wilson", "person"), ("Ewan Wilson", "person")]


def test_closing_quote_marks_are_no_part_of_a_name(rules, nlp) -> None:
    """NYT-style ``''`` quotes glued to a full name by the model: the name is still "Donald Trump"
    (so its surname joins it, not a new speaker typed by a stray vote)."""
    from quotes.attribution import SpanIndex
    from quotes.speakers.article_entities import ArticleEntities

    entities = ArticleEntities(nlp("A plan."), rules.cues, rules.mentions, rules.aliases, SpanIndex([]))
    assert entities.titles.clean_name("Donald Trump ''") == "Donald Trump"
    assert entities.titles.clean_name("Mr. Trump's") == "Trump"


def test_a_verb_read_as_a_noun_leaves_the_name_before_it_speaking(analyzer) -> None:
    text = (
        "Donald Trump spoke in Ohio on Monday.\n\nIt is astounding that Trump demands accountability and "
        "transparency from our president, yet refuses to release his tax records."
    )
    assert {name for _, name, _ in _names(analyzer, text)} == {"Donald Trump"}


def test_a_group_named_after_a_person_stays_a_description(analyzer) -> None:
    text = "Hillary Clinton spoke in Ohio on Monday.\n\nClinton supporters said the rally was a success."
    assert _names(analyzer, text)[-1][1:] == ("Clinton supporters", "description")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Many officials on and off the island said the bank would fail.", "officials on and off the island"),
        ("Other advisers to the governor said the plan was dead.", "advisers to the governor"),
        ("Republican members of Congress said the speech went too far.", "Republican members of Congress"),
        ("Three people briefed on the talks said a deal was near.", "people briefed"),  # (a participle)
        ("Officials on Tuesday said the bridge would reopen.", "Officials"),  # (a date, no phrase)
        ("Advisers to Mr. Obama said the plan was sound.", "Advisers"),  # (a person's advisers)
    ],
)
def test_a_generic_people_noun_keeps_its_phrase(analyzer, text: str, expected: str) -> None:
    ((_, name, kind),) = _names(analyzer, text)
    assert (name, kind) == (expected, "description")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secretary General Ban Ki-moon spoke.\n\nMr. Ban said the council had failed.", "Ban Ki-moon"),
        ('President Xi Jinping met the delegation.\n\n"We are ready," Mr. Xi said.', "Xi Jinping"),
    ],
)
def test_a_name_written_family_name_first_takes_its_first_word(analyzer, text: str, expected: str) -> None:
    assert _names(analyzer, text)[-1][1] == expected


def test_a_family_name_shared_by_two_people_stays_unresolved_to_either(analyzer) -> None:
    text = "Li Qiang and Li Wei met the delegation.\n\nMr. Li said the talks went well."
    assert _names(analyzer, text)[-1][1] not in ("Li Qiang", "Li Wei")
