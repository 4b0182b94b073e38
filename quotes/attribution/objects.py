"""What a cue verb's object says: a message (``X criticized the plan``, ``called for a
recount``) or a short answer (``75 percent said yes``); the cue-object rule's content."""

from __future__ import annotations

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import is_message_prep, prepositional_object, source_of, subtree_span
from quotes.records import Span
from quotes.rules.cues import AttributionWords
from quotes.text.spans import trim_clause

ANSWER_DEPS = ("dobj", "intj", "advmod")
ANSWER_PREPS = ("of", "to", "about")  # "said the same of Cruz", "said no to the war"
OBJECT_TAIL_SKIP = ("conj", "cc", "advcl", "npadvmod", "punct", "advmod")


def message_object(context: ArticleContext, verb: Token) -> tuple[Span | None, Token | None]:
    """The object phrases after a verb that takes its message as object (``criticized the
    plan``, ``called for a recount``): their span and first head, or (None, None)."""
    words = context.words
    objects = [
        c
        for c in verb.children
        if c.i > verb.i
        and (
            c.dep_ in ("dobj", "xcomp", "oprd", "dative") or (c.dep_ == "prep" and is_message_prep(c, words))
        )
    ]
    lemma = verb.lemma_.lower()
    if any(pair.split()[0] == lemma for pair in words.topic_verbs):  # "spoke about X", not "spoke Spanish"
        objects = [c for c in objects if c.dep_ == "prep" and f"{lemma} {c.lower_}" in words.topic_verbs]
    if not any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in words.topic_prepositions) for c in objects
    ):
        return None, None
    if not _is_message(verb, objects, words):
        return None, None
    spans = [subtree_span(c) for c in objects]
    if objects[0].dep_ == "prep" and (pobj := prepositional_object(objects[0])) is not None:
        spans[0] = subtree_span(pobj)  # "talked about immigration": the topic, not "about"
    # "stressed defense issues with X": the rest of the verb phrase, but not a coordinated verb,
    # an adverbial clause, a time or place phrase or a circumstance ("after the event", "from the
    # Senate floor"; cues.yaml words.circumstance_prepositions; measured on polnear-train)
    tail = [
        c
        for c in verb.children
        if c.i > objects[0].i
        and c.dep_ not in OBJECT_TAIL_SKIP
        and not _names_place_or_time(c, words)
        and not (c.dep_ == "prep" and c.lower_ in words.circumstance_prepositions)
    ]
    spans += [subtree_span(c) for c in tail]
    return (min(s for s, _ in spans), max(e for _, e in spans)), objects[0]


def _names_place_or_time(token: Token, words: AttributionWords) -> bool:
    """``on Thursday``, ``in Ohio``: a phrase whose head (or object) is a place or a time."""
    head = prepositional_object(token) if token.dep_ == "prep" else token
    return head is not None and head.ent_type_ in words.place_time_entities


def _is_message(verb: Token, objects: list[Token], words: AttributionWords) -> bool:
    """Whether the object can be what was said: not an amount or a date (``raised $2 million``),
    not ``on condition of anonymity``, and for ``see`` only a view (``sees him as a threat``)."""
    head = objects[0]
    if head.dep_ == "prep" and (pobj := prepositional_object(head)) is not None:
        head = pobj
    if head.ent_type_ in words.non_message_entities or head.lemma_.lower() in words.non_message_heads:
        return False
    if verb.lemma_.lower() in words.as_object_lemmas:
        return any(t.lower_ == "as" and t.dep_ == "prep" for c in objects for t in c.subtree) or any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
        )
    return True


def short_answer(context: ArticleContext, verb: Token, lemma: str) -> Candidate | None:
    """``75 percent said yes``, ``half said so``, ``a third said the same of Cruz``: an answer
    word after a speech verb is its message (``cues.yaml: words.answer_words``; the object, as
    PolNeAR annotates it, with a phrase such as ``of Cruz`` or ``to the war`` right after it)."""
    if context.verb(lemma).cue_class != "speech":
        return None
    answers = context.words.answer_words
    answer = next((c for c in verb.rights if c.dep_ in ANSWER_DEPS and c.lower_ in answers), None)
    if answer is None:
        return None
    end = answer.right_edge
    after = context.doc[end.i + 1] if end.i + 1 < len(context.doc) else None
    if after is not None and after.dep_ == "prep" and after.head is verb and after.lower_ in ANSWER_PREPS:
        end = after.right_edge
    content = trim_clause(context.text, answer.left_edge.idx, end.idx + len(end.text))
    return context.candidate([content], verb, "speech", "cue-object", source_of(verb))
