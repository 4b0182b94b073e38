"""Quotation paragraphs with no attribution of their own: they continue the previous
quotation's speaker (continuation), are spoken by the person named just before them
(previous-sentence), or stand with no speaker (unattributed)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from quotes.attribution.adjacency import MAX_NAME_LINE_WORDS
from quotes.attribution.candidate import Candidate, QuoteGroup
from quotes.attribution.context import ArticleContext
from quotes.text import inner_span, word_count

RULE_IDS = ("continuation", "previous-sentence", "unattributed")
MIN_UNATTRIBUTED_WORDS = 8
MIN_QUOTATION_WORDS = 3
PERSON_LOOKBACK_CHARS = 400


def orphan_candidates(
    context: ArticleContext, claimed: set[int], found: list[Candidate]
) -> Iterator[Candidate]:
    """A candidate for each unclaimed quotation paragraph; ``found`` are the candidates so far."""
    by_group = {g: c for c in found for g in c.quote_groups}
    text = context.text
    for group in context.groups:
        if group.index in claimed:
            continue
        words = word_count(text, *inner_span(text, group.start, group.end))
        if words < MIN_QUOTATION_WORDS or group.pieces[0].single:
            continue  # scare quotes, titles and single-quoted phrases
        paragraph_start = context.paragraph_start(group.start)
        opens_paragraph = paragraph_start == group.start or not text[paragraph_start : group.start].strip()
        if not opens_paragraph:
            continue
        candidate = _orphan(context, group, by_group, words)
        if candidate is not None:
            by_group[group.index] = candidate
            yield candidate


def _orphan(
    context: ArticleContext, group: QuoteGroup, by_group: dict[int, Candidate], words: int
) -> Candidate | None:
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
    if (named := _person_before(context, group)) is not None:
        candidate = context.quoted_candidate(group, named.head, "speech", "previous-sentence", named)
        candidate.quote_groups, candidate.cue, candidate.cue_lemma = [group.index], [], ""
        return candidate
    if words >= MIN_UNATTRIBUTED_WORDS:
        return Candidate(
            group.spans(), "direct", [], "", "speech", "unattributed", quote_groups=[group.index]
        )
    return None


def _words_after(context: ArticleContext, group: QuoteGroup) -> bool:
    """Whether words follow the quotation in its paragraph (its own attribution, usually)."""
    return word_count(context.text, group.end, context.paragraph_end(group.end)) > 0


def _person_before(context: ArticleContext, group: QuoteGroup) -> Token | None:
    """The named person who is the subject of the sentence just before a quotation paragraph
    (``Coach Dana Miles was asked about the loss.``), if that sentence has no quotation of its own."""
    paragraph_start = context.paragraph_start(group.start)
    tokens = [
        t
        for t in context.tokens_between(max(0, paragraph_start - PERSON_LOOKBACK_CHARS), paragraph_start)
        if not t.is_space
    ]
    if not tokens:
        return None
    sentence = tokens[-1].sent
    if any(context.quoted.contains(t.idx) for t in sentence):
        return None
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    if 0 < len(words) <= MAX_NAME_LINE_WORDS and all(
        t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in words
    ):
        return words[-1]  # a line holding only a name, as in lists of reactions
    subject = next((t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return None
    return subject


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
