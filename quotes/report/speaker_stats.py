"""One speaker's running totals: sums, bounded counters and a histogram of compound scores.

:class:`SpeakerStats` folds quotations in one at a time and keeps memory bounded (every counter
stops adding keys at a cap); :func:`quotes.report.summaries.summarise` turns it into the
speaker's summary.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from quotes.records import Article, Quotation
from quotes.report.bootstrap import COMPOUND_DECIMALS, bootstrap_ci
from quotes.report.timeline import parse_date
from quotes.rules.cues import CUE_CLASSES
from quotes.speakers.gender import CorpusGender, corpus_gender
from quotes.speakers.identity import clean_name, display_name, known_type

MAX_DISTINCT = 200
"""Distinct keys a per-speaker counter keeps; later new keys count under OTHER."""
OTHER = "(other)"
LABELS = ("positive", "neutral", "negative")


class BoundedCounter(Counter[str]):
    """A Counter that stops adding new keys after ``cap`` and counts them under OTHER."""

    def __init__(self, cap: int = MAX_DISTINCT) -> None:
        super().__init__()
        self.cap = cap

    def bump(self, key: str, amount: float = 1) -> None:
        """Add ``amount`` to ``key`` (or to OTHER once the counter is full)."""
        if key not in self and len(self) >= self.cap:
            key = OTHER
        self[key] += amount  # type: ignore[assignment]


@dataclass
class SpeakerStats:
    """Running totals for one speaker."""

    key: str
    declared_type: str | None
    names: BoundedCounter = field(default_factory=lambda: BoundedCounter(20))
    types: Counter[str] = field(default_factory=Counter)
    titles: BoundedCounter = field(default_factory=lambda: BoundedCounter(50))
    quotes: int = 0
    articles: int = 0
    last_article: int = -1
    kinds: Counter[str] = field(default_factory=Counter)
    cue_classes: Counter[str] = field(default_factory=Counter)
    scored: int = 0
    compound_sum: float = 0.0
    compounds: Counter[float] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    certainty_sum: float = 0.0
    hedged: int = 0
    boosted: int = 0
    hype_sum: float = 0.0
    hyped: int = 0
    frame_weights: BoundedCounter = field(default_factory=BoundedCounter)
    frame_quotes: BoundedCounter = field(default_factory=BoundedCounter)
    framed: int = 0
    codebook: BoundedCounter = field(default_factory=BoundedCounter)
    cues: BoundedCounter = field(default_factory=BoundedCounter)
    stance: BoundedCounter = field(default_factory=BoundedCounter)
    outlets: BoundedCounter = field(default_factory=BoundedCounter)
    first_date: str | None = None
    last_date: str | None = None
    inherited: int = 0
    confidence_sum: float = 0.0
    genders: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gender, basis) -> articles
    undated: int = 0  # quotations from articles without a date
    undated_articles: int = 0
    no_outlet: int = 0  # quotations from articles without an outlet
    no_outlet_articles: int = 0

    @property
    def name(self) -> str:
        """The display name: the most frequent spelling (always the canonical one when aliased)."""
        return display_name({name: n for name, n in self.names.items() if name != OTHER}, self.key)

    @property
    def speaker_type(self) -> str:
        """Declared type, else the most common known type seen, else "unknown"."""
        return known_type(self.declared_type, self.types)

    @property
    def title(self) -> str | None:
        """The title or affiliation seen most often, if any."""
        found = [(n, t) for t, n in self.titles.items() if t != OTHER]
        return max(found)[1] if found else None

    def add(self, quotation: Quotation, article: Article, article_number: int) -> None:
        """Fold one quotation into the totals."""
        self.quotes += 1
        new_article = self.last_article != article_number
        if new_article:
            self.articles += 1
            self.last_article = article_number
        if parse_date(article.date) is None:
            self.undated += 1
            self.undated_articles += new_article
        if not clean_name(article.outlet or ""):
            self.no_outlet += 1
            self.no_outlet_articles += new_article
        self.types[quotation.speaker_type] += 1
        if quotation.title:
            self.titles.bump(clean_name(quotation.title))
        self.kinds[quotation.kind] += 1
        self.cue_classes[cue_class_of(quotation)] += 1
        self.cues.bump(quotation.cue_lemma or OTHER)
        self.stance.bump(quotation.stance or "neutral")
        self.inherited += quotation.inherited
        self.confidence_sum += quotation.confidence
        if article.outlet:
            self.outlets.bump(clean_name(article.outlet))
        if article.date:
            self._add_date(article.date)
        if quotation.scores is not None and math.isfinite(quotation.scores.tone.compound):
            self._add_scores(quotation)

    def absorb(self, other: SpeakerStats) -> None:
        """Add ``other``'s totals to these (the same speaker under another name)."""
        for item in fields(self):
            if item.name in ("key", "declared_type", "names", "last_article"):
                continue  # the full name stays the display name
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            if isinstance(mine, Counter):
                for key, value in theirs.items():
                    mine[key] += value
            elif item.name in ("first_date", "last_date"):
                dates = [d for d in (mine, theirs) if d]
                if dates:
                    setattr(self, item.name, min(dates) if item.name == "first_date" else max(dates))
            elif isinstance(mine, int | float):
                setattr(self, item.name, mine + theirs)

    def _add_date(self, date: str) -> None:
        if self.first_date is None or date < self.first_date:
            self.first_date = date
        if self.last_date is None or date > self.last_date:
            self.last_date = date

    def _add_scores(self, quotation: Quotation) -> None:
        scores = quotation.scores
        assert scores is not None
        tone = scores.tone
        self.scored += 1
        self.compound_sum += tone.compound
        self.compounds[round(tone.compound, COMPOUND_DECIMALS)] += 1
        self.labels[tone.label] += 1
        self.certainty_sum += tone.certainty
        self.hedged += tone.certainty < 0
        self.boosted += tone.certainty > 0
        self.hype_sum += tone.hype
        self.hyped += tone.hype > 0
        self.codebook.bump(scores.codebook_frame or "other")
        self.framed += bool(scores.frames)
        for frame in scores.frames:
            self.frame_weights.bump(frame.id, frame.weight)
            self.frame_quotes.bump(frame.id)

    def gender(self) -> CorpusGender | None:
        """The speaker's gender across the corpus (None for no person, or with ``--gender off``)."""
        return corpus_gender(self.genders)

    @property
    def mean_compound(self) -> float | None:
        """Mean compound tone over scored quotations."""
        return self.compound_sum / self.scored if self.scored else None

    def ci95(self) -> tuple[float, float] | None:
        """Bootstrap 95% interval of the mean compound (>= CI_MIN_QUOTES scored quotations)."""
        return bootstrap_ci(self.compounds)

    def frame_shares(self) -> dict[str, float]:
        """Each frame's share of the speaker's total frame weight, largest first."""
        total = sum(self.frame_weights.values())
        if total <= 0:
            return {}
        return {k: v / total for k, v in ranked(self.frame_weights)}

    def codebook_shares(self) -> dict[str, float]:
        """Share of scored quotations by primary Policy Frames Codebook frame."""
        total = sum(self.codebook.values())
        return {k: v / total for k, v in ranked(self.codebook)} if total else {}


def cue_class_of(quotation: Quotation) -> str:
    """The quotation's cue class (speech, cognition, evidence); speech for one without a known class."""
    return quotation.cue_class if quotation.cue_class in CUE_CLASSES else "speech"


def ranked(counter: Counter[str]) -> list[tuple[str, Any]]:
    """A counter's items, largest first, then by key."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
