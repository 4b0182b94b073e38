"""Running on a Dask cluster gives the results of a local run."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from quotes.execution.dask import analyze_bag  # noqa: E402
from quotes.execution.options import RunOptions  # noqa: E402
from quotes.execution.runner import run_articles  # noqa: E402
from quotes.io.serialize import result_to_dict  # noqa: E402
from quotes.records import Article  # noqa: E402

TEXTS = [
    'Sam Altman, the chief executive of OpenAI, said the deal was "a landmark for the industry."',
    "Microsoft said on Monday that it would invest $1 billion in the company.",
    '"We are very excited," Satya Nadella told reporters. "This is a big day for us."',
    "According to a poll by Gallup, most voters think the economy is improving.",
]
ARTICLES = [Article(id=f"d{i}", text=text) for i, text in enumerate(TEXTS * 2)]


@pytest.fixture(scope="module")
def local() -> list:
    return list(run_articles(ARTICLES, RunOptions(use_cache=False)))


@pytest.mark.parametrize("processes", [False, True])
def test_run_articles_on_a_cluster_matches_a_local_run(local: list, processes: bool) -> None:
    with distributed.LocalCluster(n_workers=1, processes=processes, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        options = RunOptions(use_cache=False, dask_scheduler=cluster.scheduler_address, batch_size=2)
        remote = list(run_articles(ARTICLES, options))
    assert [r.article.id for r in remote] == [r.article.id for r in local]
    assert [r.error for r in remote] == [None] * len(local)
    assert [r.quotations for r in remote] == [r.quotations for r in local]


def test_analyze_bag_gives_result_dicts(local: list) -> None:
    import dask.bag as db

    items = [{"id": a.id, "text": a.text, "extra": 1} for a in ARTICLES]
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        out = analyze_bag(db.from_sequence(items, npartitions=3), RunOptions()).compute()
    assert out == [result_to_dict(r) for r in local]
