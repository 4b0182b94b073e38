"""Where a reported clause ends when the parse cuts it short.

``He said the U.S. needs to secure the border, but that he would not support mass deportation``:
the parser often hangs the second clause on the cue verb (``said``), not on the first clause, so
the subtree of the reported clause stops at the comma. PolNeAR annotates both clauses as one
content. A clause coordinated with the cue verb right after the content, with a subject or a
``that`` of its own and no cue of its own, is part of what was reported; a bare verb phrase
(``said X and left``) is the speaker's next act, and a cue (``said X and added that Y``) reports
on its own. So is a contrast or reason hung on the cue verb the same way (``said that 449
insiders back Clinton, while only 19 support Sanders``; ``, although ...``, ``, because ...``):
on polnear-train this turned 8 cut-short contents into matches for 2 new false positives.

The other way, :func:`without_trailer` cuts a content where a relative clause, an apposition or
a contrast clause hung on the content itself closes it (``..., which would give ...``, ``...,
while Clinton praised it``): there the annotated content stops at the comma.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import SUBJECT_DEPS, subtree_span
from quotes.records import Span
from quotes.rules.cues import AttributionWords
from quotes.text.spans import trim_clause

JOINERS = frozenset({",", ";", "but", "yet", "while", "though", "although", "-", "--", "—", "–"})
REASON_MARKS = frozenset({"because"})  # with cues.yaml words.contrast_conjunctions
OWN_CLAUSE_DEPS = (*SUBJECT_DEPS, "expl", "mark")
TRAILER_MARKS = (",", "—", "–", "-", "--")
TRAILER_DEPS = ("relcl", "appos")


def extend_coordinated(context: ArticleContext, candidate: Candidate) -> None:
    """Extend a cue-clause candidate's last piece over clauses coordinated with its cue verb and
    contrast or reason clauses hung on it."""
    verb = candidate.cue_token
    if candidate.rule != "cue-clause" or verb is None or len(candidate.content) != 1:
        return
    start, end = candidate.content[0]
    if verb.idx >= start:
        return  # "..., X said": the content comes first
    for child in (c for c in verb.children if c.idx >= end and c.dep_ in ("conj", "advcl")):
        if child.dep_ == "conj" and not _reported_clause(context, child):
            break
        if child.dep_ == "advcl" and not _contrast_clause(context, child):
            break
        if not _joined(context, end, child):
            break
        end = max(end, trim_clause(context.text, *subtree_span(child))[1])
    if end > candidate.content[0][1]:
        candidate.content = [(start, end)]


def _reported_clause(context: ArticleContext, conj: Token) -> bool:
    """A clause of its own (a subject or ``that``) and no cue verb of its own."""
    if conj.pos_ not in VERBAL or context.cue_verb(conj) is not None:
        return False
    return any(c.dep_ in OWN_CLAUSE_DEPS for c in conj.children)


def _contrast_clause(context: ArticleContext, clause: Token) -> bool:
    """An adverbial clause opened by a contrast or reason (``, while ...``) with no cue verb."""
    if clause.pos_ not in VERBAL or context.cue_verb(clause) is not None:
        return False
    first = clause.left_edge
    opens = first.lower_ in context.words.contrast_conjunctions or first.lower_ in REASON_MARKS
    return opens and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _joined(context: ArticleContext, end: int, conj: Token) -> bool:
    """Only punctuation and conjunctions stand between the content's end and the clause."""
    between = context.tokens_between(end, conj.left_edge.idx)
    return all(t.lower_ in JOINERS or t.is_space or t.is_quote for t in between)


def without_trailer(context: ArticleContext, content: Span) -> Span:
    """The content without a non-restrictive relative clause, apposition or contrast clause that
    closes it (``... at such legislation, which would give ...``, ``... Bush, the former governor``,
    ``..., while Clinton ...``): learned from polnear-train, where the annotated content stops at
    the comma."""
    tokens = context.tokens_between(*content)
    if len(tokens) < 4:
        return content
    last = tokens[-1]
    while last.is_punct and last.i > tokens[0].i:
        last = context.doc[last.i - 1]
    for mark in tokens[2:-1]:
        if mark.text not in TRAILER_MARKS or context.quoted.contains(mark.idx):
            continue
        first = context.doc[mark.i + 1]
        phrase = first  # the largest phrase that starts right after the mark
        while phrase.head.i != phrase.i and phrase.head.left_edge.i == first.i and phrase.head.i >= first.i:
            phrase = phrase.head
        trailer = phrase.dep_ in TRAILER_DEPS or _is_contrast(phrase, context.words)
        if trailer and phrase.right_edge.i >= last.i and phrase.left_edge.i == first.i:
            return trim_clause(context.text, content[0], mark.idx)
    return content


def _is_contrast(phrase: Token, words: AttributionWords) -> bool:
    """``..., while Clinton condemned it``: an adverbial clause opened by a contrast conjunction
    (``cues.yaml: words.contrast_conjunctions``), the writer's addition to the report."""
    return phrase.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words.contrast_conjunctions for c in phrase.children
    )
