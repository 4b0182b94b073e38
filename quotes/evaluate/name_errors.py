"""Name errors broken down by the kind of gold speaker mention: name, pronoun, description, none.

The core of ``quotes eval --speaker-by name``'s error table: given matched quotations (the gold
mention as written, the gold canonical name and the predicted name), count how often the name
is wrong for each kind of gold mention and keep a few examples of each. Pure: no I/O.

Names are compared as the benchmark's scorer compares them (:mod:`quotes.text.names`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quotes.text.names import PRONOUNS, name_key, names_match

MENTION_KINDS = ("name", "pronoun", "description", "none")


@dataclass(frozen=True)
class NameCase:
    """One matched quotation: its gold mention and names."""

    article_id: str
    kind: str  # direct | mixed | indirect
    mention: str  # the gold speaker mention as written ("" when gold has none)
    gold_name: str | None
    predicted_name: str | None


@dataclass(frozen=True)
class KindErrors:
    """Name accuracy for one kind of gold mention."""

    mention_kind: str
    total: int
    wrong: int
    examples: tuple[NameCase, ...]


def mention_kind(mention: str, gold_name: str | None) -> str:
    """``none`` (no gold mention), ``pronoun`` (he, who, ...), ``name`` (the gold name is a proper
    name and the mention writes a word of it) or ``description`` (a spokeswoman, aides, the agency)."""
    words = [w.strip(".,;:'’\"()").casefold() for w in mention.split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w]
    if not words:
        return "none"
    if len(words) == 1 and words[0] in PRONOUNS:
        return "pronoun"
    proper = bool(gold_name) and gold_name.split()[-1][:1].isupper()  # not "White House officials"
    if proper and set(name_key(gold_name).split()) & set(words):
        return "name"
    return "description"


def breakdown(cases: Iterable[NameCase], examples: int = 5) -> tuple[KindErrors, ...]:
    """Per gold mention kind: matched quotations with a gold name, how many got it wrong, examples.

    Quotations whose gold name is None are left out, as the scorer's name accuracy leaves them."""
    totals = {kind: 0 for kind in MENTION_KINDS}
    wrong: dict[str, list[NameCase]] = {kind: [] for kind in MENTION_KINDS}
    for case in cases:
        if case.gold_name is None:
            continue
        kind = mention_kind(case.mention, case.gold_name)
        totals[kind] += 1
        if not names_match(case.gold_name, case.predicted_name):
            wrong[kind].append(case)
    return tuple(
        KindErrors(kind, totals[kind], len(wrong[kind]), tuple(wrong[kind][:examples]))
        for kind in MENTION_KINDS
    )


def format_breakdown(rows: Iterable[KindErrors]) -> str:
    """A plain-text table (kind, matched, wrong, accuracy) followed by the examples."""
    rows = list(rows)
    lines = [f"{'gold mention':14}{'matched':>9}{'wrong':>7}{'accuracy':>10}"]
    for row in rows:
        accuracy = f"{1 - row.wrong / row.total:.3f}" if row.total else "-"
        lines.append(f"{row.mention_kind:14}{row.total:>9}{row.wrong:>7}{accuracy:>10}")
    total, errors = sum(r.total for r in rows), sum(r.wrong for r in rows)
    lines.append(f"{'all':14}{total:>9}{errors:>7}{(1 - errors / total if total else 0):>10.3f}")
    for row in rows:
        if row.examples:
            lines += ["", f"{row.mention_kind}:"]
            for case in row.examples:
                lines.append(
                    f"  [{case.kind}] {case.article_id}: {case.mention!r} gold={case.gold_name!r} "
                    f"predicted={case.predicted_name!r}"
                )
    return "\n".join(lines)
