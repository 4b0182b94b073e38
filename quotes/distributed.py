"""Run the pipeline on a Dask cluster (the optional extra ``quotescope[dask]``).

Two ways in:

- :func:`quotes.runner.run_articles` with ``RunOptions(dask_scheduler="tcp://host:8786")``
  sends batches of cache misses to the cluster (results come back in order; the cache is
  read and written by the calling process only);
- :func:`analyze_bag` maps a ``dask.bag.Bag`` of articles (``Article`` records or dicts with
  ``id`` and ``text``) to a Bag of result dicts (``ArticleResult.to_dict()``), no cache.

Each worker process loads the model once and keeps it (:func:`worker_analyzer`). The rules
folder must be readable at the same path on the workers (the bundled rules always are);
a worker whose rules or model differ from the client's refuses the work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from quotes.records import Article, ArticleResult

if TYPE_CHECKING:
    import dask.bag

    from quotes.pipeline import Analyzer
    from quotes.runner import RunOptions, WorkSpec


class DaskMissingError(ImportError):
    """dask[distributed] is not installed."""


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as error:
        raise DaskMissingError(
            "running on a Dask cluster needs dask[distributed]: pip install 'quotescope[dask]'"
        ) from error


_ANALYZERS: dict[WorkSpec, Analyzer] = {}


def worker_analyzer(spec: WorkSpec) -> Analyzer:
    """The Analyzer for ``spec`` in this (worker) process, built once and kept."""
    if spec not in _ANALYZERS:
        from quotes.runner import analyzer_for

        _ANALYZERS[spec] = analyzer_for(spec)
    return _ANALYZERS[spec]


def analyze_articles(articles: list[Article], spec: WorkSpec) -> list[ArticleResult]:
    """One batch on a worker: results in order, every article isolated from the others."""
    from quotes.runner import analyze_batch

    return analyze_batch(worker_analyzer(spec), articles)


class DaskBackend:
    """The :mod:`quotes.runner` backend that submits batches to a Dask scheduler."""

    local = False

    def __init__(self, address: str, spec: WorkSpec) -> None:
        _require_dask()
        from distributed import Client

        self.spec = spec
        self.client = Client(address, set_as_default=False)
        threads = sum(self.client.nthreads().values())
        self.capacity = max(2, 2 * threads)

    def submit(self, articles: list[Article]) -> Any:
        return self.client.submit(analyze_articles, articles, self.spec, pure=False)

    def recover(self, error: BaseException) -> bool:
        return False

    def close(self) -> None:
        self.client.close()


def _as_article(item: Article | dict[str, Any]) -> Article:
    if isinstance(item, Article):
        return item
    known = {f.name for f in fields(Article)}
    return Article(**{k: v for k, v in item.items() if k in known})


def _analyze_partition(
    items: Iterable[Article | dict[str, Any]], spec: WorkSpec, batch_size: int
) -> list[dict[str, Any]]:
    analyzer = worker_analyzer(spec)
    return [result.to_dict() for result in analyzer.run((_as_article(i) for i in items), batch_size)]


def analyze_bag(bag: dask.bag.Bag, options: RunOptions | None = None) -> dask.bag.Bag:
    """A Bag of result dicts (``ArticleResult.to_dict()``), one per article of ``bag``, in
    partition order. Lazy, like any Bag: compute it on the scheduler of your choice."""
    _require_dask()
    from quotes.runner import RunOptions, work_spec

    options = options if options is not None else RunOptions()
    spec = work_spec(options)
    return bag.map_partitions(_analyze_partition, spec, max(1, options.batch_size))
