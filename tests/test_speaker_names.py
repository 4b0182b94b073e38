"""Which name a speaker mention gets: full names over fragments, descriptions tied to the person the
article names, documents to their issuer, and no name where the mention names no one.

Short texts in several house styles (Canadian "says", British, wire, sports, local news); the
golden cases ``tests/cases/names-*.txt`` hold longer articles.
"""

from __future__ import annotations

import pytest

from quotes.speakers.descriptions import clean_title
from quotes.speakers.titles import plain_name


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ('Dwayne "The Rock" Johnson', "Dwayne Johnson"),
        ("Dwayne “The Rock” Johnson", "Dwayne Johnson"),
        ("Ana\u200b Torres", "Ana Torres"),
        ("Ru\u200bth Amsel", "Ruth Amsel"),
        ("Jo Bell, D-Ore.", "Jo Bell"),
        ("Derique Montaut (Lab", "Derique Montaut"),
        ("Ana Torres according", "Ana Torres"),
        ("hydrologist Ann Gill", "Ann Gill"),
        ("Ellen ap Gwynn", "Ellen ap Gwynn"),
        ("Bill de Blasio", "Bill de Blasio"),
        ("Ban Ki-moon", "Ban Ki-moon"),
    ],
)
def test_a_name_is_written_without_its_noise(written: str, plain: str) -> None:
    assert plain_name(written, person=True) == plain


ORGANISATIONS = [
    "the 9/11 commission",
    "Obama administration",
    "University of Leeds",
    "Campaign for Better Transport",
]


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_an_organisation_keeps_its_lower_case_words(name: str) -> None:
    assert plain_name(name) == name


@pytest.mark.parametrize(
    "title", ["(12-3)", "12-3", "(28-2, 20 KOs)", "both", "all", "said on Tuesday that", "54"]
)
def test_a_record_a_quantifier_or_a_clause_is_no_title(title: str) -> None:
    assert clean_title(title) is None


@pytest.mark.parametrize("title", ["Microsoft CEO", "head of the caucus", "Moose head coach", "D-Mont."])
def test_a_role_stays_a_title(title: str) -> None:
    assert clean_title(title) == title


def _names(analyzer, text: str) -> list[str | None]:
    return [q.speaker_name for q in analyzer.analyze(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the smallest repro: a surname the model reads as a common noun
        (
            '"The budget is a disaster," said Ana Torres. Torres added that she would vote against it.',
            ["Ana Torres", "Ana Torres"],
        ),
        # a first name alone, in a feature
        (
            "Priya Raman has inspected bridges for 20 years.\n\n"
            '"It\'s a maintenance issue, not a safety issue," Priya said.',
            ["Priya Raman"],
        ),
        # Canadian police rank, abbreviated, where the sentence splits after it
        (
            "Police closed the highway for six hours.\n\n"
            '"The driver was not wearing a seatbelt," says RCMP Cpl. Chantal Farrah.',
            ["Chantal Farrah"],
        ),
    ],
)
def test_a_name_written_in_part_gives_the_full_name(analyzer, text: str, expected: list[str]) -> None:
    assert _names(analyzer, text) == expected


def test_the_speakers_type_is_a_person_for_a_surname_read_as_a_noun(analyzer) -> None:
    text = '"The budget is a disaster," said Ana Torres. Torres added that she would vote against it.'
    assert [q.speaker_type for q in analyzer.analyze(text)] == ["person", "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sports: the subject just before, no one else named since
        (
            "Luca Marchetti made 31 saves on Saturday night.\n\n"
            '"The guys battled," said the veteran goaltender.',
            ["Luca Marchetti"],
        ),
        # British: the description is the title a person was named with before
        (
            "Ruth Amsel, a nurse at the Royal Infirmary, spoke to the inquiry on Monday.\n\n"
            "The nurse said staff had raised concerns for months.",
            ["Ruth Amsel"],
        ),
        # wire: "a man named X"
        (
            "A man named Carl Becker, who lives near the bay, said he had filled 40 bags.",
            ["Carl Becker"],
        ),
        # an apposition after the title ("The Transport Secretary, Grant Shapps,")
        (
            "The Transport Secretary, Grant Shapps, said the cuts were unavoidable.",
            ["Grant Shapps"],
        ),
    ],
)
def test_a_description_the_article_ties_to_a_person_gets_the_name(analyzer, text, expected) -> None:
    assert _names(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed neighbour stays unnamed, and so does the woman
        (
            "Fire Chief Ken Stuebing said crews arrived to find flames.\n\n"
            "A neighbour, who asked not to be named, said she heard a loud bang.\n\n"
            '"I grabbed the kids and ran," the woman said.',
            ["Ken Stuebing", "neighbour", "woman"],
        ),
        # someone new: a description with a phrase of its own that says which one
        (
            "Mayor Jane Roe opened the bridge on Monday.\n\n"
            "The engineer who designed the bridge said it would last a century.",
            ["engineer"],
        ),
        # a role another title rules out: the mayor is no engineer
        (
            "Mayor Jane Roe opened the bridge on Monday.\n\nThe engineer said it would last a century.",
            ["engineer"],
        ),
        # a spokesman is a role unnamed sources hold
        (
            "Jane Roe opened the plant on Monday.\n\nThe spokesman said the plant was safe.",
            ["spokesman"],
        ),
    ],
)
def test_a_description_nothing_ties_to_a_person_keeps_its_description(analyzer, text, expected) -> None:
    assert _names(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A study by researchers at the University of Leeds found journeys had become slower.\n\n"
            "The study said the average commute had grown by eight minutes.",
            ["University of Leeds researchers", "University of Leeds researchers"],
        ),
        (
            "A report released by the Campaign for Better Transport said fares had risen faster than wages.",
            ["Campaign for Better Transport"],
        ),
        (
            "The Forest Service said in a release that it had acted quickly. "
            "The release said 2,000 firefighters had been deployed.",
            ["Forest Service"],
        ),
        ("According to Statistics Canada's database, rents rose 8 per cent.", ["Statistics Canada"]),
        ("Parks Canada's website says the park will reopen in June.", ["Parks Canada"]),
    ],
)
def test_a_document_speaks_for_its_issuer(analyzer, text: str, expected: list[str]) -> None:
    assert [n for n in _names(analyzer, text) if n] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The high-stakes talks, officials said, would resume on Monday. The stakes said nothing.",
        "Fear said the market would fall.",
    ],
)
def test_a_thing_or_a_feeling_is_no_speaker(analyzer, text: str) -> None:
    names = _names(analyzer, text)
    assert "stakes" not in names and "Fear" not in names and "fear" not in names


def test_a_fight_record_is_no_title(analyzer) -> None:
    text = (
        "Okafor stops Lindqvist\n\n"
        'Emeka Okafor (12-3) stopped Nils Lindqvist on Saturday.\n\n"I knew he was tired," Okafor said.'
    )
    found = analyzer.analyze(text)
    assert [(q.speaker_name, q.title) for q in found] == [("Emeka Okafor", None)]


@pytest.mark.parametrize(
    "text",
    [
        '"We will appeal the ruling," Tuesday said the lawyer for the family.',
        "Tanya Reid spoke to the crowd.\n\nDarren Calabrese/The Canadian Press said the crowd was large.",
        'In her book "Rising Water," Ann Gill warns of floods. "Rising Water" says the province was warned.',
    ],
    ids=["day", "photo-credit", "book-title"],
)
def test_a_day_a_photo_credit_or_a_title_is_no_speaker(analyzer, text: str) -> None:
    names = _names(analyzer, text)
    assert not {"Tuesday", "Darren Calabrese", "Calabrese", "Rising Water", "Water"} & set(names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a feature's first name alone
        (
            "Nurse on the night shift\n\nColleen Baptiste has worked nights in Dauphin for 22 years.\n\n"
            '"You learn to sleep in the day," Colleen said.',
            ["Colleen Baptiste"],
        ),
        # a name written family name first, then alone
        (
            "Doctors wanted\n\nSEOUL (AP) — Han Seung-woo runs the only clinic in the county.\n\n"
            "Han said he sees 80 patients a day.",
            ["Han Seung-woo"],
        ),
        # letters after a name (British courts)
        (
            'Fraud trial opens\n\n"The scheme cost savers £4m," said prosecutor Helen Marsh KC.',
            ["Helen Marsh"],
        ),
        # a company by the first words of its name
        (
            "Heaters recalled\n\nTORONTO — Maple Hearth Appliances is recalling 40,000 heaters.\n\n"
            "Maple Hearth said a faulty switch was to blame.",
            ["Maple Hearth Appliances", "Maple Hearth Appliances"],
        ),
        (
            "Coal company goes bankrupt\n\nPeabody Energy filed for bankruptcy on Wednesday.\n\n"
            "Peabody said the plan would protect jobs.",
            ["Peabody Energy"],
        ),
    ],
)
def test_a_short_form_gives_the_full_name(analyzer, text: str, expected: list[str]) -> None:
    assert _names(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sports: an age for the person, and a coach between who is no candidate
        (
            "Oilers top Flames\n\nEDMONTON — Zach Hyman scored twice as the Oilers beat the Flames.\n\n"
            '"It\'s a big two points," said the 31-year-old, who has 18 goals this season.',
            ["Zach Hyman"],
        ),
        # a trait fits a person whose title names a position
        (
            "Bisons fall\n\nBuffalo starter Trent McCaskill struck out nine over six innings.\n\n"
            "The right-hander said his slider was as sharp as it had been all season.",
            ["Trent McCaskill"],
        ),
        # Canadian lede: the person the next paragraph introduces
        (
            "Pharmacist's long road\n\nLETHBRIDGE, Alta. — A Syrian-born pharmacist says the hardest part "
            "of rebuilding her career was the waiting.\n\nRania Haddad arrived in 2016 with her two sons.",
            ["Rania Haddad"],
        ),
        # an organisation by the last word of its name, and a company described by where it is based
        (
            "Plant to close\n\nStellan Foods will close its Brandon plant in March.\n\n"
            "The Winnipeg-based company said demand had fallen.",
            ["Stellan Foods"],
        ),
        (
            "Food bank busier than ever\n\n"
            "The Peoplesworth Community Pantry served 2,000 families in May.\n\n"
            "The pantry said demand had doubled.",
            ["Peoplesworth Community Pantry"],
        ),
    ],
)
def test_a_description_of_someone_named_gets_the_name(analyzer, text: str, expected: list[str]) -> None:
    assert [n for n in _names(analyzer, text) if n] == expected


def test_a_study_speaks_for_the_researchers_the_article_names(analyzer) -> None:
    text = (
        "Teens sleep less with phones, study finds\n\n"
        "Teenagers who use phones late sleep 40 minutes less, according to a study of 9,000 students.\n\n"
        "Researchers at the University of Bergen surveyed students aged 16 to 19.\n\n"
        "The study found the effect held after accounting for homework, the researchers wrote."
    )
    names = {n for n in _names(analyzer, text) if n}
    assert names == {"University of Bergen researchers"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Police investigate crash\n\nSgt. Nick Arbour said charges were anticipated.", "Sergeant"),
        ("Crash closes highway\n\nCpl. Guillaume Tremblay said no one was hurt.", "Corporal"),
    ],
)
def test_an_abbreviated_rank_is_the_speakers_title(analyzer, text: str, title: str) -> None:
    assert [q.title for q in analyzer.analyze(text)] == [title]
