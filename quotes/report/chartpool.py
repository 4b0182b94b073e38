"""Where a report's charts are drawn: in this process, or spread over worker processes.

A :class:`Chart` is a top-level drawing function of :mod:`quotes.report.charts` or
:mod:`quotes.report.charts_views` with its (picklable) arguments, and the path its PNG goes to;
every chart of a report is asked for so (:meth:`quotes.report.pages.Pages.chart`) and submitted
in groups (one speaker's, the comparison's, the index's). With ``jobs`` > 1, ``jobs - 1``
worker processes draw them while this process writes the pages; then this process takes every
group no worker has started yet and draws it itself (:meth:`ChartPool.wait`), as the extract
runner does with its batches. So ``jobs`` processes draw, and one fewer worker pays the start-up
(about a second and a half importing matplotlib). Workers never load the language model.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.io.files import atomic_write_bytes


@dataclass(frozen=True)
class Chart:
    """One chart to draw: where its PNG goes, the function that draws it, and its arguments."""

    path: Path
    draw: Callable[..., bytes]
    args: tuple[Any, ...]

    def png(self) -> bytes:
        """The chart drawn."""
        return self.draw(*self.args)


AUTO_JOBS_MAX = 4
"""Without ``jobs``, chart processes are at most this many (one per core)..."""
AUTO_JOBS_MIN_SPEAKERS = 8
"""...and only for at least this many speakers with charts: a worker's start-up (about a second
and a half, mostly importing matplotlib) is repaid after a few speakers."""


def chart_jobs(jobs: int | None, speakers: int) -> int:
    """How many processes (this one and workers) draw the charts of ``speakers`` speakers: ``jobs``
    when given.

    Otherwise one per available core, up to AUTO_JOBS_MAX, for AUTO_JOBS_MIN_SPEAKERS or more:
    the charts are independent and CPU-bound (matplotlib's drawing takes most of a warm report),
    the workers load no language model, and the main process writes the pages meanwhile."""
    if jobs is not None:
        return jobs
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return min(cores, AUTO_JOBS_MAX) if cores > 1 and speakers >= AUTO_JOBS_MIN_SPEAKERS else 1


def draw_charts(charts: Sequence[Chart]) -> None:
    """Draw and write each chart (a top-level function, so workers can run it)."""
    for chart in charts:
        atomic_write_bytes(chart.path, chart.png())


class ChartPool:
    """Draws groups of charts now (``jobs`` <= 1), or in ``jobs - 1`` worker processes and this one;
    a context manager."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: concurrent.futures.Executor | None = None
        self._pending: list[tuple[concurrent.futures.Future[None], Sequence[Chart], bool]] = []

    def __enter__(self) -> ChartPool:
        if self.jobs > 1:
            context = multiprocessing.get_context("spawn")
            self._pool = concurrent.futures.ProcessPoolExecutor(self.jobs - 1, mp_context=context)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=exc[0] is not None)

    @property
    def parallel(self) -> bool:
        """True when workers draw (submitted charts are done only after :meth:`wait`)."""
        return self._pool is not None

    def submit(self, charts: Sequence[Chart], counted: bool = True) -> None:
        """Draw ``charts``: now, or by a worker (``counted``: :meth:`wait` reports it done)."""
        if self._pool is None:
            draw_charts(charts)
        else:
            charts = list(charts)
            self._pending.append((self._pool.submit(draw_charts, charts), charts, counted))

    def wait(self, done: Callable[[], None] = lambda: None) -> None:
        """Draw here every group no worker has started (the last submitted first), then wait for
        the rest; ``done`` is called after each counted group. A worker's error is raised."""
        pending, self._pending = self._pending, []
        for future, charts, counted in reversed(pending):
            if future.cancel():
                draw_charts(charts)
                if counted:
                    done()
        started = {future: counted for future, _, counted in pending if not future.cancelled()}
        for future in concurrent.futures.as_completed(started):
            future.result()
            if started[future]:
                done()
