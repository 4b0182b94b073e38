"""``X referred to the two resorts``, ``..., he said, referring to Mr. Trump``: what X referred to
is X's (cue-refer).

``refer`` takes its message through ``to`` only, which the cue-object rule does not read as a
topic (``spoke to reporters`` is not one); PolNeAR annotates the object of ``to`` as the content
and the subject as the source. On polnear-train 43 of 69 are annotated.

The participle after a quotation (``"We need Chapter 9," said Ms. Acosta, referring to the
bankruptcy chapter``, ``..., referring to a survey``) is the reporter's gloss on what the words
meant, not something the speaker said: no quotation (PolNeAR annotates it 30 times of 49 on
polnear-train; cutting it costs end-to-end F1 .0003 there, and it is no one's words elsewhere).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import prepositional_object, subject

RULE_IDS = ("cue-refer",)
REFER_LEMMAS = ("refer",)
REFER_PREPOSITION = "to"


def refer_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each ``refer to`` with an object."""
    for verb in context.reporter_verbs(REFER_LEMMAS):
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue  # "the plan, referred to as ...": a name, not a message
        if _is_gloss(verb):
            continue  # '"...," he said, referring to the survey': the reporter's gloss
        if any(c.dep_ in ("dobj", "dative") for c in verb.children):
            continue  # "refer the matter to the court", "refer us to the press releases": a referral
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == REFER_PREPOSITION), None)
        pobj = prepositional_object(prep) if prep is not None and prep.i > verb.i else None
        if pobj is None:
            continue
        tokens = list(pobj.subtree)  # "referred to Rubio as 'a bright man'": the name given, too
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as" and child.i > pobj.i:
                tokens = [verb.doc[i] for i in range(pobj.left_edge.i, child.right_edge.i + 1)]
        pieces = context.runs([t for t in tokens if not t.is_space])
        if pieces and context.words_in(pieces) >= 1:
            yield context.candidate(pieces[:1], verb, "speech", "cue-refer", subject(verb))


def _is_gloss(verb: Token) -> bool:
    """``..., referring to X``: a participle with no auxiliary (not ``was referring to``)."""
    return verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


CUE_FINDERS = (refer_cues,)
