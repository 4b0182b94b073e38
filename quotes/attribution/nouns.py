"""Cue nouns with a clause: ``Trump's claim that ...``, ``a report that ...``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import token_span

RULE_IDS = ("cue-noun",)


def noun_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each cue noun outside quotations with a ``that`` clause."""
    nouns = context.rules.nouns
    for word in context.reporter_words:
        if word.pos == "NOUN" and word.lemma in nouns:
            candidate = _noun_cue(context, word.token)
            if candidate is not None:
                yield candidate


def _noun_cue(context: ArticleContext, noun: Token) -> Candidate | None:
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    content = context.clause_content(clause, min_words=3)
    if content is None:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    candidate = context.candidate(
        [content], noun, context.rules.nouns[noun.lemma_.lower()], "cue-noun", source
    )
    if source is None:
        left = [
            t
            for t in noun.lefts
            if t.dep_ in ("compound", "amod", "nmod", "det") and t.pos_ in ("PROPN", "DET")
        ]
        proper = [t for t in left if t.pos_ == "PROPN"]
        if proper:
            candidate.speaker = token_span(left)
            candidate.speaker_token = proper[-1]
    return candidate


CUE_FINDERS = (noun_cues,)
