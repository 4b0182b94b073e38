"""The worker-process backend (``--jobs N``): ``N - 1`` spawned workers beside the caller.

Each worker loads the model once (the pool's initializer fills its analyzer cache) and
analyses whole batches; the calling process is the last worker. A pool that breaks (a worker
died) is restarted up to :data:`MAX_POOL_RESTARTS` times, then the caller works alone.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from quotes.execution.analyzers import analyze_batch, analyzer_for

if TYPE_CHECKING:
    from quotes.execution.options import Handle, WorkSpec
    from quotes.records import Article, ArticleResult

MAX_POOL_RESTARTS = 2
"""A worker pool that breaks (a worker died) is restarted this often, then no more."""

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def _init_worker(spec: WorkSpec) -> None:
    """Process-pool initializer: one thread per worker, then the model, loaded once."""
    for name in THREAD_VARS:
        os.environ.setdefault(name, "1")
    analyzer_for(spec)


def _worker_batch(articles: list[Article], spec: WorkSpec) -> list[ArticleResult]:
    return analyze_batch(analyzer_for(spec), articles)


class ProcessBackend:
    """``workers`` spawned worker processes, started on the first batch sent."""

    local = True

    def __init__(self, spec: WorkSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.capacity = 2 * workers
        self.restarts = 0
        self.pool: Any = None

    def submit(self, articles: list[Article]) -> Handle:
        if self.pool is None:  # started on the first miss: a fully cached run never starts it
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_worker, initargs=(self.spec,))
        with _single_threaded_children():  # workers start during submit: they inherit this
            return self.pool.submit(_worker_batch, articles, self.spec)

    def recover(self, error: BaseException) -> bool:
        """After a worker died: a fresh pool (up to MAX_POOL_RESTARTS), else no more workers."""
        from concurrent.futures.process import BrokenProcessPool

        if not isinstance(error, BrokenProcessPool):
            return False
        self.close()
        self.restarts += 1
        if self.restarts > MAX_POOL_RESTARTS:
            self.capacity = 0
        return True

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class _single_threaded_children:
    """Set the thread-count variables (where unset) while child processes are started, so
    that two workers on two cores do not each start a pool of BLAS threads."""

    def __enter__(self) -> None:
        self.added = [name for name in THREAD_VARS if name not in os.environ]
        for name in self.added:
            os.environ[name] = "1"

    def __exit__(self, *exc: object) -> None:
        for name in self.added:
            os.environ.pop(name, None)
