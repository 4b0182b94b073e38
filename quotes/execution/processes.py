"""The worker-process backend (``--jobs N``): ``N - 1`` spawned workers beside the caller.

Each worker loads the model once (the pool's initializer fills its analyzer cache) and
analyses whole batches; the calling process is the last worker. The pool starts on the first
batch sent, so the workers load their model while the caller reads on. Each worker runs one
batch at a time and the backend holds the next one for it: a worker that finishes is given
its next batch at once (from the pool's result thread), and a batch still held can be taken
back by the caller (:meth:`ProcessBackend.reclaim`), so that at the end of the input the caller
analyses it instead of waiting for a worker to get to it. A pool that breaks (a worker died)
is restarted up to :data:`MAX_POOL_RESTARTS` times, then the caller works alone.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import deque
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from quotes.execution.analyzers import analyze_batch, analyzer_for

if TYPE_CHECKING:
    from quotes.execution.options import Handle, WorkSpec
    from quotes.records import Article, ArticleResult

MAX_POOL_RESTARTS = 2
"""A worker pool that breaks (a worker died) is restarted this often, then no more."""

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


_START_ERROR: str | None = None
"""Why this worker could not build its analyzer (a bad rule file, a missing model), if so."""


def _init_worker(spec: WorkSpec) -> None:
    """Process-pool initializer: one thread per worker, then the model, loaded once. The model
    and rules live as long as the worker: the garbage collector stops scanning them (a tenth of
    a second saved per polnear-dev's worth of articles, growing with the corpus). A failure is
    kept for :func:`_ready` to report: the caller then works alone and meets it itself, as one
    clear error (an initializer that raises prints a traceback and breaks the pool)."""
    global _START_ERROR
    for name in THREAD_VARS:
        os.environ.setdefault(name, "1")
    try:
        analyzer_for(spec)
    except Exception as error:
        _START_ERROR = f"{type(error).__name__}: {error}"
        return
    gc.collect()
    gc.freeze()


def _worker_batch(articles: list[Article], spec: WorkSpec) -> list[ArticleResult]:
    return analyze_batch(analyzer_for(spec), articles)


def _ready() -> str | None:
    """Answered by a worker once its initializer is done: None, or why it cannot work."""
    return _START_ERROR


class WorkerStartError(RuntimeError):
    """No worker could build its analyzer: the caller analyses every batch itself."""


class ProcessBackend:
    """``workers`` spawned worker processes, started on the first batch sent; one batch running
    and one held per worker."""

    local = True

    def __init__(self, spec: WorkSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.capacity = 2 * workers
        self.restarts = 0
        self.pool: Any = None
        self._lock = threading.RLock()  # the pool's result thread hands out held batches too
        self._held: deque[tuple[Future[list[ArticleResult]], list[Article]]] = deque()
        self._running = 0

    def submit(self, articles: list[Article]) -> Handle:
        handle: Future[list[ArticleResult]] = Future()
        with self._lock, _single_threaded_children():  # workers start here: they inherit this
            if self.capacity == 0:  # no worker could start
                handle.set_running_or_notify_cancel()
                handle.set_exception(WorkerStartError("no worker could start"))
                return handle
            self._held.append((handle, articles))
            self._send_held()
        return handle

    def reclaim(self, handle: Handle) -> bool:
        """Take back a batch no worker has started: True if the caller is now to analyse it."""
        return isinstance(handle, Future) and handle.cancel()

    def _send_held(self) -> None:
        """Send held batches to idle workers (under the lock). Until a worker has loaded its
        model, batches stay held: the caller may take them back rather than wait for it."""
        if self.pool is None and self._held:
            self._start_pool()
        while self._held and self._running < self.workers:
            handle, articles = self._held.popleft()
            if not handle.set_running_or_notify_cancel():
                continue  # reclaimed by the caller
            try:
                sent = self._pool().submit(_worker_batch, articles, self.spec)
            except Exception as error:  # a broken or closed pool: the caller recovers
                handle.set_exception(error)
                continue
            self._running += 1
            sent.add_done_callback(lambda done, handle=handle: self._finished(done, handle))

    def _finished(self, done: Future[list[ArticleResult]], handle: Future[list[ArticleResult]]) -> None:
        """A worker's batch is back: give the worker its next batch, then pass the results on."""
        with self._lock:
            self._running -= 1
            self._send_held()
        if done.cancelled():
            handle.set_exception(RuntimeError("the worker pool was shut down"))
        elif (error := done.exception()) is not None:
            handle.set_exception(error)
        else:
            handle.set_result(done.result())

    def _start_pool(self) -> None:
        """Start the workers (on the first miss: a fully cached run never starts them); each
        counts as busy until it answers :func:`_ready`."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(self.spec,))
        for _ in range(self.workers):
            self._running += 1
            self.pool.submit(_ready).add_done_callback(self._started)  # (one may answer twice: no matter)

    def _started(self, done: Future[str | None]) -> None:
        """A worker answered the readiness probe: send it a batch, or, if it cannot work, give
        every held batch back to the caller (which then works alone)."""
        problem = "the worker pool was shut down" if done.cancelled() else None
        if problem is None and (error := done.exception()) is not None:
            problem = f"{type(error).__name__}: {error}"
        problem = problem or done.result()
        with self._lock:
            self._running -= 1
            if problem is not None:
                self.capacity = 0
                held, self._held = list(self._held), deque()
            else:
                held = []
                self._send_held()
        for handle, _ in held:
            if handle.set_running_or_notify_cancel():
                handle.set_exception(WorkerStartError(f"a worker could not start: {problem}"))

    def _pool(self) -> Any:
        if self.pool is None:
            self._start_pool()
        return self.pool

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
        with self._lock:
            held, self._held = list(self._held), deque()
        for handle, _ in held:
            if not handle.cancel() and not handle.done():
                handle.set_exception(RuntimeError("the worker pool was closed"))
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        with self._lock:
            self._running = 0


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
