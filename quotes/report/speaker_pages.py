"""The pages of single speakers: each speaker's page with its charts (at least ``min_quotes``
quotations), and the one page the others share (``others.html``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quotes.report import charts, charts_views
from quotes.report.bootstrap import CI_MIN_QUOTES
from quotes.report.chartpool import Chart
from quotes.report.display import cue_name, label_keys
from quotes.report.facets import Facets
from quotes.report.pages import Pages
from quotes.report.render import render_others, render_speaker, render_unnamed
from quotes.report.sources import UnnamedSources, is_unnamed, unnamed_sources
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.spool import Spool
from quotes.report.summaries import SpeakerSummary
from quotes.report.view_types import DescribedSources, ListedSpeaker, template_values
from quotes.report.views import display_rows, speaker_view

MAX_LISTED = 200
"""Quotations shown in full in a speaker report; the rest are counted as "and K more"."""
MAX_LISTED_OTHERS = 20
"""Quotations shown per speaker on the page of speakers below ``min_quotes``."""
LISTED_DESCRIPTIONS = 60
"""Descriptions of unnamed sources listed with their quotations on unnamed.html (all are counted)."""
MAX_LISTED_UNNAMED = 5
"""Quotations shown per description on the page of unnamed sources (all are in quotations.html)."""
TOP_OUTLETS = 5


def speaker_charts(pages: Pages, facets: Facets, stats: SpeakerStats, summary: SpeakerSummary) -> list[Chart]:
    """The charts of one speaker's page (tone, frames, cues, and the timeline when dated)."""
    slug, name = summary.slug, summary.name
    frames = label_keys(summary.frames, pages.settings.labels)
    found = [
        pages.chart(f"{slug}/tone.png", charts.tone_histogram, stats.compounds, stats.mean_compound,
                    summary.tone.ci95, name),
        pages.chart(f"{slug}/frames.png", charts.frames_chart, frames, name),
        pages.chart(f"{slug}/cues.png", charts.cues_chart, _renamed(summary.cues), summary.stance, name),
    ]  # fmt: skip
    if summary.timeline_chart:
        unit = facets.timeline.unit or "month"
        periods = facets.timeline.rows(stats.key)
        found.append(pages.chart(f"{slug}/timeline.png", charts_views.timeline_chart, periods, unit, name))
    return found


def speaker_page(
    pages: Pages,
    spool: Spool,
    facets: Facets,
    stats: SpeakerStats,
    summary: SpeakerSummary,
    certainty: float | None,
) -> None:
    """Write one speaker's report.md and report.html."""
    rows = list(spool.rows(stats.key, MAX_LISTED))
    view = speaker_view(stats, summary, facets, rows, certainty, pages.settings.labels)
    pages.page(
        f"{summary.slug}/report",
        render_speaker,
        s=summary,
        outlets=list(summary.outlets.items())[:TOP_OUTLETS],
        quotations=display_rows(rows, pages.settings.labels),
        more=max(0, stats.quotes - len(rows)),
        few=summary.quotes < CI_MIN_QUOTES,
        ci_min=CI_MIN_QUOTES,
        **template_values(view),
    )


def others_page(pages: Pages, spool: Spool, minors: list[tuple[SpeakerStats, SpeakerSummary]]) -> None:
    """Write others.md and others.html: the speakers below ``min_quotes`` (none: no page)."""
    if not minors:
        return
    entries = []
    for stats, summary in minors:
        rows = list(spool.rows(stats.key, MAX_LISTED_OTHERS))
        shown = tuple(display_rows(rows, pages.settings.labels))
        entries.append(ListedSpeaker(summary, shown, max(0, stats.quotes - len(rows))))
    pages.page("others", render_others, entries=entries, min_quotes=pages.settings.threshold)


def unnamed_page(
    pages: Pages, spool: Spool, speakers: Sequence[tuple[SpeakerStats, SpeakerSummary]]
) -> UnnamedSources:
    """Write unnamed.md and unnamed.html: each description of unnamed sources with the quotations
    so attributed, article by article (none: no page); returns the tally for the index."""
    sources = unnamed_sources(speakers)
    if not sources.descriptions:
        return sources
    members: dict[str, list[tuple[SpeakerStats, SpeakerSummary]]] = {}
    for stats, summary in speakers:
        if is_unnamed(summary.type):
            members.setdefault(summary.name.casefold(), []).append((stats, summary))
    entries = []
    for row in sources.descriptions[:LISTED_DESCRIPTIONS]:
        group = members[row.description.casefold()]
        rows = [r for stats, _ in group for r in spool.rows(stats.key, MAX_LISTED_UNNAMED)][
            :MAX_LISTED_UNNAMED
        ]
        shown = tuple(display_rows(rows, pages.settings.labels))
        entries.append(DescribedSources(row, shown, max(0, row.quotes - len(shown))))
    pages.page("unnamed", render_unnamed, sources=sources, entries=entries, listed=LISTED_DESCRIPTIONS)
    return sources


def _renamed(cues: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for cue, n in cues.items():
        out[cue_name(cue)] = out.get(cue_name(cue), 0) + n
    return out
