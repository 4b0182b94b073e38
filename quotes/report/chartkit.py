"""The drawing kit behind the report's PNG charts: figures, fixed margins, titles, bars and labels.

Charts are drawn with matplotlib's Agg backend and returned as bytes. Labels come from untrusted
text: :func:`label` flattens them to one line, truncates them with an ellipsis and escapes ``$``
so matplotlib never reads them as mathtext.

Speed: a report draws hundreds of charts, so figures use fixed margins computed from their
labels (no layout engine, which would draw every figure twice) and PNGs are written with
light compression. The per-speaker charts keep one figure per chart kind in each process and
only swap its data artists between speakers (:func:`canvas`): building axes and their ticks costs
more than drawing them. Bars are one collection per chart, not one patch each; titles sit at a
fixed height; bars carry their values, so their value axis has no tick labels; each text drawn
costs about a millisecond (matplotlib lays out every string), so charts draw few. No pyplot
state is touched.
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Sequence
from io import BytesIO

import matplotlib

matplotlib.use("Agg")

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.ticker import AutoLocator, ScalarFormatter

DPI = 100
WIDTH = 8.0
BAR_INCHES = 0.3
LABEL_CHARS = 46
NOTE_CHARS = 64
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


def wrapped(text: str, width: int = 22, lines: int = 2) -> str:
    """``text`` on at most ``lines`` lines of about ``width`` characters (an ellipsis only past
    that), safe from mathtext: a long label is wrapped rather than cut."""
    flat = label(text, width * lines + lines)
    rows = textwrap.wrap(flat, width, break_long_words=False) or [""]
    if len(rows) > lines:
        rows = [*rows[: lines - 1], label(" ".join(rows[lines - 1 :]), width)]
    return "\n".join(rows)


CHAR_INCHES = 0.075  # width of a tick-label character at 10 pt, generously
PNG_OPTIONS = {"compress_level": 1}


def bar_height(rows: int) -> float:
    return min(max(2.4, 1.4 + BAR_INCHES * rows), 14.0)


def new_figure(height: float, width: float = WIDTH) -> Figure:
    return Figure(figsize=(width, height), dpi=DPI)


CANVASES: dict[str, tuple[Figure, list[Axes]]] = {}


def canvas(
    kind: str, height: float, width: float = WIDTH, ratios: Sequence[float] = (1,)
) -> tuple[Figure, list[Axes]]:
    """The figure kept for ``kind`` in this process, resized, its axes emptied (``reset``).

    Only charts that set every limit, tick and label they use draw on a kept figure."""
    found = CANVASES.get(kind)
    if found is None:
        fig = new_figure(height, width)
        axes = list(fig.subplots(1, len(ratios), width_ratios=list(ratios), squeeze=False)[0])
        CANVASES[kind] = found = (fig, axes)
        return found
    fig, axes = found
    fig.set_size_inches(width, height)
    for ax in axes:
        reset(ax)
    return found


def reset(ax: Axes) -> None:
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


def error_extent(centre: float, interval: tuple[float, float]) -> list[list[float]]:
    """Matplotlib's ``xerr``/``yerr`` for an interval drawn around ``centre``: the distances below
    and above it, never negative (a mean and its interval are rounded apart by a hair when every
    value is the same)."""
    low, high = interval
    return [[max(0.0, centre - low)], [max(0.0, high - centre)]]


def to_png(fig: Figure) -> bytes:
    buffer = BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        fig.savefig(buffer, format="png", dpi=DPI, pil_kwargs=PNG_OPTIONS)
    return buffer.getvalue()


def note_lines(note: str | None) -> list[str]:
    return textwrap.wrap(label(note, 240), NOTE_CHARS) if note else []


def margins(fig: Figure, *, left: float, note: str | None = None, bottom: float = 0.55,
             right: float = 0.35, top: float = 0.0) -> None:  # fmt: skip
    """Fixed margins in inches: ``left`` for tick labels, the title and note lines on top."""
    width, height = fig.get_size_inches()
    top_inches = 0.45 + 0.17 * len(note_lines(note)) + top
    fig.subplots_adjust(left=min(left / width, 0.6), right=1 - right / width,
                        bottom=min(bottom / height, 0.45), top=max(1 - top_inches / height, 0.5))  # fmt: skip


def label_inches(labels: Sequence[str], width: int = LABEL_CHARS) -> float:
    longest = max((len(label(t, width)) for t in labels), default=4)
    return 0.3 + CHAR_INCHES * longest


def titles(fig: Figure, ax: Axes, title: str, note: str | None) -> None:
    fig.suptitle(label(title, 70), fontweight="bold", y=1 - 0.08 / fig.get_size_inches()[1], va="top")
    lines = note_lines(note)
    if lines:
        ax.set_title("\n".join(lines), fontsize=9, color="#555555", y=1.0)  # y: no automatic placement


def no_data(title: str, message: str, width: float = WIDTH) -> bytes:
    """A small chart that says there is nothing to plot."""
    fig = new_figure(2.0, width)
    ax = fig.add_axes((0, 0, 1, 0.8))
    ax.set_axis_off()
    fig.suptitle(label(title, 70), fontweight="bold", y=0.96, va="top")
    ax.text(0.5, 0.5, label(message, 90), ha="center", va="center", fontsize=12, color="#555555",
            transform=ax.transAxes)  # fmt: skip
    return to_png(fig)


def bars(ax: Axes, rects: Sequence[tuple[float, float, float, float]], colours: Sequence[str] | str,
          edge: str = "none") -> None:  # fmt: skip
    """Rectangles (x, y, width, height) as one collection: far cheaper to add and draw than patches."""
    verts = [((x, y), (x + w, y), (x + w, y + h), (x, y + h)) for x, y, w, h in rects]
    width = 0.0 if edge == "none" else 0.8
    ax.add_collection(PolyCollection(verts, facecolors=colours, edgecolors=edge, linewidths=width, zorder=2),
                      autolim=False)  # fmt: skip


def bar_labels(labels: Sequence[str], values: Sequence[float], fmt: str) -> list[str]:
    """Each bar's label with its value (``say  60``): one text per bar, not two."""
    return [f"{label(t)}  {fmt.format(v)}" for t, v in zip(labels, values, strict=True)]


def hbars(
    ax: Axes, labels: Sequence[str], values: Sequence[float], fmt: str, colour: str, slots: int = 3
) -> None:
    """Horizontal bars, first on top, each labelled with its name and value (so no value ticks).

    At least ``slots`` bar positions are laid out so that one or two bars stay slim.
    """
    positions = range(len(values))
    bars(ax, [(0.0, y - 0.35, value, 0.7) for y, value in zip(positions, values, strict=True)], colour)
    ax.set_yticks(list(positions), bar_labels(labels, values, fmt))
    ax.set_ylim(max(slots, len(values)) - 0.5, -0.5)
    top = max(values) if values else 1.0
    ax.set_xlim(0, (top or 1.0) * 1.02)
    ax.set_xticks([])
    ax.spines[["top", "right"]].set_visible(False)
