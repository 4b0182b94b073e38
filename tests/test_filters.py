"""The --speaker filter decides who is who as the report does, over every named speaker."""

from __future__ import annotations

from quotes.records import Article, ArticleResult, Quotation
from quotes.report.filters import ResultFilter, filter_results
from quotes.rules.speakers import AliasTable


def _quotation(name: str, names: tuple[str, ...] = ()) -> Quotation:
    return Quotation(
        "direct", ((0, 5),), "Hello", ((6, 9),), name, name, "person", ((10, 14),), "said",
        "say", "speech", "neutral", "cue-quote-after", 0.9, "test", speaker_names=names,
    )  # fmt: skip


def _kept(quotations: tuple[Quotation, ...], *wanted: str) -> list[str | None]:
    result = ArticleResult(Article("a", "text"), quotations)
    [out] = filter_results([result], ResultFilter(speakers=wanted), AliasTable())
    return [q.speaker_name for q in out.quotations]


def test_a_speaker_of_several_is_kept() -> None:
    both = _quotation("Ana Diaz and Tom Ellis", ("Ana Diaz", "Tom Ellis"))
    assert _kept((both, _quotation("Sam Reed")), "Tom Ellis") == ["Ana Diaz and Tom Ellis"]


def test_middle_initials_and_surnames_pick_the_person() -> None:
    quotations = (_quotation("Donald J. Trump"), _quotation("Melania Trump"), _quotation("Trump"))
    assert _kept(quotations, "Donald Trump") == ["Donald J. Trump", "Trump"]
