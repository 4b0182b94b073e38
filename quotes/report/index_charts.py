"""The charts of the report's index page: speakers compared, tone by speaker, frames by
speaker, and, where the corpus has dates and outlets, speakers over time and by outlet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quotes.report import charts, charts_views
from quotes.report.display import label_keys
from quotes.report.render import Md

PngWriter = Callable[..., None]
"""``png(name, draw, *args)``: write ``draw(*args)`` (a PNG) as ``name``, now or by a worker."""


def draw_index_charts(
    png: PngWriter, summaries: list[dict[str, Any]], corpus: dict[str, Any], labels: dict[str, str]
) -> list[dict[str, Any]]:
    """Write the index charts through ``png``; the views (over time, by outlet) drawn, for the index page."""
    total = len(summaries)
    png("speakers.png", charts.speakers_chart, [(s["name"], s["quotes"]) for s in summaries], total)
    tone_rows = [
        (s["name"], s["tone"]["scored"], s["tone"]["mean_compound"], _ci(s))
        for s in summaries
        if s["tone"]["mean_compound"] is not None
    ]
    png("tone_by_speaker.png", charts.tone_by_speaker_chart, tone_rows, len(tone_rows))
    png("frames_by_speaker.png", charts.frames_heatmap,
        [(s["name"], label_keys(s["frames"], labels)) for s in summaries], total)  # fmt: skip
    views = []
    if corpus["periods"]:
        series = [(r["name"], r["counts"]) for r in corpus["over_time"]]
        png("over_time.png", charts_views.over_time_chart, series, corpus["periods"], corpus["period_unit"])
        views.append({"file": Md("over_time.png"), "alt": "Most quoted speakers over time"})
    if corpus["outlets"]:
        table = corpus["outlet_table"]
        png("outlets.png", charts_views.outlet_heatmap, [r["name"] for r in table], corpus["outlets"],
            [r["counts"] for r in table])  # fmt: skip
        views.append({"file": Md("outlets.png"), "alt": "Quotations by speaker and outlet"})
    return views


def _ci(summary: dict[str, Any]) -> tuple[float, float] | None:
    ci = summary["tone"]["ci95"]
    return (ci[0], ci[1]) if ci else None
