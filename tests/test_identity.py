"""Corpus speaker identity: `quotes speakers` and `quotes report` decide it in one place."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from quotes.records import Article, ArticleResult, Quotation
from quotes.report import write_reports
from quotes.speakers import AliasTable
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
