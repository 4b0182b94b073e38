"""Cue verbs that report nothing: no quotation comes of them.

For :mod:`quotes.attribution.cue_verbs`: an imperative or a question put to the reader (``Tell us
what you think``), the reporter's own question (``Asked whether she would run, ...``), a markup
line, an infinitive naming a power (``the ability to veto bylaws``), a deferral (``said it would
comment later``), a refusal or empty act of speaking (``declined to comment``, ``did not answer
emails``), an answer withheld to an open question (``wouldn't say how many``), and a name withheld
(``spoke on condition of anonymity``).
"""

from __future__ import annotations

from spacy.tokens import Token

from quotes.attribution.context import ArticleContext
from quotes.attribution.negation import negating_verb
from quotes.attribution.syntax import SUBJECT_DEPS, is_reduced_passive, subject

MESSAGE_DEPS = ("ccomp", "dobj", "xcomp", "attr", "oprd")  # what a reported clause's verb says
FUTURE_AUXILIARIES = ("will", "would", "shall")  # "said it would comment later"
WH_TAGS = ("WDT", "WP", "WP$", "WRB")  # "how many", "which side", "who": an open question
ANONYMITY = "anonymity"  # "requested anonymity to discuss ...": a condition, not a message


def is_imperative(verb: Token) -> bool:
    """``Compare my case to that of ...``, ``Call the traffic unit at ...``, ``Thank you``: a bare
    verb opening its sentence with no subject addresses the reader or the listener; no one's
    report (the writer's own order, or a courtesy)."""
    return (
        verb.tag_ in ("VB", "VBP")
        and verb.dep_ == "ROOT"
        and all(t.is_space or t.is_punct for t in verb.doc[verb.sent.start : verb.i])
        and not any(c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass") for c in verb.children)
    )


def in_question(context: ArticleContext, verb: Token) -> bool:
    """Whether ``verb`` lies in the question of a reduced passive with no agent (``Asked whether
    she would seek a second term, the mayor said ...``), the reporter's words, in what a passive
    with no agent asks (``Anyone with information is asked to call police``), or in an open
    question left unanswered (``has not said whether he will recall the legislature``): no
    one's report."""
    current = verb
    while current.head.i != current.i:
        head = current.head
        if current.dep_ in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "conj") and is_reduced_passive(head):
            return subject(head) is None
        if current.dep_ == "xcomp" and _unsourced_passive(context, head):
            return True  # "Anyone with information is asked to call police": no one's instruction
        if current.dep_ == "ccomp" and _opens_question(current) and context.cue_verb(head) is not None:
            refusals = context.words.refusal_verbs
            if negating_verb(head, refusals, context.is_speech_verb) is not None:
                return True
        current = head
    return False


def infinitive_of_noun(verb: Token) -> bool:
    """``gives mayors the ability to veto bylaws``, ``the power to nominate judges``: an
    infinitive that modifies a noun names a power or a chance, not something said."""
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def asks_the_reader(verb: Token) -> bool:
    """``Do you think that not winning a majority had anything to do with it?``: a cue whose
    subject is ``you`` in a question outside quotation marks is the interviewer's (or the
    writer's) question to the one addressed, no one's report."""
    sentence = verb.sent
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    if last is None or last.text != "?":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in verb.children)


def _unsourced_passive(context: ArticleContext, verb: Token) -> bool:
    """A speech cue that asks for an act (``takes: [xcomp]``) in the passive with no agent (``is
    asked to``, ``were told to``; not the hearsay of ``is said to have pressed for``)."""
    lemma = context.cue_verb(verb)
    if lemma is None or context.verb(lemma).cue_class != "speech" or "xcomp" not in context.verb(lemma).takes:
        return False
    children = list(verb.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)


def is_markup(text: str, token: Token) -> bool:
    """``<tweet pic="" author=...>``: the name of a markup tag, not a verb (polnear-train: 17 false
    cue-object quotations, none right)."""
    return token.idx > 0 and text[token.idx - 1] == "<"


def defers_speech(context: ArticleContext, head: Token) -> bool:
    """``it would comment later``, ``he will not comment while ...``: a reported clause in which
    the speaker (a pronoun) only announces or withholds speech of its own to come
    (``cues.yaml: words.deferral_verbs`` with ``would``/``will``), with no message, topic or
    complement (not ``Trump has not replied to his requests``, ``it will respond to the claims``)."""
    if head.lemma_.lower() not in context.words.deferral_verbs:
        return False
    children = list(head.children)
    if not any(c.dep_ == "aux" and c.lemma_.lower() in FUTURE_AUXILIARIES for c in children):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in children):
        return False
    if any(c.dep_ == "neg" for c in children) and head.lemma_.lower() in context.words.speech_act_verbs:
        return not any(c.dep_ in MESSAGE_DEPS for c in children)  # "would not comment on the case"
    topics = context.words.message_prepositions  # "respond to the claims", not "in due course"
    return not any(c.dep_ in MESSAGE_DEPS or (c.dep_ == "prep" and c.lower_ in topics) for c in children)


def withholds_answer(context: ArticleContext, verb: Token, head: Token) -> bool:
    """``The mayor has not said whether she will run again``, ``would not say how many members
    voted``, ``refused to say when the plant would reopen``: a negated or refused report of an
    open question (a clause opened by ``whether``, ``if`` or a wh-word) says only that nothing
    was said (polnear-dev and train-named annotate 3 of 6; a speech-only annotation none).
    ``has not said he would veto the bill`` keeps its claim, a negated quotation."""
    if not _opens_question(head):
        return False
    return negating_verb(verb, context.words.refusal_verbs, context.is_speech_verb) is not None


def _opens_question(head: Token) -> bool:
    """Whether a clause opens with ``whether``, ``if`` or a wh-word (``how many members voted``)."""
    first = head.left_edge
    return first.tag_ in WH_TAGS or first.lower_ in ("whether", "if")


def speech_act_only(context: ArticleContext, verb: Token, head: Token, rule: str) -> bool:
    """``declined to comment``, ``refused to answer questions about the contract``, ``declined to
    speak to reporters``, ``did not answer our emails and calls``, ``answered questions from
    reporters``: the act of speaking (``cues.yaml: words.speech_act_verbs``) refused, or done to
    the vehicle of speech (``words.speech_act_objects``), with no message of its own (a clause)."""
    words = context.words
    if rule == "cue-intent":
        if verb.lemma_.lower() not in words.refusal_verbs:
            return False
        clauses = [c for c in head.children if c.dep_ in ("ccomp", "xcomp")]
        if head.lemma_.lower() in words.speech_act_verbs:
            return not clauses
        return context.is_speech_verb(head) and any(_opens_question(c) for c in clauses)  # "to say when"
    if rule != "cue-object" or verb.lemma_.lower() not in words.speech_act_verbs:
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words.refusal_verbs:
        return True  # "declined to speak about the incidents": refused, whatever the topic
    noun = head
    if head.pos_ in ("PRON", "DET", "NUM", "ADJ"):  # "any of our questions", "all of the calls"
        of = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        noun = of[0] if of else head
    return noun.lemma_.lower() in words.speech_act_objects


def withholds_name(context: ArticleContext, verb: Token, head: Token) -> bool:
    """``asking not to be identified``, ``declined to be named``, ``asked that her name not be
    used``: a source's request for anonymity (a passive of ``cues.yaml: words.identity_verbs``,
    negated or refused) is the reporter's condition of the interview, not a message."""
    if _asks_anonymity(verb) or _asks_anonymity(verb.head):
        return True  # "requested anonymity to discuss the plan"
    if not any(c.dep_ == "auxpass" for c in head.children):
        return False
    named = head.lemma_.lower() in context.words.identity_verbs or any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() == "name" and _own(c) for c in head.children
    )
    refusal = verb.lemma_.lower() in context.words.refusal_verbs
    return named and (refusal or any(c.dep_ == "neg" for c in head.children))


def _asks_anonymity(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() == ANONYMITY for c in verb.children)


def _own(noun: Token) -> bool:
    """``her name``, ``their names``: a name owned by a pronoun (the source's own)."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
