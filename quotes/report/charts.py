"""PNG charts for the reports, drawn with matplotlib's Agg backend and returned as bytes.

Every function takes plain numbers and labels, returns PNG bytes, and draws a clear
"no data" message instead of an empty axis. Labels come from untrusted text: they are
flattened to one line, truncated with an ellipsis and have ``$`` escaped so matplotlib
never reads them as mathtext.

Speed: a report draws hundreds of charts, so figures use fixed margins computed from their
labels (no layout engine, which would draw every figure twice) and PNGs are written with
light compression. The per-speaker charts keep one figure per chart kind in each process and
only swap its data artists between speakers (``_canvas``): building axes and their ticks costs
more than drawing them. Bars are one collection per chart, not one patch each; titles sit at a
fixed height; bars carry their values, so their value axis has no tick labels; each text drawn
costs about a millisecond (matplotlib lays out every string), so charts draw few. No pyplot
state is touched.
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Mapping, Sequence
from io import BytesIO

import matplotlib

matplotlib.use("Agg")

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.ticker import AutoLocator, MaxNLocator, ScalarFormatter

DPI = 100
WIDTH = 8.0
BAR_INCHES = 0.3
LABEL_CHARS = 32
NOTE_CHARS = 64
TOP_SPEAKERS = 20
TOP_TONE_SPEAKERS = 30
HEATMAP_SPEAKERS = 25
HEATMAP_FRAMES = 14
TOP_BARS = 15
TONE_TICKS = ((-1.0, -0.5, 0.0, 0.5, 1.0), ("−1", "−0.5", "0", "+0.5", "+1"))
NEUTRAL_BAND = 0.05  # VADER's threshold between neutral and positive/negative
COLOURS = {"positive": "#2e8b57", "neutral": "#9a9a9a", "negative": "#c0392b", "bar": "#4472a8"}


def label(text: str, width: int = LABEL_CHARS) -> str:
    """One line, at most ``width`` characters (ellipsis), safe from mathtext."""
    flat = str(text)
    if not flat.isprintable():
        flat = "".join(c if c.isprintable() else " " for c in flat)
    flat = " ".join(flat.split())
    if len(flat) > width:
        flat = flat[: width - 1].rstrip() + "…"
    return flat.replace("$", r"\$")


CHAR_INCHES = 0.075  # width of a tick-label character at 10 pt, generously
PNG_OPTIONS = {"compress_level": 1}


def _height(rows: int) -> float:
    return min(max(2.4, 1.4 + BAR_INCHES * rows), 14.0)


def _figure(height: float, width: float = WIDTH) -> Figure:
    return Figure(figsize=(width, height), dpi=DPI)


_CANVASES: dict[str, tuple[Figure, list[Axes]]] = {}


def _canvas(
    kind: str, height: float, width: float = WIDTH, ratios: Sequence[float] = (1,)
) -> tuple[Figure, list[Axes]]:
    """The figure kept for ``kind`` in this process, resized, its axes emptied (``_reset``).

    Only charts that set every limit, tick and label they use draw on a kept figure."""
    found = _CANVASES.get(kind)
    if found is None:
        fig = _figure(height, width)
        axes = list(fig.subplots(1, len(ratios), width_ratios=list(ratios), squeeze=False)[0])
        _CANVASES[kind] = found = (fig, axes)
        return found
    fig, axes = found
    fig.set_size_inches(width, height)
    for ax in axes:
        _reset(ax)
    return found


def _reset(ax: Axes) -> None:
    """Remove what a chart drew on ``ax`` and restore its default tickers; keeps the tick objects."""
    for artist in [*ax.patches, *ax.lines, *ax.texts, *ax.collections, *ax.images]:
        artist.remove()
    ax.containers.clear()
    if ax.legend_ is not None:
        ax.legend_.remove()
    ax.set_title("")
    ax.set_xlabel("")
    ax.set_ylabel("")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(AutoLocator())
        axis.set_major_formatter(ScalarFormatter())


def _png(fig: Figure) -> bytes:
    buffer = BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        fig.savefig(buffer, format="png", dpi=DPI, pil_kwargs=PNG_OPTIONS)
    return buffer.getvalue()


def _note_lines(note: str | None) -> list[str]:
    return textwrap.wrap(label(note, 240), NOTE_CHARS) if note else []


def _margins(fig: Figure, *, left: float, note: str | None = None, bottom: float = 0.55,
             right: float = 0.35, top: float = 0.0) -> None:  # fmt: skip
    """Fixed margins in inches: ``left`` for tick labels, the title and note lines on top."""
    width, height = fig.get_size_inches()
    top_inches = 0.45 + 0.17 * len(_note_lines(note)) + top
    fig.subplots_adjust(left=min(left / width, 0.6), right=1 - right / width,
                        bottom=min(bottom / height, 0.45), top=max(1 - top_inches / height, 0.5))  # fmt: skip


def _label_inches(labels: Sequence[str], width: int = LABEL_CHARS) -> float:
    longest = max((len(label(t, width)) for t in labels), default=4)
    return 0.3 + CHAR_INCHES * longest


def _titles(fig: Figure, ax: Axes, title: str, note: str | None) -> None:
    fig.suptitle(label(title, 70), fontweight="bold", y=1 - 0.08 / fig.get_size_inches()[1], va="top")
    lines = _note_lines(note)
    if lines:
        ax.set_title("\n".join(lines), fontsize=9, color="#555555", y=1.0)  # y: no automatic placement


def no_data(title: str, message: str, width: float = WIDTH) -> bytes:
    """A small chart that says there is nothing to plot."""
    fig = _figure(2.0, width)
    ax = fig.add_axes((0, 0, 1, 0.8))
    ax.set_axis_off()
    fig.suptitle(label(title, 70), fontweight="bold", y=0.96, va="top")
    ax.text(0.5, 0.5, label(message, 90), ha="center", va="center", fontsize=12, color="#555555",
            transform=ax.transAxes)  # fmt: skip
    return _png(fig)


def _bars(ax: Axes, rects: Sequence[tuple[float, float, float, float]], colours: Sequence[str] | str,
          edge: str = "none") -> None:  # fmt: skip
    """Rectangles (x, y, width, height) as one collection: far cheaper to add and draw than patches."""
    verts = [((x, y), (x + w, y), (x + w, y + h), (x, y + h)) for x, y, w, h in rects]
    width = 0.0 if edge == "none" else 0.8
    ax.add_collection(PolyCollection(verts, facecolors=colours, edgecolors=edge, linewidths=width, zorder=2),
                      autolim=False)  # fmt: skip


def _bar_labels(labels: Sequence[str], values: Sequence[float], fmt: str) -> list[str]:
    """Each bar's label with its value (``say  60``): one text per bar, not two."""
    return [f"{label(t)}  {fmt.format(v)}" for t, v in zip(labels, values, strict=True)]


def _hbars(
    ax: Axes, labels: Sequence[str], values: Sequence[float], fmt: str, colour: str, slots: int = 3
) -> None:
    """Horizontal bars, first on top, each labelled with its name and value (so no value ticks).

    At least ``slots`` bar positions are laid out so that one or two bars stay slim.
    """
    positions = range(len(values))
    _bars(ax, [(0.0, y - 0.35, value, 0.7) for y, value in zip(positions, values, strict=True)], colour)
    ax.set_yticks(list(positions), _bar_labels(labels, values, fmt))
    ax.set_ylim(max(slots, len(values)) - 0.5, -0.5)
    top = max(values) if values else 1.0
    ax.set_xlim(0, (top or 1.0) * 1.02)
    ax.set_xticks([])
    ax.spines[["top", "right"]].set_visible(False)


def bar_chart(
    labels: Sequence[str], values: Sequence[float], *, title: str, xlabel: str,
    note: str | None = None, fmt: str = "{:g}",
) -> bytes:  # fmt: skip
    """Horizontal bar chart whose height follows the number of bars, each bar labelled with its value."""
    if not values:
        return no_data(title, "No data to plot.")
    fig, (ax,) = _canvas("bar", _height(len(values)))
    _hbars(ax, labels, values, fmt, COLOURS["bar"])
    ax.set_xlabel(xlabel)
    left = _label_inches(_bar_labels(labels, values, fmt), LABEL_CHARS + 8)
    _margins(fig, left=left, note=note, bottom=0.4)
    _titles(fig, ax, title, note)
    return _png(fig)


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
    fig = _figure(_height(len(shown)))
    ax = fig.add_subplot()
    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="#eeeeee", zorder=0)
    ax.axvline(0, color="#888888", linewidth=0.8, zorder=1)
    for y, (_, _, mean, ci) in enumerate(shown):
        colour = _tone_colour(mean)
        if ci is None:
            ax.plot(mean, y, "o", mfc="white", mec=colour, zorder=3)
        else:
            ax.errorbar(mean, y, xerr=[[mean - ci[0]], [ci[1] - mean]], fmt="o", color=colour, capsize=3,
                        zorder=3)  # fmt: skip
    ax.set_yticks(range(len(shown)), [f"{label(name, 28)} (n={n})" for name, n, _, _ in shown])
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Mean compound tone (−1 negative … +1 positive)")
    ax.spines[["top", "right"]].set_visible(False)
    note = "Bars: bootstrap 95% interval (n ≥ 5); hollow: fewer than 5 quotations"
    if total_speakers > len(shown):
        note = f"The {len(shown)} most quoted of {total_speakers} speakers. {note}"
    _margins(fig, left=_label_inches([f"{label(n, 28)} (n={k})" for n, k, _, _ in shown], 40), note=note)
    _titles(fig, ax, title, note)
    return _png(fig)


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
    fig = _figure(_height(len(shown)) + 1.2, min(max(7.0, 4.5 + 0.6 * len(frames)), 15.0))
    ax = fig.add_subplot()
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=max(max(r) for r in matrix) or 1, aspect="auto")
    ax.set_xticks(range(len(frames)), [label(f, 22) for f in frames], rotation=40, ha="right")
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
    bottom = 0.75 + 0.64 * CHAR_INCHES * max(len(label(f, 22)) for f in frames)
    _margins(fig, left=_label_inches([n for n, _ in shown], 28), note=note, bottom=bottom, right=0.2)
    _titles(fig, ax, title, note)
    return _png(fig)


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
    fig, (ax,) = _canvas("histogram", 3.6)
    _bars(ax, [(c - 0.05, 0.0, 0.1, count) for c, count in filled], [_tone_colour(c) for c, _ in filled],
          edge="white")  # fmt: skip
    top = max(bins)
    ax.axvline(mean, color="black", linestyle="--", linewidth=1, zorder=3)
    note = f"{n} scored quotation{'s' if n != 1 else ''}; dashed line: mean {_signed(mean)}"
    if ci is None:
        note += "; no interval below 5 quotations"
    else:
        ax.errorbar(mean, top * 1.12, xerr=[[mean - ci[0]], [ci[1] - mean]], fmt="D", color="black",
                    markersize=4, capsize=4, zorder=4)  # fmt: skip
        note += f"; diamond and bar: 95% interval [{_signed(ci[0])}, {_signed(ci[1])}]"
    ax.set_xlim(-1.08, 1.08)
    ax.set_xticks(*TONE_TICKS)
    ax.set_ylim(0, top * 1.25)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, steps=[1, 2, 5, 10]))
    ax.set_xlabel("Compound tone (−1 negative … +1 positive)")
    ax.set_ylabel("Quotations")
    ax.spines[["top", "right"]].set_visible(False)
    _margins(fig, left=0.75, note=note)
    _titles(fig, ax, title, note)
    return _png(fig)


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
    fig, (left, right) = _canvas("cues", _height(rows), WIDTH + 1.5, (3, 2))
    for ax, items, heading, total in ((left, cue_items, "Cue verbs", len(cues)),
                                      (right, stance_items, "Stance of the cue", len(stance))):  # fmt: skip
        _hbars(ax, [k for k, _ in items], [v for _, v in items], "{:g}", COLOURS["bar"], rows)
        ax.set_xlabel("Quotations")
        more = f" (top {len(items)} of {total})" if total > len(items) else ""
        ax.set_title(heading + more, fontsize=10, y=1.0)
    left_in = _items_inches(cue_items)
    width = fig.get_size_inches()[0]
    fig.subplots_adjust(wspace=(_items_inches(stance_items) + 0.3) / (width / 2.6))
    _margins(fig, left=left_in, top=0.25, bottom=0.4)
    fig.suptitle(label(title, 70), fontweight="bold", y=1 - 0.08 / fig.get_size_inches()[1], va="top")
    return _png(fig)


def _items_inches(items: Sequence[tuple[str, int]]) -> float:
    return _label_inches(_bar_labels([k for k, _ in items], [v for _, v in items], "{:g}"), LABEL_CHARS + 8)


def _signed(value: float) -> str:
    """``value`` with its sign and two decimals, never "-0.00"."""
    return f"{round(value, 2) + 0.0:+.2f}"


def _tone_colour(value: float) -> str:
    if value > NEUTRAL_BAND:
        return COLOURS["positive"]
    if value < -NEUTRAL_BAND:
        return COLOURS["negative"]
    return COLOURS["neutral"]
