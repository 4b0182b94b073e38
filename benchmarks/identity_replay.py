"""Replay the corpus identity decision on saved ``quotes extract`` output, without the model.

    python benchmarks/identity_replay.py EXTRACT.jsonl ARTICLES.jsonl OUT.jsonl
    python ../shared/bench/speakers_score.py ARTICLES.jsonl OUT.jsonl

ARTICLES gives each article's text (by ``id``: a bench gold file or the extract's input); OUT has
one line per (quotation, speaker) with ``article_id``, ``content`` and ``speaker_slug`` (the final
identity key), as a report's ``quotations.jsonl`` has. Changing ``quotes/speakers/identity.py``,
``folds.py`` or ``name_forms.py`` and replaying takes seconds where a report re-runs the pipeline.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quotes.io.deserialize import result_from_dict
from quotes.rules.ruleset import default_rules_dir, read_rules
from quotes.speakers.identity import Ledger

_RESULT_FIELDS = ("id", "quotes", "error", "title", "date", "outlet", "url")


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("extract", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rules", type=Path)
    args = parser.parse_args()
    with args.articles.open(encoding="utf-8") as lines:
        texts = {str(a["id"]): a.get("text", "") for a in map(json.loads, lines) if a}
    ledger = Ledger(read_rules(args.rules or default_rules_dir()).aliases)
    rows = []
    with args.extract.open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            for quotation in data.get("quotes", []):
                quotation.pop("speaker_gender", None)
            record = {k: v for k, v in data.items() if k in _RESULT_FIELDS}
            result = result_from_dict(record, texts.get(data["id"], ""))
            for quotation, named in zip(result.quotations, ledger.read(result), strict=True):
                rows.append((result.article.id, quotation, [item.key for item in named]))
    with args.out.open("w", encoding="utf-8") as out:
        for article, quotation, keys in rows:
            for key in dict.fromkeys(ledger.final_key(k) for k in keys) or [None]:
                row = {"article_id": article, "content": quotation.content, "speaker_slug": key,
                       "speaker_name": quotation.speaker_name}  # fmt: skip
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
