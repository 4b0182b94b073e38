"""Quotations and tone over time: per speaker and period (week or month by the corpus's span).

Dates are kept per day while the corpus streams in (a day's compound scores as a histogram, as
the speaker totals keep them) and rolled up into periods at the end, once the span is known.
Articles without a parseable date take no part; the report says how many.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quotes.report.bootstrap import COMPOUND_DECIMALS, bootstrap_ci

WEEKLY_MAX_DAYS = 120
"""A corpus spanning at most this many days is shown by week, a longer one by month."""


def parse_date(value: str | None) -> dt.date | None:
    """The calendar day of an ISO-like date or timestamp (``2024-05-01``, ``2024-05-01T09:00Z``)."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def period_unit(first: dt.date, last: dt.date) -> str:
    """``week`` for a corpus spanning at most WEEKLY_MAX_DAYS days, else ``month``."""
    return "week" if (last - first).days <= WEEKLY_MAX_DAYS else "month"


def period_start(day: dt.date, unit: str) -> dt.date:
    """The first day of the week (Monday) or month holding ``day``."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def period_label(start: dt.date, unit: str) -> str:
    """``2024-05`` for a month, ``2024-05-06`` (its Monday) for a week."""
    return start.strftime("%Y-%m") if unit == "month" else start.isoformat()


def periods_between(first: dt.date, last: dt.date, unit: str) -> list[dt.date]:
    """Every period start from ``first``'s period to ``last``'s, gaps included."""
    out, current = [], period_start(first, unit)
    while current <= last:
        out.append(current)
        if unit == "week":
            current += dt.timedelta(days=7)
        else:
            current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


@dataclass(frozen=True)
class PeriodRow:
    """One speaker's quotations and tone in one period."""

    period: str
    quotes: int
    scored: int
    mean_compound: float | None
    ci95: tuple[float, float] | None


class Timeline:
    """Per speaker and day: quotation counts and a histogram of compound scores."""

    def __init__(self) -> None:
        self.days: dict[str, Counter[dt.date]] = {}
        self.tones: dict[str, dict[dt.date, Counter[float]]] = {}
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.undated = 0

    def add(self, key: str, date: str | None, compound: float | None) -> None:
        """Count one quotation of speaker ``key`` on ``date`` with its compound (None: unscored)."""
        day = parse_date(date)
        if day is None:
            self.undated += 1
            return
        self.first = day if self.first is None else min(self.first, day)
        self.last = day if self.last is None else max(self.last, day)
        self.days.setdefault(key, Counter())[day] += 1
        if compound is not None:
            self.tones.setdefault(key, {}).setdefault(day, Counter())[round(compound, COMPOUND_DECIMALS)] += 1

    def rename(self, old: str, new: str) -> None:
        """Fold speaker ``old`` into ``new``."""
        for day, n in self.days.pop(old, Counter()).items():
            self.days.setdefault(new, Counter())[day] += n
        for day, hist in self.tones.pop(old, {}).items():
            self.tones.setdefault(new, {}).setdefault(day, Counter()).update(hist)

    @property
    def unit(self) -> str | None:
        """``week`` or ``month``; None when no quotation had a date."""
        if self.first is None or self.last is None:
            return None
        return period_unit(self.first, self.last)

    def periods(self) -> list[str]:
        """Every period label of the corpus, in order."""
        unit = self.unit
        if unit is None or self.first is None or self.last is None:
            return []
        return [period_label(p, unit) for p in periods_between(self.first, self.last, unit)]

    def rows(self, key: str) -> list[PeriodRow]:
        """One row per period of the corpus for speaker ``key`` (periods without quotations too)."""
        unit = self.unit
        if unit is None or key not in self.days:
            return []
        counts: Counter[str] = Counter()
        hists: dict[str, Counter[float]] = {}
        for day, n in self.days[key].items():
            counts[period_label(period_start(day, unit), unit)] += n
        for day, hist in self.tones.get(key, {}).items():
            hists.setdefault(period_label(period_start(day, unit), unit), Counter()).update(hist)
        return [_row(label, counts.get(label, 0), hists.get(label, Counter())) for label in self.periods()]

    def totals(self) -> list[int]:
        """Quotations per period of every speaker together, in the order of :meth:`periods`."""
        unit = self.unit
        if unit is None:
            return []
        counts: Counter[str] = Counter()
        for days in self.days.values():
            for day, n in days.items():
                counts[period_label(period_start(day, unit), unit)] += n
        return [counts.get(label, 0) for label in self.periods()]

    def counts(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """Quotations per period for each speaker in ``keys`` (for the corpus chart)."""
        return {key: [row.quotes for row in self.rows(key)] for key in keys}


def _row(label: str, quotes: int, hist: Mapping[float, int]) -> PeriodRow:
    scored = sum(hist.values())
    mean = sum(v * n for v, n in hist.items()) / scored if scored else None
    ci = bootstrap_ci(Counter(hist)) if scored else None
    return PeriodRow(label, quotes, scored, None if mean is None else round(mean, 4), ci)
