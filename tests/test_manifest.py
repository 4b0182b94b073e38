"""The manifest accounts for every input: status, errors, warnings, JSON and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.io.manifest import ErrorRecord, InputRecord, Manifest


def test_start_is_idempotent_and_keeps_order() -> None:
    manifest = Manifest()
    manifest.start("b.txt")
    manifest.start("a.txt")
    manifest.start("b.txt")
    assert [record.path for record in manifest.inputs] == ["b.txt", "a.txt"]
    assert len(manifest) == 2 and "a.txt" in manifest


def test_status_ok_partial_failed() -> None:
    manifest = Manifest()
    manifest.start("ok.jsonl")
    manifest.article("ok.jsonl")
    manifest.article("partial.jsonl")
    manifest.error("partial.jsonl", 3, "invalid JSON")
    manifest.error("failed.txt", None, "empty file")
    assert manifest.status("ok.jsonl") == "ok"
    assert manifest.status("partial.jsonl") == "partial"
    assert manifest.status("failed.txt") == "failed"
    assert not manifest.ok


def test_registered_input_without_articles_or_errors_is_ok() -> None:
    manifest = Manifest()
    manifest.start("a.txt")
    assert manifest.status("a.txt") == "ok"
    assert manifest.ok


def test_warnings_do_not_change_status() -> None:
    manifest = Manifest()
    manifest.article("a.txt")
    manifest.warning("a.txt", "not valid UTF-8; decoded as cp1252")
    assert manifest.status("a.txt") == "ok"
    assert manifest.ok
    assert manifest.record("a.txt").warnings == ["not valid UTF-8; decoded as cp1252"]


def test_article_failed_counts_as_an_error_of_its_input() -> None:
    manifest = Manifest()
    manifest.article("a.jsonl")
    manifest.article("a.jsonl")
    manifest.article_failed("a.jsonl", "story-1", "spaCy crashed")
    manifest.article_failed("a.jsonl", "story-2", "too long", line=7)
    record = manifest.record("a.jsonl")
    assert record.errors == [
        ErrorRecord(None, "article story-1: spaCy crashed"),
        ErrorRecord(7, "article story-2: too long"),
    ]
    assert manifest.status("a.jsonl") == "partial"
    assert not manifest.ok


def test_unknown_input_status_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        Manifest().status("nowhere.txt")


def test_to_dict_shape_and_summary() -> None:
    manifest = Manifest()
    manifest.article("a.txt")
    manifest.article("b.jsonl")
    manifest.article("b.jsonl")
    manifest.error("b.jsonl", 2, "missing 'text'")
    manifest.warning("b.jsonl", "odd bytes")
    manifest.error("c.png", None, "binary content, not text")
    data = manifest.to_dict()
    assert data["inputs"][1] == {
        "path": "b.jsonl",
        "status": "partial",
        "articles": 2,
        "errors": [{"line": 2, "message": "missing 'text'"}],
        "warnings": ["odd bytes"],
    }
    assert data["summary"] == {"inputs": 3, "ok": 1, "partial": 1, "failed": 1, "articles": 3, "errors": 2}
    json.dumps(data)  # JSON-ready


def test_empty_manifest() -> None:
    manifest = Manifest()
    assert manifest.ok
    assert manifest.to_dict() == {
        "inputs": [],
        "summary": {"inputs": 0, "ok": 0, "partial": 0, "failed": 0, "articles": 0, "errors": 0},
    }
    assert list(manifest.messages()) == []


def test_write_is_json_and_replaces(tmp_path: Path) -> None:
    manifest = Manifest()
    manifest.article("café.txt")
    target = tmp_path / "out" / "manifest.json"
    manifest.write(target)
    manifest.error("café.txt", None, "later problem")
    manifest.write(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["inputs"][0]["path"] == "café.txt"
    assert data["summary"]["errors"] == 1
    assert [p.name for p in target.parent.iterdir()] == ["manifest.json"]  # no temporary left


def test_write_survives_undecodable_file_names(tmp_path: Path) -> None:
    manifest = Manifest()
    manifest.error("bad-\udcff.txt", None, "empty file")  # os.fsdecode of a non-UTF-8 name
    target = tmp_path / "manifest.json"
    manifest.write(target)
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["failed"] == 1


def test_messages_format() -> None:
    manifest = Manifest()
    manifest.error("a.jsonl", 4, "invalid JSON")
    manifest.error("b.txt", None, "empty file")
    manifest.warning("c.txt", "not valid UTF-8; decoded as cp1252")
    manifest.article("ok.txt")
    assert list(manifest.messages()) == [
        "a.jsonl:4: invalid JSON",
        "b.txt: empty file",
        "c.txt: warning: not valid UTF-8; decoded as cp1252",
    ]


def test_input_record_defaults_and_refresh() -> None:
    record = InputRecord("x.txt")
    assert (record.status, record.articles, record.errors, record.warnings) == ("ok", 0, [], [])
    record.errors.append(ErrorRecord(1, "bad"))
    assert record.to_dict()["status"] == "failed"
