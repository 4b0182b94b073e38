"""What a poll, a record or a video shows, finds or reveals: ``A new poll shows Clinton with a
narrow lead``, ``the survey found 90 percent support`` (evidence-object).

``show`` with a clause is a cue-clause (``the poll shows that ...``); with a noun phrase it is a
finding only when its subject is a finding's vehicle (``rules/cues.yaml`` ``evidence_subjects``
and the words below): PolNeAR annotates the object with what follows it in the clause
(``Clinton with a narrow lead``) as the content, the subject as the source. ``Trump showed his
temper`` is not one. On polnear-train 36 of 55 are annotated (show 26 of 42).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext

RULE_IDS = ("evidence-object",)
SHOW_LEMMAS = ("show", "find", "reveal")
# vehicles of a finding beyond the lexicon's evidence subjects: "the video shows", "filings show"
EXTRA_SUBJECTS = ("polling", "video", "footage", "image", "photo", "picture", "filing", "email", "result")
OBJECT_DEPS = ("dobj",)
# what may follow the object inside the finding: "shows Clinton with a lead", "showed him leading"
TAIL_DEPS = ("prep", "oprd", "xcomp", "advcl", "ccomp", "npadvmod")


def evidence_objects(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each ``show``/``find``/``reveal`` with an object and a finding's vehicle."""
    return context.verb_candidates(SHOW_LEMMAS, _finding)


def _finding(context: ArticleContext, verb: Token) -> Candidate | None:
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "the poll shows that ...": the cue-clause rule's
    source = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if source is None or not _is_vehicle(context, source):
        return None
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i), None)
    if obj is None:
        return None
    tokens = list(obj.subtree)
    for child in verb.children:
        if child.i > obj.i and child.dep_ in TAIL_DEPS:
            tokens.extend(child.subtree)
    pieces = context.runs(tokens)
    if not pieces or context.words_in(pieces) < 2:
        return None
    return context.candidate(pieces[:1], verb, "evidence", "evidence-object", source)


def _is_vehicle(context: ArticleContext, source: Token) -> bool:
    lemma = source.lemma_.lower()
    return lemma in context.rules.evidence_subjects or lemma in EXTRA_SUBJECTS


CUE_FINDERS = (evidence_objects,)
