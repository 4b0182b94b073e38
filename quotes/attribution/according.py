"""``According to X, ...``: the clause the phrase modifies is X's."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext

RULE_IDS = ("according-to",)


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
    head = according.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head is not head:
        head = head.head
    if head is according or head.i in (according.i, to.i):
        return None
    skip = {t.i for t in according.subtree} | {to.i} | {t.i for t in to.subtree}
    pieces = context.runs([t for t in head.subtree if t.i not in skip])
    if not pieces or context.words_in(pieces) < 3:
        return None
    candidate = context.candidate(pieces, according, "speech", "according-to", source)
    candidate.cue = [(according.idx, to.idx + len(to.text))]
    candidate.cue_lemma = "according to"
    return candidate


CUE_FINDERS = (according_to_cues,)
