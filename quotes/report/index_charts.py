"""The charts of the report's index page: speakers compared, tone by speaker, frames by
speaker, and, where the corpus has dates and outlets, speakers over time and by outlet."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from quotes.report import charts, charts_views
from quotes.report.chartpool import Chart
from quotes.report.display import label_keys
from quotes.report.gender_shares import GenderShares
from quotes.report.render import Md
from quotes.report.summaries import SpeakerSummary
from quotes.report.view_types import ChartRef, CorpusView

ChartMaker = Callable[..., Chart]
"""``chart(name, draw, *args)``: the chart ``draw(*args)`` to write as ``name`` (:meth:`Pages.chart`)."""


def index_charts(
    chart: ChartMaker,
    summaries: Sequence[SpeakerSummary],
    corpus: CorpusView,
    labels: Mapping[str, str],
    gender: GenderShares | None = None,
) -> tuple[list[Chart], list[ChartRef]]:
    """The index charts, made with ``chart``, and the views (over time, by outlet, women by month)
    among them for the index page."""
    total = len(summaries)
    found = [chart("speakers.png", charts.speakers_chart, [(s.name, s.quotes) for s in summaries], total)]
    tone_rows = [
        (s.name, s.tone.scored, s.tone.mean_compound, s.tone.ci95)
        for s in summaries
        if s.tone.mean_compound is not None
    ]
    found.append(chart("tone_by_speaker.png", charts.tone_by_speaker_chart, tone_rows, len(tone_rows)))
    found.append(chart("frames_by_speaker.png", charts.frames_heatmap,
                       [(s.name, label_keys(s.frames, labels)) for s in summaries], total))  # fmt: skip
    views = []
    if corpus.periods:
        series = [(r.name, list(r.counts)) for r in corpus.over_time]
        found.append(chart("over_time.png", charts_views.over_time_chart, series, list(corpus.periods),
                           corpus.period_unit))  # fmt: skip
        views.append(ChartRef(Md("over_time.png"), "Most quoted speakers over time"))
    if corpus.outlets:
        table = corpus.outlet_table
        found.append(chart("outlets.png", charts_views.outlet_heatmap, [r.name for r in table],
                           list(corpus.outlets), [list(r.counts) for r in table]))  # fmt: skip
        views.append(ChartRef(Md("outlets.png"), "Quotations by speaker and outlet"))
    if gender is not None and gender.by_month:
        found.append(chart("women_by_month.png", charts_views.women_share_chart, list(gender.by_month)))
        views.append(ChartRef(Md("women_by_month.png"), "Share of women among the people quoted, by month"))
    return found, views
