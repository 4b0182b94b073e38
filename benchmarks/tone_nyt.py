"""Pearson r between quotescope's ``tone.compound`` and human ratings of NYT editorial sentences.

Reads ``../shared/bench/tone-nyt-dev.tsv`` (columns id, rating, sentence; relative to the project
root) or the file given as the first argument, and prints r for plain VADER and for quotescope,
overall and for two halves of the articles (a check that gains are not confined to one half: the
file holds the odd-numbered articles 1, 3, 5, ...; half A is articles 3, 7, 11, ..., half B
1, 5, 9, ...), the share of sentences where no scored word fired, and the time per sentence.
Exits 0 with a message when the file is absent.

    python benchmarks/tone_nyt.py [PATH] [--rules DIR]

``--rules DIR`` scores with another rules folder, e.g. a copy with one file or entry removed, to
measure what a rule class contributes.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from quotes.rules.frames import load_frame_rules
from quotes.rules.tone import load_tone_rules
from quotes.scoring.scorer import score_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "bench" / "tone-nyt-dev.tsv"


def read_ratings(path: Path) -> list[tuple[str, float, str]]:
    """(id, rating, sentence) rows of a tab-separated ratings file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["id"], float(row["rating"]), row["sentence"])
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def pearson(xs: list[float], ys: list[float]) -> float:
    """Pearson r (0.0 when either side is constant)."""
    try:
        return statistics.correlation(xs, ys)
    except statistics.StatisticsError:
        return 0.0


def main(argv: list[str]) -> int:
    rules_dir = ROOT / "rules"
    if "--rules" in argv:
        at = argv.index("--rules")
        if at + 1 >= len(argv):
            print("--rules needs a folder", file=sys.stderr)
            return 2
        rules_dir = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"tone benchmark skipped: {path} not found")
        return 0
    rows = read_ratings(path)
    vader = SentimentIntensityAnalyzer()
    tone_rules = load_tone_rules(rules_dir)
    frame_rules = load_frame_rules(rules_dir)
    ratings = [rating for _, rating, _ in rows]
    plain = [vader.polarity_scores(sentence)["compound"] for _, _, sentence in rows]
    started = time.perf_counter()
    ours = [score_text(sentence, None, tone_rules, frame_rules).tone.compound for _, _, sentence in rows]
    elapsed = time.perf_counter() - started
    print(f"{path.name}: {len(rows)} sentences")
    print(f"{'':18}{'all':>8}{'half A':>8}{'half B':>8}")
    for name, scores in (("plain VADER", plain), ("quotescope", ours)):
        halves = []
        for parity in (1, 0):
            keep = [i for i, (ident, _, _) in enumerate(rows) if _article(ident) % 2 == parity]
            halves.append(pearson([scores[i] for i in keep], [ratings[i] for i in keep]))
        print(f"{name:18}{pearson(scores, ratings):8.3f}{halves[0]:8.3f}{halves[1]:8.3f}")
    unscored = sum(1 for score in ours if score == 0.0) / max(1, len(ours))
    print(f"quotescope scores exactly 0 for {100 * unscored:.1f}% of sentences")
    print(f"quotescope scoring: {1000 * elapsed / max(1, len(rows)):.2f} ms per sentence (tone and frames)")
    return 0


def _article(ident: str) -> int:
    """The article number halved, so that the odd-numbered articles of the file alternate halves."""
    head = ident.split("_", 1)[0]
    return int(head) // 2 if head.isdigit() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
