"""Bad input and hostile text: nothing crashes, nothing is lost, nothing leaks.

A folder of good and bad inputs side by side: the manifest names every file with the right
status, the good articles' results are unchanged by the bad ones beside them, no HTML holds
unescaped markup from article text, and nothing is written outside the output folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli

GOOD = '"The harbor will be rebuilt by spring," said Mayor Elena Ruiz.\n'
SCRIPT_LINE = {
    "id": "hostile",
    "title": "<b>Bloggs</b> speaks",
    "text": 'Critics were loud. "<script>alert(1)</script> is what they want," said Jo Bloggs.',
}


def build_folder(root: Path) -> Path:
    inputs = root / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "latin1.txt").write_bytes(
        "Le maire a déclaré: « Nous réussirons », a dit Émile Zola.\n".encode("latin-1")
    )
    (inputs / "unbalanced.txt").write_text(
        'Ana Torres said "this never closes\n\n' + "A plain paragraph with no marks.\n\n" * 50,
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "first", "text": GOOD}),
        "{not json at all",
        json.dumps(SCRIPT_LINE),
        json.dumps({"id": True, "text": "a boolean id"}),
    ]
    (inputs / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return inputs


def run_report(inputs: Path, out: Path):
    return CliRunner().invoke(cli, ["report", str(inputs), "--out", str(out), "--no-cache"])


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    inputs = build_folder(root)
    before = set(os.listdir(root))
    result = run_report(inputs, root / "out")
    return root, inputs, result, before


def manifest_by_file(out: Path) -> dict[str, dict]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {Path(entry["path"]).name: entry for entry in manifest["inputs"]}


def test_every_input_is_accounted_for(bad_run) -> None:
    root, _, _, _ = bad_run
    entries = manifest_by_file(root / "out")
    assert set(entries) == {
        "good.txt",
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "unbalanced.txt",
        "mixed.jsonl",
    }
    assert entries["good.txt"]["status"] == "ok"
    assert entries["empty.txt"]["status"] == "failed"
    assert entries["binary.txt"]["status"] == "failed"
    assert "binary" in entries["binary.txt"]["errors"][0]["message"]
    assert entries["latin1.txt"]["status"] == "ok" and entries["latin1.txt"]["warnings"]
    assert entries["unbalanced.txt"]["status"] == "ok"
    jsonl = entries["mixed.jsonl"]
    assert jsonl["status"] == "partial" and jsonl["articles"] == 2
    assert sorted(error["line"] for error in jsonl["errors"]) == [2, 4]


def test_exit_status_and_no_traceback(bad_run) -> None:
    _, _, result, _ = bad_run
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "mixed.jsonl:2" in result.output


def test_no_unescaped_markup_in_html(bad_run) -> None:
    root, _, _, _ = bad_run
    pages = list((root / "out").rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>Bloggs" not in html, page
    joined = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined


def test_nothing_written_outside_the_output_folder(bad_run) -> None:
    root, _, _, before = bad_run
    assert set(os.listdir(root)) - before == {"out"}
    for path in (root / "out").rglob("*"):
        assert path.resolve().is_relative_to((root / "out").resolve())
        assert not path.name.endswith(".tmp")


def test_unbalanced_quote_is_bounded(bad_run) -> None:
    from quotes.execution.analyzers import Analyzer  # noqa: F401 - the pipeline is what the report used

    _, inputs, _, _ = bad_run
    result = CliRunner().invoke(cli, ["extract", str(inputs / "unbalanced.txt"), "--no-cache"])
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    first_paragraph_end = (inputs / "unbalanced.txt").read_text(encoding="utf-8").index("\n")
    for quote in record["quotes"]:
        assert all(end <= first_paragraph_end for _, end in quote["content"])


def test_good_results_unchanged_by_bad_neighbours(bad_run, tmp_path) -> None:
    _, inputs, _, _ = bad_run
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "good.txt").write_text(GOOD, encoding="utf-8")
    extract = ["extract", "--no-cache", "--format", "jsonl"]
    by_itself = CliRunner().invoke(cli, [*extract, str(alone / "good.txt")]).stdout
    beside_bad = CliRunner().invoke(cli, [*extract, str(inputs)]).stdout
    quotes_alone = json.loads(by_itself.splitlines()[0])["quotes"]
    beside = [json.loads(line) for line in beside_bad.splitlines()]
    good = next(r for r in beside if r["id"].endswith("good.txt"))
    assert good["quotes"] == quotes_alone
    first = next(r for r in beside if r["id"] == "first")
    assert [q["content"] for q in first["quotes"]] == [q["content"] for q in quotes_alone]


def test_hostile_speaker_names_make_safe_folders(tmp_path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = '"We are here," said ../../Etc Passwd. "Again," said CON.'
    (inputs / "a.jsonl").write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    result = run_report(inputs, tmp_path / "out")
    assert result.exit_code == 0, result.output
    for path in (tmp_path / "out").rglob("*"):
        assert path.resolve().is_relative_to((tmp_path / "out").resolve())
        assert ".." not in path.name
