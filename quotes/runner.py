"""The streaming execution layer: articles in, results out, in order, in constant memory.

:func:`run_articles` reads the article stream in batches, answers what it can from the
result cache (:mod:`quotes.cache`), and analyses the rest

- in this process (``jobs=1``);
- in this process *and* ``jobs - 1`` worker processes (``jobs > 1``): each worker loads the
  model once, batches go to whichever side is free, results are put back in input order;
- on a Dask cluster (``dask_scheduler``; see :mod:`quotes.distributed`).

At most a fixed number of batches is in flight, so memory does not grow with the corpus.
An article that fails yields ``ArticleResult(article, (), error=...)`` and the run goes on.
The model is loaded lazily, on the first cache miss: a fully cached run never loads it.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from quotes.records import Article, ArticleResult

if TYPE_CHECKING:
    from spacy.language import Language

    from quotes.cache import ResultCache
    from quotes.pipeline import Analyzer

BATCH_CHARS = 25_000
"""A batch holds at most this many characters (and at most ``batch_size`` articles): work
spreads evenly over workers, and spaCy's working memory stays small (on the dev set, a third
of what 32 whole articles per ``nlp.pipe`` call take, at the same speed)."""

MAX_PENDING_BATCHES = 16
"""Batches held at once (waiting for an earlier one, or in flight): the memory bound."""

MAX_POOL_RESTARTS = 2
"""A worker pool that breaks (a worker died) is restarted this often, then no more."""

_THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


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
    """What a worker needs to build the same Analyzer as this process (picklable)."""

    model: str | None
    rules_dir: str
    rules_fingerprint: str
    model_id: str
    score: bool


def run_articles(
    articles: Iterable[Article], options: RunOptions, progress: Callable[[int], None] | None = None
) -> Iterator[ArticleResult]:
    """Results for ``articles``, in input order, streaming.

    ``progress(n)`` is called with the number of articles just completed (an increment).
    """
    spec = work_spec(options)
    cache = _open_cache(options, spec)
    backend = _make_backend(options, spec)
    try:
        yield from _Run(options, spec, cache, backend, progress).results(articles)
    finally:
        backend.close()
        if cache is not None:
            cache.close()


def work_spec(options: RunOptions) -> WorkSpec:
    """Resolve the rules folder, its fingerprint and the model id, without loading the model."""
    from quotes.model import model_id_for
    from quotes.ruleset import default_rules_dir, fingerprint

    rules_dir = Path(options.rules_dir) if options.rules_dir is not None else default_rules_dir()
    digest = fingerprint(rules_dir) if rules_dir.is_dir() else ""
    model = model_id_for(options.model)
    return WorkSpec(options.model, str(rules_dir.resolve()), digest, model, options.score)


def _open_cache(options: RunOptions, spec: WorkSpec) -> ResultCache | None:
    if not options.use_cache:
        return None
    from quotes.cache import ResultCache, cache_context, default_cache_path

    path = options.cache_path if options.cache_path is not None else default_cache_path()
    return ResultCache(path, cache_context(spec.rules_fingerprint, spec.model_id, score=spec.score))


# ----------------------------------------------------------------------------- analysers


_MODELS: dict[str | None, Language] = {}


def shared_model(name: str | None) -> Language:
    """The model ``name``, loaded once per process and reused by every run."""
    if name not in _MODELS:
        from quotes.model import load_model

        _MODELS[name] = load_model(name)
    return _MODELS[name]


def analyzer_for(spec: WorkSpec) -> Analyzer:
    """An Analyzer for ``spec`` on this process's shared model; refuses rules or a model that
    are not those the parent keyed its cache with."""
    from quotes.model import model_id
    from quotes.pipeline import Analyzer
    from quotes.ruleset import load_rules

    rules = load_rules(spec.rules_dir)
    if rules.fingerprint != spec.rules_fingerprint:
        raise RuntimeError(f"the rules in {spec.rules_dir} changed during the run")
    nlp = shared_model(spec.model)
    if model_id(nlp) != spec.model_id:
        raise RuntimeError(f"model {model_id(nlp)} loaded where {spec.model_id} was expected")
    return Analyzer(rules, nlp, score=spec.score)


def analyze_batch(analyzer: Analyzer, articles: list[Article]) -> list[ArticleResult]:
    """Results for one batch, every article isolated from the others' failures."""
    return list(analyzer.run(articles, batch_size=max(1, len(articles))))


_WORKER: Analyzer | None = None


def _init_worker(spec: WorkSpec) -> None:
    """Process-pool initializer: one thread per worker, then the model, loaded once."""
    global _WORKER
    for name in _THREAD_VARS:
        os.environ.setdefault(name, "1")
    _WORKER = analyzer_for(spec)


def _worker_batch(articles: list[Article]) -> list[ArticleResult]:
    if _WORKER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker not initialised")
    return analyze_batch(_WORKER, articles)


# ----------------------------------------------------------------------------- backends


class Handle(Protocol):
    """A batch in flight: ``concurrent.futures.Future`` and Dask futures both fit."""

    def done(self) -> bool: ...

    def result(self) -> Any: ...


class Backend(Protocol):
    """Where batches of cache misses are analysed."""

    capacity: int  # remote batches that may be in flight at once (0: none)
    local: bool  # whether this process analyses batches too

    def submit(self, articles: list[Article]) -> Handle: ...

    def recover(self, error: BaseException) -> bool: ...

    def close(self) -> None: ...


class _LocalBackend:
    capacity = 0
    local = True

    def submit(self, articles: list[Article]) -> Handle:  # pragma: no cover - never called
        raise RuntimeError("the local backend runs batches in the calling process")

    def recover(self, error: BaseException) -> bool:
        return False

    def close(self) -> None:
        pass


class _ProcessBackend:
    """``jobs - 1`` spawned worker processes; the calling process is the last worker."""

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

            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.spec,),
            )
        with _single_threaded_children():  # workers start during submit: they inherit this
            return self.pool.submit(_worker_batch, articles)

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
        self.added = [name for name in _THREAD_VARS if name not in os.environ]
        for name in self.added:
            os.environ[name] = "1"

    def __exit__(self, *exc: object) -> None:
        for name in self.added:
            os.environ.pop(name, None)


def _make_backend(options: RunOptions, spec: WorkSpec) -> Backend:
    if options.dask_scheduler:
        from quotes.distributed import DaskBackend

        return DaskBackend(options.dask_scheduler, spec)
    if options.jobs > 1:
        return _ProcessBackend(spec, options.jobs - 1)
    return _LocalBackend()


# ----------------------------------------------------------------------------- the run


@dataclass
class _Batch:
    articles: list[Article]
    keys: list[str]
    hits: dict[str, Any]  # text key -> cached quotations
    misses: list[Article]
    handle: Handle | None = None  # remote work in flight
    results: list[ArticleResult] | None = None  # local work done
    extra: dict[str, Any] = field(default_factory=dict)


class _Run:
    """One call of :func:`run_articles`: batching, cache, dispatch and re-ordering."""

    def __init__(
        self,
        options: RunOptions,
        spec: WorkSpec,
        cache: ResultCache | None,
        backend: Backend,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.options = options
        self.spec = spec
        self.cache = cache
        self.backend = backend
        self.progress = progress
        self._analyzer: Analyzer | None = None

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = analyzer_for(self.spec)
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
                batch.results = analyze_batch(self.analyzer, batch.misses)
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
        from quotes.cache import text_key

        keys = [text_key(a.text) for a in articles]
        hits = self.cache.get_many([a.text for a in articles]) if self.cache is not None else {}
        misses = [a for a, key in zip(articles, keys, strict=True) if key not in hits]
        return _Batch(articles, keys, hits, misses)

    def _finish_head(self, pending: deque[_Batch]) -> Iterator[ArticleResult]:
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
                results = analyze_batch(self.analyzer, batch.misses)
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
                batch.results = analyze_batch(self.analyzer, batch.misses)

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
