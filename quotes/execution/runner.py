"""The streaming runner: articles in, results out, in order, in constant memory.

:func:`run_articles` reads the article stream in batches, answers what it can from the
result cache (:mod:`quotes.io.cache`), and has a backend analyse the rest:

- in this process (``jobs=1``; :mod:`quotes.execution.local`);
- in this process *and* ``jobs - 1`` worker processes (``jobs > 1``;
  :mod:`quotes.execution.processes`): batches go to whichever side is free;
- on a Dask cluster (``dask_scheduler``; :mod:`quotes.execution.dask`).

Results are put back in input order. At most :data:`MAX_PENDING_BATCHES` batches are held at
once, so memory does not grow with the corpus. An article that fails yields
``ArticleResult(article, (), error=...)`` and the run goes on. The analyzer comes from the
process-wide cache (:mod:`quotes.execution.analyzers`) on the first cache miss: a fully
cached run never loads the model.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quotes.execution import analyzers
from quotes.execution.options import Backend, Handle, RunOptions, WorkSpec, work_spec
from quotes.records import Article, ArticleResult

if TYPE_CHECKING:
    from quotes.execution.analyzers import Analyzer
    from quotes.io.cache import ResultCache

BATCH_CHARS = 25_000
"""A batch holds at most this many characters (and at most ``batch_size`` articles): work
spreads evenly over workers, and spaCy's working memory stays small (on the dev set, a third
of what 32 whole articles per ``nlp.pipe`` call take, at the same speed)."""

MAX_PENDING_BATCHES = 16
"""Batches held at once (waiting for an earlier one, or in flight): the memory bound."""


def run_articles(articles: Iterable[Article], options: RunOptions,
                 progress: Callable[[int], None] | None = None) -> Iterator[ArticleResult]:
    """Results for ``articles``, in input order, streaming.

    ``progress(n)`` is called with the number of articles just completed (an increment).
    """
    spec = work_spec(options)
    cache = open_cache(options, spec)
    backend = make_backend(options, spec)
    try:
        yield from _Run(options, spec, cache, backend, progress).results(articles)
    finally:
        backend.close()
        if cache is not None:
            cache.close()


def open_cache(options: RunOptions, spec: WorkSpec) -> ResultCache | None:
    """The result cache for this run, or None when the options bypass it."""
    if not options.use_cache:
        return None
    from quotes.io.cache import ResultCache, cache_context, default_cache_path

    path = options.cache_path if options.cache_path is not None else default_cache_path()
    return ResultCache(path, cache_context(spec.rules_fingerprint, spec.model_id, score=spec.score))


def make_backend(options: RunOptions, spec: WorkSpec) -> Backend:
    """The backend the options ask for: Dask, worker processes, or this process alone."""
    if options.dask_scheduler:
        from quotes.execution.dask import DaskBackend

        return DaskBackend(options.dask_scheduler, spec)
    if options.jobs > 1:
        from quotes.execution.processes import ProcessBackend

        return ProcessBackend(spec, options.jobs - 1)
    from quotes.execution.local import LocalBackend

    return LocalBackend()


@dataclass
class _Batch:
    articles: list[Article]
    keys: list[str]
    hits: dict[str, Any]  # text key -> cached quotations
    misses: list[Article]
    handle: Handle | None = None  # remote work in flight
    results: list[ArticleResult] | None = None  # local work done


class _Run:
    """One call of :func:`run_articles`: batching, cache, dispatch and re-ordering."""

    def __init__(self, options: RunOptions, spec: WorkSpec, cache: ResultCache | None, backend: Backend,
                 progress: Callable[[int], None] | None) -> None:
        self.options = options
        self.spec = spec
        self.cache = cache
        self.backend = backend
        self.progress = progress
        self._analyzer: Analyzer | None = None

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = analyzers.analyzer_for(self.spec)
        return self._analyzer

    def results(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        remote = self.backend.capacity > 0 or not self.backend.local
        pending: deque[_Batch] = deque()
        for articles_batch in _batches(articles, max(1, self.options.batch_size), BATCH_CHARS):
            batch = self._lookup(articles_batch)
            if not batch.misses:
                pass
            elif not remote:  # one process: stream each result as soon as it is ready
                yield from self._finish(batch, self.analyzer.run(batch.misses, len(batch.misses)))
                continue
            elif self._in_flight(pending) < self.backend.capacity or not self.backend.local:
                while not self.backend.local and self._in_flight(pending) >= max(1, self.backend.capacity):
                    yield from self._finish_head(pending)
                batch.handle = self.backend.submit(batch.misses)
            else:  # every worker is busy: this process takes the batch itself
                batch.results = analyzers.analyze_batch(self.analyzer, batch.misses)
            pending.append(batch)
            while pending and (self._ready(pending[0]) or len(pending) > MAX_PENDING_BATCHES):
                yield from self._finish_head(pending)
        while pending:
            yield from self._finish_head(pending)

    @staticmethod
    def _in_flight(pending: deque[_Batch]) -> int:
        """Remote batches still running (finished ones only wait for their turn)."""
        return sum(1 for b in pending if b.handle is not None and not b.handle.done())

    @staticmethod
    def _ready(batch: _Batch) -> bool:
        return batch.handle is None or batch.handle.done()

    def _lookup(self, articles: list[Article]) -> _Batch:
        from quotes.io.cache import text_key

        keys = [text_key(a.text) for a in articles]
        hits = self.cache.get_many([a.text for a in articles]) if self.cache is not None else {}
        misses = [a for a, key in zip(articles, keys, strict=True) if key not in hits]
        return _Batch(articles, keys, hits, misses)

    def _take_back(self, pending: deque[_Batch]) -> None:
        """While the oldest batch is still with a worker, analyse here the batches that no worker
        has started, latest first (at the end of the input this process has nothing else to do)."""
        if not self.backend.local:
            return
        for batch in reversed(pending):
            head = pending[0].handle
            if head is None or head.done():
                return
            if batch.handle is not None and self.backend.reclaim(batch.handle):
                batch.handle = None
                batch.results = analyzers.analyze_batch(self.analyzer, batch.misses)

    def _finish_head(self, pending: deque[_Batch]) -> Iterator[ArticleResult]:
        self._take_back(pending)
        batch = pending.popleft()
        if batch.handle is None:
            return self._finish(batch, batch.results or [])
        try:
            results: list[ArticleResult] = batch.handle.result()
            if len(results) != len(batch.misses):
                raise RuntimeError("a worker returned the wrong number of results")
        except Exception as error:  # the worker (not an article) failed
            if self.backend.recover(error):
                self._resubmit(pending)
            if self.backend.local:  # analyse here instead, each article still isolated
                results = analyzers.analyze_batch(self.analyzer, batch.misses)
            else:
                message = f"worker failed: {type(error).__name__}: {error}"
                results = [ArticleResult(a, (), error=message) for a in batch.misses]
        return self._finish(batch, results)

    def _resubmit(self, pending: deque[_Batch]) -> None:
        """Send the batches lost with a broken pool again (or run them here)."""
        for batch in pending:
            if batch.handle is None or (batch.handle.done() and not _failed(batch.handle)):
                continue
            if self.backend.capacity > 0:
                batch.handle = self.backend.submit(batch.misses)
            else:
                batch.handle = None
                batch.results = analyzers.analyze_batch(self.analyzer, batch.misses)

    def _finish(self, batch: _Batch, computed: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
        """The batch's results in input order: cached ones and computed ones interleaved."""
        fresh = iter(computed)
        to_store: list[tuple[str, Any]] = []
        for article, key in zip(batch.articles, batch.keys, strict=True):
            if key in batch.hits:
                result = ArticleResult(article, batch.hits[key], meta={"cached": True})
            else:
                result = next(fresh)
                if result.error is None:
                    to_store.append((article.text, result.quotations))
            if self.progress is not None:
                self.progress(1)
            yield result
        if self.cache is not None and to_store:
            self.cache.put_many(to_store)


def _failed(handle: Handle) -> bool:
    try:
        handle.result()
    except Exception:
        return True
    return False


def _batches(articles: Iterable[Article], size: int, max_chars: int | None) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``size`` articles (and ``max_chars`` characters, an
    article longer than that making a batch of its own)."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        too_long = max_chars is not None and chars + len(article.text) > max_chars
        if batch and (len(batch) >= size or too_long):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch
