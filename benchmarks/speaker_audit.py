"""Audit a report's speakers for names no researcher wants to see.

    python benchmarks/speaker_audit.py REPORT_DIR [--rules DIR] [--examples 5]

Reads ``REPORT_DIR/quotations.jsonl`` (written by ``quotes report``) and lists the report's
speakers that are:

- ``pronoun``: a bare pronoun ("he", "they");
- ``platform``: a platform where people speak ("Twitter");
- ``generic``: a word that is no speaker on its own, or an utterance rather than its author
  ("Department", "tweets", "statement"; a study, report or poll is a source of its own);
- ``dateline``: a name that starts with a dateline ("BRUSSELS - European leaders") or is a
  capitalised place word alone at a line's start;
- ``headline``: a name holding a cue verb's inflected form ("Obama Says", "Trump Demands
  Accountability"), the mark of a headline fragment taken for a name;
- ``split``: a one-word person whose word ends the name of exactly one other person of the
  report ("Trump" beside "Donald Trump"), starts no one's name and is no listed first name
  (``rules/first_names.yaml``): the corpus's only person with that surname, which the identity
  rules join unless its article names someone else ("Kim" the adoptive mother beside "Jane
  Kim", and "Clinton" beside Hillary and Bill Clinton, are kept apart on purpose).

Each finding is printed with its count of quotations and example speaker mentions. The exit
status is 0; the counts are the measure (none of each is the goal).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

_FINDINGS = frozenset(["study", "report", "analysis", "research", "findings", "estimate", "paper", "poll"])
"""Utterances that are sources in their own right (a study finds, a poll shows): not flagged."""
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w.]*)?\s*(?:\(\w+\))?\s*[-—–]+\s*")


def audit(rows: list[dict], rules_dir: Path | None = None) -> dict[str, list[tuple[str, int, list[str]]]]:
    """Findings by kind: (speaker name, quotations, example mentions) for each flagged speaker."""
    from quotes.pipeline.rules import load_rules
    from quotes.rules.ruleset import default_rules_dir
    from quotes.text.names import PRONOUNS

    rules = load_rules(rules_dir or default_rules_dir())
    words = rules.mentions.words
    inflected = {form for form, lemma in rules.cues.verb_forms.items() if form.endswith("s")}
    inflected |= {lemma + "s" for lemma in rules.cues.verbs}
    counts: Counter[tuple[str, str]] = Counter()
    mentions: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        if row.get("speaker_slug"):
            key = (row["speaker_slug"], row.get("speaker_name") or "")
            counts[key] += 1
            mentions[key][row.get("speaker_text") or ""] += 1
    types = {row["speaker_slug"]: row.get("speaker_type") for row in rows if row.get("speaker_slug")}
    people = {name.lower() for slug, name in counts if len(name.split()) > 1 and types.get(slug) == "person"}
    full_names = {name.split()[-1] for name in people}
    surnames = Counter(name.split()[-1] for name in people)
    first_words = {name.split()[0] for name in people}
    findings: dict[str, list[tuple[str, int, list[str]]]] = defaultdict(list)
    for key, n in counts.most_common():
        slug, name = key
        lower = name.lower()
        tokens = lower.split()
        examples = [text for text, _ in mentions[key].most_common(3)]
        kinds = []
        if lower in PRONOUNS:
            kinds.append("pronoun")
        if lower in words.platforms:
            kinds.append("platform")
        if lower in words.not_speakers or (lower in words.utterances and lower not in _FINDINGS):
            kinds.append("generic")
        if _DATELINE.match(name):
            kinds.append("dateline")
        if _headline_fragment(tokens, types.get(slug), inflected, full_names):
            kinds.append("headline")
        if (len(tokens) == 1 and types.get(slug) == "person" and surnames[lower] == 1
                and lower not in first_words and lower not in words.first_names):  # fmt: skip
            kinds.append("split")
        for kind in kinds:
            findings[kind].append((name, n, examples))
    return findings


def _headline_fragment(tokens: list[str], kind: str | None, verbs: set[str], surnames: set[str]) -> bool:
    """A person's name holding an inflected cue verb ("Obama Says"; an organisation's ending on
    one), or a
    description that starts with a person's surname and a verb ("Trump demands accountability")."""
    if len(tokens) < 2:
        return False
    if kind == "person":
        return any(token in verbs for token in tokens[1:])
    if kind == "organisation":  # "United States Citizenship ..." is a name; "Obama Seeks" ends on its verb
        return tokens[-1] in verbs
    return tokens[0] in surnames and tokens[1] in verbs


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("report", type=Path)
    parser.add_argument("--rules", type=Path)
    parser.add_argument("--examples", type=int, default=5, help="speakers shown per kind")
    args = parser.parse_args()
    path = args.report / "quotations.jsonl"
    if not path.is_file():
        sys.exit(f"{path}: no such file (run quotes report first)")
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    findings = audit(rows, args.rules)
    speakers = len({row["speaker_slug"] for row in rows if row.get("speaker_slug")})
    print(f"{len(rows)} quotations, {speakers} speakers")
    for kind in ("pronoun", "platform", "generic", "dateline", "headline", "split"):
        found = findings.get(kind, [])
        total = sum(n for _, n, _ in found)
        print(f"{kind:9} {len(found):3} speakers {total:4} quotations")
        for name, n, examples in found[: args.examples]:
            print(f"    {name!r} ({n}): {', '.join(repr(e) for e in examples)}")


if __name__ == "__main__":
    main()
