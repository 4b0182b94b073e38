"""Corpus speaker identity: `quotes speakers` and `quotes report` decide it in one place."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from quotes.records import Article, ArticleResult, Quotation
from quotes.report import write_reports
from quotes.rules.speakers import AliasTable
from quotes.speakers.folds import Profile, decide_folds
from quotes.speakers.identity import SpeakerCount, count_speakers, speaker_key


def quoted(
    *names: str | None, article_id: str = "a", kind: str = "person", text: str = "text",
    title: str | None = None,
) -> ArticleResult:  # fmt: skip
    """An article of ``text`` quoting each of ``names`` once."""
    quotations = tuple(
        Quotation("direct", ((0, 5),), "Hello", ((6, 9),), name or "", name, kind, ((10, 14),), "said",  # type: ignore[arg-type]
                  "say", "speech", "neutral", "cue-quote-after", 0.9, "test", title=title)
        for name in names
    )  # fmt: skip
    return ArticleResult(Article(article_id, text), quotations)


def reported(results: list[ArticleResult], out: Path, aliases: AliasTable) -> list[SpeakerCount]:
    write_reports(iter(results), out, aliases)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    return [SpeakerCount(s["name"], s["type"], s["quotes"], s["articles"]) for s in index["speakers"]]


def counted(results: list[ArticleResult], aliases: AliasTable | None = None) -> list[SpeakerCount]:
    """``count_speakers`` without the evidence, to compare with the report's index."""
    return [dataclasses.replace(c, evidence="") for c in count_speakers(results, aliases or AliasTable())]


@pytest.mark.parametrize(
    "corpus",
    [
        [quoted("Donald Trump", article_id="a1"), quoted("Trump", article_id="a2")],
        [quoted("Trump", article_id="a1"), quoted("Donald Trump", article_id="a2")],
        [quoted("Donald Trump", "Trump", article_id="a1"), quoted("Trump", article_id="a2")],
        [quoted("Hillary Clinton", "Bill Clinton", "Clinton", None)],
        [quoted("J.P. Morgan", "JP Morgan"), quoted("jp  morgan", article_id="b")],
    ],
    ids=["full-first", "surname-first", "same-article", "ambiguous", "spelling"],
)
def test_speakers_and_report_agree(corpus: list[ArticleResult], tmp_path: Path) -> None:
    assert counted(corpus) == reported(corpus, tmp_path, AliasTable())


def test_donald_trump_and_trump_are_one_speaker(tmp_path: Path) -> None:
    corpus = [quoted("Donald Trump", article_id="a1"), quoted("Trump", article_id="a2")]
    expected = [SpeakerCount("Donald Trump", "person", 2, 2)]
    assert counted(corpus) == expected == reported(corpus, tmp_path, AliasTable())


def test_an_article_quoting_both_forms_counts_once(tmp_path: Path) -> None:
    corpus = [quoted("Donald Trump", "Trump", article_id="a1")]
    expected = [SpeakerCount("Donald Trump", "person", 2, 1)]
    assert counted(corpus) == expected == reported(corpus, tmp_path, AliasTable())


def test_aliases_and_declared_types_decide_first() -> None:
    table = {"potus": "Donald Trump", "donald trump": "Donald Trump"}
    aliases = AliasTable(table, {"Donald Trump": "person"})
    assert speaker_key("POTUS", aliases) == ("donald trump", "Donald Trump")
    assert speaker_key("  \n ", aliases) is None
    counts = count_speakers([quoted("POTUS"), quoted("Donald Trump", article_id="b")], aliases)
    why = "the same name in 2 articles; POTUS (1 in a): an alias in rules/speakers.yaml"
    assert counts == [SpeakerCount("Donald Trump", "person", 2, 2, why)]


def profile(word: str, kind: str, quotes: int = 1, declared: str | None = None, scope: str | None = None,
            articles: int = 1) -> Profile:  # fmt: skip
    """A speaker as the ledger would have gathered it."""
    found = Profile(word, declared, scope)
    for number in range(quotes):
        found.add(word.title(), kind, None, f"{scope or word}-{number % articles}")
    return found


def test_a_lone_word_folds_into_the_only_person_with_that_surname() -> None:
    profiles = {
        "donald trump": profile("donald trump", "person"),
        "trump\ta2": profile("trump", "person", scope="a2"),
        "hillary clinton": profile("hillary clinton", "person"),
        "bill clinton": profile("bill clinton", "person"),
        "clinton\ta3": profile("clinton", "person", scope="a3"),
        "morgan": profile("morgan", "organisation"),
        "jp morgan": profile("jp morgan", "person"),
        "apple": profile("apple", "unknown", declared="organisation"),
        "tim apple": profile("tim apple", "person"),
    }
    folds = decide_folds(profiles)
    assert {key: fold.into for key, fold in folds.items()} == {"trump\ta2": "donald trump"}
    assert folds["trump\ta2"].evidence == "the only person of the corpus named Trump"


@pytest.mark.parametrize(
    ("person", "organisation", "folds"), [(90, 3, True), (100, 30, False), (9, 1, True), (8, 2, False)]
)
def test_a_one_word_organisation_folds_only_into_a_dominant_person(
    person: int, organisation: int, folds: bool
) -> None:
    profiles = {"doug ford": profile("doug ford", "person", person),
                "ford": profile("ford", "organisation", organisation)}  # fmt: skip
    assert {k: f.into for k, f in decide_folds(profiles).items()} == ({"ford": "doug ford"} if folds else {})
    profiles["ford"] = profile("ford", "organisation", organisation, declared="organisation")
    assert decide_folds(profiles) == {}  # declared


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Donald J. Trump", "Donald Trump", True),
        ("James B. Comey", "James Comey", True),
        ("Vladimir V. Putin", "Vladimir Putin", True),
        ("Melania Trump", "Ivanka Trump", False),
        ("Donald Trump", "Donald Trump Jr.", False),
        ("J. Smith", "John Smith", False),
    ],
)
def test_middle_initials_and_suffixes_do_not_split_a_person(one: str, other: str, same: bool) -> None:
    assert (speaker_key(one, AliasTable())[0] == speaker_key(other, AliasTable())[0]) is same


def test_a_bare_surname_joins_the_dominant_full_name(tmp_path: Path) -> None:
    corpus = [
        quoted(*["Donald Trump"] * 9, article_id="a1"),
        quoted("Melania Trump", article_id="a2"),
        quoted("Trump", article_id="a3"),
    ]
    counts = counted(corpus)
    expected = [SpeakerCount("Donald Trump", "person", 10, 2), SpeakerCount("Melania Trump", "person", 1, 1)]
    assert counts == expected
    why = count_speakers(corpus, AliasTable())[0].evidence
    assert why == "Trump (1 in a3): Donald Trump holds 90% of the quotations of people named Trump"
    assert counts == reported(corpus, tmp_path, AliasTable())


def test_a_bare_surname_shared_evenly_stays_apart() -> None:
    corpus = [quoted("Hillary Clinton", "Bill Clinton", article_id="a1"), quoted("Clinton", article_id="a2")]
    assert len(count_speakers(corpus, AliasTable())) == 3


def test_a_lone_surname_typed_organisation_joins_the_full_name_of_its_article(tmp_path: Path) -> None:
    person, organisation = quoted("Donald Trump", article_id="a1"), quoted("Trump", kind="organisation")
    corpus = [ArticleResult(person.article, person.quotations + organisation.quotations)]
    expected = [SpeakerCount("Donald Trump", "person", 2, 1)]
    assert counted(corpus) == expected == reported(corpus, tmp_path, AliasTable())
    elsewhere = [person, quoted("Trump", article_id="a2", kind="organisation")]
    assert len(count_speakers(elsewhere, AliasTable())) == 2  # no tie in its own article: stays apart


# ------------------------------------------------------------------ evidence across articles (issue 19)

WORDS = AliasTable(
    honorifics={"mr.": "male", "mr": "male", "ms.": "female", "dr.": "any", "president": "any"},
    first_names={"jane": "female", "kim": "female", "ana": "female", "carlos": "male", "james": "male"},
)


def names(results: list[ArticleResult], aliases: AliasTable = WORDS) -> dict[str, int]:
    """Each speaker's quotations (a name kept apart in several articles is listed once per article)."""
    found: dict[str, int] = {}
    for count in count_speakers(results, aliases):
        key = count.name if count.name not in found else f"{count.name} ({len(found)})"
        found[key] = count.quotes
    return found


def test_surname_kim_in_three_unrelated_articles_stays_three_people() -> None:
    corpus = [
        quoted("Jane Kim", "Kim", article_id="food-bank",
               text="Jane Kim, a spokeswoman for the food bank, said donations fell. Kim said so."),
        quoted("Kim Jong Un", "Kim", article_id="summit",
               text="North Korean leader Kim Jong Un said talks would resume. Kim said the door was open."),
        quoted("Kim", article_id="clinic", text="Dr. Kim, who runs the clinic, said the line was long."),
    ]  # fmt: skip
    assert names(corpus) == {"Jane Kim": 2, "Kim Jong Un": 2, "Kim": 1}


def test_a_first_name_equal_to_another_persons_surname_never_joins() -> None:
    corpus = [
        quoted("Jane Kim", "Jane Kim", article_id="food-bank", text="Jane Kim said donations fell."),
        quoted("Kim", article_id="adoption", text='"We had given up hope," said Kim, who adopted two boys.'),
    ]
    assert names(corpus) == {"Jane Kim": 2, "Kim": 1}
    assert names(corpus, AliasTable()) == {"Jane Kim": 3}  # without the first-name list: the only Kim


def test_a_lone_surname_joins_the_full_name_its_article_writes() -> None:
    corpus = [
        quoted("Ana Torres", article_id="budget", text='"The budget is a disaster," said Ana Torres.'),
        quoted("Torres", article_id="council",
               text='Council member Ana Torres has pushed for the plan. "We cannot wait," Torres said.'),
        quoted("Carlos Torres", article_id="match", text="Carlos Torres scored twice."),
    ]  # fmt: skip
    counts = count_speakers(corpus, WORDS)
    assert [(c.name, c.quotes, c.articles) for c in counts] == [("Ana Torres", 2, 2), ("Carlos Torres", 1, 1)]
    assert counts[0].evidence == "Torres (1 in council): its article writes the full name Ana Torres"


def test_a_lone_surname_in_its_own_article_takes_the_full_name_it_quotes() -> None:
    corpus = [quoted("Ana Torres", "Torres", article_id="budget", kind="person")]
    counts = count_speakers(corpus, WORDS)
    assert [(c.name, c.quotes) for c in counts] == [("Ana Torres", 2)]
    assert counts[0].evidence == "Torres (1 in budget): its article quotes Ana Torres"


def test_an_honorific_of_the_other_gender_rules_a_person_out() -> None:
    corpus = [quoted("Jane Kim", article_id="bank"), quoted("Kim", article_id="clinic", text="Mr. Kim said.")]
    assert names(corpus) == {"Jane Kim": 1, "Kim": 1}
    corpus[1] = quoted("Kim", article_id="clinic", text="Ms. Kim said.")
    assert names(corpus) == {"Jane Kim": 2}


def test_a_shared_title_picks_the_person_among_several() -> None:
    corpus = [
        quoted("Paul Ryan", article_id="a1", title="House Speaker"),
        quoted("Rob Ryan", article_id="a2", title="defensive coordinator"),
        quoted("Ryan", article_id="a3", title="the House speaker"),
    ]
    counts = count_speakers(corpus, WORDS)
    assert [(c.name, c.quotes) for c in counts] == [("Paul Ryan", 2), ("Rob Ryan", 1)]
    assert counts[0].evidence == "Ryan (1 in a3): shares the title 'house speaker' with Paul Ryan"


def test_a_title_case_headline_names_no_one() -> None:
    text = "Obama Says Museum Tells a Story Long Ignored\n\nThe museum says it tells a story. Obama spoke."
    corpus = [quoted("Barack Obama", article_id="a1"), quoted("Obama", article_id="a2", text=text)]
    assert names(corpus) == {"Barack Obama": 2}  # "Obama Says Museum" is no name starting with "Obama"


@pytest.mark.parametrize("source", ["officials", "Officials", "the author", "a spokesman"])
def test_an_unnamed_source_is_its_articles_own(source: str, tmp_path: Path) -> None:
    corpus = [quoted(source, article_id=f"a{n}", kind="description") for n in range(2)]
    counts = count_speakers(corpus, WORDS)
    assert [(c.quotes, c.articles) for c in counts] == [(1, 1), (1, 1)]
    assert counts[0].evidence == "an unnamed source of article a0, joined to no other article"
    assert counted(corpus) == reported(corpus, tmp_path, AliasTable())


def test_an_alias_joins_and_says_so() -> None:
    aliases = AliasTable({"bob fontaine": "Robert Fontaine", "robert fontaine": "Robert Fontaine"})
    corpus = [quoted("Bob Fontaine", article_id="a1"), quoted("Robert Fontaine", article_id="a2")]
    counts = count_speakers(corpus, aliases)
    assert [(c.name, c.quotes, c.articles) for c in counts] == [("Robert Fontaine", 2, 2)]
    assert "Bob Fontaine (1 in a1): an alias in rules/speakers.yaml" in counts[0].evidence


def test_a_short_organisation_name_is_the_one_its_article_writes() -> None:
    corpus = [
        quoted("New York Times", article_id="a1", kind="organisation"),
        quoted("Times", article_id="a2", kind="organisation", text="The New York Times said. Times said."),
        quoted("Times", article_id="a3", kind="organisation", text="The Tampa Bay Times said. Times said."),
        quoted("FBI", article_id="a4", kind="organisation"),
        quoted("FBI", article_id="a5", kind="organisation"),
    ]  # fmt: skip
    assert names(corpus) == {"New York Times": 2, "FBI": 2, "Times": 1}


def test_a_one_word_name_saying_the_same_quotation_in_several_articles_is_one_speaker() -> None:
    def said(text: str, article_id: str) -> ArticleResult:
        result = quoted("Ana", article_id=article_id)
        return dataclasses.replace(result, quotations=(dataclasses.replace(result.quotations[0], text=text),))

    reprint = '"The new bridge will carry ten thousand cars a day,"'
    corpus = [said(reprint, "a1"), said(reprint, "a2"), said('"No."', "a3"), said('"No."', "a4")]
    counts = count_speakers(corpus, WORDS)
    assert sorted((c.quotes, c.articles) for c in counts) == [(1, 1), (1, 1), (2, 2)]
    assert "Ana (1 in a2): says the same quotation as in article a1" in counts[0].evidence
