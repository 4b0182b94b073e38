"""Throughput of quotescope against bare spaCy: whole processes, side by side, in one run.

    python benchmarks/throughput.py [INPUT.jsonl] [--runs 3] [--jobs 2] [--scale K]

Each round runs, one after the other, as whole processes (start-up, model load, reading and
writing included):

- ``bare``: bare spaCy, ``spacy.load`` of the stock model and ``nlp.pipe`` over every text;
- ``one``: ``quotes extract INPUT --no-cache -o FILE`` (one process);
- ``jobs``: ``quotes extract INPUT --jobs N --cache FRESH -o FILE`` (fills a fresh cache);
- ``warm``: the same with that cache warm;

then a one-sentence ``quotes extract`` against bare spaCy loading its model and parsing that
sentence (start-up). The ratios to bare are taken round by round (pair by pair, so that a
machine whose speed drifts is still compared fairly) and their median is printed, with each
step's CPU time, peak memory and, for ``--jobs``, how busy the caller and the workers were.
The machine's load is measured during every step: the CPU time that other processes used (from
``/proc/stat``) and the load average; a warning is printed when other work was running, since
the ratios are then not to be trusted. The last lines are the README's performance table.
``--scale K`` repeats the corpus K times (distinct ids): memory should stay flat as K grows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INPUT = Path("/work/shared/bench/polnear-dev.jsonl")
SENTENCE = '"We will open the bridge in May," the mayor said on Tuesday.\n'
BUSY_OTHERS = 0.25
"""Cores' worth of CPU used by other processes during a step above which a warning is printed."""


# ----------------------------------------------------------------------------- the steps (child processes)


def bare_step(path: Path) -> None:
    """Bare spaCy: the stock model, ``nlp.pipe`` over every text of a JSONL file (or a .txt)."""
    import spacy

    from quotes.nlp.model import resolve_model_name

    nlp = spacy.load(resolve_model_name(None))
    if path.suffix == ".txt":
        texts: Iterator[str] = iter([path.read_text(encoding="utf-8")])
    else:
        lines = path.open(encoding="utf-8")
        texts = (json.loads(line)["text"] for line in lines if line.strip())
    for _ in nlp.pipe(texts):
        pass


def quotes_step(arguments: list[str]) -> None:
    """``quotes ARGUMENTS`` in this process, as the console script runs it."""
    from quotes.cli.main import main

    sys.argv = ["quotes", *arguments]
    try:
        main()
    except SystemExit as done:
        if done.code not in (0, None):
            raise


def run_child(step: str, arguments: list[str], report: Path) -> None:
    """Run one step and write this process's and its children's CPU and memory to ``report``."""
    import resource

    started = time.perf_counter()
    if step == "bare":
        bare_step(Path(arguments[0]))
    else:
        quotes_step(arguments)
    wall = time.perf_counter() - started
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    scale = 1 if sys.platform == "darwin" else 1024
    report.write_text(json.dumps({
        "inner_wall": wall,
        "cpu": me.ru_utime + me.ru_stime,
        "children_cpu": children.ru_utime + children.ru_stime,
        "rss": me.ru_maxrss * scale,
        "children_rss": children.ru_maxrss * scale,
    }), encoding="utf-8")


# ----------------------------------------------------------------------------- measuring


def busy_ticks() -> tuple[float, float] | None:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat (Linux)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    values = [int(v) for v in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    hertz = os.sysconf("SC_CLK_TCK")
    return (sum(values) - idle) / hertz, sum(values) / hertz


@dataclass(frozen=True)
class Measure:
    """One whole process: wall and CPU seconds, peak memory, and the other processes' load."""

    wall: float
    cpu: float  # this process
    children_cpu: float  # its worker processes
    rss: int
    children_rss: int
    others: float | None  # cores' worth of CPU that other processes used meanwhile
    load: float  # the 1-minute load average at the end

    @property
    def total_cpu(self) -> float:
        return self.cpu + self.children_cpu


def measure(step: str, arguments: list[str], workdir: Path) -> Measure:
    """Run one step as a child process and measure it."""
    report = workdir / "step.json"
    report.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--step", step, "--report", str(report), "--",
               *arguments]
    before = busy_ticks()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = busy_ticks()
    if done.returncode != 0 or not report.is_file():
        raise SystemExit(f"step {step} failed:\n{done.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    own = data["cpu"] + data["children_cpu"]
    others = None
    if before is not None and after is not None and wall > 0:
        others = max(0.0, (after[0] - before[0]) - own) / wall
    return Measure(wall, data["cpu"], data["children_cpu"], data["rss"], data["children_rss"], others,
                   os.getloadavg()[0])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratios(bare: list[Measure], other: list[Measure]) -> list[float]:
    """Throughput ratios to bare, round by round (bare's time over the other's)."""
    return [b.wall / o.wall for b, o in zip(bare, other, strict=True)]


def spread(values: list[float]) -> str:
    return f"{median(values):.2f}x (min {min(values):.2f}, max {max(values):.2f})" if values else "-"


def words_in(path: Path) -> tuple[int, int]:
    articles = words = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                articles += 1
                words += len(json.loads(line)["text"].split())
    return articles, words


def scaled_input(path: Path, scale: int, workdir: Path) -> Path:
    """``path`` itself, or its articles ``scale`` times over with distinct ids."""
    if scale <= 1:
        return path
    out = workdir / f"{path.stem}-x{scale}.jsonl"
    with out.open("w", encoding="utf-8") as sink:
        for copy in range(scale):
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines):
                    if line.strip():
                        data = json.loads(line)
                        data["id"] = f"{data.get('id', number)}#{copy}"
                        sink.write(json.dumps(data) + "\n")
    return out


# ----------------------------------------------------------------------------- the run


STEPS = ("bare", "one", "jobs", "warm")


def step_arguments(step: str, source: Path, jobs: int, workdir: Path) -> list[str]:
    out = str(workdir / f"{step}.jsonl")
    if step == "bare":
        return [str(source)]
    if step == "one":
        return ["extract", str(source), "--no-cache", "-o", out]
    cache = ["--cache", str(workdir / "cache.sqlite3")]
    if step == "jobs":
        return ["extract", str(source), "--jobs", str(jobs), *cache, "-o", out]
    return ["extract", str(source), *cache, "-o", out]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--step"]:  # a child: --step KIND --report FILE -- ARGUMENTS
        run_child(argv[1], argv[5:], Path(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--runs", type=int, default=3, help="rounds of every step (default 3)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args(argv)
    if not args.input.is_file():
        print(f"no input at {args.input}: nothing to measure")
        return 0
    import spacy

    import quotes

    print(f"machine: {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}, quotescope {quotes.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        source = scaled_input(args.input, args.scale, workdir)
        articles, words = words_in(source)
        print(f"input: {args.input} x{args.scale}: {articles} articles, {words:,} words; {args.runs} rounds, "
              f"each step a whole process, in turn\n")
        results: dict[str, list[Measure]] = {step: [] for step in STEPS}
        for round_number in range(args.runs):
            (workdir / "cache.sqlite3").unlink(missing_ok=True)
            for step in STEPS:
                kind = "bare" if step == "bare" else "quotes"
                found = measure(kind, step_arguments(step, source, args.jobs, workdir), workdir)
                results[step].append(found)
                print(f"  round {round_number + 1} {step:<5} {found.wall:7.2f} s wall "
                      f"{found.total_cpu:7.2f} s CPU   others {_others(found.others)}   "
                      f"load {found.load:4.2f}", flush=True)
        sentence = workdir / "sentence.txt"
        sentence.write_text(SENTENCE, encoding="utf-8")
        start_bare, start_quotes = [], []
        for _ in range(args.runs):
            start_bare.append(measure("bare", [str(sentence)], workdir))
            start_quotes.append(measure("quotes", ["extract", str(sentence), "--no-cache", "-o",
                                                   str(workdir / "sentence.jsonl")], workdir))
    print_summary(results, words, args.jobs, start_bare, start_quotes)
    return 0


def _others(value: float | None) -> str:
    return "  ?  " if value is None else f"{value:4.2f} cores"


LABELS = {
    "bare": "bare spaCy `nlp.pipe`",
    "one": "`quotes extract` (one process)",
    "jobs": "`quotes extract --jobs {jobs}`",
    "warm": "rerun with a warm cache",
}


def print_summary(results: dict[str, list[Measure]], words: int, jobs: int,
                  start_bare: list[Measure], start_quotes: list[Measure]) -> None:
    bare = results["bare"]
    print("\nthroughput ratio to bare nlp.pipe (round by round; median, min, max), and CPU:")
    for step in STEPS:
        runs = results[step]
        cpu = median([r.total_cpu for r in runs])
        print(f"  {step:<5} {spread(ratios(bare, runs)):<34} wall {median([r.wall for r in runs]):7.2f} s"
              f"   CPU {cpu:7.2f} s ({median([b.total_cpu for b in bare]) / cpu:.2f}x bare's)")
    busy = results["jobs"]
    if jobs > 1 and busy:
        caller = median([r.cpu / r.wall for r in busy])
        workers = median([r.children_cpu / (r.wall * (jobs - 1)) for r in busy])
        print(f"\n--jobs {jobs}: the caller was busy {caller:.0%} of the time, each worker {workers:.0%} "
              f"(CPU over wall; a worker's start-up counts as busy)")
    gap = median([q.wall - b.wall for q, b in zip(start_quotes, start_bare, strict=True)])
    bare_start, quotes_start = median([b.wall for b in start_bare]), median([q.wall for q in start_quotes])
    print(f"\nstart-up, one sentence: bare model load and parse {bare_start:.2f} s, "
          f"quotes extract {quotes_start:.2f} s ({gap:+.2f} s)")
    others = [r.others for runs in [*results.values(), start_bare, start_quotes] for r in runs
              if r.others is not None] or [float("nan")]
    loads = [r.load for runs in results.values() for r in runs]
    print(f"\nmachine load during the run: other processes used {median(others):.2f} cores on median "
          f"(max {max(others):.2f}); 1-minute load average {min(loads):.2f} to {max(loads):.2f}")
    if max(others) > BUSY_OTHERS:
        print(f"WARNING: other processes were using up to {max(others):.2f} cores during the run: the "
              "ratios are not those of a quiet machine; measure again when it is idle")
    print("\n| | words/s | ratio to bare `nlp.pipe` | peak memory |\n|---|---|---|---|")
    for step in STEPS:
        runs = results[step]
        wall = median([r.wall for r in runs])
        memory = f"{median([r.rss for r in runs]) / 2**20:,.0f} MiB"
        if step == "jobs" and jobs > 1:
            memory += f" + {median([r.children_rss for r in runs]) / 2**20:,.0f} MiB per worker"
        ratio = median(ratios(bare, runs))
        print(f"| {LABELS[step].format(jobs=jobs)} | {words / wall:,.0f} | {ratio:.2f}x | {memory} |")


if __name__ == "__main__":
    sys.exit(main())
