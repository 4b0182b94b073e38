"""Progress on stderr: a phase name, done of total, percentage and time left.

Quiet when stderr is not a terminal. The total of the reading phase is estimated up front by
counting articles (lines of JSONL, rows of CSV, one per other file), cheaply and without parsing.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

from quotes.io.formats import is_records

T = TypeVar("T")
_EVERY = 0.2


def count_articles(paths: Iterable[str]) -> int:
    """About how many articles ``paths`` hold (stdin counts as 0: unknown)."""
    total = 0
    for path in paths:
        try:
            if path != "-" and is_records(path):
                with open(path, "rb") as stream:
                    lines = sum(1 for line in stream if line.strip())
                total += max(0, lines - path.lower().endswith(".csv"))  # (a CSV header)
            elif path != "-" and os.path.isfile(path):
                total += 1
        except OSError:
            continue
    return total


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """One progress line, rewritten in place; ``done`` ends it."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None, *, enabled: bool | None = None):
        self.label = label
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.count = 0
        self.start = time.monotonic()
        self._last = 0.0

    def line(self) -> str:
        """The current text: ``label: 40/84 (48%), 0:12 left``."""
        elapsed = time.monotonic() - self.start
        if self.total <= 0:
            return f"{self.label}: {self.count}"
        share = min(self.count / self.total, 1.0)
        text = f"{self.label}: {self.count}/{self.total} ({share:.0%})"
        if 0 < self.count < self.total:
            text += f", {_clock(elapsed * (self.total - self.count) / self.count)} left"
        elif self.count >= self.total:
            text += f", {_clock(elapsed)}"
        return text

    def step(self, amount: int = 1) -> None:
        """Count ``amount`` more done."""
        self.count += amount
        now = time.monotonic()
        if self.enabled and now - self._last >= _EVERY:
            self._last = now
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def done(self) -> None:
        """Write the final line."""
        if self.enabled:
            self.stream.write("\r" + self.line() + "\x1b[K\n")
            self.stream.flush()

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        """Yield ``items``, counting each; the line ends when they do."""
        for item in items:
            self.step()
            yield item
        self.done()
