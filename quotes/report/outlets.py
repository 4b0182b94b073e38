"""Per speaker and outlet: quotations, mean tone, the stance of the cue verbs and top frames.

Stance values come from ``rules/stance.yaml``; everything that is neither ``endorsing`` nor
``distancing`` counts as ``neutral`` here, so the three columns add up to the quotations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

STANCES = ("neutral", "endorsing", "distancing")
MAX_OUTLETS = 50
"""Distinct outlets kept per speaker; later new ones count under "(other)"."""
OTHER = "(other)"
NO_OUTLET = "(no outlet)"
"""The row of a speaker's quotations from articles that name no outlet."""


@dataclass(frozen=True)
class OutletRow:
    """One speaker's quotations in one outlet: count, mean tone, cue stance and top frames."""

    outlet: str
    quotes: int
    mean_compound: float | None
    stance: dict[str, int]  # neutral, endorsing, distancing: they add up to ``quotes``
    top_frames: tuple[str, ...]


@dataclass
class OutletStats:
    """One speaker's running totals in one outlet."""

    quotes: int = 0
    scored: int = 0
    compound_sum: float = 0.0
    stance: Counter[str] = field(default_factory=Counter)
    frames: Counter[str] = field(default_factory=Counter)

    def add(self, compound: float | None, stance: str | None, frames: list[str]) -> None:
        """Fold one quotation in."""
        self.quotes += 1
        if compound is not None:
            self.scored += 1
            self.compound_sum += compound
        self.stance[stance if stance in STANCES else "neutral"] += 1
        self.frames.update(frames)

    def absorb(self, other: OutletStats) -> None:
        """Add another's totals (the same speaker under another name)."""
        self.quotes += other.quotes
        self.scored += other.scored
        self.compound_sum += other.compound_sum
        self.stance.update(other.stance)
        self.frames.update(other.frames)

    def row(self, outlet: str, top_frames: int = 3) -> OutletRow:
        """The row of this outlet."""
        mean = self.compound_sum / self.scored if self.scored else None
        return OutletRow(
            outlet,
            self.quotes,
            None if mean is None else round(mean, 4),
            {s: self.stance.get(s, 0) for s in STANCES},
            tuple(f for f, _ in sorted(self.frames.items(), key=lambda kv: (-kv[1], kv[0]))[:top_frames]),
        )


class Outlets:
    """Per speaker, per outlet totals."""

    def __init__(self) -> None:
        self.by_speaker: dict[str, dict[str, OutletStats]] = {}
        self.unlisted: dict[str, OutletStats] = {}  # per speaker: quotations without an outlet
        self.totals: Counter[str] = Counter()

    def add(
        self, key: str, outlet: str | None, compound: float | None, stance: str | None, frames: list[str]
    ) -> None:
        """Count one quotation of speaker ``key`` in ``outlet`` (without one: in ``unlisted``)."""
        name = " ".join((outlet or "").split())
        if not name:
            self.unlisted.setdefault(key, OutletStats()).add(compound, stance, frames)
            return
        mine = self.by_speaker.setdefault(key, {})
        if name not in mine and len(mine) >= MAX_OUTLETS:
            name = OTHER
        mine.setdefault(name, OutletStats()).add(compound, stance, frames)
        self.totals[name] += 1

    def rename(self, old: str, new: str) -> None:
        """Fold speaker ``old`` into ``new``."""
        target = self.by_speaker.setdefault(new, {})
        for outlet, stats in self.by_speaker.pop(old, {}).items():
            target.setdefault(outlet, OutletStats()).absorb(stats)
        if not target:
            del self.by_speaker[new]
        if old in self.unlisted:
            self.unlisted.setdefault(new, OutletStats()).absorb(self.unlisted.pop(old))

    def rows(self, key: str, unlisted: bool = False) -> list[OutletRow]:
        """The speaker's outlets, most quotations first (``unlisted``: then a NO_OUTLET row for its
        quotations from articles without an outlet, if any, when the corpus names outlets)."""
        mine = self.by_speaker.get(key, {})
        found = [
            stats.row(outlet) for outlet, stats in sorted(mine.items(), key=lambda kv: (-kv[1].quotes, kv[0]))
        ]
        if unlisted and key in self.unlisted and self.totals:
            found.append(self.unlisted[key].row(NO_OUTLET))
        return found

    def outlets(self) -> list[str]:
        """Every outlet, most quotations first."""
        return [name for name, _ in sorted(self.totals.items(), key=lambda kv: (-kv[1], kv[0]))]

    def matrix(self, keys: list[str], outlets: list[str]) -> list[list[int]]:
        """Quotations of each speaker (rows) in each outlet (columns)."""
        return [[self.by_speaker.get(k, {}).get(o, OutletStats()).quotes for o in outlets] for k in keys]
