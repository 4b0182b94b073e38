"""The data of the report's views, from the aggregator and its facets: the frozen records of
:mod:`quotes.report.view_types` that the templates read.

Pure functions: no files, no charts. The speaker view adds the time, outlet, repeat and
distinctive-word tables and the summary paragraph to a speaker's summary; the corpus view the
over-time, outlet and repeat tables of the index; the comparison view sets named speakers side
by side.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from quotes.report.aggregate import Aggregator
from quotes.report.display import cue_name, frame_label, shown_quotation
from quotes.report.distinctive import Distinctive, log_odds, rest_of, words
from quotes.report.facets import Facets
from quotes.report.outlets import NO_OUTLET, Outlets
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.summaries import SpeakerSummary
from quotes.report.summary import paragraph
from quotes.report.view_types import (
    ArticleRef,
    CompareColumn,
    CorpusView,
    CountsRow,
    PeriodCounts,
    QuotationTone,
    ShownQuotation,
    SpeakerView,
    WordRow,
)
from quotes.rules.speakers import AliasTable, name_key

TOP_WORDS = 12
WORD_EXAMPLES = 2
TOP_REPEATS = 10
OVER_TIME_SPEAKERS = 6
OUTLET_SPEAKERS = 15
OUTLET_COLUMNS = 10
CHARACTERISTIC = 3


def corpus_certainty(aggregator: Aggregator) -> float | None:
    """Mean certainty over every scored quotation of the corpus."""
    scored = sum(s.scored for s in aggregator.speakers.values())
    total = sum(s.certainty_sum for s in aggregator.speakers.values())
    return total / scored if scored else None


def display_rows(rows: Sequence[Mapping[str, Any]], frame_labels: Mapping[str, str]) -> list[ShownQuotation]:
    """Spooled quotation rows (:func:`quotes.io.serialize.report_row`) as shown: bare text, named
    cues, frame labels."""
    return [quotation_view(row, frame_labels) for row in rows]


def quotation_view(row: Mapping[str, Any], frame_labels: Mapping[str, str]) -> ShownQuotation:
    """One spooled quotation row as a page shows it."""
    article = row["article"]
    tone = row["tone"]
    return ShownQuotation(
        article=ArticleRef(**{key: article[key] for key in ("id", "title", "date", "outlet", "url")}),
        text=shown_quotation(row["text"]),
        kind=row["kind"],
        cue=cue_name(row["cue"]),
        cue_lemma=cue_name(row["cue_lemma"]),
        cue_class=row["cue_class"],
        stance=row["stance"],
        mention=row["mention"],
        title=row["title"],
        rule=row["rule"],
        confidence=row["confidence"],
        inherited=row["inherited"],
        explanation=row["explanation"],
        tone=None
        if tone is None
        else QuotationTone(tone["label"], tone["compound"], tone["certainty"], tone["hype"]),
        frames=tuple((frame_label(f, frame_labels), w) for f, w in row["frames"]),
        codebook_frame=frame_label(row["codebook_frame"], frame_labels) if row["codebook_frame"] else None,
        evidence=tuple((source, matched, weight) for source, matched, weight in row["evidence"]),
    )


def word_rows(found: Sequence[Distinctive], rows: Sequence[Mapping[str, Any]]) -> tuple[WordRow, ...]:
    """Distinctive words with up to WORD_EXAMPLES quotations (by their number in the list) using each."""
    tokens = [set(words(r["text"])) for r in rows]
    out = []
    for d in found:
        examples = tuple(i + 1 for i, t in enumerate(tokens) if d.word in t)[:WORD_EXAMPLES]
        out.append(WordRow(d.word, d.count, d.other, d.z, examples))
    return tuple(out)


def speaker_view(
    stats: SpeakerStats,
    summary: SpeakerSummary,
    facets: Facets,
    rows: Sequence[Mapping[str, Any]],
    corpus_cert: float | None,
    frame_labels: Mapping[str, str],
) -> SpeakerView:
    """Everything a speaker page shows beyond the summary counts."""
    mine = facets.words.get(stats.key, Counter())
    found = log_odds(mine, rest_of(facets.corpus_words, mine), facets.corpus_words, top=TOP_WORDS)
    outlets = tuple(
        dataclasses.replace(row, top_frames=tuple(frame_label(f, frame_labels) for f in row.top_frames))
        for row in facets.outlets.rows(stats.key, unlisted=True)
    )
    repeats = tuple(
        r.row(summary.name, summary.slug, shown_quotation(r.text))
        for r in facets.repeats.for_speaker(stats.key)
    )
    return SpeakerView(
        paragraph=paragraph(
            summary,
            [o for o in outlets if o.outlet != NO_OUTLET],
            corpus_cert,
            frame_labels,
            [d.word for d in found],
        ),
        words=word_rows(found, rows),
        outlet_rows=outlets,
        periods=tuple(facets.timeline.rows(stats.key)),
        period_unit=facets.timeline.unit,
        repeats=repeats,
    )


def corpus_view(
    ranked: Sequence[SpeakerStats], summaries: Sequence[SpeakerSummary], facets: Facets
) -> CorpusView:
    """The index's over-time, outlet and repeated-quotation tables, of the speakers ``ranked``."""
    by_key = {s.key: summary for s, summary in zip(ranked, summaries, strict=True)}
    top = [s for s in ranked if s.key in facets.timeline.days][:OVER_TIME_SPEAKERS]
    over_time = tuple(
        CountsRow(
            by_key[s.key].name, by_key[s.key].page, tuple(r.quotes for r in facets.timeline.rows(s.key))
        )
        for s in top
    )
    periods = tuple(facets.timeline.periods())
    totals = facets.timeline.totals()
    period_rows = tuple(
        PeriodCounts(period, tuple(row.counts[i] for row in over_time), totals[i])
        for i, period in enumerate(periods)
    )
    outlet_speakers = [s for s in ranked if s.key in facets.outlets.by_speaker][:OUTLET_SPEAKERS]
    outlets, other = outlet_columns(facets.outlets, [s.key for s in outlet_speakers])
    matrix = facets.outlets.matrix([s.key for s in outlet_speakers], outlets)
    outlet_table = tuple(
        CountsRow(by_key[s.key].name, by_key[s.key].page, tuple(row))
        for s, row in zip(outlet_speakers, matrix, strict=True)
    )
    repeats = []
    for spread in facets.repeats.repeated()[:TOP_REPEATS]:
        summary = by_key.get(spread.speaker)
        name = summary.name if summary else spread.speaker
        repeats.append(
            spread.row(name, None, shown_quotation(spread.text), summary.page if summary else None)
        )
    return CorpusView(
        periods=periods,
        period_unit=facets.timeline.unit,
        undated=facets.timeline.undated,
        over_time=over_time,
        period_rows=period_rows,
        outlets=tuple(outlets),
        outlet_table=outlet_table,
        outlet_other=other,
        repeats=tuple(repeats),
        repeated_total=len(facets.repeats.repeated()),
    )


def outlet_columns(outlets: Outlets, keys: Sequence[str]) -> tuple[list[str], tuple[int, ...] | None]:
    """The outlet columns of the index's table for speakers ``keys``: the outlets that quote them
    most (none that quotes none of them), up to OUTLET_COLUMNS, and all the outlets tied with the
    last one, so that no outlet is dropped for its name; and each speaker's quotations in the
    outlets left out (None when none is left out), so that no speaker's row is empty."""
    counts: Counter[str] = Counter()
    for key in keys:
        for outlet, stats in outlets.by_speaker.get(key, {}).items():
            counts[outlet] += stats.quotes
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) <= OUTLET_COLUMNS:
        return [o for o, _ in ranked], None
    last = ranked[OUTLET_COLUMNS - 1][1]
    shown = [o for o, n in ranked if n >= last]
    if len(shown) > OUTLET_COLUMNS + OUTLET_COLUMNS // 2:  # a long tie: all of it goes to the other column
        shown = [o for o, n in ranked if n > last]
    left = {o for o, _ in ranked} - set(shown)
    if not left:
        return shown, None
    other = tuple(
        sum(stats.quotes for outlet, stats in outlets.by_speaker.get(key, {}).items() if outlet in left)
        for key in keys
    )
    return shown, other


def resolve_names(
    names: Sequence[str], ranked: Sequence[SpeakerStats], aliases: AliasTable
) -> tuple[list[SpeakerStats], list[str]]:
    """The speakers ``names`` mean (alias table, then a unique surname match), and the names not found."""
    by_key = {s.key: s for s in ranked}
    found: list[SpeakerStats] = []
    missing: list[str] = []
    for name in names:
        key = name_key(aliases.canonical(name)) or name
        stats = by_key.get(key)
        if stats is None:
            ends = [s for s in ranked if s.key.split()[-1:] == key.split()[-1:] and " " not in key]
            stats = ends[0] if len(ends) == 1 else None
        if stats is None:
            missing.append(name)
        elif stats not in found:
            found.append(stats)
    return found, missing


STANCE_ORDER = ("neutral", "endorsing", "distancing")
"""The stances listed first; the others (guilt, emotive, ...) follow by name, "other" last."""


def stance_order(stances: Iterable[Mapping[str, int]]) -> list[str]:
    """Every stance of ``stances``, in STANCE_ORDER, then by name, with "other" (an unlisted
    verb) last: so that the shares shown add up to the whole."""
    seen = {k for mapping in stances for k, n in mapping.items() if n}
    rest = sorted(seen - set(STANCE_ORDER) - {"other"})
    return [k for k in STANCE_ORDER if k in seen] + rest + (["other"] if "other" in seen else [])


def compare_view(
    chosen: Sequence[SpeakerStats],
    summaries: Mapping[str, SpeakerSummary],
    facets: Facets,
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
    frame_labels: Mapping[str, str],
) -> list[CompareColumn]:
    """One column per chosen speaker: summary figures, the words that set it apart from the
    others chosen, and its most characteristic quotations (those richest in those words)."""
    columns = []
    stances = stance_order(summaries[s.key].stance for s in chosen)
    for stats in chosen:
        mine = facets.words.get(stats.key, Counter())
        others: Counter[str] = Counter()
        for other in chosen:
            if other is not stats:
                others.update(facets.words.get(other.key, Counter()))
        found = log_odds(mine, others, facets.corpus_words, top=TOP_WORDS)
        weight = {d.word: d.z for d in found}
        quotes = display_rows(rows.get(stats.key, ()), frame_labels)
        scored = sorted(quotes, key=lambda r: -sum(weight.get(w, 0.0) for w in set(words(r.text))))
        summary = summaries[stats.key]
        total = sum(summary.stance.values()) or 1
        columns.append(
            CompareColumn(
                s=summary,
                words=tuple(WordRow(d.word, d.count, d.other, d.z) for d in found),
                quotes=tuple(q for q in scored[:CHARACTERISTIC] if weight),
                stance_shares={k: summary.stance.get(k, 0) / total for k in stances},
                top_frames=tuple(
                    (frame_label(f, frame_labels), share) for f, share in list(summary.frames.items())[:5]
                ),
            )
        )
    return columns
