"""Speaker-name errors by the kind of gold mention (name, pronoun, description, none).

    python benchmarks/name_errors.py                              # polnear-train-named, pipeline run
    python benchmarks/name_errors.py GOLD.jsonl [PRED.jsonl] [--examples 20] [--kind direct]

PRED is the output of ``quotes extract`` on GOLD; without it the pipeline runs (no cache).
Matching is the scorer's (quotes.evaluate.scorer.match); the table and examples come from
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


def _predicted(gold: list[dict], pred_path: Path | None) -> dict[str, list[dict]]:
    """Article id -> predicted quotations as dicts with ``content`` and ``speaker_name``."""
    if pred_path is not None:
        return {record["id"]: record.get("quotes", []) for record in _lines(pred_path)}
    from quotes.execution.analyzers import Analyzer
    from quotes.records import Article

    analyzer = Analyzer(score=False)
    results = analyzer.run(Article(id=a["id"], text=a["text"]) for a in gold)
    return {
        r.article.id: [{"content": q.content, "speaker_name": q.speaker_name} for q in r.quotations]
        for r in results
    }


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

    from quotes.evaluate.name_errors import NameCase, breakdown, format_breakdown
    from quotes.evaluate.scorer import match, trim_spans

    gold = _lines(gold_path)
    predicted = _predicted(gold, Path(args.pred) if args.pred else None)
    cases = []
    for article in gold:
        text, quotes = article["text"], article["quotes"]
        preds = predicted.get(article["id"], [])
        matches = match(
            [trim_spans(text, map(tuple, q["content"])) for q in quotes],
            [trim_spans(text, map(tuple, p["content"])) for p in preds],
        )
        for g, p in sorted(matches.items()):
            quote = quotes[g]
            mention = " ".join(text[s:e] for s, e in quote.get("speaker", []))
            if args.kind and quote["kind"] != args.kind:
                continue
            cases.append(
                NameCase(
                    article["id"],
                    quote["kind"],
                    mention,
                    quote.get("speaker_name"),
                    preds[p].get("speaker_name"),
                )
            )
    print(format_breakdown(breakdown(cases, args.examples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
