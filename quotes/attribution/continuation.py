"""Quotation paragraphs with no attribution of their own: they continue the previous
quotation's speaker (continuation) or stand with no speaker (unattributed).

(A ``previous-sentence`` rule once gave such a paragraph to the person named in the sentence
before it; on polnear-train its speaker was right 4 times of 22, so it was folded into
``unattributed``.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from quotes.attribution.candidate import Candidate, QuoteGroup
from quotes.attribution.context import ArticleContext
from quotes.text.spans import has_word, inner_span, word_count

RULE_IDS = ("continuation", "unattributed")
MIN_UNATTRIBUTED_WORDS = 8
MIN_QUOTATION_WORDS = 3
MAX_SIGNATURE_WORDS = 5
_SIGNATURE = re.compile(r"\s*\n[ \t]*[-—–―]+[ \t]*([^,.\n]+)")


def orphan_candidates(
    context: ArticleContext, claimed: set[int], found: list[Candidate]
) -> Iterator[Candidate]:
    """A candidate for each unclaimed quotation paragraph; ``found`` are the candidates so far."""
    by_group = {g: c for c in found for g in c.quote_groups}
    text = context.text
    turns = [span for c in found if c.rule == "transcript-line" for span in c.content]
    for group in context.groups:
        if group.index in claimed or any(s < group.end and group.start < e for s, e in turns):
            continue  # (a transcript's turns are quotations of their own)
        words = word_count(text, *inner_span(text, group.start, group.end))
        if words < MIN_QUOTATION_WORDS or group.pieces[0].single:
            continue  # scare quotes, titles and single-quoted phrases
        paragraph_start = context.paragraph_start(group.start)
        opens_paragraph = paragraph_start == group.start or not context.has_text(paragraph_start, group.start)
        if not opens_paragraph:
            continue
        candidate = _orphan(context, group, by_group, words)
        if candidate is not None:
            by_group[group.index] = candidate
            yield candidate


def _orphan(
    context: ArticleContext, group: QuoteGroup, by_group: dict[int, Candidate], words: int
) -> Candidate | None:
    signed = _signature_line(context, group)
    if signed is not None:
        return signed
    previous = _previous_quotation(context, group, by_group)
    if _words_after(context, group):
        previous = None  # '"...," Bennett shot back': the paragraph names its own speaker
    if previous is not None:
        return replace(
            previous,
            content=group.spans(),
            quote_groups=[group.index],
            rule="continuation",
            kind="direct",
            inherited=True,
        )
    if words >= MIN_UNATTRIBUTED_WORDS:
        return Candidate(
            group.spans(), "direct", [], "", "speech", "unattributed", quote_groups=[group.index]
        )
    return None


def _signature_line(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """A quotation paragraph signed on the next line after a dash (``"..."`` / ``- Sanders.``,
    ``-Michelle Marks, Philadelphia.``): the name up to the first comma or full stop."""
    text = context.text
    end = context.paragraph_end(group.end)
    if context.has_text(group.end, end):
        return None
    line = _SIGNATURE.match(text, end)
    if line is None:
        return None
    words = [t for t in context.tokens_between(*line.span(1)) if not (t.is_punct or t.is_space)]
    if not 0 < len(words) <= MAX_SIGNATURE_WORDS or not all(t.pos_ == "PROPN" for t in words):
        return None
    candidate = context.quoted_candidate(group, words[-1], "speech", "dash-quote", words[-1])
    candidate.speaker = (max(words[0].idx, line.start(1)), words[-1].idx + len(words[-1].text))
    candidate.cue, candidate.cue_lemma = [], ""
    candidate.quote_groups = [group.index]
    return candidate


def _words_after(context: ArticleContext, group: QuoteGroup) -> bool:
    """Whether words follow the quotation in its paragraph (its own attribution, usually)."""
    return has_word(context.text, group.end, context.paragraph_end(group.end))


def _previous_quotation(
    context: ArticleContext, group: QuoteGroup, by_group: dict[int, Candidate]
) -> Candidate | None:
    """The quotation that ends in the paragraph just before this group, if any."""
    text = context.text
    previous_paragraph_end = context.paragraph_start(group.start) - 1
    if previous_paragraph_end <= 0:
        return None
    previous_start = context.paragraph_start(previous_paragraph_end - 1)
    while previous_start > 0 and not text[previous_start:previous_paragraph_end].strip():
        previous_paragraph_end = previous_start - 1
        previous_start = context.paragraph_start(max(0, previous_paragraph_end - 1))
    for other in reversed(context.groups[: group.index]):
        if other.end < previous_start:
            break
        candidate = by_group.get(other.index)
        if candidate is not None and candidate.kind == "direct" and candidate.speaker is not None:
            return candidate
    return None
