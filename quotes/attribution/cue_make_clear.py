"""``X made (it) clear (that) ...``: the clause after ``clear`` is X's (cue-make-clear).

The parser hangs ``made it clear that ...`` in many ways (``clear`` as a clausal complement, an
adjective or a modifier, the clause under ``clear``, under ``made`` or under neither), so the
rule reads the words: the content runs from the word after ``clear`` (past ``it``-less
circumstances such as ``to the judge`` or ``Monday``) to the end of ``made``'s clause, ``that``
included as PolNeAR annotates it; the source is ``made``'s subject (``signed a letter making it
clear that ...``: the signer). A passive (``were made clear``) names no source and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import subject

RULE_IDS = ("cue-make-clear",)
MAKE_LEMMAS = ("make",)
CLEAR_WORDS = ("clear",)
# dependents after "clear" that are circumstances, not the message: "to the judge", "Monday"
SKIPPED_DEPS = ("prep", "npadvmod", "advmod")
CLOSING_DEPS = ("conj", "cc")


def make_clear_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each ``make (it) clear`` with words after it."""
    return context.verb_candidates(MAKE_LEMMAS, _make_clear)


def _clear_after(verb: Token) -> Token | None:
    """``clear`` right after the verb or after ``it``, as long as the parse keeps it near the verb."""
    doc = verb.doc
    for offset in (1, 2):
        if verb.i + offset >= len(doc):
            return None
        token = doc[verb.i + offset]
        if token.lower_ in CLEAR_WORDS:
            return token if token.head in (verb, doc[verb.i + 1]) or verb in token.ancestors else None
        if token.lower_ != "it":
            return None
    return None


def _make_clear(context: ArticleContext, verb: Token) -> Candidate | None:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    clear = _clear_after(verb)
    if clear is None or (clear.dep_ == "amod" and clear.head.dep_ == "dobj"):
        return None  # "made clear progress": an adjective of the object, not a statement
    closing = [t for c in verb.children if c.dep_ in CLOSING_DEPS and c.i > clear.i for t in c.subtree]
    stop = min((t.i for t in closing), default=verb.right_edge.i + 1)
    stop = min(stop, verb.right_edge.i + 1, verb.sent.end)
    start = clear.i + 1
    while start < stop:
        token = verb.doc[start]
        if token.lower_ == "that" or token.dep_ not in SKIPPED_DEPS or token.head not in (verb, clear):
            break
        start = token.right_edge.i + 1
    tokens = [verb.doc[i] for i in range(start, stop)]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    pieces = context.runs(tokens)
    if not pieces or context.words_in(pieces) < 2:
        return None
    return context.candidate(pieces[:1], verb, "speech", "cue-make-clear", subject(verb))


CUE_FINDERS = (make_clear_cues,)
