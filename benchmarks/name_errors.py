"""Speaker-name errors by the kind of gold mention (name, pronoun, description, none), then by
cause (no cue, document, form, wrong mention, pronoun, description; quotes.evaluate.name_errors).

    python benchmarks/name_errors.py                              # polnear-train-named, pipeline run
    python benchmarks/name_errors.py GOLD.jsonl [PRED.jsonl] [--examples 20] [--kind direct]

PRED is the output of ``quotes extract`` on GOLD; without it the pipeline runs (no cache).
Matching is the scorer's (quotes.evaluate.scorer.match); the tables and examples come from
quotes.evaluate.name_errors. Exits cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
DEFAULT_GOLD = "polnear-train-named.jsonl"


def _lines(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _predicted(gold_path: Path, pred_path: Path | None) -> dict[str, tuple]:
    """Article id -> predicted quotations (records), read from PRED or found by the pipeline."""
    from quotes.io.deserialize import result_from_dict

    if pred_path is not None:
        results = (result_from_dict(record) for record in _lines(pred_path))
    else:
        from quotes.execution.analyzers import Analyzer
        from quotes.records import Article

        analyzer = Analyzer(score=False)
        results = analyzer.run(Article(id=a["id"], text=a["text"]) for a in _lines(gold_path))
    return {r.article.id: r.quotations for r in results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", help=f"gold JSONL (default: {DEFAULT_GOLD})")
    parser.add_argument("pred", nargs="?", help="predictions JSONL from quotes extract")
    parser.add_argument("--examples", type=int, default=10)
    parser.add_argument("--kind", choices=("direct", "mixed", "indirect"), help="only this kind of quotation")
    args = parser.parse_args(argv)
    gold_path = Path(args.gold) if args.gold else BENCH / DEFAULT_GOLD
    if not gold_path.exists():
        print(f"benchmark data not found: {gold_path}; nothing to measure")
        return 0

    from quotes.evaluate.name_errors import breakdown, by_cause, format_breakdown, format_causes
    from quotes.evaluate.scorer import name_cases, read_gold

    predicted = _predicted(gold_path, Path(args.pred) if args.pred else None)
    cases = [c for c in name_cases(read_gold(str(gold_path)), predicted) if c.kind == (args.kind or c.kind)]
    print(format_breakdown(breakdown(cases, args.examples)))
    print()
    print("name errors by cause:")
    print(format_causes(by_cause(cases, args.examples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
