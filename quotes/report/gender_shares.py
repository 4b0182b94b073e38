"""The share of women among a report's sources and quotations: overall, by outlet and by month.

A pure summary over the report's export rows (:func:`quotes.report.exports.speaker_rows`: one row
per quotation and report speaker, with the speaker's gender across the corpus). A source is a
report speaker who is a person (``speaker_gender`` not null); it counts once overall, and once in
each outlet and month it is quoted in. A quotation counts when the report counted it for its
speaker (``counted``: repeats are not counted twice). The share of women is women / (women +
men): people of unknown gender are counted beside it, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

GENDERS = ("female", "male", "unknown")


@dataclass(frozen=True)
class GenderCounts:
    """Women, men and people of unknown gender, and the share of women among those known."""

    female: int
    male: int
    unknown: int
    share_women: float | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class GenderRow:
    """The counts of one group (the whole report, an outlet, a month) among sources and quotations."""

    label: str
    sources: GenderCounts
    quotations: GenderCounts


@dataclass(frozen=True)
class GenderShares:
    """Whose voices a report holds: overall, by outlet (most sources first) and by month."""

    overall: GenderRow
    by_outlet: tuple[GenderRow, ...]
    by_month: tuple[GenderRow, ...]

    def to_json(self) -> dict[str, Any]:
        """``index.json``'s ``gender`` section."""
        def row(r: GenderRow) -> dict[str, Any]:
            return {"sources": r.sources.to_json(), "quotations": r.quotations.to_json()}

        return {
            "overall": row(self.overall),
            "by_outlet": [{"outlet": r.label, **row(r)} for r in self.by_outlet],
            "by_month": [{"month": r.label, **row(r)} for r in self.by_month],
        }


@dataclass
class _Counts:
    sources: dict[str, str] = field(default_factory=dict)  # speaker slug -> gender
    quotations: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))

    def add(self, slug: str, gender: str) -> None:
        self.sources[slug] = gender
        self.quotations[gender] += 1

    def row(self, label: str) -> GenderRow:
        sources = {g: sum(1 for v in self.sources.values() if v == g) for g in GENDERS}
        return GenderRow(label, _with_share(sources), _with_share(self.quotations))


def _with_share(counts: Mapping[str, int]) -> GenderCounts:
    known = counts["female"] + counts["male"]
    share = round(counts["female"] / known, 4) if known else None
    return GenderCounts(counts["female"], counts["male"], counts["unknown"], share)


def gender_shares(rows: Iterable[Mapping[str, Any]]) -> GenderShares | None:
    """Sources and quotations counted by gender, with the share of women, overall, by outlet and by
    month; None when no row has a gender (no person quoted, or ``--gender off``). Outlets are listed
    by sources, then name; months in order."""
    overall = _Counts()
    outlets: dict[str, _Counts] = {}
    months: dict[str, _Counts] = {}
    for row in rows:
        gender, slug = row.get("speaker_gender"), row.get("speaker_slug")
        if gender not in GENDERS or not slug or not row.get("counted"):
            continue
        overall.add(slug, gender)
        outlet = " ".join(str(row.get("outlet") or "").split())
        if outlet:
            outlets.setdefault(outlet, _Counts()).add(slug, gender)
        month = str(row.get("date") or "")[:7]
        if len(month) == 7 and month[4] == "-":
            months.setdefault(month, _Counts()).add(slug, gender)
    if not overall.sources:
        return None
    by_outlet = sorted(outlets.items(), key=lambda item: (-len(item[1].sources), item[0].casefold()))
    return GenderShares(
        overall.row("all"),
        tuple(counts.row(name) for name, counts in by_outlet),
        tuple(counts.row(name) for name, counts in sorted(months.items())),
    )
