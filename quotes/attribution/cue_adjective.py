"""Stance adjectives and evidential verbs: ``X is confident that ...``, ``X is skeptical of ...``
(cue-adjective) and ``Sanders appears to be spending more`` (cue-evidential, no source)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import is_message_prep, subject

RULE_IDS = ("cue-adjective", "cue-evidential")
EVIDENTIAL_COMPLEMENTS = ("xcomp", "acomp", "attr", "ccomp", "oprd")  # not "appeared on Fox News"


def adjective_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each stance adjective after a copula with a clause or object."""
    adjectives = context.rules.adjectives
    for word in context.reporter_words:
        if word.pos == "ADJ" and word.lemma in adjectives and word.token.dep_ == "acomp":
            candidate = _adjective_cue(context, word.token)
            if candidate is not None:
                yield candidate


def evidential_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each evidential verb (not also a cue verb) with a complement."""
    evidentials = context.rules.evidentials
    for word in context.reporter_words:
        if word.pos in VERBAL and word.lemma in evidentials and context.cue_verb(word.token) is None:
            candidate = _evidential(context, word.token)
            if candidate is not None:
                yield candidate


def _adjective_cue(context: ArticleContext, adjective: Token) -> Candidate | None:
    copula = adjective.head
    content_head = next(
        (
            c
            for c in [*adjective.children, *(c for c in copula.children if c.i > adjective.i)]
            if c.dep_ == "ccomp"  # not "ready to ..." (an infinitive: 16 of 38 annotated on train)
            or (c.dep_ == "prep" and c.head is adjective and is_message_prep(c, context.words))
        ),
        None,
    )
    if content_head is None:
        return None
    content = context.clause_content(content_head, min_words=2)
    if content is None:
        return None
    source = subject(copula)
    if source is not None and source.lower_ in context.words.impersonal_subjects:
        source = None  # "it is clear that ...": no source
    candidate = context.candidate(
        [content], adjective, context.rules.adjectives[adjective.lemma_.lower()], "cue-adjective", source
    )
    candidate.cue = [context.cue_span(copula), context.cue_span(adjective)]
    return candidate


def _evidential(context: ArticleContext, verb: Token) -> Candidate | None:
    """Subject and complement of an evidential verb, with no source."""
    source = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    complement = next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and (c.dep_ in EVIDENTIAL_COMPLEMENTS or (c.dep_ == "prep" and c.lower_ == "like"))
        ),
        None,
    )
    if complement is None or any(c.dep_ == "neg" for c in verb.children):
        return None  # "X did not seem worried": annotated 4 times of 14 on polnear-train
    tokens = list(complement.subtree) + (list(source.subtree) if source is not None else [])
    pieces = context.runs(tokens)
    if not pieces or context.words_in(pieces) < 2:
        return None
    candidate = context.candidate(pieces, verb, "evidence", "cue-evidential", None)
    candidate.cue_lemma = verb.lemma_.lower()
    return candidate


CUE_FINDERS = (
    adjective_cues,
    evidential_cues,
)
