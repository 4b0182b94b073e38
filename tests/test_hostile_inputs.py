"""Real inputs, faults and hostile files (issue 24, items 3, 5, 6 and 8): a run never reads its own
output or the cache, never opens a FIFO or a device met in a folder, never fails on an odd file
name nor lets one forge a message line, neutralises spreadsheet formulas in every CSV it writes,
and writes ``-o`` as it goes, only when the run read something."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import threading
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.io.manifest import Manifest
from quotes.io.readers import discover
from quotes.io.writers import FORMULA_STARTS, safe_cell, write_results, write_rows
from quotes.records import Article, ArticleResult
from quotes.report import write_reports
from quotes.report.exports import CSV
from quotes.rules.speakers import AliasTable
from tests.test_report import article, fast_charts, quote  # noqa: F401 (fast_charts is a fixture)

ROOT = Path(__file__).resolve().parent.parent
STORY = '"We will rebuild the harbor," said Mayor Elena Ruiz. She added that work would start in May.\n'


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, [*args], input=input)


# -- item 3: a run never reads its own output or the cache ----------------------------------------


@pytest.mark.usefixtures("fast_charts")
def test_report_of_a_folder_holding_its_output_counts_the_same_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``cp -r examples ex && cd ex && quotes report .`` three times gave 87, 513, 1864."""
    shutil.copytree(ROOT / "examples", tmp_path / "ex")
    monkeypatch.chdir(tmp_path / "ex")
    cache = str(tmp_path / "cache.sqlite3")
    counts = []
    for _ in range(3):
        result = invoke("report", ".", "--cache", cache, "--min-quotes", "50")
        assert result.exit_code == 0, result.output
        counts.append(json.loads(Path("reports/index.json").read_text(encoding="utf-8"))["quotations"])
    assert counts[0] > 0 and counts == [counts[0]] * 3
    manifest = json.loads(Path("reports/manifest.json").read_text(encoding="utf-8"))
    skipped = [entry for entry in manifest["inputs"] if entry["status"] == "skipped"]
    assert [(entry["path"], entry["reason"]) for entry in skipped] == [("./reports", "this run's own output")]


def test_extract_never_reads_its_output_nor_a_report_folder_nor_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "old-report").mkdir(parents=True)
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "old-report" / "report-files.json").write_text('{"files": []}', encoding="utf-8")
    (folder / "old-report" / "quotations.csv").write_text("id,text\nx,\"Ruiz said so.\"\n", encoding="utf-8")
    cache = folder / "cache.csv"  # an odd name for a cache, but one a walk would read
    found = list(discover([str(folder)], Manifest(), exclude=[cache, folder / "quotes.csv"]))
    assert found == [str(folder / "story.txt")]
    out = folder / "quotes.csv"
    lines = []
    for _ in range(2):
        result = invoke("extract", str(folder), "--format", "csv", "-o", str(out), "--cache", str(cache))
        assert result.exit_code == 0, result.output
        lines.append(len(out.read_text(encoding="utf-8").splitlines()))
    assert lines[0] == lines[1] == 3  # header and the story's two quotations, both times
    manifest = json.loads((folder / "quotes.manifest.json").read_text(encoding="utf-8"))
    reasons = {Path(e["path"]).name: e.get("reason") for e in manifest["inputs"]}
    assert reasons["old-report"] == "a report's output folder (it holds report-files.json)"
    assert reasons["quotes.csv"] == "this run's own output" and reasons["story.txt"] is None


# -- item 5: regular files only, odd names escaped ---------------------------------------------


def test_fifos_sockets_and_devices_are_skipped_and_recorded(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    try:
        manifest = Manifest()
        found = list(discover([str(tmp_path), os.devnull], manifest))
    finally:
        server.close()
    assert found == [str(tmp_path / "story.txt")]
    data = manifest.to_dict()
    reasons = {Path(e["path"]).name: e["reason"] for e in data["inputs"]}
    assert reasons == {"pipe.txt": "not a regular file (a FIFO)", "sock.txt": "not a regular file (a socket)",
                       "null": "not a regular file (a character device)"}  # fmt: skip
    assert data["summary"]["skipped"] == 3 and manifest.ok
    assert f"{tmp_path / 'pipe.txt'}: skipped: not a regular file (a FIFO)" in list(manifest.messages())


def test_a_fifo_in_an_input_folder_does_not_hang_the_run(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed() -> None:  # before the fix the run blocked opening the FIFO: this frees it, to fail
        try:
            descriptor = os.open(fifo, os.O_WRONLY)
        except OSError:
            return
        os.write(descriptor, b'"A trap," said the pipe.\n')
        os.close(descriptor)

    opener = threading.Timer(30, feed)
    opener.start()
    try:
        result = invoke("extract", str(tmp_path), "--no-cache")
    finally:
        opener.cancel()
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [f"{tmp_path.name}/story.txt"]  # (a document's id: its path from the folder given)
    assert f"{fifo}: skipped: not a regular file (a FIFO)" in result.stderr


def test_odd_file_names_are_escaped_never_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    undecodable = os.fsdecode(os.fsencode(str(folder)) + b"/bad\xffname.txt")
    Path(undecodable).write_text(STORY, encoding="utf-8")
    (folder / "new\nforged: error.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty\nfake: line.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for arguments in (["--format", "table"], ["--format", "csv"], ["--explain"], ["-o", str(out)]):
        result = invoke("extract", str(folder), "--no-cache", *arguments)
        assert result.exit_code == 1, result.output  # the empty file failed; the others were read
        result.stdout_bytes.decode("utf-8")  # valid UTF-8, whatever the names
        result.stderr_bytes.decode("utf-8")
        assert "internal error" not in result.output
        assert not any(line.startswith(("forged", "fake")) for line in result.output.splitlines())
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"{folder.name}/bad\\xffname.txt", f"{folder.name}/new\\nforged: error.txt"]
    manifest = json.loads((tmp_path / "out.manifest.json").read_text(encoding="utf-8"))
    assert f"{folder}/empty\\nfake: line.txt" in [entry["path"] for entry in manifest["inputs"]]
    assert f"{folder}/empty\\nfake: line.txt: empty file" in result.stderr


# -- item 6: CSV formula injection ---------------------------------------------------------------

HOSTILE = ('=HYPERLINK("http://evil","click")', "=cmd|' /C calc'!A0", "+title", "@outlet", "-2+3",
           "\tTAB", "\rCR")  # fmt: skip


def check_cells(text: str) -> list[str]:
    """Every cell of a CSV text; none may begin a formula unless it is a number."""
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    for cell in cells:
        if cell.startswith(FORMULA_STARTS):
            float(cell)  # a number (a negative tone) stays a number; anything else fails here
    return cells


def hostile_results() -> list[ArticleResult]:
    quotations = [quote(name, text=f"{name} said it", compound=-0.5) for name in HOSTILE]
    meta = {"title": "+title", "outlet": "@outlet", "url": "=HYPERLINK(1)"}
    return [ArticleResult(Article("=id", "text", **meta), tuple(quotations))]


def test_extract_csv_neutralises_formulas() -> None:
    out = io.StringIO()
    write_results(hostile_results(), "csv", out)
    cells = check_cells(out.getvalue())
    assert "'=HYPERLINK(\"http://evil\",\"click\")" in cells and "'@outlet" in cells and "'+title" in cells
    assert "-0.5" in cells  # the tone, a number


def test_every_row_writer_neutralises_formulas() -> None:
    out = io.StringIO()
    write_rows([{"name": name, "tone": -0.25, "count": -3} for name in HOSTILE], "csv", out)
    cells = check_cells(out.getvalue())
    assert {"'-2+3", "'\tTAB", "'\rCR", "-0.25", "-3"} <= set(cells)


def test_score_csv_neutralises_formulas(tmp_path: Path) -> None:
    texts = tmp_path / "texts.jsonl"
    texts.write_text("".join(json.dumps({"id": f"={i}", "text": t}) + "\n" for i, t in enumerate(HOSTILE)))
    result = invoke("score", str(texts), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "'=0" in check_cells(result.stdout)


@pytest.mark.usefixtures("fast_charts")
def test_report_csv_neutralises_formulas_in_names_from_the_alias_table(tmp_path: Path) -> None:
    aliases = AliasTable({"ceo": "=cmd|' /C calc'!A0"}, {"=cmd|' /C calc'!A0": "person"})
    results = [*hostile_results(), article(2, quote("CEO", compound=-0.8))]
    write_reports(iter(results), tmp_path / "out", aliases, min_quotes=1)
    cells = check_cells((tmp_path / "out" / CSV).read_text(encoding="utf-8"))
    assert "'=cmd|' /C calc'!A0" in cells and "'+title" in cells and "-0.8" in cells


def test_safe_cell_leaves_numbers_and_plain_text() -> None:
    assert safe_cell(-0.5) == -0.5 and safe_cell(3) == 3 and safe_cell("said") == "said"
    assert safe_cell("-0.5") == "'-0.5"  # text that looks like a number is still text


# -- item 8: -o streams, checks the target first, appears only when something was read --------------


def test_a_failed_extract_leaves_no_output_file(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    result = invoke("extract", str(tmp_path / "missing.txt"), "-o", str(out), "--no-cache")
    assert result.exit_code == 1
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert "no input could be read: " in result.stderr and "not written" in result.stderr


def test_an_unwritable_target_fails_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quotes.execution.runner as runner

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the articles were analysed before the target was checked")

    monkeypatch.setattr(runner, "run_articles", never)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for target in (story / "x.jsonl", story / "deeper" / "x.jsonl"):  # a file where a folder should be
        result = invoke("extract", str(story), "-o", str(target), "--no-cache")
        assert result.exit_code == 1
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output


def test_output_streams_instead_of_being_held_in_memory(tmp_path: Path) -> None:
    from quotes.cli.common import output_stream

    text = "x" * 2000
    results = (ArticleResult(Article(f"a{i}", text), (quote("Ana", text=text),)) for i in range(1000))
    target = tmp_path / "x.jsonl"
    tracemalloc.start()
    try:
        with output_stream(str(target)) as out:
            write_results(results, "jsonl", out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = target.stat().st_size
    assert size > 2_500_000 and peak < size / 4, (size, peak)


def test_cache_warnings_are_one_clean_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    cache.write_text("not a database", encoding="utf-8")
    result = invoke("extract", str(story), "--cache", str(cache))
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"warning: the cache {cache} is unreadable"), warnings
