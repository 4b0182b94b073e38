"""The report's PNG charts: the index's comparisons of speakers and each speaker's own charts.

Every function takes plain numbers and labels, returns PNG bytes, and draws a clear "no data"
message instead of an empty axis. The drawing kit (margins, bars, safe labels) is
:mod:`quotes.report.chartkit`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.ticker import MaxNLocator

from quotes.report.chartkit import (
    CHAR_INCHES,
    COLOURS,
    LABEL_CHARS,
    WIDTH,
    bar_height,
    bar_labels,
    bars,
    canvas,
    error_extent,
    hbars,
    label,
    label_inches,
    margins,
    new_figure,
    no_data,
    titles,
    to_png,
    wrapped,
)
from quotes.report.display import signed

TOP_SPEAKERS = 20
TOP_TONE_SPEAKERS = 30
HEATMAP_SPEAKERS = 25
HEATMAP_FRAMES = 14
FRAME_LABEL_CHARS = 28
TOP_BARS = 15
TONE_TICKS = ((-1.0, -0.5, 0.0, 0.5, 1.0), ("−1", "−0.5", "0", "+0.5", "+1"))
NEUTRAL_BAND = 0.05  # VADER's threshold between neutral and positive/negative


def bar_chart(
    labels: Sequence[str], values: Sequence[float], *, title: str, xlabel: str,
    note: str | None = None, fmt: str = "{:g}",
) -> bytes:  # fmt: skip
    """Horizontal bar chart whose height follows the number of bars, each bar labelled with its value."""
    if not values:
        return no_data(title, "No data to plot.")
    fig, (ax,) = canvas("bar", bar_height(len(values)))
    hbars(ax, labels, values, fmt, COLOURS["bar"])
    ax.set_xlabel(xlabel)
    left = label_inches(bar_labels(labels, values, fmt), LABEL_CHARS + 8)
    margins(fig, left=left, note=note, bottom=0.4)
    titles(fig, ax, title, note)
    return to_png(fig)


def speakers_chart(counts: Sequence[tuple[str, int]], total_speakers: int) -> bytes:
    """Quotations per speaker, top TOP_SPEAKERS."""
    shown = counts[:TOP_SPEAKERS]
    note = f"Top {len(shown)} of {total_speakers} speakers" if total_speakers > len(shown) else None
    return bar_chart([n for n, _ in shown], [c for _, c in shown], title="Quotations per speaker",
                     xlabel="Quotations", note=note)  # fmt: skip


def tone_by_speaker_chart(
    rows: Sequence[tuple[str, int, float, tuple[float, float] | None]], total_speakers: int
) -> bytes:
    """Mean compound tone per speaker with its bootstrap 95% interval where there is one.

    ``rows`` are (name, scored quotations, mean compound, ci95 or None), most quoted first.
    """
    title = "Mean tone by speaker"
    shown = list(rows[:TOP_TONE_SPEAKERS])
    if not shown:
        return no_data(title, "No scored quotations.")
    fig = new_figure(bar_height(len(shown)))
    ax = fig.add_subplot()
    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="#eeeeee", zorder=0)
    ax.axvline(0, color="#888888", linewidth=0.8, zorder=1)
    for y, (_, _, mean, ci) in enumerate(shown):
        colour = _tone_colour(mean)
        if ci is None:
            ax.plot(mean, y, "o", mfc="white", mec=colour, zorder=3)
        else:
            ax.errorbar(mean, y, xerr=error_extent(mean, ci), fmt="o", color=colour, capsize=3,
                        zorder=3)  # fmt: skip
    ax.set_yticks(range(len(shown)), [f"{label(name, 28)} (n={n})" for name, n, _, _ in shown])
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Mean compound tone (−1 negative … +1 positive)")
    ax.spines[["top", "right"]].set_visible(False)
    note = "Bars: bootstrap 95% interval (n ≥ 5); hollow: fewer than 5 quotations"
    if total_speakers > len(shown):
        note = f"The {len(shown)} most quoted of {total_speakers} speakers. {note}"
    margins(fig, left=label_inches([f"{label(n, 28)} (n={k})" for n, k, _, _ in shown], 40), note=note)
    titles(fig, ax, title, note)
    return to_png(fig)


def frames_heatmap(speakers: Sequence[tuple[str, Mapping[str, float]]], total_speakers: int) -> bytes:
    """Heatmap of frame shares, speakers (rows) by frames (columns)."""
    title = "Frame profile by speaker"
    framed = [(n, f) for n, f in speakers if f]
    shown = framed[:HEATMAP_SPEAKERS]
    totals: dict[str, float] = {}
    for _, shares in shown:
        for frame, share in shares.items():
            totals[frame] = totals.get(frame, 0.0) + share
    frames = sorted(totals, key=lambda k: (-totals[k], k))[:HEATMAP_FRAMES]
    if not frames:
        return no_data(title, "No frames fired in any quotation.")
    matrix = [[shares.get(f, 0.0) for f in frames] for _, shares in shown]
    fig = new_figure(bar_height(len(shown)) + 1.2, min(max(7.0, 4.5 + 0.6 * len(frames)), 15.0))
    ax = fig.add_subplot()
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=max(max(r) for r in matrix) or 1, aspect="auto")
    names = [wrapped(f, FRAME_LABEL_CHARS) for f in frames]
    ax.set_xticks(range(len(frames)), names, rotation=40, ha="right", rotation_mode="anchor", fontsize=9)
    ax.set_yticks(range(len(shown)), [label(n, 28) for n, _ in shown])
    for y, row in enumerate(matrix):
        for x, share in enumerate(row):
            if share >= 0.005:
                ax.text(x, y, f"{share:.0%}", ha="center", va="center", fontsize=7,
                        color="white" if share > 0.6 * image.norm.vmax else "black")  # fmt: skip
    fig.colorbar(image, ax=ax, label="Share of frame weight", shrink=0.8)
    ax.set_xlabel("Frame")
    note = f"{len(framed)} of {total_speakers} speakers had frames fire"
    if len(framed) > len(shown):
        note += f"; the {len(shown)} most quoted are shown"
    if len(totals) > len(frames):
        note += f"; top {len(frames)} of {len(totals)} frames"
    longest = max(len(line) for name in names for line in name.split("\n"))
    bottom = 0.75 + 0.6 * CHAR_INCHES * longest + 0.2 * max(name.count("\n") for name in names)
    margins(fig, left=label_inches([n for n, _ in shown], 28), note=note, bottom=bottom, right=0.2)
    titles(fig, ax, title, note)
    return to_png(fig)


def tone_histogram(
    compounds: Mapping[float, int], mean: float | None, ci: tuple[float, float] | None, name: str
) -> bytes:
    """Histogram of a speaker's compound scores, coloured by tone label."""
    title = f"Tone of quotations: {name}"
    n = sum(compounds.values())
    if not n or mean is None:
        return no_data(title, "No scored quotations.")
    # 21 bins centred on -1.0, -0.9, ..., +1.0: the middle one is exactly the neutral band (+-0.05)
    bins = [0] * 21
    for value, count in compounds.items():
        bins[min(max(round((value + 1.0) * 10), 0), 20)] += count
    filled = [(round(-1.0 + 0.1 * i, 1), count) for i, count in enumerate(bins) if count]
    fig, (ax,) = canvas("histogram", 3.6)
    bars(ax, [(c - 0.05, 0.0, 0.1, count) for c, count in filled], [_tone_colour(c) for c, _ in filled],
          edge="white")  # fmt: skip
    top = max(bins)
    ax.axvline(mean, color="black", linestyle="--", linewidth=1, zorder=3)
    note = f"{n} scored quotation{'s' if n != 1 else ''}; dashed line: mean {signed(mean)}"
    if ci is None:
        note += "; no interval below 5 quotations"
    else:
        ax.errorbar(mean, top * 1.12, xerr=error_extent(mean, ci), fmt="D", color="black",
                    markersize=4, capsize=4, zorder=4)  # fmt: skip
        note += f"; diamond and bar: 95% interval [{signed(ci[0])}, {signed(ci[1])}]"
    ax.set_xlim(-1.08, 1.08)
    ax.set_xticks(*TONE_TICKS)
    ax.set_ylim(0, top * 1.25)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, steps=[1, 2, 5, 10]))
    ax.set_xlabel("Compound tone (−1 negative … +1 positive)")
    ax.set_ylabel("Quotations")
    ax.spines[["top", "right"]].set_visible(False)
    margins(fig, left=0.75, note=note)
    titles(fig, ax, title, note)
    return to_png(fig)


def frames_chart(shares: Mapping[str, float], name: str) -> bytes:
    """A speaker's frame profile: share of frame weight per frame, top TOP_BARS."""
    title = f"Frame profile: {name}"
    if not shares:
        return no_data(title, "No frames fired in this speaker's quotations.")
    items = list(shares.items())[:TOP_BARS]
    note = f"Top {len(items)} of {len(shares)} frames" if len(shares) > len(items) else None
    return bar_chart([k for k, _ in items], [v for _, v in items], title=title,
                     xlabel="Share of frame weight", note=note, fmt="{:.0%}")  # fmt: skip


def cues_chart(cues: Mapping[str, int], stance: Mapping[str, int], name: str) -> bytes:
    """How reporters introduce a speaker: cue verbs and the stance they carry."""
    title = f"How reporters introduce {name}"
    if not cues and not stance:
        return no_data(title, "No attribution cues recorded.")
    cue_items = list(cues.items())[:TOP_BARS]
    stance_items = list(stance.items())[:TOP_BARS]
    rows = max(len(cue_items), len(stance_items), 3)
    fig, (left, right) = canvas("cues", bar_height(rows), WIDTH + 1.5, (3, 2))
    for ax, items, heading, total in ((left, cue_items, "Cue verbs", len(cues)),
                                      (right, stance_items, "Stance of the cue", len(stance))):  # fmt: skip
        hbars(ax, [k for k, _ in items], [v for _, v in items], "{:g}", COLOURS["bar"], rows)
        ax.set_xlabel("Quotations")
        more = f" (top {len(items)} of {total})" if total > len(items) else ""
        ax.set_title(heading + more, fontsize=10, y=1.0)
    left_in = _items_inches(cue_items)
    width = fig.get_size_inches()[0]
    fig.subplots_adjust(wspace=(_items_inches(stance_items) + 0.3) / (width / 2.6))
    margins(fig, left=left_in, top=0.25, bottom=0.4)
    fig.suptitle(label(title, 70), fontweight="bold", y=1 - 0.08 / fig.get_size_inches()[1], va="top")
    return to_png(fig)


def _items_inches(items: Sequence[tuple[str, int]]) -> float:
    return label_inches(bar_labels([k for k, _ in items], [v for _, v in items], "{:g}"), LABEL_CHARS + 8)


def _tone_colour(value: float) -> str:
    if value > NEUTRAL_BAND:
        return COLOURS["positive"]
    if value < -NEUTRAL_BAND:
        return COLOURS["negative"]
    return COLOURS["neutral"]
