"""benchmarks/throughput.py runs end to end and prints what the README's table needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_throughput_benchmark_prints_ratios_load_and_the_table(tmp_path: Path) -> None:
    corpus = tmp_path / "two.jsonl"
    texts = ['"The bridge opens in May," the mayor said.', "Officials said the budget would pass."]
    corpus.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
                      encoding="utf-8")
    command = [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), str(corpus), "--runs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "input: " in out and "2 articles" in out
    for label in ("bare", "one", "jobs", "warm"):
        assert f"round 1 {label}" in out
    assert "the caller was busy" in out and "start-up, one sentence" in out
    assert "machine load during the run: other processes used" in out
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert table[0] == "| | words/s | ratio to bare `nlp.pipe` | peak memory |"
    assert [row.split(" | ")[0] for row in table[1:]] == [
        "| bare spaCy `nlp.pipe`", "| `quotes extract` (one process)", "| `quotes extract --jobs 2`",
        "| rerun with a warm cache"]
