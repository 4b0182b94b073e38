"""The worker-process backend: one batch running and one held per worker, held batches taken
back by the caller at the end of the input, results in input order."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Any

import pytest

from quotes.execution import processes, runner
from quotes.execution.options import RunOptions
from quotes.records import Article, ArticleResult


class _Pool:
    """A stand-in for ProcessPoolExecutor whose batches finish when the test says so."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.sent: list[tuple[Future, list[Article]]] = []

    def submit(self, fn: Any, *args: Any) -> Future:
        future: Future = Future()
        future.set_running_or_notify_cancel()
        self.sent.append((future, args[0] if args else []))
        return future

    def finish(self, index: int) -> None:
        future, articles = self.sent[index]
        future.set_result([ArticleResult(a, ()) for a in articles])

    def shutdown(self, wait: bool, cancel_futures: bool) -> None:
        pass


def _articles(*names: str) -> list[Article]:
    return [Article(name, f"{name} said nothing.") for name in names]


def test_a_worker_runs_one_batch_and_the_next_waits_to_be_sent_or_taken_back() -> None:
    backend = processes.ProcessBackend(spec=None, workers=1)  # type: ignore[arg-type]
    pool = _Pool()
    backend.pool = pool
    first, second, third = (backend.submit(_articles(n)) for n in "abc")
    assert [a[0].id for _, a in pool.sent] == ["a"]  # one running; b and c held
    assert backend.reclaim(third) and third.cancelled()
    assert not backend.reclaim(first)  # running on the worker
    pool.finish(0)  # the worker is given b at once, skipping the taken-back c
    assert [a[0].id for _, a in pool.sent] == ["a", "b"]
    assert first.result()[0].article.id == "a"
    assert not backend.reclaim(second)
    pool.finish(1)
    assert second.result()[0].article.id == "b"


def test_batches_wait_for_a_worker_to_load_its_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until a worker has answered that it is ready, its batch stays held (and can be taken back)."""
    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Pool)
    backend = processes.ProcessBackend(spec=None, workers=1)  # type: ignore[arg-type]
    first = backend.submit(_articles("a"))
    pool = backend.pool
    assert isinstance(pool, _Pool) and [a for _, a in pool.sent] == [[]]  # only the readiness probe
    second = backend.submit(_articles("b"))
    assert backend.reclaim(first)  # the caller analyses it instead of waiting for the worker
    pool.sent[0][0].set_result(None)  # the worker is ready: it is given b
    assert [a[0].id for _, a in pool.sent[1:]] == ["b"]
    assert not backend.reclaim(second)


def test_a_worker_that_cannot_start_gives_its_batches_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker whose analyzer cannot be built says why; the caller then works alone (and meets
    the same error itself, as one clear message, rather than a worker's traceback)."""
    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Pool)
    backend = processes.ProcessBackend(spec=None, workers=1)  # type: ignore[arg-type]
    held = backend.submit(_articles("a"))
    backend.pool.sent[0][0].set_result("RuleError: rules/attribution.yaml:14: no such rule")
    assert backend.capacity == 0
    with pytest.raises(processes.WorkerStartError, match=r"attribution\.yaml:14"):
        held.result()
    with pytest.raises(processes.WorkerStartError):
        backend.submit(_articles("b")).result()


def test_closing_the_backend_settles_every_held_batch() -> None:
    backend = processes.ProcessBackend(spec=None, workers=1)  # type: ignore[arg-type]
    backend.pool = _Pool()
    backend.submit(_articles("a"))
    held = backend.submit(_articles("b"))
    backend.close()
    assert held.done()


class _SlowWorker:
    """A backend whose one worker never finishes its first batch until the caller has taken
    back the batch held behind it."""

    capacity = 2
    local = True

    def __init__(self) -> None:
        self.handles: list[Future] = []
        self.reclaimed: list[int] = []
        self.timer = threading.Timer(0, lambda: None)

    def submit(self, articles: list[Article]) -> Future:
        handle: Future = Future()
        handle.articles = articles  # type: ignore[attr-defined]
        self.handles.append(handle)
        if len(self.handles) == 1:  # a caller that never takes back must not wait for ever
            self.timer = threading.Timer(5.0, self._finish_all)
            self.timer.start()
        return handle

    def _finish_all(self) -> None:
        for handle in self.handles:
            if handle.set_running_or_notify_cancel():
                handle.set_result([ArticleResult(a, ()) for a in handle.articles])  # type: ignore[attr-defined]

    def reclaim(self, handle: Future) -> bool:
        index = self.handles.index(handle)
        if index == 0 or not handle.cancel():
            return False
        self.reclaimed.append(index)
        self.timer.cancel()
        first = self.handles[0]  # the worker finishes its batch while the caller works
        first.set_running_or_notify_cancel()
        first.set_result([ArticleResult(a, ()) for a in first.articles])  # type: ignore[attr-defined]
        return True

    def recover(self, error: BaseException) -> bool:
        return False

    def close(self) -> None:
        pass


def test_at_the_end_of_the_input_the_caller_takes_back_held_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _SlowWorker()
    monkeypatch.setattr(runner, "make_backend", lambda options, spec: backend)
    analysed: list[str] = []

    def analyse_here(analyzer: Any, articles: list[Article]) -> list[ArticleResult]:
        analysed.extend(a.id for a in articles)
        return [ArticleResult(a, ()) for a in articles]

    monkeypatch.setattr(runner.analyzers, "analyze_batch", analyse_here)
    monkeypatch.setattr(runner._Run, "analyzer", property(lambda self: None))
    articles = _articles("a", "b")
    results = list(runner.run_articles(articles, RunOptions(jobs=2, use_cache=False, batch_size=1)))
    assert [r.article.id for r in results] == ["a", "b"]
    assert backend.reclaimed == [1] and analysed == ["b"]
