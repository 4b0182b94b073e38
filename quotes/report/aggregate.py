"""Incremental per-speaker aggregation over a stream of article results.

Memory stays flat as the corpus grows: each speaker keeps only sums, bounded counters and
a sparse histogram of compound scores (:mod:`quotes.report.speaker_stats`); every quotation is
spooled to a SQLite file on disk so the reports can list them at the end without holding them
in memory.

Who is who is decided by a :class:`quotes.speakers.identity.Ledger` (the alias table, names
compared without case or middle initials, unnamed sources and one-word names kept to their
article unless evidence joins them to a person), as for ``quotes speakers``.
Quotations with no speaker name are counted as unattributed and get no speaker report; a
quotation of several speakers ("X and Y said") counts in each one's report. Every quotation,
attributed or not, is also spooled once for the export (:mod:`quotes.report.exports`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from quotes.io.serialize import report_row
from quotes.records import Article, ArticleResult, Quotation
from quotes.report.exports import export_row
from quotes.report.speaker_stats import SpeakerStats, cue_class_of
from quotes.report.spool import Spool
from quotes.rules.speakers import AliasTable
from quotes.speakers.gender import strongest
from quotes.speakers.identity import Ledger


class Observer(Protocol):
    """Sees every attributed quotation before it is counted (see quotes.report.facets)."""

    def observe(self, key: str, quotation: Quotation, article: Article) -> bool:
        """Fold the quotation in; False to leave it uncounted (a repeat)."""
        ...

    def rename(self, old: str, new: str) -> None:
        """Speaker ``old`` was merged into ``new``."""
        ...


@dataclass
class Aggregator:
    """Consumes article results once, keeping per-speaker totals and spooling quotations."""

    aliases: AliasTable
    spool: Spool
    speakers: dict[str, SpeakerStats] = field(default_factory=dict)
    articles: int = 0
    failed: int = 0
    quotations: int = 0
    unattributed: int = 0
    observer: Observer | None = None
    repeated: int = 0
    merged: dict[str, str] = field(default_factory=dict)  # folded speaker key -> the key it joined
    ledger: Ledger = field(init=False, repr=False)  # the identity decision, with its evidence

    def __post_init__(self) -> None:
        self.ledger = Ledger(self.aliases)

    def final_key(self, key: str) -> str:
        """The key a speaker ended under, once folded (``merged``)."""
        return self.merged.get(key, key)

    def consume(self, results: Iterable[ArticleResult]) -> None:
        """Fold every result of the stream in (the stream is read once)."""
        for result in results:
            self.add(result)

    def add(self, result: ArticleResult) -> None:
        """Fold one article result in."""
        number = self.articles
        self.articles += 1
        if result.error:
            self.failed += 1
        named = self.ledger.read(result)
        genders: dict[str, tuple[SpeakerStats, list[tuple[str | None, str | None]]]] = {}
        for position, quotation in enumerate(result.quotations):
            self.quotations += 1
            speakers = [self._speaker(found.key, found.name, found.declared) for found in named[position]]
            for stats in speakers:
                seen = (quotation.speaker_gender, quotation.speaker_gender_basis)
                genders.setdefault(stats.key, (stats, []))[1].append(seen)
            # a negated report ("X has not said ...") stays with X in the export, counted for no one
            counted = [] if quotation.negated else [
                s.key for s in speakers if self._count(s, quotation, result.article, number)
            ]
            self.unattributed += not speakers
            self.repeated += bool(speakers) and not counted and not quotation.negated
            keys = [stats.key for stats in speakers]
            self.spool.export(export_row(result.article, position, quotation), keys, counted)
        for stats, seen in genders.values():  # one vote per article (quotes.speakers.gender.corpus_gender)
            if (best := strongest(seen)) is not None:
                stats.genders[best] += 1

    def _count(self, stats: SpeakerStats, quotation: Quotation, article: Article, number: int) -> bool:
        """Count one quotation for one of its speakers; False when it repeats one already counted."""
        if self.observer is not None and not self.observer.observe(stats.key, quotation, article):
            return False
        stats.add(quotation, article, number)
        row = report_row(quotation, article)
        row["cue_class"] = cue_class_of(quotation)
        self.spool.add(stats.key, row, number)
        return True

    def _speaker(self, key: str, canonical: str, declared: str | None) -> SpeakerStats:
        stats = self.speakers.get(key)
        if stats is None:
            stats = SpeakerStats(key, declared)
            self.speakers[key] = stats
        stats.names.bump(canonical)
        return stats

    def merge_surnames(self) -> None:
        """Fold a speaker known by one word in an article ("Torres") into the person of the
        corpus the evidence says it is ("Ana Torres"); left alone without evidence. The decision
        and its evidence are the ledger's (:meth:`quotes.speakers.identity.Ledger.folds`)."""
        for short, fold in self.ledger.folds().items():
            full = fold.into
            self.merged[short] = full
            into = self.speakers[full]
            into.absorb(self.speakers.pop(short))
            self.spool.rename(short, full)
            into.articles = self.spool.articles(full)  # an article quoting both counts once
            if self.observer is not None:
                self.observer.rename(short, full)

    def ranked(self) -> list[SpeakerStats]:
        """Speakers by quotation count (descending), then name."""
        return sorted(self.speakers.values(), key=lambda s: (-s.quotes, s.name.casefold(), s.key))
