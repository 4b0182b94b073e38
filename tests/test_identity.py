"""Corpus speaker identity: `quotes speakers` and `quotes report` decide it in one place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.records import Article, ArticleResult, Quotation
from quotes.report import write_reports
from quotes.rules.speakers import AliasTable
from quotes.speakers.identity import SpeakerCount, count_speakers, speaker_key, surname_folds


def quoted(*names: str | None, article_id: str = "a", kind: str = "person") -> ArticleResult:
    """An article quoting each of ``names`` once."""
    quotations = tuple(
        Quotation("direct", ((0, 5),), "Hello", ((6, 9),), name or "", name, kind, ((10, 14),), "said",
                  "say", "speech", "neutral", "cue-quote-after", 0.9, "test")
        for name in names
    )
    return ArticleResult(Article(article_id, "text"), quotations)


def reported(results: list[ArticleResult], out: Path, aliases: AliasTable) -> list[SpeakerCount]:
    write_reports(iter(results), out, aliases)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    return [SpeakerCount(s["name"], s["type"], s["quotes"], s["articles"]) for s in index["speakers"]]


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
    assert count_speakers(corpus, AliasTable()) == reported(corpus, tmp_path, AliasTable())


def test_donald_trump_and_trump_are_one_speaker(tmp_path: Path) -> None:
    corpus = [quoted("Donald Trump", article_id="a1"), quoted("Trump", article_id="a2")]
    expected = [SpeakerCount("Donald Trump", "person", 2, 2)]
    assert count_speakers(corpus, AliasTable()) == expected == reported(corpus, tmp_path, AliasTable())


def test_an_article_quoting_both_forms_counts_once(tmp_path: Path) -> None:
    corpus = [quoted("Donald Trump", "Trump", article_id="a1")]
    expected = [SpeakerCount("Donald Trump", "person", 2, 1)]
    assert count_speakers(corpus, AliasTable()) == expected == reported(corpus, tmp_path, AliasTable())


def test_aliases_and_declared_types_decide_first() -> None:
    table = {"potus": "Donald Trump", "donald trump": "Donald Trump"}
    aliases = AliasTable(table, {"Donald Trump": "person"})
    assert speaker_key("POTUS", aliases) == ("donald trump", "Donald Trump")
    assert speaker_key("  \n ", aliases) is None
    counts = count_speakers([quoted("POTUS"), quoted("Donald Trump", article_id="b")], aliases)
    assert counts == [SpeakerCount("Donald Trump", "person", 2, 2)]


def test_surname_folds() -> None:
    speakers = {
        "donald trump": ("person", None),
        "trump": ("person", None),
        "hillary clinton": ("person", None),
        "bill clinton": ("person", None),
        "clinton": ("person", None),
        "morgan": ("organisation", None),
        "jp morgan": ("person", None),
        "apple": ("unknown", "organisation"),
        "tim apple": ("person", None),
    }
    assert surname_folds(speakers) == {"trump": "donald trump"}


@pytest.mark.parametrize(
    ("person", "organisation", "folds"), [(90, 3, True), (100, 30, False), (9, 1, True), (8, 2, False)]
)
def test_a_one_word_organisation_folds_only_into_a_dominant_person(
    person: int, organisation: int, folds: bool
) -> None:
    speakers = {"doug ford": ("person", None), "ford": ("organisation", None)}
    counts = {"doug ford": person, "ford": organisation}
    assert surname_folds(speakers, counts) == ({"ford": "doug ford"} if folds else {})
    assert surname_folds({**speakers, "ford": ("organisation", "organisation")}, counts) == {}  # declared


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
    counts = count_speakers(corpus, AliasTable())
    expected = [SpeakerCount("Donald Trump", "person", 10, 2), SpeakerCount("Melania Trump", "person", 1, 1)]
    assert counts == expected
    assert counts == reported(corpus, tmp_path, AliasTable())


def test_a_bare_surname_shared_evenly_stays_apart() -> None:
    corpus = [quoted("Hillary Clinton", "Bill Clinton", article_id="a1"), quoted("Clinton", article_id="a2")]
    assert len(count_speakers(corpus, AliasTable())) == 3


def test_a_lone_surname_typed_organisation_joins_the_full_name_of_its_article(tmp_path: Path) -> None:
    person, organisation = quoted("Donald Trump", article_id="a1"), quoted("Trump", kind="organisation")
    corpus = [ArticleResult(person.article, person.quotations + organisation.quotations)]
    expected = [SpeakerCount("Donald Trump", "person", 2, 1)]
    assert count_speakers(corpus, AliasTable()) == expected == reported(corpus, tmp_path, AliasTable())
    elsewhere = [person, quoted("Trump", article_id="a2", kind="organisation")]
    assert len(count_speakers(elsewhere, AliasTable())) == 2  # no tie in its own article: stays apart
