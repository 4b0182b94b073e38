"""Nearest-first look-ups over an article's mentions, in time linear in the article.

Speaker resolution asks, for each mention, "which people were mentioned before this point,
nearest first?". Scanning every earlier mention per question is quadratic in a transcript
with thousands of quotations; here each item keeps its own sorted positions, so a question
costs a bisect per distinct item, however often the items were mentioned.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class Recency(Generic[T]):
    """Items with the text positions where they were mentioned."""

    def __init__(self) -> None:
        self._positions: dict[T, list[int]] = {}
        self.operations = 0  # work done, for growth tests

    def add(self, position: int, item: T) -> None:
        """Record a mention of ``item`` at ``position`` (appending in text order is O(1))."""
        positions = self._positions.setdefault(item, [])
        self.operations += 1
        if not positions or positions[-1] <= position:
            positions.append(position)
        else:
            bisect.insort(positions, position)

    def last_before(self, item: T, offset: int) -> int | None:
        """The last position of ``item`` before ``offset``."""
        positions = self._positions.get(item)
        if not positions:
            return None
        self.operations += 1
        i = bisect.bisect_left(positions, offset)
        return positions[i - 1] if i else None

    def count_before(self, item: T, offset: int) -> int:
        """How often ``item`` was mentioned before ``offset``."""
        self.operations += 1
        return bisect.bisect_left(self._positions.get(item, []), offset)

    def before(self, offset: int) -> list[tuple[int, T]]:
        """(last position, item) for every item mentioned before ``offset``, nearest first."""
        found = []
        for item in self._positions:
            position = self.last_before(item, offset)
            if position is not None:
                found.append((position, item))
        found.sort(key=lambda pair: -pair[0])
        return found

    def items(self) -> Iterator[T]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)
