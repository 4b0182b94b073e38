"""A report appears whole or not at all (issue 24, item 2): staged beside ``--out``, locked, and
swapped in at the end; the user's files in the folder survive; what a killed run leaves is cleared
by the next one. The subprocess test kills ``quotes report`` with SIGINT and SIGKILL at each step."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.report import write_reports
from quotes.report.staging import ReportFolderError, open_report, recover
from quotes.rules.speakers import AliasTable
from tests.test_report import article, fast_charts, quote  # noqa: F401 (fast_charts is a fixture)

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: file bytes, a link's target, or "dir"."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[name] = "dir"
        else:
            found[name] = path.read_bytes()
    return found


def beside(folder: Path) -> list[str]:
    """The hidden helpers of a report into ``folder`` left beside it."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def report(out: Path, *names: str) -> None:
    write_reports(iter([article(1, *(quote(n) for n in names))]), out, AliasTable(), min_quotes=1)


@pytest.mark.usefixtures("fast_charts")
def test_a_second_report_into_the_folder_is_refused_while_one_runs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report(out, "Ada Lovelace")
    before = snapshot(out)
    with open_report(out):
        with pytest.raises(ReportFolderError, match=r"another quotes report .* is writing this folder"):
            report(out, "Grace Hopper")
        story = tmp_path / "story.txt"
        story.write_text('"We will win," said Ana Torres.\n', encoding="utf-8")
        result = CliRunner().invoke(cli, ["report", str(story), "--out", str(out), "--no-cache"])
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "another quotes report" in lines[0] and "internal error" not in lines[0]
    assert snapshot(out) == before
    report(out, "Grace Hopper")  # the lock is released with the first run
    assert (out / "grace-hopper" / "report.html").is_file()
    assert beside(out) == []


@pytest.mark.usefixtures("fast_charts")
def test_user_files_folders_and_links_survive_a_rerun(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report(out, "Ada Lovelace", "Grace Hopper")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "drafts" / "empty").mkdir(parents=True)
    (out / "grace-hopper" / "mine.txt").write_text("mine too", encoding="utf-8")
    (out / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    report(out, "Ada Lovelace")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "drafts" / "empty").is_dir()
    assert (out / "grace-hopper" / "mine.txt").read_text(encoding="utf-8") == "mine too"
    assert not (out / "grace-hopper" / "report.html").exists()  # the earlier report's file went
    assert os.readlink(out / "elsewhere") == str(tmp_path)
    assert (out / "ada-lovelace" / "report.html").is_file()
    assert beside(out) == [] and not [p for p in out.rglob(".*")]


@pytest.mark.usefixtures("fast_charts")
def test_a_recorded_file_turned_symlink_is_replaced_never_followed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report(out, "Ada Lovelace")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(victim)
    report(out, "Ada Lovelace")
    assert victim.read_text(encoding="utf-8") == "keep"
    assert not (out / "index.html").is_symlink() and "Ada Lovelace" in (out / "index.html").read_text()


@pytest.mark.usefixtures("fast_charts")
def test_a_symlink_where_the_report_writes_a_folder_is_a_one_line_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report(out, "Ana Torres")
    shutil.rmtree(out / "ana-torres")
    (out / "ana-torres").symlink_to(tmp_path, target_is_directory=True)
    before = snapshot(out)
    story = tmp_path / "story.txt"
    story.write_text("".join(f'"We will build bridge number {j} well," said Ana Torres. ' for j in range(5)))
    arguments = ["report", str(story), "--out", str(out), "--no-cache", "--min-quotes", "1"]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "ana-torres: a symbolic link of yours" in lines[0] and "internal error" not in lines[0]
    assert snapshot(out) == before and beside(out) == []


def test_the_current_folder_cannot_be_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReportFolderError, match="cannot be the current folder"):
        open_report(".")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReportFolderError, match="not a folder"):
        open_report(tmp_path / "file")


@pytest.mark.usefixtures("fast_charts")
def test_the_next_report_clears_what_a_killed_one_left(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report(out, "Ada Lovelace")
    stale = tmp_path / ".out.quotescope-staging-k1ll3d"
    (stale / "ada-lovelace").mkdir(parents=True)
    (stale / "ada-lovelace" / "report.html").write_text("half")
    (tmp_path / ".out.quotescope-spool-k1ll3d").mkdir()
    index = write_reports(iter([article(1, quote("Grace Hopper"))]), out, AliasTable(), min_quotes=1)
    assert any("removed .out.quotescope-staging-k1ll3d" in note for note in index.notes)
    assert beside(out) == []


def test_a_swap_cut_short_is_finished_by_the_next_run(tmp_path: Path) -> None:
    """Killed after the swap, before the old folder was cleared: its user files (one added while the
    report ran) go into the new folder, the rest is removed."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "report-files.json").write_text(json.dumps({"files": ["index.html", "report-files.json"]}))
    (out / "index.html").write_text("old report")
    (out / "late.txt").write_text("added while the report ran")
    staged = open_report(out)
    (staged.staging / "index.html").write_text("new report")
    record = json.dumps({"files": ["index.html", "report-files.json"]})
    (staged.staging / "report-files.json").write_text(record)
    from quotes.report import staging

    old = staging._swap(staged.staging, out)  # the run dies here, holding the lock
    staged.committed = True
    staged.close()
    notes = recover(out)
    assert notes == [] and not old.exists()
    assert (out / "index.html").read_text() == "new report"
    assert (out / "late.txt").read_text() == "added while the report ran"
    assert beside(out) == []


def test_two_renames_cut_short_are_undone_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the system cannot exchange two folders in one step: killed between the two renames, the
    old folder is renamed back."""
    from quotes.report import staging

    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("old report")
    before = snapshot(out)
    staged = open_report(out)
    monkeypatch.setattr(staging, "_exchange", lambda first, second: False)
    real_rename = os.rename

    def die_after_first(source: object, target: object) -> None:
        real_rename(source, target)
        if Path(str(source)) == out:
            raise SystemExit("killed")

    monkeypatch.setattr(staging.os, "rename", die_after_first)
    with pytest.raises(SystemExit):
        staging._swap(staged.staging, out)
    monkeypatch.setattr(staging.os, "rename", real_rename)
    assert not out.exists()
    staged.committed = True  # as after kill -9: nothing cleared
    staged.lock.release()
    notes = recover(out)
    assert snapshot(out) == before
    assert any(note.startswith("restored") for note in notes)
    assert beside(out) == []  # the staging folder too


# -- killing `quotes report` in a subprocess ----------------------------------------------------------

KILLER = r"""
import os, signal, sys
moment, sig = sys.argv[1], getattr(signal, sys.argv[2])
calls = {"n": 0}

def die():
    os.kill(os.getpid(), sig)

def after(count, function):
    def wrapped(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == count:
            die()
        return function(*args, **kwargs)
    return wrapped

import quotes.report.aggregate as aggregate, quotes.report.pages as pages
import quotes.report.chartpool as chartpool, quotes.report.exports as exports
import quotes.report.staging as staging, quotes.report.writer as writer

if moment == "reading":
    consume = aggregate.Aggregator.consume
    def reading(self, results):
        def dying():
            for number, result in enumerate(results):
                if number == 1:
                    die()
                yield result
        return consume(self, dying())
    aggregate.Aggregator.consume = reading
elif moment == "pages":
    pages.atomic_write_text = after(4, pages.atomic_write_text)
elif moment == "charts":
    chartpool.atomic_write_bytes = after(3, chartpool.atomic_write_bytes)
elif moment == "exports":
    exports.csv_row = after(2, exports.csv_row)
elif moment == "carried":
    carry = staging._carry_over
    def carried(*args):
        found = carry(*args)
        die()
        return found
    staging._carry_over = carried
elif moment == "journal":
    staging._exchange = after(1, staging._exchange)
elif moment == "swapped":
    staging._reconcile = after(1, staging._reconcile)

from quotes.cli import main
sys.argv = ["quotes", *sys.argv[3:]]
main()
"""
BEFORE_SWAP = ("reading", "pages", "charts", "exports", "carried", "journal")


@pytest.mark.slow
def test_a_killed_report_leaves_the_previous_one_byte_for_byte(tmp_path: Path) -> None:
    environment = {**os.environ, "QUOTESCOPE_CACHE": str(tmp_path / "cache.sqlite3"), "PYTHONPATH": str(ROOT)}
    first, second = tmp_path / "first", tmp_path / "second"
    corpora = ((first, ("Ana Torres", "Mark Devlin")), (second, ("Priya Natarajan", "Jonas Berg")))
    for folder, people in corpora:
        folder.mkdir()
        for number, person in enumerate(people):
            text = "".join(f'"We will build bridge number {j} well," said {person}. ' for j in range(3))
            (folder / f"story{number}.txt").write_text(f"{text}\n\n{person} added that the work was done.\n")
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    out = tmp_path / "work" / "out"

    def quotes(moment: str, sig: str, corpus: Path, target: Path) -> subprocess.CompletedProcess[str]:
        arguments = ["report", str(corpus), "--out", str(target), "--jobs", "1", "--min-quotes", "1"]
        return subprocess.run(
            [sys.executable, str(script), moment, sig, *arguments],
            env=environment, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip

    assert quotes("none", "SIGINT", first, out).returncode == 0  # the previous report (and a warm cache)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "ana-torres" / "mine.txt").write_text("mine too", encoding="utf-8")
    previous = snapshot(out)
    reference = tmp_path / "reference"
    assert quotes("none", "SIGINT", second, reference).returncode == 0
    for sig in ("SIGINT", "SIGKILL"):
        for moment in (*BEFORE_SWAP, "swapped"):
            run = quotes(moment, sig, second, out)
            assert run.returncode != 0, (moment, sig, run.stderr)
            assert "internal error" not in run.stderr
            if moment in BEFORE_SWAP:
                assert snapshot(out) == previous, (moment, sig)
                if sig == "SIGINT":  # interrupted, it cleans up after itself
                    assert beside(out) == [], (moment, sig)
            else:  # the new report is in place, whole, with the user's files
                assert same_report(out, reference), (moment, sig)
            open_report(out).close()  # what the next report does first: take the lock, clear
            assert beside(out) == [], (moment, sig)
            assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
            assert (out / "ana-torres" / "mine.txt").read_text(encoding="utf-8") == "mine too"
            if moment == "swapped":
                restore(out, previous)
    # after kill -9 the next report runs, says what it cleared, and keeps the user's files
    run = quotes("charts", "SIGKILL", second, out)
    assert beside(out) and snapshot(out) == previous
    run = quotes("none", "SIGINT", second, out)
    assert run.returncode == 0 and "an unfinished report left by an interrupted run" in run.stderr
    assert beside(out) == [] and (out / "ana-torres" / "mine.txt").read_bytes() == b"mine too"
    assert same_report(out, reference)


def same_report(out: Path, reference: Path) -> bool:
    """Whether ``out`` holds every file of the report in ``reference``, byte for byte."""
    recorded = json.loads((reference / "report-files.json").read_text(encoding="utf-8"))["files"]
    return all((out / name).read_bytes() == (reference / name).read_bytes() for name in recorded)


def restore(out: Path, entries: dict[str, bytes | str]) -> None:
    """Make ``out`` hold exactly ``entries`` (a :func:`snapshot`)."""
    shutil.rmtree(out)
    out.mkdir()
    for name, content in entries.items():
        if content == "dir":
            (out / name).mkdir(parents=True, exist_ok=True)
        else:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(content)  # type: ignore[arg-type]


@pytest.mark.usefixtures("fast_charts")
def test_a_full_disk_leaves_the_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    report(out, "Ada Lovelace")
    before = snapshot(out)
    from quotes.report import pages

    written = {"count": 0}
    real = pages.atomic_write_text

    def filling(path: Path, text: str) -> None:
        written["count"] += 1
        if written["count"] > 3:
            raise OSError(28, "No space left on device", str(path))
        real(path, text)

    monkeypatch.setattr(pages, "atomic_write_text", filling)
    story = tmp_path / "story.txt"
    story.write_text("".join(f'"We will build bridge {j} well," said Ana Torres. ' for j in range(5)))
    arguments = ["report", str(story), "--out", str(out), "--no-cache", "--min-quotes", "1"]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].endswith("No space left on device"), result.output
    assert snapshot(out) == before and beside(out) == []


@pytest.mark.usefixtures("fast_charts")
def test_a_report_that_read_nothing_keeps_the_previous_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report(out, "Ada Lovelace")
    before = snapshot(out)
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(cli, ["report", str(binary), "--out", str(out), "--no-cache"])
    assert result.exit_code == 1
    assert "no input could be read, so the previous report is kept as it was" in result.output
    assert f"{binary}:" in result.output
    assert snapshot(out) == before and beside(out) == []
