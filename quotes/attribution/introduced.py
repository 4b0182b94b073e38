"""Who the sentences before a cue-less quotation introduce as its speaker.

For :mod:`quotes.attribution.continuation`: the subject of a speech verb in the sentence right
before (``Amsel spoke to reporters on Tuesday.``), or of a verb publishing a statement (``The
union released a statement.``); a person a stance sentence sets up (``Fisherman Clarence Whelan
... isn't convinced.``); the one person a profile paragraph is about (``His wife, Marjorie Pike,
moved ... She ran ...``); and whether another person is named in between, which breaks the
chain. A report inside a relative clause is never the source.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SentSpan
from spacy.tokens import Token

from quotes.attribution.candidate import Candidate, QuoteGroup
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import is_mention, mention_span, subject

SCOPE_CHARS = 3000  # how far back a quotation's speaker is looked for
PERSON_ENTITY = "PERSON"
QUOTE_MARKS = "\"'“”‘’«»"  # marks a quotation may close with


def quotation_end(candidate: Candidate) -> int:
    """Where a candidate's content ends."""
    return max(e for _, e in candidate.content)


def is_relative(token: Token) -> bool:
    """Whether ``token`` sits inside a relative clause."""
    return any(t.dep_ == "relcl" for t in (token, *token.ancestors))


def speech_subject_before(
    context: ArticleContext, group: QuoteGroup, attributed: list[Candidate]
) -> Candidate | None:
    """``Amsel spoke to reporters on Tuesday. "We run out by noon."``: the subject of a speech
    verb (or of a verb publishing a statement: ``The union released a statement on Monday.``) in
    the sentence right before the quotation, when no one else is named after it."""
    sentence = _sentence_before(context, group.start)
    if sentence is None:
        return None
    for token in reversed(sentence):
        if context.quoted.contains(token.idx):
            continue
        stance = None
        if not context.is_speech_verb(token) and not _publishes_statement(context, token):
            stance = _stance_subject(context, token, group)
            stance = stance or _topic_speaker(context, token, group, attributed)
            if stance is None and not _introduces_person(token):
                continue
        introduced = stance is not None or _introduces_person(token)
        if is_relative(token):
            continue  # (a speech verb in a clause about a noun is background, as in _in_relative_clause)
        source = stance or subject(token)
        if source is None or not is_mention(source) or source.i > token.i or source.tag_ in ("WP", "WDT"):
            continue
        if names_another(context, source.idx + len(source.text), group.start, source):
            return None
        candidate = Candidate(
            group.spans(), "direct", [context.cue_span(token)], context.cue_verb(token) or "",
            "speech", "continuation", speaker_token=source, cue_token=token,
            inherited=True, quote_groups=[group.index],
        )  # fmt: skip
        candidate.speaker, candidate.title = mention_span(source)
        if introduced:  # (no cue and no speaker mention of its own: "is" only introduces the speaker)
            candidate.cue, candidate.cue_lemma, candidate.speaker = [], "", None
        return candidate
    return None


def _introduces_person(token: Token) -> bool:
    """``Lorne Green is the councillor for the Whitney Pier area.``: a sentence that introduces a
    named person by what they are (a name as the subject of "is" with a noun as its attribute)
    hands them the quotation that follows; a name merely mentioned does not."""
    if token.lemma_ != "be" or token.dep_ != "ROOT" or any(c.dep_ == "neg" for c in token.children):
        return False
    source = subject(token)
    attribute = next((c for c in token.children if c.dep_ == "attr"), None)
    return (
        source is not None
        and source.pos_ == "PROPN"
        and source.ent_type_ in (PERSON_ENTITY, "ORG", "")  # (a name the model may leave unlabelled)
        and attribute is not None
        and attribute.pos_ == "NOUN"
        and any(c.dep_ == "det" for c in attribute.children)
    )


STANCE_COPULAS = ("be", "remain", "feel", "seem", "sound", "appear", "stay")
PERSON_PRONOUNS = ("he", "she")
BACKGROUND_PEOPLE = ("he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs")
PROFILE_SENTENCES = 2  # a paragraph about one person, not one sentence that places them


def _stance_subject(context: ArticleContext, token: Token, group: QuoteGroup) -> Token | None:
    """``Fisherman Clarence Whelan, who has fished here since he was 15, isn't convinced.`` then a
    quotation paragraph: a sentence whose main verb (or whose adjective after "be", "remain",
    "feel") states where its subject stands (``cues.yaml: words.stance_words``) hands that person
    the cue-less quotation paragraph after it. Not a question; the subject a person's name, he or
    she, or a noun with the name beside it (``Her brother Gerald``). Returns that subject."""
    if token.dep_ != "ROOT" or group.start != context.paragraph_start(group.start):
        return None
    if token.sent.text.rstrip().rstrip(QUOTE_MARKS).endswith("?"):
        return None
    words = context.words.stance_words
    stance = token.lemma_.lower() in words or token.lower_ in words
    if not stance and token.lemma_.lower() in STANCE_COPULAS:
        stance = any(c.dep_ == "acomp" and c.lower_ in words for c in token.children)
    source = _main_subject(token)
    if not stance or source is None:
        return None
    if source.pos_ == "PRON":
        return source if source.lower_ in PERSON_PRONOUNS else None
    named = [source, *(c for c in source.children if c.dep_ in ("appos", "compound"))]
    return source if any(t.pos_ == "PROPN" and t.ent_type_ == PERSON_ENTITY for t in named) else None


def profiled_person(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """``His wife, Marjorie Pike, moved to the cape with him in 1993. She ran the weather
    observations for two decades.`` / ``"People think it's lonely. ..."``: a paragraph of two
    sentences or more about one person (the first names them as its subject, each later one has
    them, he or she as its subject) hands them the cue-less quotation paragraph after it. One
    sentence that merely places a person (``Paul Brandt was in Geneva on Monday.``) does not."""
    if group.start != context.paragraph_start(group.start):
        return None
    last = _sentence_before(context, group.start)
    if last is None:
        return None
    start = context.paragraph_start(last.start_char)
    sentences = [last]
    while sentences[0].start > 0 and sentences[0].start_char > start:
        sentences.insert(0, context.doc[sentences[0].start - 1].sent)
    if len(sentences) < PROFILE_SENTENCES or sentences[0].start_char < start:
        return None
    if any(_asks(s) or context.quoted.contains(s.start_char) for s in sentences):
        return None
    first = _main_subject(sentences[0].root)
    named = None if first is None else next(
        (t for t in (first, *first.children) if t.pos_ == "PROPN" and t.ent_type_ == PERSON_ENTITY
         and (t is first or t.dep_ in ("appos", "compound"))),
        None,
    )  # fmt: skip
    if first is None or named is None:
        return None
    own = {t.lower_ for t in named.subtree if t.pos_ == "PROPN"} | {named.lower_}
    for sentence in sentences[1:]:
        subject_ = _main_subject(sentence.root)
        if subject_ is None or not (subject_.lower_ in PERSON_PRONOUNS or subject_.lower_ in own):
            return None
    if names_another(context, first.right_edge.idx + len(first.right_edge.text), group.start, named):
        return None
    return Candidate(
        group.spans(), "direct", [], "", "speech", "continuation", speaker_token=named,
        inherited=True, quote_groups=[group.index],
    )  # fmt: skip


def _asks(sentence: SentSpan) -> bool:
    return sentence.text.rstrip().rstrip(QUOTE_MARKS).endswith("?")


def _main_subject(token: Token) -> Token | None:
    """The subject of a main verb, also where the parser hangs it on the verb's auxiliary ("is"
    of "isn't convinced")."""
    heads = [token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))]
    return next((c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _topic_speaker(
    context: ArticleContext, token: Token, group: QuoteGroup, attributed: list[Candidate]
) -> Token | None:
    """The person a sentence is about, when the article has quoted them before: the subject of
    its main verb (``Pyke, 74, has diabetes and needs his prescriptions renewed.``) or the person of
    an opening ``For`` (``For Amsel, who trained in Halifax, the numbers are no surprise.``). A
    speaker the article brings back this way speaks the cue-less quotation paragraph right after
    (a person merely named, who has not spoken, does not: ``Paul Brandt was in Geneva.``)."""
    if token.dep_ != "ROOT" or group.start != context.paragraph_start(group.start):
        return None
    if token.sent.text.rstrip().rstrip(QUOTE_MARKS).endswith("?"):
        return None
    sentence = token.sent
    opening = next((t for t in sentence if not (t.is_space or t.is_punct)), None)
    topic = None
    if opening is not None and opening.lower_ == "for" and opening.head == token:
        topic = next((c for c in opening.children if c.dep_ == "pobj"), None)
    if topic is None:
        topic = _main_subject(token)
    if topic is None or topic.pos_ not in ("PROPN", "NOUN") or not topic.text[:1].isupper():
        return None  # (a surname the parser may read as a common noun: "Ingalls isn't holding ...")
    spoken = {
        t.lower_
        for c in attributed
        if c.speaker_token is not None and quotation_end(c) <= sentence.start_char
        for t in _speaker_words(c.speaker_token)
        if t.pos_ == "PROPN"
    }
    return topic if topic.lower_ in spoken else None


def _speaker_words(speaker: Token) -> Iterator[Token]:
    """The words naming a speaker: the mention's own, or for a pronoun the words of its sentence
    and of the one before (``Ask Tom Pyke about the wait and he laughs.``, ``Leslie Ingalls was
    trying to get home.`` / ``She told CBC News ...``: the pronoun's person is named there)."""
    if speaker.pos_ != "PRON":
        return speaker.subtree
    sentence = speaker.sent
    before = speaker.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    return iter(speaker.doc[before.start : sentence.end])


def _publishes_statement(context: ArticleContext, token: Token) -> bool:
    """``released a statement``, ``put out a letter`` (``cues.yaml: words.publishing_verbs`` with
    an object among ``words.statement_nouns``)."""
    words = context.words
    if token.pos_ != "VERB" or token.lemma_.lower() not in words.publishing_verbs:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in words.statement_nouns for c in token.children)


def _sentence_before(context: ArticleContext, position: int) -> SentSpan | None:
    """The sentence that ends right before ``position`` (across a paragraph break)."""
    text = context.text
    at = position - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    if at < 0:
        return None
    span = context.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span[0].sent
    return sentence if not context.quoted.contains(sentence.start_char) or sentence.end_char > at else None


def names_another(context: ArticleContext, start: int, end: int, speaker: Token | None) -> bool:
    """Whether a person other than ``speaker`` is named between ``start`` and ``end`` (outside
    quotation marks): then the quotation may be theirs."""
    start = max(start, end - SCOPE_CHARS)
    if end <= start:
        return False
    own = {t.lower_ for t in speaker.subtree if t.pos_ == "PROPN"} if speaker is not None else set()
    span = context.doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    for ent in span.ents:
        if ent.label_ != PERSON_ENTITY or context.quoted.contains(ent.start_char):
            continue
        if not own & {t.lower_ for t in ent}:
            return True
    return False
