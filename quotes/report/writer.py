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
from typing import TYPE_CHECKING

from quotes.io.files import slugify
from quotes.records import ArticleResult
from quotes.records.errors import QuotesError
from quotes.report.aggregate import Aggregator
from quotes.report.bootstrap import CI_MIN_QUOTES
from quotes.report.chartpool import ChartPool, chart_jobs
from quotes.report.corpus_pages import INDEX_FILES, compare_page, index_pages
from quotes.report.exports import export_quotations, speaker_rows
from quotes.report.facets import Facets
from quotes.report.gender_shares import GenderShares, gender_shares
from quotes.report.pages import Pages, Settings
from quotes.report.progress import Progress
from quotes.report.sources import is_unnamed
from quotes.report.speaker_pages import others_page, speaker_charts, speaker_page, unnamed_page
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.spool import Spool
from quotes.report.staging import open_report
from quotes.report.summaries import OWN_PAGE, SpeakerSummary, summarise
from quotes.report.table_pages import table_pages
from quotes.report.views import corpus_certainty
from quotes.report.written_files import Written
from quotes.rules.cues import CUE_CLASSES
from quotes.rules.speakers import AliasTable
from quotes.speakers.identity import Ledger

if TYPE_CHECKING:
    from quotes.io.manifest import Manifest

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
    min_quotes: int | None = None,
    compare: Sequence[str] = (),
    frame_labels: Mapping[str, str] | None = None,
    cue_classes: Sequence[str] = CUE_CLASSES,
    gender: bool = True,
    manifest: Manifest | None = None,
) -> ReportIndex:
    """Aggregate ``results`` per speaker and write reports, charts and the index into ``out_dir``.

    With ``jobs`` > 1 the speakers' charts are drawn by that many processes, with 1 in this one.
    Without it (None), by one process per core (see ``chartpool.chart_jobs``). ``compare`` names
    the speakers of the comparison page (default: the most quoted); ``frame_labels`` maps frame
    ids to the labels shown (from the frame rules); ``cue_classes`` are the classes the results were
    filtered to (``--cues``), which the index states; without ``gender`` (``--gender off``) the
    exports hold no gender fields. ``min_quotes`` is the fewest quotations for a page of one's
    own; None: every speaker of a small report (``pages.SMALL_REPORT``), else ``pages.MIN_QUOTES``.
    ``manifest``, the account of the inputs, is written into the report as ``manifest.json`` once
    they are read.

    The report appears whole or not at all (see :mod:`quotes.report.staging`); a second report
    into the same folder while this one runs fails with a ReportFolderError."""
    given = None if min_quotes is None else max(1, min_quotes)
    settings = Settings(title, jobs, given, tuple(compare), frame_labels, tuple(cue_classes))
    with open_report(out_dir) as staged:
        staging, spool = staged.staging, staged.spool
        (counts, missing), files = _write_staged(results, staging, spool, aliases, settings, manifest, gender)
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
    gender: bool,
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
        settings = settings.settled(sum(not is_unnamed(s.speaker_type) for s in ranked))
        summaries = _summaries(ranked, settings, facets, aggregator.ledger)
        pages = Pages(root, settings, written)
        speakers = {s.key: (m.slug, m.name) for s, m in zip(ranked, summaries, strict=True)}
        genders = {s.key: s.gender() for s in ranked}
        shares = gender_shares(speaker_rows(spool.exported(), speakers, aggregator.merged, genders))
        missing = _write_pages(pages, aggregator, facets, spool, ranked, summaries, aliases, shares)
        for path in export_quotations(root, spool, speakers, aggregator.merged, genders, gender, summaries):
            written.add(path)
        if manifest is not None:
            manifest.write(written.add(root / MANIFEST))
        counts = (len(summaries), aggregator.quotations, aggregator.articles, aggregator.unattributed)
        return (counts, tuple(missing)), written.finish()
    finally:
        spool.close()


def _summaries(
    ranked: list[SpeakerStats], settings: Settings, facets: Facets, ledger: Ledger
) -> list[SpeakerSummary]:
    """Each speaker's summary, with the evidence that its quotations are one speaker: a named
    speaker with at least ``min_quotes`` quotations has a page of its own (with a chart over time
    from CI_MIN_QUOTES dated quotations), the other named ones share ``others.html``, unnamed
    sources ``unnamed.html``."""
    taken: set[str] = {"others", "compare", "unnamed"}
    out = []
    for stats in ranked:
        if is_unnamed(stats.speaker_type):
            home = "unnamed"
        else:
            home = OWN_PAGE if stats.quotes >= settings.threshold else "others"
        dated = None
        if home == OWN_PAGE:
            dated = stats.quotes >= CI_MIN_QUOTES and any(p.quotes for p in facets.timeline.rows(stats.key))
        out.append(summarise(stats, slugify(stats.name, taken), home, dated, ledger.evidence(stats.key)))
    return out


def _write_pages(
    pages: Pages,
    aggregator: Aggregator,
    facets: Facets,
    spool: Spool,
    ranked: list[SpeakerStats],
    summaries: list[SpeakerSummary],
    aliases: AliasTable,
    gender: GenderShares | None = None,
) -> list[str]:
    """Write every page and chart, with progress on stderr; returns the names given for the
    comparison that matched no speaker."""
    pairs = list(zip(ranked, summaries, strict=True))
    named = [(s, m) for s, m in pairs if not is_unnamed(m.type)]
    majors = [(s, m) for s, m in named if m.has_page]
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
        minors = [(s, m) for s, m in named if not m.has_page]
        others_page(pages, spool, minors)
        sources = unnamed_page(pages, spool, pairs)
        progress.step(len(pairs) - len(majors))
        table_pages(pages, spool, pairs, aggregator.merged)
        named_stats, named_summaries = [s for s, _ in named], [m for _, m in named]
        chosen, missing = compare_page(pages, spool, facets, named_stats, named_summaries, aliases)
        index_pages(pages, aggregator, facets, named_stats, named_summaries, sources, bool(chosen), missing,
                    summaries, gender)  # fmt: skip
        pool.wait(progress.step)
    progress.step()
    progress.done()
    return missing
