"""Primary frames against FrAC's human labels: accuracy, macro-F1, per-class F1 and confusions.

Reads ``../shared/bench/frames-frac-dev.jsonl`` (``{"id", "text", "label"}``; relative to the
project root) or the file given as the first argument, scores each sentence with
:func:`quotes.scoring.scorer.score_text` and maps quotescope's Policy Frames Codebook frame to FrAC's
ten labels (FrAC merges legality with crime and policy with political; capacity and resources
counts as economic; quality of life and external regulation as other). Prints the confusion
matrix (gold rows, predicted columns), per-class precision, recall and F1, and macro-F1 and
accuracy overall and for two halves of the rows (half A: ids 1, 5, 9, ...; half B: 3, 7, 11,
...), a check that a gain is not confined to one half. Exits 0 with a message when the file is
absent.

    python benchmarks/frames_frac.py [PATH] [--rules DIR] [--errors GOLD:PRED]

``--errors GOLD:PRED`` (either side may be ``*``) also prints the misses of that cell with the
frames and cue words that fired.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from quotes.rules.frames import load_frame_rules
from quotes.rules.tone import load_tone_rules
from quotes.scoring.scorer import score_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "bench" / "frames-frac-dev.jsonl"
TO_FRAC = {"capacity_resources": "economic", "legality": "legality_crime", "crime": "legality_crime",
           "policy": "political_policy", "political": "political_policy", "quality_of_life": "other",
           "external_regulation": "other"}


def f1_table(gold: dict[str, str], pred: dict[str, str],
             ids: list[str]) -> tuple[dict[str, tuple], float, float]:
    """Per-label (precision, recall, F1, n), macro-F1 and accuracy over ``ids``."""
    labels = sorted(set(gold.values()))
    rows = {}
    for label in labels:
        tp = sum(gold[i] == label == pred[i] for i in ids)
        fp = sum(pred[i] == label != gold[i] for i in ids)
        fn = sum(gold[i] == label != pred[i] for i in ids)
        rows[label] = (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0,
                       2 * tp / (2 * tp + fp + fn) if tp else 0.0, tp + fn)
    macro = sum(r[2] for r in rows.values()) / len(rows)
    accuracy = sum(gold[i] == pred[i] for i in ids) / max(1, len(ids))
    return rows, macro, accuracy


def main(argv: list[str]) -> int:
    rules_dir, errors = ROOT / "rules", ""
    for flag in ("--rules", "--errors"):
        if flag in argv:
            at = argv.index(flag)
            if at + 1 >= len(argv):
                print(f"{flag} needs a value", file=sys.stderr)
                return 2
            value = argv[at + 1]
            argv = argv[:at] + argv[at + 2:]
            rules_dir, errors = (Path(value), errors) if flag == "--rules" else (rules_dir, value)
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"frames benchmark skipped: {path} not found")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tone_rules, frame_rules = load_tone_rules(rules_dir), load_frame_rules(rules_dir)
    scores = {r["id"]: score_text(r["text"], None, tone_rules, frame_rules) for r in rows}
    gold = {r["id"]: r["label"] for r in rows}
    pred = {i: TO_FRAC.get(s.codebook_frame, s.codebook_frame) for i, s in scores.items()}
    labels = sorted(set(gold.values()))
    print(f"{path.name}: {len(rows)} sentences; gold rows, predicted columns")
    print(f"{'':18}" + "".join(f"{label[:6]:>7}" for label in labels) + "      n     P     R    F1")
    per_label, macro, accuracy = f1_table(gold, pred, list(gold))
    for label in labels:
        counts = Counter(pred[i] for i in gold if gold[i] == label)
        p, r, f, n = per_label[label]
        cells = "".join(f"{counts[other]:7d}" for other in labels)
        print(f"{label:18}{cells}{n:7d} {p:.3f} {r:.3f} {f:.3f}")
    print(f"all     macro-F1 {macro:.3f}  accuracy {accuracy:.3f}")
    for name, parity in (("half A", 0), ("half B", 1)):
        ids = [i for i in gold if _number(i) // 2 % 2 == parity]
        _, macro, accuracy = f1_table(gold, pred, ids)
        print(f"{name}  macro-F1 {macro:.3f}  accuracy {accuracy:.3f}  ({len(ids)} sentences)")
    if errors:
        want_gold, _, want_pred = errors.partition(":")
        for r in rows:
            i = r["id"]
            if gold[i] != pred[i] and want_gold in ("*", gold[i]) and want_pred in ("*", pred[i]):
                fired = [(f.id, f.weight, [e.matched for e in f.evidence if e.weight])
                         for f in scores[i].frames]
                print(f"\n[{i}] gold {gold[i]}, predicted {scores[i].codebook_frame}")
                print(f"  {r['text']}\n  {fired}")
    return 0


def _number(ident: str) -> int:
    digits = "".join(ch for ch in ident.rsplit("-", 1)[-1] if ch.isdigit())
    return int(digits) if digits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
