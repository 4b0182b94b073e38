"""Name errors broken down by the kind of gold speaker mention and by their cause.

The core of ``quotes eval --speaker-by name``'s error tables: given matched quotations (the gold
mention as written, the gold canonical name and the predicted name), count how often the name
is wrong for each kind of gold mention, and why (:func:`error_cause`: no cue, form, wrong
mention, document, pronoun, description), keeping a few examples of each. Pure: no I/O.

The causes are decided from the gold and predicted records and the text alone, never from the
rules in ``rules/``: the yardstick must not move when the rules change, so the few words it
needs (document nouns here, pronouns in :mod:`quotes.text.names`) are part of its code.

Names are compared as the benchmark's scorer compares them (:mod:`quotes.text.names`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quotes.text.names import PRONOUNS, name_key, names_match
from quotes.text.spans import has_sentence_break, total_overlap

MENTION_KINDS = ("name", "pronoun", "description", "none")
# fmt: off
DOCUMENT_WORDS = frozenset((
    "report", "reports", "study", "studies", "release", "statement", "statements", "website", "site",
    "webpage", "survey", "poll", "analysis", "review", "audit", "paper", "letter", "memo", "email",
    "filing", "document", "documents", "database", "data", "figures", "research", "findings",
    "guidelines", "ruling", "decision", "submission", "complaint", "lawsuit", "petition", "bulletin",
    "newsletter", "notice", "post", "tweet", "video", "ad", "advertisement", "assessment", "estimate",
    "estimates", "forecast", "projections", "census", "index", "ranking", "budget", "proposal"))
# fmt: on
"""Nouns whose mention makes a document the speaker ("the study found", "the release said")."""

Span = tuple[int, int]
CAUSES = (
    "no cue",
    "document",
    "form",
    "wrong mention",
    "pronoun",
    "description, named",
    "description, unnamed",
    "name",
    "no mention",
)
CAUSE_HELP = {
    "no cue": "no cue in the quotation's sentence (a continuation or paragraph-opening quote)",
    "form": "the right person in the wrong form (a first name alone, a surname not ending the "
    "full name, extra words)",
    "wrong mention": "the predicted speaker is another mention than the gold one",
    "document": "the gold mention is a document (report, study, release, statement, website)",
    "pronoun": "the gold mention is a pronoun, resolved to the wrong person or to no one",
    "description, named": "the gold mention is a description of someone the article names",
    "description, unnamed": "the gold mention is a description of an unnamed source",
    "name": "the gold mention is a name; another person or none was predicted",
    "no mention": "the gold quotation has a cue but no speaker mention",
}
"""One line per cause, printed under the table; the causes are tried in the order of CAUSES."""
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_INVISIBLE_SPACE = dict.fromkeys(_INVISIBLE, " ")
_NAME_MARKS = "\"'“”‘’«»()[],;:"
_JOINERS = ",:;—–-"
_POST_MODIFIER = re.compile(
    r"\s(?:of|by|from|on|in|for|at|to|that|which|who|posted|released|published|conducted|prepared|"
    r"obtained|issued)\s"
)


@dataclass(frozen=True)
class NameCase:
    """One matched quotation: its gold mention and names."""

    article_id: str
    kind: str  # direct | mixed | indirect
    mention: str  # the gold speaker mention as written ("" when gold has none)
    gold_name: str | None
    predicted_name: str | None
    cause: str = ""  # why the name is wrong (one of CAUSES, :func:`error_cause`); "" when right
    predicted_mention: str = ""  # the predicted speaker mention as written ("" when none)


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


@dataclass(frozen=True)
class CauseErrors:
    """Wrong names of one cause, counted by kind of quotation."""

    cause: str
    wrong: int
    by_kind: tuple[tuple[str, int], ...]  # (("direct", n), ("mixed", n), ("indirect", n))
    examples: tuple[NameCase, ...]


def _name_words(name: str) -> set[str]:
    """The words of a name as the scorer keys it, with marks left out."""
    for mark in _NAME_MARKS:
        name = name.replace(mark, " ")
    return set(name_key(name).split())


def other_form(gold: str, predicted: str) -> bool:
    """Whether ``predicted`` names the gold person in another form: the same words once invisible
    characters (dropped, or read as spaces) and marks are left out, or a part of the gold name
    ("Priya" for "Priya Raman", "Kim" for "Kim Soo-jin"), or the gold name with extra words
    ("Ana Torres who"). A shared word must be capitalised in the prediction: "city" is no form
    of "City of Phoenix"."""
    gold_words = _name_words(gold.translate(_INVISIBLE))
    for cleaned in (predicted.translate(_INVISIBLE), predicted.translate(_INVISIBLE_SPACE)):
        words = _name_words(cleaned)
        capitalised = _name_words(" ".join(w for w in cleaned.split() if w[:1].isupper()))
        if gold_words & words & capitalised and (gold_words <= words or words <= gold_words):
            return True
    return False


def _mask(text: str, start: int, end: int, spans: Iterable[Span]) -> str:
    """``text[start:end]`` with the characters of ``spans`` blanked (a speaker between content
    and cue: ``"...," Dr. Ana Ruiz said`` has no sentence break)."""
    chars = list(text[start:end])
    for s, e in spans:
        for i in range(max(s, start), min(e, end)):
            chars[i - start] = " "
    return "".join(chars)


def _same_sentence(text: str, a: Span, b: Span, masked: Iterable[Span]) -> bool:
    """Whether two spans share a sentence: nothing but white space and joining punctuation
    between them (``He said:`` and a quotation on the next line), or no line or sentence break."""
    first, second = sorted((a, b))
    if first[1] > second[0]:
        return True
    gap = _mask(text, first[1], second[0], masked)
    if not gap.strip(_JOINERS + " \t\n\u00a0"):
        return True
    return "\n" not in gap and not has_sentence_break(gap)


def has_cue_in_sentence(
    text: str, content: Sequence[Span], cue: Sequence[Span] | None, speaker: Sequence[Span]
) -> bool:
    """Whether a cue shares a sentence with one of the content spans. When the gold gives no
    cue field (``cue`` is None), the speaker mention stands for it."""
    anchors = speaker if cue is None else cue
    return any(_same_sentence(text, c, k, speaker) for c in content for k in anchors)


def error_cause(
    text: str,
    *,
    content: Sequence[Span],
    speaker: Sequence[Span],
    cue: Sequence[Span] | None,
    gold_name: str | None,
    predicted_name: str | None,
    predicted_speaker: Sequence[Span] = (),
    predicted_content: Sequence[Span] = (),
) -> str:
    """Why the predicted name of a matched quotation is wrong: the first of CAUSES that holds
    (see CAUSE_HELP); "" when the name is right or the gold has none.

    ``content``, ``speaker`` and ``cue`` are the gold spans (``cue`` None when the gold file has
    no cue field); only the gold content pieces the prediction overlaps are asked for a cue.
    """
    if gold_name is None or names_match(gold_name, predicted_name):
        return ""
    pieces = [c for c in content if any(s < c[1] and c[0] < e for s, e in predicted_content)]
    if not has_cue_in_sentence(text, pieces or content, cue, speaker):
        return "no cue"
    mention = " ".join(text[s:e] for s, e in speaker)
    kind = mention_kind(mention, gold_name)
    if kind != "pronoun" and document_mention(mention):
        return "document"
    if predicted_name and other_form(gold_name, predicted_name):
        return "form"
    if speaker and predicted_speaker and not total_overlap(speaker, predicted_speaker):
        return "wrong mention"
    if kind == "description":
        return "description, named" if gold_name.split()[-1][:1].isupper() else "description, unnamed"
    return {"pronoun": "pronoun", "name": "name"}.get(kind, "no mention")


def document_mention(mention: str) -> bool:
    """Whether a mention names a document: a lower-case document noun before any comma or
    post-modifier ("the recall notice posted on Health Canada's website", "A survey of 1,200
    teachers conducted by X", "The RTB report"; not "The Washington Post")."""
    head = _POST_MODIFIER.split(mention.split(",")[0], maxsplit=1)[0]
    words = [w.strip(".;:'’\"()").removesuffix("'s").removesuffix("’s") for w in head.split()]
    words[:1] = [w[:1].lower() + w[1:] for w in words[:1]]  # "Data published by X", "Study:"
    return any(w in DOCUMENT_WORDS for w in words if w.islower())


def by_cause(cases: Iterable[NameCase], examples: int = 5) -> tuple[CauseErrors, ...]:
    """Wrong names per cause (the cases' ``cause``), by kind of quotation, with examples; causes
    with no error are kept (zero), in the order of CAUSES."""
    wrong: dict[str, list[NameCase]] = {cause: [] for cause in CAUSES}
    for case in cases:
        if case.cause:
            wrong.setdefault(case.cause, []).append(case)
    return tuple(
        CauseErrors(
            cause,
            len(found),
            tuple((kind, sum(c.kind == kind for c in found)) for kind in ("direct", "mixed", "indirect")),
            tuple(found[:examples]),
        )
        for cause, found in wrong.items()
    )


def format_causes(rows: Iterable[CauseErrors]) -> str:
    """A plain-text table (cause, wrong names, direct/mixed/indirect), a legend, then examples."""
    rows = list(rows)
    total = sum(r.wrong for r in rows)
    lines = [f"{'cause':22}{'wrong':>7}{'share':>8}{'direct':>8}{'mixed':>7}{'indirect':>10}"]
    for row in rows:
        kinds = dict(row.by_kind)
        share = f"{row.wrong / total:.2f}" if total else "-"
        lines.append(
            f"{row.cause:22}{row.wrong:>7}{share:>8}{kinds.get('direct', 0):>8}"
            f"{kinds.get('mixed', 0):>7}{kinds.get('indirect', 0):>10}"
        )
    lines.append(f"{'all':22}{total:>7}")
    lines += ["", *(f"  {cause}: {CAUSE_HELP[cause]}" for cause in CAUSES)]
    for row in rows:
        if row.examples:
            lines += ["", f"{row.cause}:"]
            for case in row.examples:
                predicted = f" (mention {case.predicted_mention!r})" if case.predicted_mention else ""
                lines.append(
                    f"  [{case.kind}] {case.article_id}: {case.mention!r} gold={case.gold_name!r} "
                    f"predicted={case.predicted_name!r}{predicted}"
                )
    return "\n".join(lines)


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
