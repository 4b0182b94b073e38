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
from dataclasses import dataclass, field
from typing import Any

GENDERS = ("female", "male", "unknown")


@dataclass
class _Counts:
    sources: dict[str, str] = field(default_factory=dict)  # speaker slug -> gender
    quotations: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))

    def add(self, slug: str, gender: str) -> None:
        self.sources[slug] = gender
        self.quotations[gender] += 1

    def summary(self) -> dict[str, Any]:
        sources = {g: sum(1 for v in self.sources.values() if v == g) for g in GENDERS}
        return {"sources": _with_share(sources), "quotations": _with_share(self.quotations)}


def _with_share(counts: Mapping[str, int]) -> dict[str, Any]:
    known = counts["female"] + counts["male"]
    share = round(counts["female"] / known, 4) if known else None
    return {**{g: counts[g] for g in GENDERS}, "share_women": share}


def gender_shares(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    """``{"overall": ..., "by_outlet": [...], "by_month": [...]}``, each with ``sources`` and
    ``quotations`` counts by gender and the share of women; None when no row has a gender (no
    person quoted, or ``--gender off``). Outlets are listed by sources, then name; months in order."""
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
    return {
        "overall": overall.summary(),
        "by_outlet": [{"outlet": name, **counts.summary()} for name, counts in by_outlet],
        "by_month": [{"month": name, **counts.summary()} for name, counts in sorted(months.items())],
    }
