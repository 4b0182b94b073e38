"""Quotations with no cue of their own: they continue a speaker introduced just before them
(continuation) or stand with no speaker (unattributed).

A full quoted statement (it opens its paragraph or a sentence, and closes its sentence) that no
cue claimed takes, in this order (:func:`_source_before`):

- the speaker of the nearest attributed quotation before it in its own or the previous
  paragraph (``... says the clinic's director, Ruth Amsel.`` / ``"We run out by noon."``);
- the subject of a speech verb in the sentence right before it (``Amsel spoke to reporters
  on Tuesday. "We run out by noon."``);

unless another person is named in between, and never from a cue after it (``... he said. While
some residents say ...`` does not give the quotation to the residents). Otherwise a long
statement stands with no speaker (unattributed).

(A ``previous-sentence`` rule once gave such a paragraph to any person named in the sentence
before it; on polnear-train its speaker was right 4 times of 22: a name is no speaker unless it
is the subject of a speech verb or of an attributed quotation.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span as SentSpan
from spacy.tokens import Token

from quotes.attribution.candidate import Candidate, QuoteGroup
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import is_mention, mention_span, subject
from quotes.text.spans import has_word, inner_span, word_count

RULE_IDS = ("continuation", "unattributed")
MIN_UNATTRIBUTED_WORDS = 8
MIN_QUOTATION_WORDS = 3
MAX_SIGNATURE_WORDS = 5
SENTENCE_ENDS = ".!?"
SCOPE_CHARS = 3000  # how far back a quotation's speaker is looked for
PERSON_ENTITY = "PERSON"
TITLE_WORD_CHARS = 3
TITLE_SHARE = 0.6
SIGNED_RULES = ("dash-quote",)  # a list of reactions, each signed by its own name
_SIGNATURE = re.compile(r"\s*\n[ \t]*[-—–―]+[ \t]*([^,.\n]+)")
_MARKS = "\"'“”‘’«»"
_NON_SPACE = re.compile(r"\S")


def orphan_candidates(
    context: ArticleContext, claimed: set[int], found: list[Candidate]
) -> Iterator[Candidate]:
    """A candidate for each unclaimed quoted statement; ``found`` are the candidates so far."""
    text = context.text
    turns = [span for c in found if c.rule == "transcript-line" for span in c.content]
    attributed = sorted((c for c in found if c.content), key=_end)
    single_style = _single_style(context, found)
    for group in context.groups:
        if group.index in claimed or any(s < group.end and group.start < e for s, e in turns):
            continue  # (a transcript's turns are quotations of their own)
        words = word_count(text, *inner_span(text, group.start, group.end))
        if words < MIN_QUOTATION_WORDS or not _is_statement(context, group, single_style):
            continue  # scare quotes, titles and quoted phrases inside a sentence
        candidate = _orphan(context, group, attributed, words)
        if candidate is None:
            continue
        if candidate.quote_groups[0] != group.index:  # joined to a quotation before it
            attributed.sort(key=_end)
            continue
        attributed.append(candidate)
        attributed.sort(key=_end)
        yield candidate


def _end(candidate: Candidate) -> int:
    return max(e for _, e in candidate.content)


def _is_statement(context: ArticleContext, group: QuoteGroup, single_style: bool) -> bool:
    """A quotation that stands as a statement: it opens its paragraph, or a sentence after a full
    stop, and nothing of its sentence follows it. A single-quoted one must open its paragraph
    (British style quotes with single marks; elsewhere they mark titles and phrases)."""
    text = context.text
    paragraph = context.paragraph_start(group.start)
    before = context.has_text(paragraph, group.start)
    if group.pieces[0].single and (before or not single_style):
        return False
    if before and _last_char(context, paragraph, group.start) not in SENTENCE_ENDS:
        return False
    inside = text[group.start : group.end].rstrip().rstrip(_MARKS).rstrip()
    if _title_case(inside):
        return False  # "'All Bets Are Off.'", "“DIVISIVE, STUPID AND WRONG”": a subhead or a title
    after = _first_char(context, group.end, context.paragraph_end(group.end))
    return not after or inside[-1:] in SENTENCE_ENDS or after in SENTENCE_ENDS


def _last_char(context: ArticleContext, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that is neither a space nor a quotation mark."""
    text = context.text
    at = context.text_end(start, end)
    while at > start and text[at - 1] in _MARKS:
        at = context.text_end(start, at - 1)
    return text[at - 1] if at > start else ""


def _first_char(context: ArticleContext, start: int, end: int) -> str:
    """The first character of ``text[start:end]`` that is not a space ("" when blank)."""
    found = _NON_SPACE.search(context.text, start, end)
    return found.group()[0] if found else ""


def _single_style(context: ArticleContext, found: list[Candidate]) -> bool:
    """Whether the article quotes with single marks (British style): most of the quotations its
    cues attribute are single-quoted. Elsewhere a single-quoted line is a subhead or a title
    (``'A Really Tough Decision.'`` in The New York Times)."""
    claimed = {g for c in found for g in c.quote_groups}
    single = [context.groups[g].pieces[0].single for g in claimed]
    return sum(single) * 2 > len(single)


def _title_case(words: str) -> bool:
    """Whether most words of four letters or more are capitalised (a title or a subhead)."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", words) if len(w) > TITLE_WORD_CHARS]
    return bool(long) and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


def _orphan(
    context: ArticleContext, group: QuoteGroup, attributed: list[Candidate], words: int
) -> Candidate | None:
    signed = _signature_line(context, group)
    if signed is not None:
        return signed
    # ('"...," Bennett shot back': words after it in its sentence name its own speaker)
    source = None if _words_after(context, group) else _source_before(context, group, attributed)
    if source is not None:
        return source
    if words >= MIN_UNATTRIBUTED_WORDS and context.starts_clause(group.start):
        return Candidate(
            group.spans(), "direct", [], "", "speech", "unattributed", quote_groups=[group.index]
        )
    return None


def _signature_line(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """A quotation paragraph signed on the next line after a dash (``"..."`` / ``- Sanders.``,
    ``-Michelle Marks, Philadelphia.``): the name up to the first comma or full stop."""
    text = context.text
    end = context.paragraph_end(group.end)
    if context.has_text(group.end, end):
        return None
    line = _SIGNATURE.match(text, end)
    if line is None:
        return None
    words = [t for t in context.tokens_between(*line.span(1)) if not (t.is_punct or t.is_space)]
    if not 0 < len(words) <= MAX_SIGNATURE_WORDS or not all(t.pos_ == "PROPN" for t in words):
        return None
    candidate = context.quoted_candidate(group, words[-1], "speech", "dash-quote", words[-1])
    candidate.speaker = (max(words[0].idx, line.start(1)), words[-1].idx + len(words[-1].text))
    candidate.cue, candidate.cue_lemma = [], ""
    candidate.quote_groups = [group.index]
    return candidate


def _words_after(context: ArticleContext, group: QuoteGroup) -> bool:
    """Whether words follow the quotation in its sentence (its own attribution, usually)."""
    text = context.text
    end = context.paragraph_end(group.end)
    inside = text[group.start : group.end].rstrip().rstrip(_MARKS).rstrip()
    if inside[-1:] in SENTENCE_ENDS and _first_char(context, group.end, end).isupper():
        return False  # '"We run out by noon." The clinic ...': the next sentence is not its cue
    return has_word(text, group.end, end)


def _source_before(
    context: ArticleContext, group: QuoteGroup, attributed: list[Candidate]
) -> Candidate | None:
    """The quotation's speaker from before it: the nearest attributed quotation in its own or the
    previous paragraph, else the subject of a speech verb in the sentence before it; None when
    another person is named in between."""
    # (at most SCOPE_CHARS back: a text without paragraph breaks stays linear)
    scope = max(_previous_paragraph_start(context, group.start), group.start - SCOPE_CHARS)
    scope = max(min(scope, _past_background(context, group, scope)), group.start - SCOPE_CHARS)
    previous = None
    for candidate in reversed(attributed):
        end = _end(candidate)
        if end > group.start:
            continue
        if end < scope:
            break
        if candidate.rule in SIGNED_RULES:
            break  # (the next reaction of the list is signed by its own name)
        if candidate.speaker is not None and candidate.speaker_token is not None and not candidate.negated:
            if _in_relative_clause(candidate) and candidate.speaker_token.lower_ not in PERSON_PRONOUNS:
                continue  # (a report in a clause about a noun is background: "emails, which included
            previous = candidate  # staff members suggesting ...": the next quotation is not theirs;
            # but "Something he adds is ..." speaks of the speaker it names by a pronoun)
            break
    if previous is not None:
        after = max(_end(previous), previous.speaker[1] if previous.speaker else 0)
        cue = previous.cue_token
        if cue is not None and cue.sent.end_char <= group.start:
            after = max(after, cue.sent.end_char)  # (a name in the attribution's own sentence is no
            # new speaker: '"...," a staff member said in reply to Coun. Caron. "..."')
        if _names_another(context, after, group.start, previous.speaker_token):
            return None
        if _joins(context, previous, group):
            previous.content.extend(group.spans())
            previous.quote_groups.append(group.index)
            return previous
        return replace(
            previous,
            content=group.spans(),
            quote_groups=[group.index],
            rule="continuation",
            kind="direct",
            inherited=True,
        )
    return _speech_subject_before(context, group, attributed) or _profiled_person(context, group)


def _past_background(context: ArticleContext, group: QuoteGroup, scope: int) -> int:
    """``"We kept the increase under three per cent," Mayor Ann Brody said.`` / ``The budget
    includes $2 million for road repairs.`` / ``"Nobody likes paying more ..."``: when the paragraph
    between a quotation paragraph and the one before is background (no quotation, no person, no
    he, she, they or his), the speaker is looked for one paragraph further back. Else ``scope``."""
    if group.start != context.paragraph_start(group.start) or scope >= group.start:
        return scope
    end = context.text_end(scope, group.start)
    if end <= scope or context.quoted.overlapping(scope, end):
        return scope
    span = context.doc.char_span(scope, end, alignment_mode="expand")
    if span is None or any(t.ent_type_ == PERSON_ENTITY or t.lower_ in BACKGROUND_PEOPLE for t in span):
        return scope
    return _previous_paragraph_start(context, scope)


def _in_relative_clause(candidate: Candidate) -> bool:
    """Whether the candidate's cue verb sits inside a relative clause (``which included staff
    members suggesting ...``)."""
    cue = candidate.cue_token
    return cue is not None and _relative(cue)


def _relative(token: Token) -> bool:
    return any(t.dep_ == "relcl" for t in (token, *token.ancestors))


def _joins(context: ArticleContext, previous: Candidate, group: QuoteGroup) -> bool:
    """``"A," Woolson said. They also lie in a dead zone. "B."``: a quotation of the same
    speaker's in the paragraph of a direct one is part of it (one quotation, as a quotation split
    by its attribution is; PolNeAR annotates it so). In the next paragraph it is one of its own
    (joining those too leaves polnear-train end-to-end F1 as it is)."""
    if previous.kind != "direct" or previous.inherited:
        return False
    return context.paragraph_start(_end(previous)) == context.paragraph_start(group.start)


def _previous_paragraph_start(context: ArticleContext, position: int) -> int:
    """The start of the non-blank paragraph before the one at ``position`` (or of its own)."""
    start = context.paragraph_start(position)
    end = start - 1
    while end > 0:
        previous = context.paragraph_start(end - 1) if end > 0 else 0
        if context.has_text(previous, end):
            return previous
        end = previous - 1
    return start


def _speech_subject_before(
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
        if _relative(token):
            continue  # (a speech verb in a clause about a noun is background, as in _in_relative_clause)
        source = stance or subject(token)
        if source is None or not is_mention(source) or source.i > token.i or source.tag_ in ("WP", "WDT"):
            continue
        if _names_another(context, source.idx + len(source.text), group.start, source):
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
    if token.sent.text.rstrip().rstrip(_MARKS).endswith("?"):
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


def _profiled_person(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
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
    if _names_another(context, first.right_edge.idx + len(first.right_edge.text), group.start, named):
        return None
    return Candidate(
        group.spans(), "direct", [], "", "speech", "continuation", speaker_token=named,
        inherited=True, quote_groups=[group.index],
    )  # fmt: skip


def _asks(sentence: SentSpan) -> bool:
    return sentence.text.rstrip().rstrip(_MARKS).endswith("?")


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
    if token.sent.text.rstrip().rstrip(_MARKS).endswith("?"):
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
        if c.speaker_token is not None and _end(c) <= sentence.start_char
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


def _names_another(context: ArticleContext, start: int, end: int, speaker: Token | None) -> bool:
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
