"""``As Purple PAC's Crane said, the two standard-bearers have become ...``: a cue verb in an
``as`` clause attributes the clause it modifies (cue-as).

The cue has no content of its own (``as X said`` stands for what follows or precedes); the
modified clause, without the ``as`` clause, is X's statement.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import subject

RULE_IDS = ("cue-as",)
MIN_CONTENT_WORDS = 3
OWN_CONTENT_DEPS = ("ccomp", "dobj", "xcomp")
SET_OFF_MARKS = frozenset({",", "-", "--", "—", "–"})
ASPECT_LEMMAS = ("begin", "start", "continue", "finish")  # "as the race began": time, not a source


def as_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each ``as X said`` clause outside quotations that modifies a clause."""
    for word in context.reporter_words:
        token = word.token
        if word.pos not in VERBAL or token.dep_ != "advcl":
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
            continue
        lemma = context.cue_verb(token)
        if lemma is None or "ccomp" not in context.verb(lemma).takes:
            continue
        candidate = _as_cue(context, token, lemma)
        if candidate is not None:
            yield candidate


def _as_cue(context: ArticleContext, verb: Token, lemma: str) -> Candidate | None:
    if any(c.dep_ in OWN_CONTENT_DEPS for c in verb.children) or lemma in ASPECT_LEMMAS:
        return None  # "as he said that ...", "as she described the plan": content of its own
    source = subject(verb)
    if source is None or (verb.i > verb.head.i and not _set_off(verb)):
        return None
    pieces = context.host_clause(verb, MIN_CONTENT_WORDS)
    if not pieces:
        return None
    return context.candidate(pieces, verb, context.verb(lemma).cue_class, "cue-as", source)


def _set_off(verb: Token) -> bool:
    """``..., as X said.``: an ``as`` clause after its host attributes it only when a comma or dash
    sets it off; ``Democrats laughed as X teased Y`` and ``not as much as many had hoped`` are
    time and comparison (polnear-train: 9 of 38 after their host right, 28 of 43 before it)."""
    mark = min(verb.subtree, key=lambda t: t.i)
    before = verb.doc[mark.i - 1] if mark.i > 0 else None
    return before is not None and before.text in SET_OFF_MARKS and mark.lower_ == "as"


CUE_FINDERS = (as_cues,)
