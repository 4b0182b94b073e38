"""``According to X, ...``: the clause the phrase modifies is X's."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext

RULE_IDS = ("according-to", "in-source")


def opens_according_to(token: Token) -> bool:
    """Whether ``token`` is the ``according`` of ``according to``."""
    return (
        token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    )


def according_to_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each ``according to X`` outside quotations that modifies a clause."""
    for word in context.reporter_words:
        if word.lower == "according" and opens_according_to(word.token):
            candidate = _according_to(context, word.token)
            if candidate is not None:
                yield candidate


def _according_to(context: ArticleContext, according: Token) -> Candidate | None:
    to = context.doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    candidate = _clause_of(context, according, to, source, "speech", "according-to")
    if candidate is not None:
        candidate.cue_lemma = "according to"
    return candidate


def _clause_of(
    context: ArticleContext, opener: Token, last: Token, source: Token, cue_class: str, rule: str
) -> Candidate | None:
    """The clause the phrase ``opener ... last`` modifies, without the phrase, as ``source``'s."""
    head = opener.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head is not head:
        head = head.head
    if head is opener or head.i in (opener.i, last.i):
        return None
    skip = {t.i for t in opener.subtree} | {last.i} | {t.i for t in last.subtree}
    pieces = context.runs([t for t in head.subtree if t.i not in skip])
    if not pieces or context.words_in(pieces) < 3:
        return None
    candidate = context.candidate(pieces, opener, cue_class, rule, source)
    candidate.cue = [(opener.idx, last.idx + len(last.text))]
    return candidate


def in_source_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each ``In a CBS News poll, CLAUSE``: a fronted ``in`` phrase whose object
    is a poll or study (``cues.yaml: words.in_sources``) attributes its clause to that source."""
    sources = context.words.in_sources
    for word in context.reporter_words:
        token = word.token
        if word.lower != "in" or token.dep_ != "prep" or token.i > token.head.i:
            continue
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        if source is None or source.lemma_.lower() not in sources:
            continue
        candidate = _clause_of(context, token, token, source, "evidence", "in-source")
        if candidate is not None:
            candidate.cue_lemma = "in"
            yield candidate


CUE_FINDERS = (according_to_cues, in_source_cues)
