"""The records the report's pages show, beside the speaker summary (:mod:`quotes.report.summaries`),
the outlet row (:mod:`quotes.report.outlets`), the timeline point (:mod:`quotes.report.timeline`)
and the repeated quotation (:mod:`quotes.report.repeats`): frozen dataclasses built by
:mod:`quotes.report.views` and read by the templates."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from quotes.report.outlets import OutletRow
from quotes.report.repeats import RepeatRow
from quotes.report.sources import DescriptionRow
from quotes.report.summaries import SpeakerSummary
from quotes.report.timeline import PeriodRow


@dataclass(frozen=True)
class ArticleRef:
    """The article a quotation comes from: its id and metadata."""

    id: str
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None


@dataclass(frozen=True)
class QuotationTone:
    """A quotation's tone: label, compound score, certainty and hype."""

    label: str
    compound: float
    certainty: float
    hype: float


@dataclass(frozen=True)
class ShownQuotation:
    """One quotation as a page lists it: display text, named cue, labelled frames, evidence."""

    article: ArticleRef
    text: str
    kind: str
    cue: str
    cue_lemma: str
    cue_class: str
    stance: str | None
    mention: str | None
    title: str | None
    rule: str
    confidence: float
    inherited: bool
    explanation: str | None
    tone: QuotationTone | None
    frames: tuple[tuple[str, float], ...]  # (label, weight), largest first
    codebook_frame: str | None
    evidence: tuple[tuple[str, str, float], ...]  # (source, matched text, weight)


@dataclass(frozen=True)
class WordRow:
    """A distinctive word: uses by the speaker and by the rest, z-score, and the numbers of up to
    two quotations on the page that use it."""

    word: str
    count: int
    other: int
    z: float
    examples: tuple[int, ...] = ()


@dataclass(frozen=True)
class SpeakerView:
    """Everything a speaker page shows beyond its summary."""

    paragraph: str
    words: tuple[WordRow, ...]
    outlet_rows: tuple[OutletRow, ...]
    periods: tuple[PeriodRow, ...]
    period_unit: str | None
    repeats: tuple[RepeatRow, ...]


@dataclass(frozen=True)
class ListedSpeaker:
    """A speaker listed with its first quotations on a shared page, and how many more it has."""

    s: SpeakerSummary
    quotations: tuple[ShownQuotation, ...]
    more: int


@dataclass(frozen=True)
class DescribedSources:
    """Unnamed sources described one way, with the first quotations so attributed."""

    row: DescriptionRow
    quotations: tuple[ShownQuotation, ...]
    more: int


@dataclass(frozen=True)
class CountsRow:
    """A speaker's quotation counts across columns (periods or outlets), with its page."""

    name: str
    page: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class PeriodCounts:
    """One period of the index's table over time: each top speaker's quotations, and everyone's."""

    period: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class CorpusView:
    """The index's over-time, outlet and repeated-quotation tables.

    ``over_time`` holds the most quoted speakers' counts per period (the chart's rows);
    ``period_rows`` the same turned a period per row, so that a long span runs down the page.
    ``outlet_table`` counts the most quoted speakers' quotations in the ``outlets`` columns, and
    in any other outlet (``outlet_other``, when some are left out)."""

    periods: tuple[str, ...]
    period_unit: str | None
    undated: int
    over_time: tuple[CountsRow, ...]
    period_rows: tuple[PeriodCounts, ...]
    outlets: tuple[str, ...]
    outlet_table: tuple[CountsRow, ...]
    outlet_other: tuple[int, ...] | None
    repeats: tuple[RepeatRow, ...]
    repeated_total: int


@dataclass(frozen=True)
class CompareColumn:
    """One speaker on the comparison page."""

    s: SpeakerSummary
    words: tuple[WordRow, ...]
    quotes: tuple[ShownQuotation, ...]
    stance_shares: dict[str, float]
    top_frames: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class ChartRef:
    """A chart as a page shows it: its file (relative to the page) and its alternative text."""

    file: str
    alt: str


def template_values(view: Any) -> dict[str, Any]:
    """A view's fields as template values (one level: nested records stay records)."""
    return {item.name: getattr(view, item.name) for item in fields(view)}
