"""Attribution accuracy on the shared gold sets: the dev table and the per-rule breakdown.

    python benchmarks/attribution.py                 # seed and polnear-dev, by span
    python benchmarks/attribution.py GOLD.jsonl --speaker-by name

Runs the library pipeline (no cache) and scores it with quotes.evaluate.scorer, which applies the
same matching rules as ../shared/bench/score.py. Exits cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
DEFAULT_SETS = ("seed.jsonl", "polnear-dev.jsonl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", help="gold JSONL files (default: seed and polnear-dev)")
    parser.add_argument("--speaker-by", choices=("span", "name"), default="span")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.gold] or [BENCH / name for name in DEFAULT_SETS]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"benchmark data not found: {', '.join(missing)}; nothing to measure")
        return 0

    from quotes.evaluate.scorer import evaluate, format_report, read_gold
    from quotes.execution.analyzers import Analyzer
    from quotes.records import Article

    analyzer = Analyzer()
    for path in paths:
        gold = read_gold(str(path))
        started = time.perf_counter()
        results = analyzer.run(Article(id=a.id, text=a.text) for a in gold)
        predictions = {r.article.id: r.quotations for r in results}
        seconds = time.perf_counter() - started
        print(f"== {path.name} ({seconds:.1f} s)")
        print(format_report(evaluate(gold, predictions, args.speaker_by)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
