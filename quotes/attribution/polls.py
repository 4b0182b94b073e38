"""``In a CBS News poll released Monday, Clinton led Sanders 56 percent to 32 percent``: a clause
opened by ``in`` and a poll or survey is that poll's finding (PolNeAR annotates the clause with the
poll as its source).

One rule, ``in-poll``: the phrase opens the clause (its head verb comes after it) and is set off by
a comma; its object is one of the words for a poll (``POLL_WORDS``). Learned from polnear-train,
where such a clause was annotated 15 times of 20 with ``poll``; the phrase at the end of a clause
(``Trump leads in the polls``) was annotated 21 times of 76, and ``in a report``, ``in the final
analysis`` or ``in a study`` are left alone too (a report's words are often the writer's).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext

RULE_IDS = ("in-poll",)
POLL_WORDS = ("poll", "survey")
MIN_CONTENT_WORDS = 4


def in_poll_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each clause opened by ``In ... poll,``."""
    for word in context.reporter_words:
        if word.lower == "in" and word.token.dep_ == "prep":
            candidate = _in_poll(context, word.token)
            if candidate is not None:
                yield candidate


def _in_poll(context: ArticleContext, prep: Token) -> Candidate | None:
    poll = next((c for c in prep.children if c.dep_ == "pobj"), None)
    head = prep.head
    if poll is None or poll.lemma_.lower() not in POLL_WORDS or head.pos_ not in VERBAL or head.i < prep.i:
        return None
    phrase = list(prep.subtree)
    after = phrase[-1].i + 1
    if after >= len(context.doc) or context.doc[after].text != "," or not _opens_clause(prep, head):
        return None
    skip = {t.i for t in phrase} | {after}
    tokens = [t for t in head.subtree if t.i not in skip and t.i > after]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()  # the full stop closes the sentence, not the finding
    pieces = context.runs(tokens)
    if not pieces or context.words_in(pieces) < MIN_CONTENT_WORDS:
        return None
    candidate = context.candidate(pieces, prep, "evidence", "in-poll", poll)
    candidate.cue_lemma = "in"
    return candidate


def _opens_clause(prep: Token, head: Token) -> bool:
    """Whether nothing of the clause but a conjunction or an adverb comes before the phrase."""
    return all(t.i >= prep.i or t.pos_ in ("CCONJ", "ADV", "PUNCT", "SPACE") for t in head.subtree)


CUE_FINDERS = (in_poll_cues,)
