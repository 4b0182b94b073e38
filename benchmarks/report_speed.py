"""Speed of ``quotes report`` with a warm cache against a cold ``quotes extract``, in one run.

    python benchmarks/report_speed.py [INPUT.jsonl] [--jobs N] [--report-args "..."]

Runs, one after the other, each as its own ``quotes`` process on the same machine and input:

1. ``quotes extract INPUT --no-cache`` (one process: the model on every article), timed;
2. ``quotes extract INPUT --cache TMP`` to fill a fresh cache file in a temporary folder;
3. ``quotes report INPUT --cache TMP --out TMP/reports [--jobs N]``, timed (without ``--jobs``
   the report draws its charts with one process per core, its default).

and prints both times and their ratio. The goal is a report that takes at most half the time
of the cold extract (ratio <= 0.50). Times are wall-clock; on a shared machine compare ratios.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_INPUT = Path("/work/shared/bench/polnear-dev.jsonl")
TARGET = 0.5


def quotes(*args: str) -> float:
    """Run ``python -m quotes ARGS`` quietly; the wall-clock seconds it took."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quotes", *args], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--jobs", type=int, help="--jobs for the report (default: the report's own)")
    parser.add_argument("--report-args", default="", help="more options for quotes report, quoted")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="report-speed-") as tmp:
        cache = str(Path(tmp) / "cache.sqlite3")
        print(f"input: {args.input}; Python {platform.python_version()} on {platform.machine()}", flush=True)
        cold = quotes("extract", str(args.input), "--no-cache", "-o", str(Path(tmp) / "cold.jsonl"))
        print(f"cold extract (--no-cache, one process): {cold:8.1f} s", flush=True)
        quotes("extract", str(args.input), "--cache", cache, "-o", str(Path(tmp) / "fill.jsonl"))
        report_args = ["--cache", cache, "--out", str(Path(tmp) / "reports")]
        report_args += ["--jobs", str(args.jobs)] if args.jobs else []
        warm = quotes("report", str(args.input), *report_args, *shlex.split(args.report_args))
        jobs = f"--jobs {args.jobs}" if args.jobs else f"default jobs, {os.cpu_count()} cores"
        print(f"report (warm cache, {jobs}): {warm:8.1f} s", flush=True)
        ratio = warm / cold
        verdict = "meets" if ratio <= TARGET else "misses"
        print(f"ratio report / cold extract: {ratio:.2f} ({verdict} the target of {TARGET:.2f})")


if __name__ == "__main__":
    main()
