"""Named speakers and unnamed sources.

People and organisations (and names of unknown kind) are speakers: ranked, compared, given pages
and tone intervals. A speaker whose ``speaker_type`` is ``description`` ("officials", "aides", a
poll, the writer's "I") is an unnamed source: a way a source was described, not one person. The
report tallies unnamed sources by description and by outlet, with the share of quotations that
come from them (a figure media researchers track), and never ranks them as people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from quotes.report.speaker_stats import OTHER, SpeakerStats
from quotes.report.summaries import SpeakerSummary

UNNAMED_TYPES = frozenset({"description"})
"""Speaker types that describe a source instead of naming one."""


def is_unnamed(speaker_type: str) -> bool:
    """True for a speaker type that describes a source rather than naming it."""
    return speaker_type in UNNAMED_TYPES


@dataclass(frozen=True)
class DescriptionRow:
    """Quotations attributed to sources described one way ("officials"), across articles."""

    description: str
    slug: str  # its anchor on unnamed.html
    quotes: int
    articles: int
    outlets: int


@dataclass(frozen=True)
class OutletShare:
    """One outlet's quotations from unnamed sources, of all its attributed quotations."""

    outlet: str
    unnamed: int
    attributed: int

    @property
    def share(self) -> float:
        """Unnamed of attributed."""
        return self.unnamed / self.attributed if self.attributed else 0.0


@dataclass(frozen=True)
class UnnamedSources:
    """The report's unnamed sources: how many quotations, their share, by description, by outlet."""

    quotes: int  # quotations attributed to an unnamed source
    attributed: int  # quotations attributed to any speaker, named or not
    descriptions: tuple[DescriptionRow, ...]
    outlets: tuple[OutletShare, ...]

    @property
    def share(self) -> float | None:
        """The share of attributed quotations that come from unnamed sources."""
        return self.quotes / self.attributed if self.attributed else None

    def to_json(self) -> dict[str, Any]:
        """The ``unnamed_sources`` entry of ``index.json``."""
        data = asdict(self)
        data["share"] = None if self.share is None else round(self.share, 4)
        for row, outlet in zip(data["outlets"], self.outlets, strict=True):
            row["share"] = round(outlet.share, 4)
        return data


def unnamed_sources(speakers: Sequence[tuple[SpeakerStats, SpeakerSummary]]) -> UnnamedSources:
    """Tally the unnamed sources among ``speakers`` (every speaker of the report, with its summary):
    descriptions that read the same (case aside) count together, most quoted first."""
    groups: dict[str, list[tuple[SpeakerStats, SpeakerSummary]]] = {}
    in_outlet: Counter[str] = Counter()
    unnamed_in_outlet: Counter[str] = Counter()
    for stats, summary in speakers:
        outlets = {name: n for name, n in stats.outlets.items() if name != OTHER}
        in_outlet.update(outlets)
        if is_unnamed(summary.type):
            groups.setdefault(summary.name.casefold(), []).append((stats, summary))
            unnamed_in_outlet.update(outlets)
    rows = []
    for members in groups.values():
        outlets = {o for stats, _ in members for o in stats.outlets if o != OTHER}
        first = members[0][1]
        rows.append(DescriptionRow(first.name, first.slug, sum(s.quotes for s, _ in members),
                                   sum(s.articles for s, _ in members), len(outlets)))  # fmt: skip
    rows.sort(key=lambda r: (-r.quotes, r.description.casefold()))
    shares = [OutletShare(o, unnamed_in_outlet.get(o, 0), n) for o, n in in_outlet.items()]
    shares.sort(key=lambda r: (-r.attributed, r.outlet))
    return UnnamedSources(
        quotes=sum(r.quotes for r in rows),
        attributed=sum(s.quotes for s, _ in speakers),
        descriptions=tuple(rows),
        outlets=tuple(shares),
    )
