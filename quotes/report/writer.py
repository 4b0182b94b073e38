"""Write the per-speaker reports and the index from a stream of article results.

The stream is read once. Per-speaker totals stay in memory (sums and bounded counters);
quotations are spooled to a SQLite file in a hidden temporary folder inside ``out_dir``
and read back one speaker at a time to render the reports. The spool is removed at the
end, also on error.

Quotations without a speaker name are counted as ``unattributed`` in the index and get no
speaker folder.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import multiprocessing
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.fsutil import atomic_write_bytes, atomic_write_text, inside, slugify
from quotes.records import ArticleResult
from quotes.report import charts
from quotes.report.aggregate import Aggregator, SpeakerStats, Spool
from quotes.report.render import Md, render_index, render_speaker
from quotes.speakers import AliasTable

MAX_LISTED = 200
"""Quotations shown in full in a speaker report; the rest are counted as "and K more"."""
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

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        """The three index files."""
        return (self.index_json, self.index_md, self.index_html)


def write_reports(
    results: Iterable[ArticleResult],
    out_dir: Path,
    aliases: AliasTable,
    *,
    title: str = "quotescope report",
    jobs: int = 1,
) -> ReportIndex:
    """Aggregate ``results`` per speaker and write reports, charts and the index into ``out_dir``.

    With ``jobs`` > 1 the speakers' charts are drawn by that many processes."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    spool_dir = Path(tempfile.mkdtemp(prefix=".quotescope-spool-", dir=root))
    spool = Spool(spool_dir / "quotations.sqlite")
    try:
        aggregator = Aggregator(aliases, spool)
        aggregator.consume(results)
        aggregator.merge_surnames()
        summaries = _write_speakers(root, aggregator.ranked(), spool, title, jobs)
        return _write_index(root, aggregator, summaries, title)
    finally:
        spool.close()
        shutil.rmtree(spool_dir, ignore_errors=True)


def _write_speakers(
    root: Path, ranked: list[SpeakerStats], spool: Spool, title: str, jobs: int
) -> list[dict[str, Any]]:
    taken: set[str] = set()
    summaries = []
    with _chart_pool(jobs) as pool:
        pending = []
        for stats in ranked:
            summary = stats.summary(slugify(stats.name, taken))
            folder = inside(root, summary["slug"])
            job = (folder, stats.compounds, stats.mean_compound, summary)
            pending.append(pool.submit(_draw_speaker_charts, *job) if pool else None)
            if pool is None:
                _draw_speaker_charts(*job)
            _write_speaker_pages(folder, stats, summary, spool, title)
            summaries.append(summary)
        for future in pending:
            if future is not None:
                future.result()
    return summaries


@contextlib.contextmanager
def _chart_pool(jobs: int) -> Iterator[concurrent.futures.Executor | None]:
    if jobs <= 1:
        yield None
        return
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield pool


def _draw_speaker_charts(
    folder: Path, compounds: Counter[float], mean: float | None, summary: dict[str, Any]
) -> None:
    """The three PNG charts of one speaker (a top-level function, so workers can run it)."""
    name = summary["name"]
    ci = summary["tone"]["ci95"]
    _write_png(
        folder, "tone.png", lambda: charts.tone_histogram(compounds, mean, tuple(ci) if ci else None, name)
    )
    _write_png(folder, "frames.png", lambda: charts.frames_chart(summary["frames"], name))
    _write_png(folder, "cues.png", lambda: charts.cues_chart(summary["cues"], summary["stance"], name))


def _write_speaker_pages(
    folder: Path, stats: SpeakerStats, summary: dict[str, Any], spool: Spool, title: str
) -> None:
    quotations = list(spool.rows(stats.key, MAX_LISTED))
    context = {
        "report_title": title,
        "s": summary,
        "outlets": list(summary["outlets"].items())[:TOP_OUTLETS],
        "quotations": quotations,
        "more": max(0, stats.quotes - len(quotations)),
    }
    markdown, html = render_speaker(context)
    atomic_write_text(inside(folder, "report.md"), markdown)
    atomic_write_text(inside(folder, "report.html"), html)


def _write_index(
    root: Path, aggregator: Aggregator, summaries: list[dict[str, Any]], title: str
) -> ReportIndex:
    total = len(summaries)
    _write_png(root, "speakers.png", lambda: charts.speakers_chart(
        [(s["name"], s["quotes"]) for s in summaries], total))  # fmt: skip
    tone_rows = [(s["name"], s["tone"]["scored"], s["tone"]["mean_compound"], _ci(s)) for s in summaries
                 if s["tone"]["mean_compound"] is not None]  # fmt: skip
    _write_png(root, "tone_by_speaker.png", lambda: charts.tone_by_speaker_chart(tone_rows, len(tone_rows)))
    _write_png(root, "frames_by_speaker.png", lambda: charts.frames_heatmap(
        [(s["name"], s["frames"]) for s in summaries], total))  # fmt: skip
    data = {
        "title": title,
        "articles": aggregator.articles,
        "failed_articles": aggregator.failed,
        "quotations": aggregator.quotations,
        "unattributed": aggregator.unattributed,
        "speakers": summaries,
    }
    paths = [inside(root, name) for name in ("index.json", "index.md", "index.html")]
    atomic_write_text(paths[0], json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    context = {
        "report_title": title,
        "articles": aggregator.articles,
        "failed": aggregator.failed,
        "quotations": aggregator.quotations,
        "unattributed": aggregator.unattributed,
        "speakers": summaries,
        "charts": [{"file": Md(file), "alt": alt} for file, alt in INDEX_CHARTS],
    }
    markdown, html = render_index(context)
    atomic_write_text(paths[1], markdown)
    atomic_write_text(paths[2], html)
    return ReportIndex(
        root, total, aggregator.quotations, aggregator.articles, aggregator.unattributed, *paths
    )


def _write_png(folder: Path, name: str, draw: Callable[[], bytes]) -> None:
    atomic_write_bytes(inside(folder, name), draw())


def _ci(summary: dict[str, Any]) -> tuple[float, float] | None:
    ci = summary["tone"]["ci95"]
    return (ci[0], ci[1]) if ci else None
