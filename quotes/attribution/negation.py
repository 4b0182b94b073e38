"""Negated reports: ``The president has not said he would veto the bill``, ``X declined to say
whether ...``, ``X never mentioned Y`` (``X declined to comment`` says nothing at all and is no
quotation: ``cue_verbs.py``, ``cues.yaml: words.speech_act_verbs``).

Such a report says what its source did *not* say. PolNeAR annotates it as an attribution (the
negation in its cue: ``did not say``, ``declined``; on polnear-train 118 of 179 negated cues we
find are annotated), so it stays a quotation for evaluation and export; but it is no one's
words: the quotation is marked ``negated``, its cue reads with its negation (``has not said``),
and the report and ``quotes speakers`` give it to no speaker.

A cue is negated when it, or the verb whose infinitive it is (``did not want to say``), has a
negation (``not``, ``n't``, ``never``), or when it is the infinitive of a refusal
(``declined to say whether ...``: ``cues.yaml: words.refusal_verbs``), or is itself a refusal
whose infinitive is a speech verb (``refused to say``; not ``refused to fight``, an
intention).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from quotes.records import Span

NEGATION_DEP = "neg"
GOVERNED_DEPS = ("xcomp", "acomp")  # "did not want to say", "is not sure that"
CUE_PREFIX_DEPS = ("aux", "auxpass", "neg")


def negating_verb(
    cue: Token, refusals: frozenset[str], is_speech: Callable[[Token], bool]
) -> Token | None:
    """The verb whose negation or refusal negates ``cue`` (``cue`` itself, or the verb it is the
    infinitive of), or None when the report is not negated."""
    if cue.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if _negated(cue):
        return cue
    if cue.lemma_.lower() in refusals and any(
        c.dep_ == "xcomp" and is_speech(c) for c in cue.children
    ):
        return cue  # "refused to say", "declined to discuss the plan"
    head = cue.head
    if cue.dep_ not in GOVERNED_DEPS or head is cue:
        return None
    if _negated(head) or (cue.dep_ == "xcomp" and head.lemma_.lower() in refusals):
        return head  # "did not want to say", "declined to say whether ..."
    return None


def negated_cue_span(verb: Token, cue: Token) -> Span:
    """The cue as written with its negation: from the first auxiliary or negation before
    ``verb`` (``has not said``, ``did not want to say``, ``declined to say``) to ``cue``."""
    first = verb
    for child in sorted(verb.lefts, key=lambda t: -t.i):
        if child.dep_ not in CUE_PREFIX_DEPS or child.i != first.i - 1:
            break
        first = child
    last = max(cue, verb, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == NEGATION_DEP for c in verb.children)
