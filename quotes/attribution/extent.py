"""Where a reported clause ends when the parse cuts it short.

``He said the U.S. needs to secure the border, but that he would not support mass deportation``:
the parser often hangs the second clause on the cue verb (``said``), not on the first clause, so
the subtree of the reported clause stops at the comma. PolNeAR annotates both clauses as one
content. A clause coordinated with the cue verb right after the content, with a subject or a
``that`` of its own and no cue of its own, is part of what was reported; a bare verb phrase
(``said X and left``) is the speaker's next act, and a cue (``said X and added that Y``) reports
on its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import SUBJECT_DEPS, subtree_span
from quotes.text import trim_clause

JOINERS = frozenset({",", ";", "but", "yet", "while", "though", "although", "-", "--", "—", "–"})
OWN_CLAUSE_DEPS = (*SUBJECT_DEPS, "expl", "mark")


def extend_coordinated(context: ArticleContext, candidate: Candidate) -> None:
    """Extend a cue-clause candidate's last piece over clauses coordinated with its cue verb."""
    verb = candidate.cue_token
    if candidate.rule != "cue-clause" or verb is None or len(candidate.content) != 1:
        return
    start, end = candidate.content[0]
    if verb.idx >= start:
        return  # "..., X said": the content comes first
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.idx >= end):
        if not _reported_clause(context, conj) or not _joined(context, end, conj):
            break
        end = max(end, trim_clause(context.text, *subtree_span(conj))[1])
    if end > candidate.content[0][1]:
        candidate.content = [(start, end)]


def _reported_clause(context: ArticleContext, conj: Token) -> bool:
    """A clause of its own (a subject or ``that``) and no cue verb of its own."""
    if conj.pos_ not in VERBAL or context.cue_verb(conj) is not None:
        return False
    return any(c.dep_ in OWN_CLAUSE_DEPS for c in conj.children)


def _joined(context: ArticleContext, end: int, conj: Token) -> bool:
    """Only punctuation and conjunctions stand between the content's end and the clause."""
    between = context.tokens_between(end, conj.left_edge.idx)
    return all(t.lower_ in JOINERS or t.is_space or t.is_quote for t in between)
