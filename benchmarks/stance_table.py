"""The reporter's stance through the cue verb, counted per stance and per verb.

Reads ``quotes extract --format jsonl`` output (one article a line with its ``quotes``) or a
report's ``quotations.jsonl`` (one quotation a line) and prints how many quotations each stance
got, then each cue lemma with its quotations split by stance, so a verb whose senses differ in
context (``call``: neutral description or directive demand) shows both.

    python benchmarks/stance_table.py PRED.jsonl [--top N]
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path


def quotations(path: Path) -> Iterator[dict]:
    """Every quotation record of an extract or report JSONL file."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not JSON ({error.msg})") from None
            yield from record.get("quotes", [record] if "stance" in record else [])


def table(records: list[dict], top: int) -> str:
    """The stance totals and the per-verb table, as text."""
    by_stance = Counter(q.get("stance") or "none" for q in records)
    by_verb: dict[str, Counter] = defaultdict(Counter)
    for q in records:
        by_verb[q.get("cue_lemma") or "-"][q.get("stance") or "none"] += 1
    total = max(1, len(records))
    lines = [f"{len(records)} quotations", f"{'stance':14}{'n':>6}{'share':>8}"]
    lines += [f"{stance:14}{n:6d}{n / total:8.1%}" for stance, n in by_stance.most_common()]
    lines += ["", f"{'cue verb':18}{'n':>6}  stances"]
    for verb, counts in sorted(by_verb.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]:
        split = ", ".join(f"{stance} {n}" for stance, n in counts.most_common())
        lines.append(f"{verb:18}{sum(counts.values()):6d}  {split}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    top = 40
    if "--top" in argv:
        at = argv.index("--top")
        top = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    print(table(list(quotations(Path(argv[0]))), top))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
