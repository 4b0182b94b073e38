"""Write the per-speaker reports and the index from a stream of article results.

The stream is read once. Per-speaker totals stay in memory (sums and bounded counters);
quotations are spooled to a SQLite file in a hidden temporary folder inside ``out_dir``
and read back one speaker at a time to render the reports. The spool is removed at the
end, also on error.

Speakers with at least ``min_quotes`` quotations get a folder with their page and charts; the
others are listed, with their counts and quotations, on one page (``others.html``). Quotations
without a speaker name are counted as ``unattributed`` in the index. Every file written is
recorded in ``report-files.json``; a later run into the same folder removes the recorded files
it does not write again, and nothing else.
"""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.cues import CUE_CLASSES
from quotes.fsutil import atomic_write_text, inside, slugify
from quotes.records import ArticleResult
from quotes.report import charts, charts_views
from quotes.report.aggregate import Aggregator
from quotes.report.bootstrap import CI_MIN_QUOTES
from quotes.report.chartpool import Chart, ChartPool, chart_jobs
from quotes.report.exports import export_quotations
from quotes.report.facets import Facets
from quotes.report.index_charts import draw_index_charts
from quotes.report.labels import cue_class_name, cue_classes_note, cue_name, frame_label, label_keys
from quotes.report.outputs import Written
from quotes.report.progress import Progress
from quotes.report.render import Md, render_compare, render_index, render_others, render_speaker
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.spool import Spool
from quotes.report.views import (
    compare_view,
    corpus_certainty,
    corpus_view,
    display_rows,
    resolve_names,
    speaker_view,
)
from quotes.speakers import AliasTable

MAX_LISTED = 200
"""Quotations shown in full in a speaker report; the rest are counted as "and K more"."""
MAX_LISTED_OTHERS = 20
"""Quotations shown per speaker on the page of speakers below ``min_quotes``."""
MIN_QUOTES = CI_MIN_QUOTES
"""Default: speakers with fewer quotations (too few for a tone interval) share one page, no charts."""
COMPARE_DEFAULT = 3
"""Without named speakers, the comparison page sets the most quoted ones side by side."""
TOP_OUTLETS = 5
INDEX_CHARTS = (
    ("speakers.png", "Quotations per speaker"),
    ("tone_by_speaker.png", "Mean tone by speaker with bootstrap 95% intervals"),
    ("frames_by_speaker.png", "Frame shares by speaker"),
)


@dataclass(frozen=True)
class ReportIndex:
    """What write_reports wrote, for the CLI to print."""

    out_dir: Path
    speakers: int
    quotations: int
    articles: int
    unattributed: int
    index_json: Path
    index_md: Path
    index_html: Path
    missing: tuple[str, ...] = ()  # names given for the comparison that matched no speaker

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        """The three index files."""
        return (self.index_json, self.index_md, self.index_html)


@dataclass(frozen=True)
class Settings:
    """How to write one report."""

    title: str = "quotescope report"
    jobs: int | None = None
    min_quotes: int = MIN_QUOTES
    compare: tuple[str, ...] = ()
    frame_labels: Mapping[str, str] | None = None
    cue_classes: tuple[str, ...] = CUE_CLASSES

    @property
    def labels(self) -> Mapping[str, str]:
        return self.frame_labels or {}


def write_reports(
    results: Iterable[ArticleResult],
    out_dir: Path,
    aliases: AliasTable,
    *,
    title: str = "quotescope report",
    jobs: int | None = None,
    min_quotes: int = MIN_QUOTES,
    compare: Sequence[str] = (),
    frame_labels: Mapping[str, str] | None = None,
    cue_classes: Sequence[str] = CUE_CLASSES,
) -> ReportIndex:
    """Aggregate ``results`` per speaker and write reports, charts and the index into ``out_dir``.

    With ``jobs`` > 1 the speakers' charts are drawn by that many processes, with 1 in this one.
    Without it (None), by one process per core (see ``chartpool.chart_jobs``). ``compare`` names
    the speakers of the comparison page (default: the most quoted); ``frame_labels`` maps frame
    ids to the labels shown (from the frame rules); ``cue_classes`` are the classes the results were
    filtered to (``--cues``), which the index states."""
    settings = Settings(title, jobs, max(1, min_quotes), tuple(compare), frame_labels, tuple(cue_classes))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    written = Written(root)
    previous = written.previous()
    spool_dir = Path(tempfile.mkdtemp(prefix=".quotescope-spool-", dir=root))
    spool = Spool(spool_dir / "quotations.sqlite")
    try:
        facets = Facets()
        aggregator = Aggregator(aliases, spool, observer=facets)
        aggregator.consume(results)
        aggregator.merge_surnames()
        ranked = aggregator.ranked()
        summaries = _summaries(ranked, settings)
        index = _Run(root, settings, aggregator, facets, spool, written).write(ranked, summaries, aliases)
        speakers = {s.key: (m["slug"], m["name"]) for s, m in zip(ranked, summaries, strict=True)}
        for path in export_quotations(root, spool, speakers, aggregator.merged):
            written.add(path)
        written.finish(previous)
        return index
    finally:
        spool.close()
        shutil.rmtree(spool_dir, ignore_errors=True)


def _summaries(ranked: list[SpeakerStats], settings: Settings) -> list[dict[str, Any]]:
    taken: set[str] = {"others", "compare"}
    out = []
    for stats in ranked:
        summary = stats.summary(slugify(stats.name, taken))
        slug = summary["slug"]
        major = stats.quotes >= settings.min_quotes
        summary["page"] = f"{slug}/report.html" if major else f"others.html#{slug}"
        summary["page_md"] = f"{slug}/report.md" if major else f"others.md#{slug}"
        summary["has_page"] = major
        out.append(summary)
    return out


class _Run:
    """One report being written: pages, charts and the record of written files."""

    def __init__(
        self,
        root: Path,
        settings: Settings,
        aggregator: Aggregator,
        facets: Facets,
        spool: Spool,
        written: Written,
    ) -> None:
        self.root = root
        self.settings = settings
        self.aggregator = aggregator
        self.facets = facets
        self.spool = spool
        self.written = written
        self.pool = ChartPool(1)  # replaced by the run's pool in write()
        self.names = {
            "frame_name": functools.partial(frame_label, labels=settings.labels),
            "cue_name": cue_name,
            "class_name": cue_class_name,
        }

    def write(
        self, ranked: list[SpeakerStats], summaries: list[dict[str, Any]], aliases: AliasTable
    ) -> ReportIndex:
        majors = [(s, m) for s, m in zip(ranked, summaries, strict=True) if m["has_page"]]
        progress = Progress("writing", len(ranked) + len(majors) + 1)
        certainty = corpus_certainty(self.aggregator)
        with ChartPool(chart_jobs(self.settings.jobs, len(majors))) as pool:
            self.pool = pool
            for stats, summary in majors:  # the workers draw while this process writes the pages
                pool.submit(self._speaker_charts(stats, summary))
                if not pool.parallel:
                    progress.step()
                self._speaker_page(stats, summary, certainty)
                progress.step()
            minors = [(s, m) for s, m in zip(ranked, summaries, strict=True) if not m["has_page"]]
            self._others_page(minors)
            progress.step(len(minors))
            chosen, missing = self._compare(ranked, summaries, aliases)
            index = self._index(ranked, summaries, bool(chosen), missing)
            pool.wait(progress.step)
        progress.step()
        progress.done()
        return index

    # -- files ----------------------------------------------------------------------------------
    def _text(self, relative: str, text: str) -> None:
        atomic_write_text(self.written.add(inside(self.root, *relative.split("/"))), text)

    def _chart(self, relative: str, draw: Callable[..., bytes], *args: Any) -> Chart:
        return (self.written.add(inside(self.root, *relative.split("/"))), draw, args)

    def _png(self, relative: str, draw: Callable[..., bytes], *args: Any) -> None:
        self.pool.submit([self._chart(relative, draw, *args)], counted=False)

    def _context(self, **values: Any) -> dict[str, Any]:
        return {"report_title": self.settings.title, **self.names, **values}

    # -- speakers -------------------------------------------------------------------------------
    def _speaker_charts(self, stats: SpeakerStats, summary: dict[str, Any]) -> list[Chart]:
        slug, name = summary["slug"], summary["name"]
        ci = summary["tone"]["ci95"]
        found = [
            self._chart(f"{slug}/tone.png", charts.tone_histogram, stats.compounds, stats.mean_compound,
                        tuple(ci) if ci else None, name),
            self._chart(f"{slug}/frames.png", charts.frames_chart,
                        label_keys(summary["frames"], self.settings.labels), name),
            self._chart(f"{slug}/cues.png", charts.cues_chart, _renamed(summary["cues"]), summary["stance"],
                        name),
        ]  # fmt: skip
        periods = self.facets.timeline.rows(stats.key)
        summary["timeline_chart"] = any(p.quotes for p in periods)
        if summary["timeline_chart"]:
            unit = self.facets.timeline.unit or "month"
            found.append(self._chart(f"{slug}/timeline.png", charts_views.timeline_chart, periods, unit,
                                     name))  # fmt: skip
        return found

    def _speaker_page(self, stats: SpeakerStats, summary: dict[str, Any], certainty: float | None) -> None:
        rows = list(self.spool.rows(stats.key, MAX_LISTED))
        view = speaker_view(stats, summary, self.facets, rows, certainty, self.settings.labels)
        context = self._context(
            s=summary,
            outlets=list(summary["outlets"].items())[:TOP_OUTLETS],
            quotations=display_rows(rows, self.settings.labels),
            more=max(0, stats.quotes - len(rows)),
            **view,
        )
        markdown, html = render_speaker(context)
        self._text(f"{summary['slug']}/report.md", markdown)
        self._text(f"{summary['slug']}/report.html", html)

    def _others_page(self, minors: list[tuple[SpeakerStats, dict[str, Any]]]) -> None:
        if not minors:
            return
        entries = []
        for stats, summary in minors:
            rows = list(self.spool.rows(stats.key, MAX_LISTED_OTHERS))
            entries.append(
                {
                    "s": summary,
                    "quotations": display_rows(rows, self.settings.labels),
                    "more": max(0, stats.quotes - len(rows)),
                }
            )
        context = self._context(entries=entries, min_quotes=self.settings.min_quotes)
        markdown, html = render_others(context)
        self._text("others.md", markdown)
        self._text("others.html", html)

    # -- comparison -----------------------------------------------------------------------------
    def _compare(
        self, ranked: list[SpeakerStats], summaries: list[dict[str, Any]], aliases: AliasTable
    ) -> tuple[list[SpeakerStats], list[str]]:
        named = bool(self.settings.compare)
        if named:
            chosen, missing = resolve_names(self.settings.compare, ranked, aliases)
        else:
            chosen, missing = (
                [s for s in ranked if s.quotes >= self.settings.min_quotes][:COMPARE_DEFAULT],
                [],
            )
        if len(chosen) < 2:
            return [], missing
        by_key = {s.key: m for s, m in zip(ranked, summaries, strict=True)}
        rows = {s.key: list(self.spool.rows(s.key, MAX_LISTED)) for s in chosen}
        columns = compare_view(chosen, by_key, self.facets, rows, self.settings.labels)
        names = [by_key[s.key]["name"] for s in chosen]
        self._png("compare_tone.png", charts_views.compare_tone_chart,
                  [(n, s.compounds) for n, s in zip(names, chosen, strict=True)])  # fmt: skip
        self._png("compare_frames.png", charts_views.compare_frames_chart, names,
                  [label_keys(by_key[s.key]["frames"], self.settings.labels) for s in chosen])  # fmt: skip
        context = self._context(columns=columns, named=named, missing=missing)
        markdown, html = render_compare(context)
        self._text("compare.md", markdown)
        self._text("compare.html", html)
        return chosen, missing

    # -- index ----------------------------------------------------------------------------------
    def _index(
        self, ranked: list[SpeakerStats], summaries: list[dict[str, Any]], compared: bool, missing: list[str]
    ) -> ReportIndex:
        total = len(summaries)
        corpus = corpus_view(ranked, summaries, self.facets)
        views = draw_index_charts(self._png, summaries, corpus, self.settings.labels)
        aggregator = self.aggregator
        data = {
            "title": self.settings.title,
            "articles": aggregator.articles,
            "failed_articles": aggregator.failed,
            "quotations": aggregator.quotations,
            "unattributed": aggregator.unattributed,
            "repeated": aggregator.repeated,
            "min_quotes": self.settings.min_quotes,
            "cue_classes": list(self.settings.cue_classes),
            "speakers": summaries,
            "repeats": corpus["repeats"],
        }
        self._text("index.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        context = self._context(
            articles=aggregator.articles,
            failed=aggregator.failed,
            quotations=aggregator.quotations,
            unattributed=aggregator.unattributed,
            repeated=aggregator.repeated,
            speakers=summaries,
            with_pages=sum(1 for s in summaries if s["has_page"]),
            min_quotes=self.settings.min_quotes,
            cue_classes_note=cue_classes_note(self.settings.cue_classes),
            charts=[{"file": Md(file), "alt": alt} for file, alt in INDEX_CHARTS],
            views=views,
            corpus=corpus,
            compared=compared,
            missing=missing,
        )
        markdown, html = render_index(context)
        self._text("index.md", markdown)
        self._text("index.html", html)
        paths = [self.root / name for name in ("index.json", "index.md", "index.html")]
        return ReportIndex(
            self.root,
            total,
            aggregator.quotations,
            aggregator.articles,
            aggregator.unattributed,
            *paths,
            missing=tuple(missing),
        )


def _renamed(cues: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for cue, n in cues.items():
        out[cue_name(cue)] = out.get(cue_name(cue), 0) + n
    return out
