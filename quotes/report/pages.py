"""Where a report's files go: the settings of one report, and the sink that writes its pages
and hands its charts to the chart pool, recording every file in ``report-files.json``."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.io.files import atomic_write_text, inside
from quotes.report.bootstrap import CI_MIN_QUOTES
from quotes.report.chartpool import Chart, ChartPool
from quotes.report.display import cue_class_name, cue_name, frame_label
from quotes.report.written_files import Written
from quotes.rules.cues import CUE_CLASSES

MIN_QUOTES = CI_MIN_QUOTES
"""Default: speakers with fewer quotations (too few for a tone interval) share one page, no charts..."""
SMALL_REPORT = 40
"""...unless the report has at most this many named speakers: then every one gets a page."""

Renderer = Callable[[Mapping[str, Any]], tuple[str, str]]
"""A page's renderer (:mod:`quotes.report.render`): context in, (Markdown, HTML) out."""


@dataclass(frozen=True)
class Settings:
    """How to write one report."""

    title: str = "quotescope report"
    jobs: int | None = None
    min_quotes: int | None = None  # None: every speaker of a small report, else MIN_QUOTES
    compare: tuple[str, ...] = ()
    frame_labels: Mapping[str, str] | None = None
    cue_classes: tuple[str, ...] = CUE_CLASSES

    @property
    def labels(self) -> Mapping[str, str]:
        return self.frame_labels or {}

    @property
    def threshold(self) -> int:
        """The fewest quotations for a page of one's own (once :meth:`settled`)."""
        return MIN_QUOTES if self.min_quotes is None else self.min_quotes

    def settled(self, named_speakers: int) -> Settings:
        """These settings with the threshold fixed for a report of ``named_speakers`` named speakers:
        the one given, else 1 for a small report (at most SMALL_REPORT), else MIN_QUOTES."""
        if self.min_quotes is not None:
            return self
        return dataclasses.replace(self, min_quotes=1 if named_speakers <= SMALL_REPORT else MIN_QUOTES)


class Pages:
    """The files of one report being written: pages now, charts through the run's pool."""

    def __init__(self, root: Path, settings: Settings, written: Written) -> None:
        self.root = root
        self.settings = settings
        self.written = written
        self.pool = ChartPool(1)  # replaced by the run's pool (see quotes.report.writer)
        self.names = {
            "frame_name": functools.partial(frame_label, labels=settings.labels),
            "cue_name": cue_name,
            "class_name": cue_class_name,
        }

    def text(self, relative: str, text: str) -> None:
        """Write ``text`` as the file ``relative`` (a /-separated path inside the report)."""
        atomic_write_text(self.written.add(inside(self.root, *relative.split("/"))), text)

    def page(self, stem: str, render: Renderer, /, **values: Any) -> None:
        """Render a page with ``values`` and write it as ``stem``.md and ``stem``.html."""
        markdown, html = render(self.context(**values))
        self.text(f"{stem}.md", markdown)
        self.text(f"{stem}.html", html)

    def chart(self, relative: str, draw: Callable[..., bytes], *args: Any) -> Chart:
        """The one way to ask for a chart: ``draw(*args)`` returns the PNG to write as ``relative``
        (a /-separated path inside the report). Hand charts to :meth:`draw`."""
        return Chart(self.written.add(inside(self.root, *relative.split("/"))), draw, args)

    def draw(self, charts: Sequence[Chart], counted: bool = False) -> None:
        """Hand a group of charts to the pool, drawn now or by a worker (``counted``: a step of
        the progress line when done)."""
        self.pool.submit(charts, counted=counted)

    def context(self, **values: Any) -> dict[str, Any]:
        """A page's template context: the report title and the label functions, then ``values``."""
        return {"report_title": self.settings.title, **self.names, **values}
