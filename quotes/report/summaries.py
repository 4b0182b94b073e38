"""A speaker's summary: the figures of its row in the index, its page header and ``index.json``.

:func:`summarise` turns a speaker's running totals (:class:`~quotes.report.speaker_stats.
SpeakerStats`) into a frozen :class:`SpeakerSummary`, rounded as the pages show them;
:meth:`SpeakerSummary.to_json` is its entry in ``index.json``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from quotes.report.speaker_stats import LABELS, SpeakerStats, ranked
from quotes.rules.cues import CUE_CLASSES
from quotes.speakers.gender import CorpusGender


@dataclass(frozen=True)
class ToneSummary:
    """A speaker's tone: counts by label, mean compound with its interval, certainty and hype."""

    scored: int
    mean_compound: float | None
    labels: dict[str, int]
    certainty: float | None
    hype: float | None
    hedged: int
    boosted: int
    hyped: int
    ci95: tuple[float, float] | None


@dataclass(frozen=True)
class GenderSummary:
    """A person's gender across the corpus, how it was decided, and any conflict between articles."""

    gender: str
    basis: str
    explanation: str
    conflict: bool


@dataclass(frozen=True)
class SpeakerSummary:
    """One speaker of a report: who, how often, tone, frames, cues, outlets, dates, and its page.

    Mappings are ordered largest first (``kinds``, ``frames``, ``cues``, ``stance``, ``outlets``);
    ``timeline_chart`` is None for a speaker without a page of its own."""

    name: str
    slug: str
    type: str
    title: str | None
    quotes: int
    articles: int
    kinds: dict[str, int]
    cue_classes: dict[str, int]
    tone: ToneSummary
    framed: int
    frames: dict[str, float]
    frame_quotes: dict[str, int]
    codebook_frames: dict[str, float]
    cues: dict[str, int]
    stance: dict[str, int]
    outlets: dict[str, int]
    inherited: int
    mean_confidence: float | None
    first_date: str | None
    last_date: str | None
    undated: int  # quotations from articles without a (readable) date: in no period
    undated_articles: int
    no_outlet: int  # quotations from articles without an outlet
    no_outlet_articles: int
    page: str
    page_md: str
    has_page: bool
    timeline_chart: bool | None = None
    gender: GenderSummary | None = None  # a person's (quotes.speakers.gender.corpus_gender)
    evidence: str = ""  # why its quotations are one speaker (quotes.speakers.identity.Ledger.evidence)

    def to_json(self) -> dict[str, Any]:
        """The speaker's entry in ``index.json``."""
        data = asdict(self)
        for optional in ("timeline_chart", "gender"):
            if data[optional] is None:
                del data[optional]
        ci = data["tone"]["ci95"]
        data["tone"]["ci95"] = None if ci is None else list(ci)
        return data


OWN_PAGE = "own"
"""Where a speaker is shown: on a page of its own, else at an anchor of a shared page
(``others`` for named speakers below the threshold, ``unnamed`` for unnamed sources)."""


def summarise(
    stats: SpeakerStats,
    slug: str,
    home: str = OWN_PAGE,
    timeline_chart: bool | None = None,
    evidence: str = "",
) -> SpeakerSummary:
    """The summary of one speaker: its folder ``slug`` on a page of its own (``home`` OWN_PAGE), or
    its anchor on the shared page ``home`` (``others``, ``unnamed``); ``evidence``: why its
    quotations are one speaker."""
    has_page = home == OWN_PAGE
    ci = stats.ci95()
    mean = stats.mean_compound
    tone = ToneSummary(
        scored=stats.scored,
        mean_compound=None if mean is None else round(mean, 4),
        labels={label: stats.labels.get(label, 0) for label in LABELS},
        certainty=_mean(stats.certainty_sum, stats.scored),
        hype=_mean(stats.hype_sum, stats.scored),
        hedged=stats.hedged,
        boosted=stats.boosted,
        hyped=stats.hyped,
        ci95=None if ci is None else (round(ci[0], 4), round(ci[1], 4)),
    )
    return SpeakerSummary(
        name=stats.name,
        slug=slug,
        type=stats.speaker_type,
        title=stats.title,
        quotes=stats.quotes,
        articles=stats.articles,
        kinds=dict(ranked(stats.kinds)),
        cue_classes={c: stats.cue_classes[c] for c in CUE_CLASSES if stats.cue_classes.get(c)},
        tone=tone,
        framed=stats.framed,
        frames={k: round(v, 4) for k, v in stats.frame_shares().items()},
        frame_quotes=dict(ranked(stats.frame_quotes)),
        codebook_frames={k: round(v, 4) for k, v in stats.codebook_shares().items()},
        cues=dict(ranked(stats.cues)),
        stance=dict(ranked(stats.stance)),
        outlets=dict(ranked(stats.outlets)),
        inherited=stats.inherited,
        mean_confidence=_mean(stats.confidence_sum, stats.quotes),
        first_date=stats.first_date,
        last_date=stats.last_date,
        undated=stats.undated,
        undated_articles=stats.undated_articles,
        no_outlet=stats.no_outlet,
        no_outlet_articles=stats.no_outlet_articles,
        page=f"{slug}/report.html" if has_page else f"{home}.html#{slug}",
        page_md=f"{slug}/report.md" if has_page else f"{home}.md#{slug}",
        has_page=has_page,
        timeline_chart=timeline_chart if has_page else None,
        gender=_gender(stats.gender()),
        evidence=evidence,
    )


def _gender(decided: CorpusGender | None) -> GenderSummary | None:
    if decided is None:
        return None
    return GenderSummary(decided.gender, decided.basis, decided.explanation, decided.conflict)


def _mean(total: float, n: int) -> float | None:
    return round(total / n, 4) if n and math.isfinite(total) else None
