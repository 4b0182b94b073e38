"""Run the pipeline on a Dask cluster (the optional extra ``quotescope[dask]``).

Two ways in:

- :func:`quotes.execution.runner.run_articles` with ``RunOptions(dask_scheduler="tcp://host:8786")``
  sends batches of cache misses to the cluster through :class:`DaskBackend` (results come back
  in order; the cache is read and written by the calling process only);
- :func:`analyze_bag` maps a ``dask.bag.Bag`` of articles (``Article`` records or dicts with
  ``id`` and ``text``) to a Bag of result dicts (``quotes.io.serialize.result_to_dict``), no cache.

Each worker process builds its analyzer once, in its analyzer cache, from the picklable
:class:`WorkSpec`. The rules folder must be readable at the same path on the workers (the
bundled rules always are); a worker whose rules or model differ from the client's refuses the work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from quotes.execution.analyzers import analyze_batch, analyzer_for
from quotes.execution.options import Handle, RunOptions, WorkSpec, work_spec
from quotes.io.serialize import result_to_dict
from quotes.records import Article, ArticleResult

if TYPE_CHECKING:
    import dask.bag


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


def analyze_articles(articles: list[Article], spec: WorkSpec) -> list[ArticleResult]:
    """One batch on a worker: results in order, every article isolated from the others."""
    return analyze_batch(analyzer_for(spec), articles)


class DaskBackend:
    """The runner's backend that submits batches to a Dask scheduler."""

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

    def reclaim(self, handle: Handle) -> bool:
        return False

    def recover(self, error: BaseException) -> bool:
        return False

    def close(self) -> None:
        self.client.close()


def _as_article(item: Article | dict[str, Any]) -> Article:
    if isinstance(item, Article):
        return item
    known = {f.name for f in fields(Article)}
    return Article(**{k: v for k, v in item.items() if k in known})


def _analyze_partition(items: Iterable[Article | dict[str, Any]], spec: WorkSpec,
                       batch_size: int) -> list[dict[str, Any]]:
    analyzer = analyzer_for(spec)
    return [result_to_dict(result) for result in analyzer.run((_as_article(i) for i in items), batch_size)]


def analyze_bag(bag: dask.bag.Bag, options: RunOptions | None = None) -> dask.bag.Bag:
    """A Bag of result dicts (``result_to_dict``), one per article of ``bag``, in
    partition order. Lazy, like any Bag: compute it on the scheduler of your choice."""
    _require_dask()
    options = options if options is not None else RunOptions()
    return bag.map_partitions(_analyze_partition, work_spec(options), max(1, options.batch_size))
