"""Passive cue verbs: ``Obama is expected to join Clinton on the trail`` and ``Pence was asked
about the comment`` (cue-passive).

A cue verb that takes an infinitive (``rules/cues.yaml``: ``takes: [xcomp]``), in the passive
with an infinitive, reports what is expected or asked of its subject: PolNeAR annotates the
subject and the infinitive as the content (``Obama`` + ``to join Clinton ...``), with the agent
as the source when there is one (``is expected by analysts to ...``) and none otherwise. A speech
verb in the passive with a topic (``was asked about the comment``) reports the topic.
On polnear-train ``is expected to`` is annotated 71 times of 82, ``was asked about`` 10 of 12;
the verbs the lexicon does not hold (``allowed to``, ``forced to``) are mostly not.

A speech verb in the passive with no agent names no one who spoke: ``Anyone with information is
asked to call police``, ``Residents are being encouraged to stay indoors``, ``was asked about the
comment`` (the reporter's question): no quotation (polnear-dev and train-named annotate 2 of 4,
a speech-only annotation none). ``is expected to`` (a belief, not speech) stays.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import prepositional_object

RULE_IDS = ("cue-passive",)
PASSIVE_TOPIC_PREPOSITIONS = ("about",)  # "was asked about ...", not "was told of" (few)
# of the cognition verbs with an infinitive, only the passive of "expect" reports an expectation
# (polnear-train: 60 of 81; "was intended to" 2 of 6, "is wanted to" a misparse of "has wanted")
PASSIVE_COGNITION_LEMMAS = ("expect",)


def passive_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each cue verb in the passive with an infinitive or a topic."""
    for word in context.reporter_words:
        if word.pos not in VERBAL or not any(c.dep_ == "auxpass" for c in word.token.children):
            continue
        lemma = context.cue_verb(word.token)
        if lemma is None:
            continue
        candidate = _passive(context, word.token, lemma)
        if candidate is not None:
            yield candidate


def _passive(context: ArticleContext, verb: Token, lemma: str) -> Candidate | None:
    cue = context.verb(lemma)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if verb.dep_ == "relcl":
        return None  # "a nominee who is expected to be moderate": the relative clause describes
    if source is None and cue.cue_class == "speech":
        return None  # "Anyone with information is asked to call police", "was asked about it"
    if "xcomp" in cue.takes and (cue.cue_class == "speech" or lemma in PASSIVE_COGNITION_LEMMAS):
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in VERBAL), None)
        if complement is not None:
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            tokens = list(complement.subtree) + (list(subject.subtree) if subject is not None else [])
            return _candidate(context, tokens, verb, cue.cue_class, source)
    if cue.cue_class == "speech":
        topic = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in PASSIVE_TOPIC_PREPOSITIONS), None
        )
        pobj = prepositional_object(topic) if topic is not None else None
        if pobj is not None:
            return _candidate(context, list(pobj.subtree), verb, cue.cue_class, source)
    return None


def _candidate(
    context: ArticleContext, tokens: list[Token], verb: Token, cue_class: str, source: Token | None
) -> Candidate | None:
    while tokens and max(tokens, key=lambda t: t.i).is_punct:
        tokens.remove(max(tokens, key=lambda t: t.i))
    pieces = context.runs(tokens)
    if not pieces or context.words_in(pieces) < 2:
        return None
    return context.candidate(pieces, verb, cue_class, "cue-passive", source)


CUE_FINDERS = (passive_cues,)
