"""The pages about the whole corpus: the comparison of chosen speakers (``compare.html``) and
the index (``index.json``, ``index.md``, ``index.html``) with its charts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from quotes.report import charts_views
from quotes.report.aggregate import Aggregator
from quotes.report.display import cue_classes_note, label_keys
from quotes.report.facets import Facets
from quotes.report.gender_shares import GenderShares
from quotes.report.index_charts import index_charts
from quotes.report.pages import Pages
from quotes.report.render import Md, render_compare, render_index
from quotes.report.sources import UnnamedSources
from quotes.report.speaker_pages import MAX_LISTED
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.spool import Spool
from quotes.report.summaries import SpeakerSummary
from quotes.report.view_types import ChartRef
from quotes.report.views import compare_view, corpus_view, resolve_names
from quotes.rules.speakers import AliasTable

COMPARE_DEFAULT = 3
"""Without named speakers, the comparison page sets the most quoted ones side by side."""
INDEX_CHARTS = (
    ("speakers.png", "Quotations per speaker"),
    ("tone_by_speaker.png", "Mean tone by speaker with bootstrap 95% intervals"),
    ("frames_by_speaker.png", "Frame shares by speaker"),
)
INDEX_FILES = ("index.json", "index.md", "index.html")
STANCE_NAMES = {"other": "other (cue verb not in the stance list)", "none": "none (no cue verb)"}
TOP_INDEX = 25
"""Speakers listed on the index; every speaker is in ``speakers.html``."""
TOP_DESCRIPTIONS = 10
"""Descriptions of unnamed sources (and outlets) listed on the index; all are in ``unnamed.html``."""
TOP_GENDER_OUTLETS = 15
"""Outlets shown in the index's table of women among sources (index.json has every outlet)."""


def compare_page(
    pages: Pages,
    spool: Spool,
    facets: Facets,
    ranked: list[SpeakerStats],
    summaries: list[SpeakerSummary],
    aliases: AliasTable,
) -> tuple[list[SpeakerStats], list[str]]:
    """Write the comparison page and its charts for the speakers named in the settings (default:
    the most quoted with a page); returns the speakers set side by side (none when fewer than
    two) and the names that matched no speaker."""
    settings = pages.settings
    named = bool(settings.compare)
    if named:
        chosen, missing = resolve_names(settings.compare, ranked, aliases)
    else:
        chosen, missing = [s for s in ranked if s.quotes >= settings.threshold][:COMPARE_DEFAULT], []
    if len(chosen) < 2:
        return [], missing
    by_key = {s.key: m for s, m in zip(ranked, summaries, strict=True)}
    rows = {s.key: list(spool.rows(s.key, MAX_LISTED)) for s in chosen}
    columns = compare_view(chosen, by_key, facets, rows, settings.labels)
    names = [by_key[s.key].name for s in chosen]
    tone = pages.chart("compare_tone.png", charts_views.compare_tone_chart,
                       [(n, s.compounds) for n, s in zip(names, chosen, strict=True)])  # fmt: skip
    frames = pages.chart("compare_frames.png", charts_views.compare_frames_chart, names,
                         [label_keys(by_key[s.key].frames, settings.labels) for s in chosen])  # fmt: skip
    pages.draw([tone, frames])
    pages.page(
        "compare", render_compare, columns=columns, named=named, missing=missing, stance_names=STANCE_NAMES
    )
    return chosen, missing


def index_pages(
    pages: Pages,
    aggregator: Aggregator,
    facets: Facets,
    ranked: list[SpeakerStats],
    summaries: list[SpeakerSummary],
    sources: UnnamedSources,
    compared: bool,
    missing: list[str],
    every: Sequence[SpeakerSummary] = (),
    gender: GenderShares | None = None,
) -> None:
    """Write the index files (``INDEX_FILES``) and the index charts: the named speakers ``ranked``
    (with their ``summaries``) and the unnamed ``sources``; ``index.json`` lists ``every`` speaker,
    and ``gender``, the share of women among sources and quotations
    (:mod:`quotes.report.gender_shares`)."""
    settings = pages.settings
    corpus = corpus_view(ranked, summaries, facets)
    charts, views = index_charts(pages.chart, summaries, corpus, settings.labels, gender)
    pages.draw(charts)
    data = {
        "title": settings.title,
        "articles": aggregator.articles,
        "failed_articles": aggregator.failed,
        "quotations": aggregator.quotations,
        "unattributed": aggregator.unattributed,
        "repeated": aggregator.repeated,
        "min_quotes": settings.threshold,
        "cue_classes": list(settings.cue_classes),
        "speakers": [s.to_json() for s in (every or summaries)],
        "unnamed_sources": sources.to_json(),
        "repeats": [r.to_json() for r in corpus.repeats],
        **({"gender": gender.to_json()} if gender is not None else {}),
    }
    pages.text("index.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    pages.page(
        "index",
        render_index,
        articles=aggregator.articles,
        failed=aggregator.failed,
        quotations=aggregator.quotations,
        unattributed=aggregator.unattributed,
        repeated=aggregator.repeated,
        speakers=summaries,
        top=summaries[:TOP_INDEX],
        sources=sources,
        top_descriptions=TOP_DESCRIPTIONS,
        with_pages=sum(1 for s in summaries if s.has_page),
        min_quotes=settings.threshold,
        cue_classes_note=cue_classes_note(settings.cue_classes),
        charts=[ChartRef(Md(file), alt) for file, alt in INDEX_CHARTS],
        views=views,
        corpus=corpus,
        compared=compared,
        missing=missing,
        gender=gender,
        top_outlets=TOP_GENDER_OUTLETS,
    )
