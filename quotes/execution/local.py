"""The in-process backend: every batch is analysed by the calling process, as it comes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotes.execution.options import Handle
    from quotes.records import Article


class LocalBackend:
    """No remote capacity: the runner analyses each batch itself and streams its results."""

    capacity = 0
    local = True

    def submit(self, articles: list[Article]) -> Handle:  # pragma: no cover - never called
        raise RuntimeError("the local backend runs batches in the calling process")

    def reclaim(self, handle: Handle) -> bool:
        return False

    def recover(self, error: BaseException) -> bool:
        return False

    def close(self) -> None:
        pass
