"""Throughput of quotescope against bare spaCy, in one run (compare the ratios, not the times).

    python benchmarks/throughput.py [INPUT.jsonl] [--jobs 2] [--scale K] [--batch-size 32]

Prints words/second for: bare ``nlp.pipe`` (the stock model), one process (``run_articles``,
no cache), ``--jobs N`` (worker start-up included; this run also fills a fresh cache), and a
warm-cache rerun; the peak memory of each step; the ratios to bare; and the machine. ``--scale
K`` repeats the corpus K times (distinct ids): memory should stay flat as K grows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

DEFAULT_INPUT = Path("/work/shared/bench/polnear-dev.jsonl")


def read_articles(path: Path, scale: int) -> Iterator[object]:
    """The corpus, ``scale`` times over, streamed from disk (ids made distinct)."""
    from quotes.records import Article

    for copy in range(scale):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if line.strip():
                    data = json.loads(line)
                    yield Article(id=f"{data.get('id', number)}#{copy}", text=data["text"])


def maxrss(who: int) -> int:
    """Peak resident memory in bytes (``getrusage`` reports KiB on Linux, bytes on macOS)."""
    return resource.getrusage(who).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def run_step(step: str, path: Path, scale: int, jobs: int, batch_size: int, cache: Path) -> dict[str, float]:
    """One measurement, in its own process (so that its peak memory is its own)."""
    from quotes.execution.analyzers import shared_model
    from quotes.execution.options import RunOptions
    from quotes.execution.runner import run_articles
    from quotes.nlp.model import load_model

    if step == "bare":
        nlp = load_model(fast=False)  # the stock pipeline, without quotescope's speed-ups

        def work() -> int:
            return sum(1 for _ in nlp.pipe(a.text for a in read_articles(path, scale)))  # type: ignore[attr-defined]
    else:
        shared_model(None)  # loaded before timing, as bare's model is
        options = {
            "one": RunOptions(use_cache=False, batch_size=batch_size),
            "jobs": RunOptions(jobs=jobs, cache_path=cache, batch_size=batch_size),
            "warm": RunOptions(cache_path=cache, batch_size=batch_size),
        }[step]

        def work() -> int:
            return sum(1 for _ in run_articles(read_articles(path, scale), options))  # type: ignore[arg-type]

    start = time.perf_counter()
    count = work()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "count": count, "rss": maxrss(resource.RUSAGE_SELF),
            "children_rss": maxrss(resource.RUSAGE_CHILDREN)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--step", choices=("bare", "one", "jobs", "warm"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.input.is_file():
        print(f"no input at {args.input}: nothing to measure")
        return 0
    if args.step:
        cache = args.cache or Path(tempfile.gettempdir()) / "quotescope-bench.sqlite3"
        print(json.dumps(run_step(args.step, args.input, args.scale, args.jobs, args.batch_size, cache)))
        return 0

    import spacy

    import quotes

    articles = words = 0
    for article in read_articles(args.input, args.scale):
        articles += 1
        words += len(article.text.split())  # type: ignore[attr-defined]
    print(f"machine: {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}, quotescope {quotes.__version__}")
    print(f"input: {args.input} x{args.scale}: {articles} articles, {words:,} words\n")
    steps = [("bare", "bare spaCy nlp.pipe (stock model)"), ("one", "one process (no cache)"),
             ("jobs", f"--jobs {args.jobs} (fills a fresh cache)"), ("warm", "warm-cache rerun")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for step, label in steps:
            command = [sys.executable, __file__, str(args.input), "--step", step, "--scale", str(args.scale),
                       "--jobs", str(args.jobs), "--batch-size", str(args.batch_size),
                       "--cache", str(Path(tmp) / "cache.sqlite3")]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"  {label}: failed\n{done.stderr}")
                return 1
            row = json.loads(done.stdout.strip().splitlines()[-1])
            if row["count"] != articles:
                print(f"  {label}: {row['count']} results for {articles} articles")
                return 1
            rows.append((label, row))
            workers = f", workers {row['children_rss'] / 2**20:.0f} MiB" if step == "jobs" else ""
            print(f"  {label:<36} {row['seconds']:8.2f} s {words / row['seconds']:10,.0f} words/s"
                  f"   peak RSS {row['rss'] / 2**20:5.0f} MiB{workers}", flush=True)
    bare = rows[0][1]["seconds"]
    print("\nthroughput ratio to bare:")
    for label, row in rows:
        print(f"  {label:<36} {bare / row['seconds']:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
