"""Write the per-speaker reports and the index from a stream of article results.

The stream is read once. Per-speaker totals stay in memory (sums and bounded counters);
quotations are spooled to a SQLite file in a hidden folder beside ``out_dir`` and read back one
speaker at a time to render the reports. Everything is written into a staging folder beside
``out_dir`` and swapped in whole at the end, under a lock (:mod:`quotes.report.staging`): an error
or an interrupt leaves the previous report as it was; the spool and the staging folder are removed.

Speakers with at least ``min_quotes`` quotations get a folder with their page and charts; the
others are listed, with their counts and quotations, on one page (``others.html``). Quotations
without a speaker name are counted as ``unattributed`` in the index. Every file written is
recorded in ``report-files.json``; a later run into the same folder leaves the recorded files
behind with the old folder and carries every other file over, so it removes what the earlier
report wrote and nothing else.

This module runs those steps in order; the pages themselves are written by
:mod:`quotes.report.speaker_pages` (speakers) and :mod:`quotes.report.corpus_pages` (comparison
and index) through :class:`quotes.report.pages.Pages`, the exports by :mod:`quotes.report.exports`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotes.cues import CUE_CLASSES
from quotes.errors import QuotesError
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
from quotes.report.staging import open_report
from quotes.report.views import corpus_certainty
from quotes.speakers import AliasTable

if TYPE_CHECKING:
    from quotes.manifest import Manifest

MANIFEST = "manifest.json"


class NothingRead(QuotesError):
    """Every input failed: no report replaces the previous one (the manifest says why)."""


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
    notes: tuple[str, ...] = ()  # what the swap did beyond writing (stale folders removed, ...)

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
    manifest: Manifest | None = None,
) -> ReportIndex:
    """Aggregate ``results`` per speaker and write reports, charts and the index into ``out_dir``.

    With ``jobs`` > 1 the speakers' charts are drawn by that many processes, with 1 in this one.
    Without it (None), by one process per core (see ``chartpool.chart_jobs``). ``compare`` names
    the speakers of the comparison page (default: the most quoted); ``frame_labels`` maps frame
    ids to the labels shown (from the frame rules); ``cue_classes`` are the classes the results were
    filtered to (``--cues``), which the index states; ``manifest``, the account of the inputs, is
    written into the report as ``manifest.json`` once they are read.

    The report appears whole or not at all (see :mod:`quotes.report.staging`); a second report
    into the same folder while this one runs fails with a ReportFolderError."""
    settings = Settings(title, jobs, max(1, min_quotes), tuple(compare), frame_labels, tuple(cue_classes))
    with open_report(out_dir) as staged:
        staging, spool = staged.staging, staged.spool
        (counts, missing), files = _write_staged(results, staging, spool, aliases, settings, manifest)
        staged.commit(files)
        paths = (staged.target / name for name in INDEX_FILES)
        return ReportIndex(staged.target, *counts, *paths, missing=missing, notes=tuple(staged.notes))


def _write_staged(
    results: Iterable[ArticleResult],
    root: Path,
    spool_dir: Path,
    aliases: AliasTable,
    settings: Settings,
    manifest: Manifest | None,
) -> tuple[tuple[tuple[int, int, int, int], tuple[str, ...]], set[str]]:
    """Write the whole report into ``root``; returns ((speakers, quotations, articles,
    unattributed), unmatched comparison names) and the files written, relative to ``root``."""
    written = Written(root)
    spool = Spool(spool_dir / "quotations.sqlite")
    try:
        facets = Facets()
        aggregator = Aggregator(aliases, spool, observer=facets)
        aggregator.consume(results)
        if manifest is not None and aggregator.articles == 0 and not manifest.ok:
            raise NothingRead("no input could be read, so the previous report is kept as it was")
        aggregator.merge_surnames()
        ranked = aggregator.ranked()
        summaries = _summaries(ranked, settings)
        pages = Pages(root, settings, written)
        missing = _write_pages(pages, aggregator, facets, spool, ranked, summaries, aliases)
        speakers = {s.key: (m["slug"], m["name"]) for s, m in zip(ranked, summaries, strict=True)}
        for path in export_quotations(root, spool, speakers, aggregator.merged):
            written.add(path)
        if manifest is not None:
            manifest.write(written.add(root / MANIFEST))
        counts = (len(summaries), aggregator.quotations, aggregator.articles, aggregator.unattributed)
        return (counts, tuple(missing)), written.finish()
    finally:
        spool.close()


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


def _write_pages(
    pages: Pages,
    aggregator: Aggregator,
    facets: Facets,
    spool: Spool,
    ranked: list[SpeakerStats],
    summaries: list[dict[str, Any]],
    aliases: AliasTable,
) -> list[str]:
    """Write every page and chart, with progress on stderr; returns the names given for the
    comparison that matched no speaker."""
    majors = [(s, m) for s, m in zip(ranked, summaries, strict=True) if m["has_page"]]
    progress = Progress("writing", len(ranked) + len(majors) + 1)
    certainty = corpus_certainty(aggregator)
    with ChartPool(chart_jobs(pages.settings.jobs, len(majors))) as pool:
        pages.pool = pool
        for stats, summary in majors:  # the workers draw while this process writes the pages
            pool.submit(speaker_charts(pages, facets, stats, summary))
            if not pool.parallel:
                progress.step()
            speaker_page(pages, spool, facets, stats, summary, certainty)
            progress.step()
        minors = [(s, m) for s, m in zip(ranked, summaries, strict=True) if not m["has_page"]]
        others_page(pages, spool, minors)
        progress.step(len(minors))
        chosen, missing = compare_page(pages, spool, facets, ranked, summaries, aliases)
        index_pages(pages, aggregator, facets, ranked, summaries, bool(chosen), missing)
        pool.wait(progress.step)
    progress.step()
    progress.done()
    return missing
