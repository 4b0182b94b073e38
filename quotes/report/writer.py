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

This module runs those steps in order; the pages themselves are written by
:mod:`quotes.report.speaker_pages` (speakers) and :mod:`quotes.report.corpus_pages` (comparison
and index) through :class:`quotes.report.pages.Pages`, the exports by :mod:`quotes.report.exports`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quotes.cues import CUE_CLASSES
from quotes.fsutil import slugify
from quotes.records import ArticleResult
from quotes.report.aggregate import Aggregator
from quotes.report.chartpool import ChartPool, chart_jobs
from quotes.report.corpus_pages import INDEX_FILES, compare_page, index_pages
from quotes.report.exports import export_quotations
from quotes.report.facets import Facets
from quotes.report.outputs import Written
from quotes.report.pages import MIN_QUOTES, Pages, Settings
from quotes.report.progress import Progress
from quotes.report.speaker_pages import others_page, speaker_charts, speaker_page
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.spool import Spool
from quotes.report.summaries import SpeakerSummary, summarise
from quotes.report.views import corpus_certainty
from quotes.speakers import AliasTable


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
        summaries = _summaries(ranked, settings, facets)
        pages = Pages(root, settings, written)
        missing = _write_pages(pages, aggregator, facets, spool, ranked, summaries, aliases)
        paths = [root / name for name in INDEX_FILES]
        index = ReportIndex(
            root,
            len(summaries),
            aggregator.quotations,
            aggregator.articles,
            aggregator.unattributed,
            *paths,
            missing=tuple(missing),
        )
        speakers = {s.key: (m.slug, m.name) for s, m in zip(ranked, summaries, strict=True)}
        for path in export_quotations(root, spool, speakers, aggregator.merged):
            written.add(path)
        written.finish(previous)
        return index
    finally:
        spool.close()
        shutil.rmtree(spool_dir, ignore_errors=True)


def _summaries(ranked: list[SpeakerStats], settings: Settings, facets: Facets) -> list[SpeakerSummary]:
    """Each speaker's summary, with a page of its own from ``min_quotes`` quotations (and a
    timeline chart there when it has dated quotations)."""
    taken: set[str] = {"others", "compare"}
    out = []
    for stats in ranked:
        major = stats.quotes >= settings.min_quotes
        dated = any(p.quotes for p in facets.timeline.rows(stats.key)) if major else None
        out.append(summarise(stats, slugify(stats.name, taken), major, dated))
    return out


def _write_pages(
    pages: Pages,
    aggregator: Aggregator,
    facets: Facets,
    spool: Spool,
    ranked: list[SpeakerStats],
    summaries: list[SpeakerSummary],
    aliases: AliasTable,
) -> list[str]:
    """Write every page and chart, with progress on stderr; returns the names given for the
    comparison that matched no speaker."""
    majors = [(s, m) for s, m in zip(ranked, summaries, strict=True) if m.has_page]
    progress = Progress("writing", len(ranked) + len(majors) + 1)
    certainty = corpus_certainty(aggregator)
    with ChartPool(chart_jobs(pages.settings.jobs, len(majors))) as pool:
        pages.pool = pool
        for stats, summary in majors:  # the workers draw while this process writes the pages
            pages.draw(speaker_charts(pages, facets, stats, summary), counted=True)
            if not pool.parallel:
                progress.step()
            speaker_page(pages, spool, facets, stats, summary, certainty)
            progress.step()
        minors = [(s, m) for s, m in zip(ranked, summaries, strict=True) if not m.has_page]
        others_page(pages, spool, minors)
        progress.step(len(minors))
        chosen, missing = compare_page(pages, spool, facets, ranked, summaries, aliases)
        index_pages(pages, aggregator, facets, ranked, summaries, bool(chosen), missing)
        pool.wait(progress.step)
    progress.step()
    progress.done()
    return missing
