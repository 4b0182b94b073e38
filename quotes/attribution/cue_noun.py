"""Cue nouns with a clause: ``Trump's claim that ...``, ``a report that ...``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import subject, token_span
from quotes.rules.cues import AttributionWords

RULE_IDS = ("cue-noun",)
AGENT_PREPOSITIONS = ("by", "from")  # "the suggestion by X", "complaints from X"


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
    source = (
        next((c for c in noun.children if c.dep_ == "poss"), None)
        or _holder(noun, context.words)
        or _name_before_misread_verb(context, noun)
    )
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


def _holder(noun: Token, words: AttributionWords) -> Token | None:
    """Who holds a cue noun with no possessor: ``the suggestion by X``, ``criticism from X``, or the
    subject of the verb it belongs to (``X repeated accusations that ...``, ``X said in a statement
    that ...``), unless that verb answers or provokes the claim (``X faced accusations that ...``)."""
    agent = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPOSITIONS), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.pos_ in ("ADV", "ADJ") and head.dep_ == "advmod":
            head = head.head  # "X veered close to an admission that ..."
    if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
        return None if head.lemma_.lower() in words.reaction_verbs else subject(head)
    return None


def _name_before_misread_verb(context: ArticleContext, noun: Token) -> Token | None:
    """``Trump charges that ...``: a cue verb the parser read as a plural noun; the name written
    right before it speaks."""
    if noun.tag_ != "NNS" or noun.lower_ not in context.rules.verb_forms or noun.i == 0:
        return None
    name = noun.doc[noun.i - 1]
    named = name.ent_type_ in ("PERSON", "ORG", "NORP") or name.pos_ == "PROPN"
    misread = name.is_title and (name.head == noun or noun.head == name)  # ("Trump", a common noun too)
    return name if named or misread else None


CUE_FINDERS = (noun_cues,)
