"""The incremental SQLite cache: hits, invalidation, bypass, corruption."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from quotes.execution import analyzers
from quotes.execution.options import RunOptions
from quotes.execution.runner import run_articles
from quotes.io.cache import CacheWarning, ResultCache
from quotes.io.deserialize import quotation_from_dict
from quotes.io.serialize import quotation_to_dict, result_to_dict
from quotes.records import Article
from quotes.rules.ruleset import default_rules_dir

TEXTS = [
    'Sam Altman, the chief executive of OpenAI, said the deal was "a landmark for the industry."',
    "Microsoft said on Monday that it would invest $1 billion in the company.",
    '"We are very excited," Satya Nadella told reporters. "This is a big day for us."',
]
ARTICLES = [Article(id=f"c{i}", text=text) for i, text in enumerate(TEXTS)]


def cached(result: object) -> bool:
    return bool(getattr(result, "meta", {}).get("cached"))


def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if the run tries to build an analyzer (and so to load the model)."""

    def refuse(*args: object) -> None:
        raise AssertionError("the model was needed")

    monkeypatch.setattr(analyzers, "analyzer_for", refuse)


def test_second_run_is_all_hits_and_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = RunOptions(cache_path=tmp_path / "cache.sqlite3")
    first = list(run_articles(ARTICLES, options))
    assert not any(cached(r) for r in first)
    no_model(monkeypatch)
    second = list(run_articles(ARTICLES, options))
    assert all(cached(r) for r in second)
    assert second == first  # records, scores and evidence rebuilt exactly
    assert [result_to_dict(r) for r in second] == [result_to_dict(r) for r in first]


def test_a_changed_rule_file_misses(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    options = RunOptions(rules_dir=str(rules), cache_path=tmp_path / "cache.sqlite3")
    list(run_articles(ARTICLES, options))
    assert all(cached(r) for r in run_articles(ARTICLES, options))
    cues = rules / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    again = list(run_articles(ARTICLES, options))
    assert not any(cached(r) for r in again)
    assert all(cached(r) for r in run_articles(ARTICLES, options))


def test_no_cache_bypasses(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    list(run_articles(ARTICLES, RunOptions(cache_path=path)))
    results = list(run_articles(ARTICLES, RunOptions(cache_path=path, use_cache=False)))
    assert not any(cached(r) for r in results)
    other = tmp_path / "never.sqlite3"
    list(run_articles(ARTICLES, RunOptions(cache_path=other, use_cache=False)))
    assert not other.exists()


def test_default_path_respects_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.io.cache import default_cache_path

    monkeypatch.setenv("QUOTESCOPE_CACHE", str(tmp_path / "x.db"))
    assert default_cache_path() == tmp_path / "x.db"
    monkeypatch.delenv("QUOTESCOPE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert default_cache_path() == tmp_path / "xdg" / "quotescope" / "cache.sqlite3"


def test_corrupt_cache_is_recreated_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    options = RunOptions(cache_path=path)
    with pytest.warns(CacheWarning, match="unreadable"):
        results = list(run_articles(ARTICLES, options))
    assert all(r.error is None for r in results)
    assert list(tmp_path.glob("cache.sqlite3.corrupt-*"))
    assert all(cached(r) for r in run_articles(ARTICLES, options))


def test_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    options = RunOptions(cache_path=path)
    first = list(run_articles(ARTICLES, options))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE results SET quotes = '[{\"kind\": 1}]'")
    again = list(run_articles(ARTICLES, options))
    assert not any(cached(r) for r in again)
    assert again == first


def test_wal_mode_and_concurrent_reader(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with ResultCache(path, "ctx") as writer, ResultCache(path, "ctx") as reader:
        assert writer.conn is not None
        assert writer.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        writer.put_many([("some text", ())])
        assert reader.get_many(["some text"]) == {next(iter(writer.get_many(["some text"]))): ()}


def test_quotation_round_trip_keeps_every_field() -> None:
    results = list(run_articles(ARTICLES, RunOptions(use_cache=False)))
    quotations = [q for r in results for q in r.quotations]
    assert quotations and any(q.scores is not None for q in quotations)
    for q in quotations:
        assert quotation_from_dict(quotation_to_dict(q)) == q
    unscored = list(run_articles(ARTICLES, RunOptions(use_cache=False, score=False)))
    for q in (q for r in unscored for q in r.quotations):
        assert q.scores is None and quotation_from_dict(quotation_to_dict(q)) == q
