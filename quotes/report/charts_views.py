"""PNG charts of the time, outlet and comparison views (same conventions as :mod:`charts`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.ticker import MaxNLocator

from quotes.report.chartkit import (
    COLOURS,
    bars,
    error_extent,
    label,
    label_inches,
    margins,
    new_figure,
    no_data,
    titles,
    to_png,
)
from quotes.report.gender_shares import GenderRow
from quotes.report.timeline import PeriodRow

PALETTE = ("#4472a8", "#e08a2c", "#2e8b57", "#c0392b", "#7d5ba6", "#8c6d31", "#17a2b8", "#d45087")
TOP_OVER_TIME = 6
MAX_LABELLED = 48
"""Periods up to which every one is labelled on a time axis; beyond, only each year's first."""
COUNTED_PERIODS = 30
"""Up to this many periods, the bars over time carry their counts."""
ROW_INCHES = 0.95
"""Height of one speaker's row in the chart over time: tall enough for a bar of one quotation."""


def period_labels(periods: Sequence[str]) -> tuple[list[int], list[str]]:
    """Tick positions and labels for periods (``2024-05`` months, ``2024-05-06`` weeks): every
    period labelled, short (``May``, ``6 May``), with its year under the first and under each
    January or first week of a year; beyond MAX_LABELLED periods, only the years' first periods."""
    positions, labels, year = [], [], ""
    every = len(periods) <= MAX_LABELLED
    for i, period in enumerate(periods):
        try:
            day = dt.date.fromisoformat(period if len(period) > 7 else period + "-01")
        except ValueError:
            positions.append(i)
            labels.append(period)
            continue
        new_year = str(day.year) != year
        year = str(day.year)
        if not every and not new_year:
            continue
        short = f"{day:%b}" if len(period) <= 7 else f"{day.day} {day:%b}"
        positions.append(i)
        labels.append(f"{short}\n{year}" if new_year else short)
    return positions, labels


def _period_ticks(ax: object, periods: Sequence[str]) -> None:
    positions, labels = period_labels(periods)
    weekly = any(len(p) > 7 for p in periods)
    size = 8 if len(periods) <= 16 else 7
    ax.set_xticks(positions, labels, rotation=90 if weekly and len(periods) > 10 else 0, fontsize=size)  # type: ignore[attr-defined]
    ax.set_xlim(-0.6, len(periods) - 0.4)  # type: ignore[attr-defined]


def timeline_chart(rows: Sequence[PeriodRow], unit: str, name: str) -> bytes:
    """A speaker's quotations per period (bars) and mean tone per period (points, 95% intervals)."""
    title = f"Over time: {name}"
    if not rows or not any(r.quotes for r in rows):
        return no_data(title, "No dated quotations.")
    periods = [r.period for r in rows]
    fig = new_figure(4.6)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1])
    top.bar(range(len(rows)), [r.quotes for r in rows], color=COLOURS["bar"], width=0.7)
    top.set_ylabel("Quotations")
    top.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, steps=[1, 2, 5, 10]))
    bottom.axhspan(-0.05, 0.05, color="#eeeeee", zorder=0)
    bottom.axhline(0, color="#888888", linewidth=0.8)
    for x, row in enumerate(rows):
        if row.mean_compound is None:
            continue
        colour = (
            COLOURS["positive"]
            if row.mean_compound > 0.05
            else (COLOURS["negative"] if row.mean_compound < -0.05 else COLOURS["neutral"])
        )
        if row.ci95 is None:
            bottom.plot(x, row.mean_compound, "o", mfc="white", mec=colour)
        else:
            bottom.errorbar(
                x,
                row.mean_compound,
                yerr=error_extent(row.mean_compound, row.ci95),
                fmt="o",
                color=colour,
                capsize=3,
            )
    bottom.set_ylim(-1.05, 1.05)
    bottom.set_ylabel("Mean tone")
    _period_ticks(bottom, periods)
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
    note = f"By {unit}; tone: mean compound with bootstrap 95% interval (hollow: fewer than 5 quotations)"
    margins(fig, left=0.8, note=note, bottom=_axis_inches(periods) + 0.1)
    fig.subplots_adjust(hspace=0.12)
    titles(fig, top, title, note)
    return to_png(fig)


def over_time_chart(series: Sequence[tuple[str, Sequence[int]]], periods: Sequence[str], unit: str) -> bytes:
    """Quotations per period of the most quoted speakers: small multiples, one row of bars each,
    all on the same scale, so speakers with the same counts stay apart (lines would hide each other)."""
    title = "Most quoted speakers over time"
    shown = [(n, c) for n, c in series if any(c)][:TOP_OVER_TIME]
    if not shown or not periods:
        return no_data(title, "No dated quotations.")
    names = [label(n, 28) for n, _ in shown]
    top = max(max(c) for _, c in shown)
    fig = new_figure(2.2 + ROW_INCHES * len(shown), 9.0)
    axes = list(fig.subplots(len(shown), 1, sharex=True, squeeze=False)[:, 0])
    small = len(periods) <= COUNTED_PERIODS
    for i, (ax, (_, counts)) in enumerate(zip(axes, shown, strict=True)):
        bars(ax, [(x - 0.35, 0.0, 0.7, n) for x, n in enumerate(counts) if n], PALETTE[i % len(PALETTE)])
        if small:  # each bar's count above it: a bar of one quotation on a scale of 80 is a sliver
            for x, n in enumerate(counts):
                if n:
                    ax.text(x, n + top * 0.04, str(n), ha="center", va="bottom", fontsize=7, color="#333333")
        ax.set_ylim(0, top * 1.3)
        ax.set_yticks([0, top], ["0", str(top)], fontsize=8)
        ax.set_ylabel(names[i], rotation=0, ha="right", va="center", fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="x", length=0)
    _period_ticks(axes[-1], periods)
    who = f"the {len(shown)} most quoted speakers" if len(shown) > 1 else "the most quoted speaker"
    note = f"Quotations per {unit} of {who} with dates; one scale for all"
    if small:
        note += ", each bar labelled with its count"
    margins(fig, left=label_inches(names, 28) + 0.35, note=note, bottom=_axis_inches(periods))
    fig.subplots_adjust(hspace=0.3)
    titles(fig, axes[0], title, note)
    return to_png(fig)


def _axis_inches(periods: Sequence[str]) -> float:
    """Room under a time axis for its labels (two lines; weeks written upright)."""
    weekly = any(len(p) > 7 for p in periods)
    return 1.0 if weekly and len(periods) > 10 else 0.6


def outlet_heatmap(names: Sequence[str], outlets: Sequence[str], matrix: Sequence[Sequence[int]]) -> bytes:
    """Quotations of each speaker (rows) in each outlet (columns)."""
    title = "Quotations by speaker and outlet"
    if not names or not outlets or not any(any(r) for r in matrix):
        return no_data(title, "No quotations with an outlet.")
    data = np.array(matrix, dtype=float)
    fig = new_figure(
        min(max(2.6, 1.6 + 0.3 * len(names)), 12.0) + 0.8, min(max(6.0, 3.8 + 0.8 * len(outlets)), 14.0)
    )
    ax = fig.add_subplot()
    ax.imshow(data, cmap="Blues", vmin=0, vmax=data.max() or 1, aspect="auto")
    ax.set_xticks(range(len(outlets)), [label(o, 22) for o in outlets], rotation=30, ha="right")
    ax.set_yticks(range(len(names)), [label(n, 28) for n in names])
    for y, row in enumerate(matrix):
        for x, n in enumerate(row):
            if n:
                ax.text(
                    x,
                    y,
                    str(n),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if n > 0.6 * (data.max() or 1) else "black",
                )
    note = f"{len(names)} most quoted speakers, {len(outlets)} outlets"
    bottom = 0.6 + 0.5 * 0.075 * max(len(label(o, 22)) for o in outlets)
    margins(fig, left=label_inches(names, 28), note=note, bottom=bottom)
    titles(fig, ax, title, note)
    return to_png(fig)


def compare_tone_chart(speakers: Sequence[tuple[str, Mapping[float, int]]]) -> bytes:
    """Tone distributions side by side: one box per speaker with every quotation as a dot."""
    title = "Tone of quotations, side by side"
    shown = [(n, h) for n, h in speakers if sum(h.values())]
    if not shown:
        return no_data(title, "No scored quotations.")
    fig = new_figure(_height_for(len(shown)), 8.0)
    ax = fig.add_subplot()
    ax.axvspan(-0.05, 0.05, color="#eeeeee", zorder=0)
    rng = np.random.default_rng(7)
    for y, (_, hist) in enumerate(shown):
        values = np.repeat(np.array(list(hist), dtype=float), list(hist.values()))
        ax.boxplot(
            values,
            positions=[y],
            orientation="horizontal",
            widths=0.5,
            showfliers=False,
            medianprops={"color": "black"},
            boxprops={"color": "#555555"},
        )
        jitter = rng.uniform(-0.18, 0.18, len(values))
        ax.scatter(values, y + jitter, s=10, alpha=0.5, color=PALETTE[y % len(PALETTE)], zorder=3)
        ax.plot(values.mean(), y, "D", color="black", markersize=5, zorder=4)
    names = [f"{label(n, 26)} (n={sum(h.values())})" for n, h in shown]
    ax.set_yticks(range(len(shown)), names)
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Compound tone (−1 negative … +1 positive)")
    ax.spines[["top", "right"]].set_visible(False)
    note = "Box: middle half of the quotations; line: median; diamond: mean; dots: quotations"
    margins(fig, left=label_inches(names, 40), note=note)
    titles(fig, ax, title, note)
    return to_png(fig)


def compare_frames_chart(names: Sequence[str], shares: Sequence[Mapping[str, float]], top: int = 8) -> bytes:
    """Frame shares side by side: grouped horizontal bars, the frames most used by any speaker."""
    title = "Frames, side by side"
    totals: dict[str, float] = {}
    for mapping in shares:
        for frame, share in mapping.items():
            totals[frame] = totals.get(frame, 0.0) + share
    frames = sorted(totals, key=lambda f: (-totals[f], f))[:top]
    if not frames:
        return no_data(title, "No frames fired.")
    group = 0.8 / max(1, len(names))
    fig = new_figure(_height_for(len(frames) * max(1, len(names)) * 0.45 + 1), 8.0)
    ax = fig.add_subplot()
    for i, (name, mapping) in enumerate(zip(names, shares, strict=True)):
        ys = [f + (i - (len(names) - 1) / 2) * group for f in range(len(frames))]
        ax.barh(
            ys,
            [mapping.get(f, 0.0) for f in frames],
            height=group * 0.9,
            color=PALETTE[i % len(PALETTE)],
            label=label(name, 28),
        )
    ax.set_yticks(range(len(frames)), [label(f, 28) for f in frames])
    ax.set_ylim(len(frames) - 0.5, -0.5)
    ax.set_xlabel("Share of frame weight")
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.legend(loc="lower right", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    margins(fig, left=label_inches(frames, 28))
    titles(fig, ax, title, None)
    return to_png(fig)


def _height_for(rows: float) -> float:
    return min(max(2.6, 1.5 + 0.45 * rows), 14.0)


def women_share_chart(months: Sequence[GenderRow]) -> bytes:
    """The share of women among the people quoted, month by month: a bar for each month's share
    (among sources of known gender), labelled with the women and men it counts, and a dashed line
    at parity; months with nobody of known gender are left empty."""
    title = "Share of women among the people quoted, by month"
    known = [(i, r.sources) for i, r in enumerate(months) if r.sources.share_women is not None]
    if not known:
        return no_data(title, "No dated quotations of people of known gender.")
    periods = [r.label for r in months]
    fig = new_figure(3.4, 9.0)
    ax = fig.add_subplot()
    bars(ax, [(i - 0.35, 0.0, 0.7, 100 * c.share_women) for i, c in known], COLOURS["bar"])  # type: ignore[operator]
    ax.axhline(50, color="#888888", linestyle="--", linewidth=0.8)
    small = len(periods) <= 24
    for i, c in known:
        if small:
            ax.text(i, 100 * c.share_women + 2, f"{c.female}/{c.female + c.male}",  # type: ignore[operator]
                    ha="center", va="bottom", fontsize=7, color="#333333")  # fmt: skip
    ax.set_ylim(0, 110)
    ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"], fontsize=8)
    ax.set_ylabel("Women among sources")
    ax.spines[["top", "right"]].set_visible(False)
    _period_ticks(ax, periods)
    note = "Women / (women + men) among the people quoted each month; unknown gender not counted"
    if small:
        note += "; each bar labelled women/known"
    margins(fig, left=0.8, note=note, bottom=_axis_inches(periods))
    titles(fig, ax, title, note)
    return to_png(fig)
