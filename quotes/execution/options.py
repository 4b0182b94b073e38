"""The description of a run: what every part of the execution layer agrees on.

:class:`RunOptions` is what a caller asks for; :func:`work_spec` resolves it, without loading
the model, into a :class:`WorkSpec`: small, frozen and picklable, it is the key of the analyzer
cache (:mod:`quotes.execution.analyzers`), the context of the result cache, and all a worker
process or a Dask worker needs to build the same Analyzer as the caller. :class:`Backend` is
what the runner asks of a place where batches are analysed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from quotes.records import Article


@dataclass(frozen=True)
class RunOptions:
    """How to run the pipeline over many articles."""

    model: str | None = None
    rules_dir: str | None = None
    jobs: int = 1
    use_cache: bool = True
    cache_path: Path | None = None  # default: $QUOTESCOPE_CACHE or the platform cache folder
    dask_scheduler: str | None = None  # address of a dask.distributed scheduler
    batch_size: int = 32
    score: bool = True


@dataclass(frozen=True)
class WorkSpec:
    """Everything that decides an analyzer's output, resolved (picklable)."""

    model: str | None  # the name asked for (None: the first installed default)
    rules_dir: str  # absolute path of the rules folder
    rules_fingerprint: str  # hash of every rule file: the rules as they were when resolved
    model_id: str  # name and version of the model ``model`` resolves to
    score: bool  # whether tone and frames are scored


def work_spec(options: RunOptions) -> WorkSpec:
    """Resolve the rules folder, its fingerprint and the model id, without loading the model."""
    from quotes.nlp.model import model_id_for
    from quotes.rules.ruleset import default_rules_dir, fingerprint

    rules_dir = Path(options.rules_dir) if options.rules_dir is not None else default_rules_dir()
    digest = fingerprint(rules_dir) if rules_dir.is_dir() else ""
    model = model_id_for(options.model)
    return WorkSpec(options.model, str(rules_dir.resolve()), digest, model, options.score)


class Handle(Protocol):
    """A batch in flight: ``concurrent.futures.Future`` and Dask futures both fit."""

    def done(self) -> bool: ...

    def result(self) -> Any: ...


class Backend(Protocol):
    """Where batches of cache misses are analysed (see :mod:`quotes.execution.local`,
    :mod:`~quotes.execution.processes` and :mod:`~quotes.execution.dask`)."""

    capacity: int  # remote batches that may be in flight at once (0: none)
    local: bool  # whether this process analyses batches too

    def submit(self, articles: list[Article]) -> Handle:
        """Send one batch away; its handle's result is the batch's ArticleResults, in order."""
        ...

    def reclaim(self, handle: Handle) -> bool:
        """Take back a batch no worker has started: True if the caller is now to analyse it."""
        ...

    def recover(self, error: BaseException) -> bool:
        """After a batch failed with ``error``: whether the backend restarted (resubmit)."""
        ...

    def close(self) -> None: ...
