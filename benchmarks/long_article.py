"""Very long articles: `quotes extract` on the seed article repeated N times, against bare spaCy.

    python benchmarks/long_article.py [--times 100 400 1500] [--timeout 1800] [--seed FILE]

For each N, one article holding the seed article N times (paragraphs kept) is written to a
temporary file, then two whole processes run one after the other and are timed from start to
exit, model loading included:

- bare: spaCy's stock ``en_core_web_sm`` ``nlp.pipe`` (one piece at a time) over the text in 50 KB
  paragraph-bounded pieces (how quotescope parses a long article);
- quotes: ``quotes extract FILE --no-cache``.

It prints seconds and peak memory for both and the ratio quotes / bare. The ratio should stay
flat as N grows: time linear in the article's quotations and speakers. Compare ratios from one
run, never seconds from different days.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_SEED = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "seed.jsonl"
BARE = """
import sys
from quotes.nlp.model import load_model, split_paragraphs
text = open(sys.argv[1], encoding="utf-8").read()
nlp = load_model(fast=False)
print(sum(len(doc) for doc in nlp.pipe(split_paragraphs(text), batch_size=1)))
"""


def seed_text(path: Path) -> str:
    """The seed article's text: the first article of a JSONL file, or a plain text file."""
    if path.suffix == ".jsonl":
        return json.loads(path.read_text(encoding="utf-8").splitlines()[0])["text"]
    return path.read_text(encoding="utf-8")


def timed(command: list[str], timeout: float) -> dict[str, float | None]:
    """Run ``command`` in a child that reports the wall time and the peak memory of its own child."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "try:\n"
        f"    done = subprocess.run(sys.argv[1:], capture_output=True, timeout={timeout!r})\n"
        "    code = done.returncode\n"
        "except subprocess.TimeoutExpired:\n"
        "    code = None\n"
        "seconds = time.perf_counter() - start\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024\n"
        "print(json.dumps({'seconds': seconds, 'rss': rss, 'code': code}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, nargs="+", default=[100, 400, 1500])
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds allowed per run")
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if not args.seed.is_file():
        print(f"no seed article at {args.seed}: nothing to measure")
        return 0
    seed = seed_text(args.seed).strip()
    quotes_cli = str(Path(sys.executable).with_name("quotes"))
    header = ("times", "MB", "bare s", "quotes s", "ratio", "bare MiB", "quotes MiB")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (6, 6, 8, 9, 6, 9, 11), strict=True)))
    with tempfile.TemporaryDirectory() as tmp:
        for times in args.times:
            path = Path(tmp) / f"seed-x{times}.txt"
            path.write_text("\n\n".join([seed] * times) + "\n", encoding="utf-8")
            out = Path(tmp) / f"seed-x{times}.jsonl"
            bare = timed([sys.executable, "-c", BARE, str(path)], args.timeout)
            ours = timed([quotes_cli, "extract", str(path), "--no-cache", "-o", str(out)], args.timeout)
            if ours["code"] is None:
                quotes_s, ratio = f">{args.timeout:.0f}", "-"
            else:
                quotes_s, ratio = f"{ours['seconds']:.1f}", f"{ours['seconds'] / bare['seconds']:.2f}"
            print(
                f"{times:>6} {path.stat().st_size / 1e6:6.2f} {bare['seconds']:8.1f} {quotes_s:>9} {ratio:>6}"
                f" {bare['rss'] / 2**20:9.0f} {ours['rss'] / 2**20:11.0f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
