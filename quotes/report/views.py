"""The data of the report's views, from the aggregator and its facets: plain dicts for templates.

Pure functions: no files, no charts. The speaker view adds the time, outlet, repeat and
distinctive-word tables and the summary paragraph to a speaker's summary; the corpus view the
over-time, outlet and repeat tables of the index; the comparison view sets named speakers side
by side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from quotes.report.aggregate import Aggregator
from quotes.report.display import bare_quotation, cue_name, frame_label
from quotes.report.distinctive import Distinctive, log_odds, rest_of, words
from quotes.report.facets import Facets
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.summary import paragraph
from quotes.rules.speakers import AliasTable, name_key

TOP_WORDS = 12
WORD_EXAMPLES = 2
TOP_REPEATS = 10
OUTLET_SPEAKERS = 15
OUTLET_COLUMNS = 10
CHARACTERISTIC = 3


def corpus_certainty(aggregator: Aggregator) -> float | None:
    """Mean certainty over every scored quotation of the corpus."""
    scored = sum(s.scored for s in aggregator.speakers.values())
    total = sum(s.certainty_sum for s in aggregator.speakers.values())
    return total / scored if scored else None


def display_rows(rows: Sequence[dict[str, Any]], frame_labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """Quotation rows with display forms: bare text, named cues, frame labels."""
    out = []
    for row in rows:
        shown = dict(row)
        shown["text"] = bare_quotation(row["text"])
        shown["cue"] = cue_name(row["cue"])
        shown["cue_lemma"] = cue_name(row["cue_lemma"])
        shown["frames"] = [[frame_label(f, frame_labels), w] for f, w in row["frames"]]
        shown["codebook_frame"] = (
            frame_label(row["codebook_frame"], frame_labels) if row["codebook_frame"] else None
        )
        out.append(shown)
    return out


def word_rows(found: Sequence[Distinctive], rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Distinctive words with up to WORD_EXAMPLES quotations (by their number in the list) using each."""
    tokens = [set(words(r["text"])) for r in rows]
    return [
        {
            "word": d.word,
            "count": d.count,
            "other": d.other,
            "z": d.z,
            "examples": [i + 1 for i, t in enumerate(tokens) if d.word in t][:WORD_EXAMPLES],
        }
        for d in found
    ]


def speaker_view(
    stats: SpeakerStats,
    summary: dict[str, Any],
    facets: Facets,
    rows: Sequence[dict[str, Any]],
    corpus_cert: float | None,
    frame_labels: Mapping[str, str],
) -> dict[str, Any]:
    """Everything a speaker page shows beyond the summary counts."""
    mine = facets.words.get(stats.key, Counter())
    found = log_odds(mine, rest_of(facets.corpus_words, mine), facets.corpus_words, top=TOP_WORDS)
    outlets = facets.outlets.rows(stats.key)
    for row in outlets:
        row["top_frames"] = [frame_label(f, frame_labels) for f in row["top_frames"]]
    periods = facets.timeline.rows(stats.key)
    repeats = [r.to_dict(summary["name"], summary["slug"]) for r in facets.repeats.for_speaker(stats.key)]
    return {
        "paragraph": paragraph(summary, outlets, corpus_cert, frame_labels, [d.word for d in found]),
        "words": word_rows(found, rows),
        "outlet_rows": outlets,
        "periods": [vars(p) for p in periods],
        "period_unit": facets.timeline.unit,
        "repeats": repeats,
    }


def corpus_view(
    ranked: Sequence[SpeakerStats], summaries: Sequence[dict[str, Any]], facets: Facets
) -> dict[str, Any]:
    """The index's over-time, outlet and repeated-quotation tables."""
    by_key = {s.key: summary for s, summary in zip(ranked, summaries, strict=True)}
    periods = facets.timeline.periods()
    top = [s for s in ranked if s.key in facets.timeline.days][:6]
    over_time = [
        {
            "name": by_key[s.key]["name"],
            "page": by_key[s.key]["page"],
            "counts": [r.quotes for r in facets.timeline.rows(s.key)],
        }
        for s in top
    ]
    outlets = facets.outlets.outlets()[:OUTLET_COLUMNS]
    outlet_speakers = [s for s in ranked if s.key in facets.outlets.by_speaker][:OUTLET_SPEAKERS]
    matrix = facets.outlets.matrix([s.key for s in outlet_speakers], outlets)
    outlet_table = [
        {"name": by_key[s.key]["name"], "page": by_key[s.key]["page"], "counts": row}
        for s, row in zip(outlet_speakers, matrix, strict=True)
    ]
    repeats = []
    for spread in facets.repeats.repeated()[:TOP_REPEATS]:
        summary = by_key.get(spread.speaker)
        record = spread.to_dict(summary["name"] if summary else spread.speaker, None)
        record["text"] = bare_quotation(record["text"])
        record["page"] = summary["page"] if summary else None
        repeats.append(record)
    return {
        "periods": periods,
        "period_unit": facets.timeline.unit,
        "undated": facets.timeline.undated,
        "over_time": over_time,
        "outlets": outlets,
        "outlet_table": outlet_table,
        "repeats": repeats,
        "repeated_total": len(facets.repeats.repeated()),
    }


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


def compare_view(
    chosen: Sequence[SpeakerStats],
    summaries: Mapping[str, dict[str, Any]],
    facets: Facets,
    rows: Mapping[str, Sequence[dict[str, Any]]],
    frame_labels: Mapping[str, str],
) -> list[dict[str, Any]]:
    """One column per chosen speaker: summary figures, the words that set it apart from the
    others chosen, and its most characteristic quotations (those richest in those words)."""
    columns = []
    for stats in chosen:
        mine = facets.words.get(stats.key, Counter())
        others: Counter[str] = Counter()
        for other in chosen:
            if other is not stats:
                others.update(facets.words.get(other.key, Counter()))
        found = log_odds(mine, others, facets.corpus_words, top=TOP_WORDS)
        weight = {d.word: d.z for d in found}
        quotes = display_rows(rows.get(stats.key, ()), frame_labels)
        scored = sorted(quotes, key=lambda r: -sum(weight.get(w, 0.0) for w in set(words(r["text"]))))
        summary = summaries[stats.key]
        total = sum(summary["stance"].values()) or 1
        columns.append(
            {
                "s": summary,
                "words": [{"word": d.word, "count": d.count, "other": d.other, "z": d.z} for d in found],
                "quotes": [q for q in scored[:CHARACTERISTIC] if weight],
                "stance_shares": {
                    k: summary["stance"].get(k, 0) / total for k in ("neutral", "endorsing", "distancing")
                },
                "top_frames": [
                    (frame_label(f, frame_labels), share) for f, share in list(summary["frames"].items())[:5]
                ],
            }
        )
    return columns
