"""Dependency-parse helpers the attribution rules share: spans of tokens and subtrees, the
source of a cue verb, and a speaker mention as written."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from quotes.records import Span
from quotes.rules.cues import AttributionWords

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
SUBJECT_CLIMB = 5  # heads climbed for a subject (3 -> 5: polnear-train end-to-end F1 .610 -> .612)
INHERIT_SUBJECT_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acomp", "advmod")  # "X is likely to say"
# "he began by saying ...": a gerund under a preposition takes the subject of the verb above
INHERIT_THROUGH_PREPOSITION = ("prep",)
# "prompting them to focus on": a cause's object does the cue; not a request's ("ask them to support":
# polnear-train gives those words to the one who asks)
QUOTING_VERBS = ("quote", "cite")  # "X quoted Y as saying ...": Y says it
CAUSATIVE_VERBS = ("lead", "prompt", "force", "leave", "spur", "cause", "compel", "drive", "inspire")
ACL_SOURCE_POS = ("NOUN", "PROPN")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
NOMINAL_POS = ("NOUN", "PROPN", "PRON", "NUM")
SKIPPED_BEFORE_VERB = ("aux", "auxpass", "advmod", "neg", "punct")
NOUN_PHRASE_DEPS = (
    "compound", "nmod", "nummod", "amod", "poss", "quantmod", "pobj", "prep", "acl", "npadvmod"
)
MAX_LABEL_WORDS = 4
DASH_MARKS = ("—", "–", "--", "-", ":")
MENTION_DROP_DEPS = ("appos", "relcl", "acl", "punct", "advcl", "cc")
REDUCED_CLAUSE_DEPS = ("advcl", "acl")  # "when asked ...", "the mayor, asked about ..."
REDUCED_QUESTION_LEMMAS = ("ask", "question", "press", "quiz", "query")


def token_span(tokens: Iterable[Token]) -> Span | None:
    """Character span from the first to the last of ``tokens`` (None when there are none)."""
    tokens = list(tokens)
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def subtree_span(token: Token, exclude: Token | None = None) -> Span:
    """Character span of a token's subtree (without the ``exclude`` subtree)."""
    skip = set(t.i for t in exclude.subtree) if exclude is not None else set()
    tokens = [t for t in token.subtree if t.i not in skip]
    span = token_span(tokens)
    assert span is not None
    return span


def subject(verb: Token) -> Token | None:
    """The source of a cue verb: its subject, the agent of a passive (``was criticized by X``),
    climbing to the head for ``saying``/``and added`` (up to :data:`SUBJECT_CLIMB` heads: "X wanted
    to continue to try to argue that ..."). A passive without an agent has none, unless the cue is
    its infinitive (``X is expected to endorse``: X endorses)."""
    if is_reduced_passive(verb):
        return _agent(verb)  # "X said when asked whether ...": the question is the asker's, not X's
    current: Token | None = verb
    via = ""  # the relation climbed through
    for _ in range(SUBJECT_CLIMB):
        if current is None:
            return None
        if _is_passive(current):
            patient = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
            if via == "prep" and patient is not None:
                return patient  # "she was suspended (by X) after slamming ...": she slammed
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            if via == "xcomp":
                return next((c for c in current.children if c.dep_ == "nsubjpass"), None)
            if not any(c.dep_ == "nsubj" for c in current.children):
                return None  # (an nsubj beside a passive auxiliary: "He's been careful not to ...")
        controller = _object_controller(current) if via == "xcomp" else None
        if controller is None and via == "prep":
            controller = _quoted_object(current)
        if controller is not None:
            return controller  # "forcing candidates to address ...": the candidates address
        found = _nearest_subject(current)
        if found is not None:
            return _labelled_speaker(found) or _after_label(found, current) or _after_dash(found)
        if current.dep_ == "acl" and _can_carry_words(current.head):
            return _vehicle_owner(current.head) or current.head  # "a statement praising the deal"
        if current.pos_ == "NOUN" and via == "prep":  # "their strategy of attacking him"
            owner = next((c for c in current.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
            if current.dep_ in ("dobj", "attr") and current.head.pos_ in ("VERB", "AUX"):
                via, current = "noun", current.head  # "X has a long history of blaming others"
                continue
        climbs = current.dep_ in INHERIT_SUBJECT_DEPS or (
            current.dep_ in INHERIT_THROUGH_PREPOSITION and current.pos_ in ("ADP", "SCONJ")
        )
        if climbs and current.head is not current:
            via = current.dep_
            current = _coordinated_cue(current) if via == "conj" else current.head
        else:
            return nominal_before(current) if _is_finite(current) else None
    return None


def is_reduced_passive(verb: Token) -> bool:
    """``when asked whether ...``, ``Asked about the budget, the mayor said ...``, ``the mayor, asked
    about ...``: a verb of asking (``REDUCED_QUESTION_LEMMAS``) as a past form with no
    auxiliary and no subject that modifies a clause or a noun. The one asked is the clause's
    subject; the one who asks (the reporter, usually) is not named unless by an agent (``asked by
    a reporter``). Learned from polnear-train, where such an ``asked`` has no source 49 times of
    60 and otherwise its agent (other verbs: the tagger reads "X, the nominee, tweeted" so too)."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in REDUCED_CLAUSE_DEPS:
        return False
    if verb.lemma_.lower() not in REDUCED_QUESTION_LEMMAS:
        return False
    return not any(c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    """The object of a passive verb's ``by`` phrase (``asked by a reporter``), if any."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _quoted_object(verb: Token) -> Token | None:
    """``The BBC quoted police officials as saying ...``, ``cited aides as saying ...``: the one
    quoted says it, not the one who quotes."""
    if verb.lemma_.lower() not in QUOTING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _object_controller(verb: Token) -> Token | None:
    """``prompting them to focus on``, ``forcing candidates to address``: the object of a causative
    verb whose infinitive is the cue is the infinitive's subject."""
    if verb.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    found = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if found is None or found.lower_ in ("it", "this", "that") or found.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return found


def _coordinated_cue(conjunct: Token) -> Token:
    """The head a coordinated cue takes its subject from. ``He said that he would pray for the
    nominee but did not suggest it would be Trump``: the parser often ties the second verb to the
    reported clause of the first; on polnear-train its source is the first verb's subject (35
    speakers right, 2 wrong), so the climb skips the reported clause."""
    head = conjunct.head
    if head.dep_ == "ccomp" and head.head.pos_ == "VERB" and head.head.i < head.i:
        return head.head
    return head


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children)


def nominal_before(verb: Token) -> Token | None:
    """A finite cue verb the parser left without a subject (``Alarmed by the unrest in Nevada,
    Senator Harry Reid, the minority leader, said ...``): the noun phrase that ends right before
    it, through its apposition (``Reid, the minority leader,``)."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and (
        doc[i].text == "," or (doc[i].head is verb and doc[i].dep_ in SKIPPED_BEFORE_VERB)
    ):
        i -= 1
    if i < verb.sent.start or doc[i].pos_ not in NOMINAL_POS or doc[i].head is verb or doc[i].tag_ == "EX":
        return None
    token = doc[i]  # up to the head of its phrase ("more than two-thirds of those in the nation's ...")
    reported = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    while token.head.i < verb.i and token.head is not token and (
        token.dep_ in NOUN_PHRASE_DEPS or (token.dep_ == "appos" and token.pos_ == "NOUN")
    ):
        if token.head.is_punct:
            break  # ('," the 34-year-old from Brandon says': a phrase the parser hung on a comma)
        if token.dep_ == "appos" and token.head.i in reported:
            break  # ('... jobs in Halifax, the clinic's director says': no apposition to the content)
        token = token.head
    return token if token.pos_ in NOMINAL_POS or _is_age(token) else None


def _is_age(token: Token) -> bool:
    """``the 34-year-old``: an adjective of age that stands for a person."""
    return token.lower_ == "old" and any(c.lower_ in ("year", "years") for c in token.lefts)


def _vehicle_owner(noun: Token) -> Token | None:
    """``X issued a statement saying ...``, ``X shot back in an article stating ...``: a common noun
    that a verb with a subject puts out carries that subject's words (learned from polnear-train,
    where the annotated source is X, not the statement)."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > noun.i:
        return None  # (not "In a statement defending X, Trump said ...")
    found = _nearest_subject(verb)
    if found is None or found.dep_ == "nsubjpass" or found.tag_ in ("WDT", "WP"):
        return None  # ("groups who backed ads attacking ...": the ads, as annotated)
    return found


def _can_carry_words(head: Token) -> bool:
    """The head of ``a statement praising ...``, ``officials saying ...``, ``those backing ...``; not
    a generic pronoun (``anyone wanting to ...``: its tag is a noun's, that of ``those`` a determiner's)."""
    return head.pos_ in ACL_SOURCE_POS or (head.pos_ == "PRON" and head.tag_ == "DT")


def _labelled_speaker(token: Token) -> Token | None:
    """``Rubio: I Still Believe Trump Can't Be Trusted``: in a line labelled with a name and a
    colon, ``I`` and ``we`` are the name's."""
    if token.lower_ not in ("i", "we"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and token.i - start <= MAX_LABEL_WORDS + 1 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1  # back to the start of the line
    colon = next((t for t in doc[start : token.i] if t.text == ":"), None)
    if colon is None or not 0 < colon.i - start <= MAX_LABEL_WORDS:
        return None
    label = doc[start : colon.i]
    return label[-1] if all(t.pos_ == "PROPN" for t in label) else None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_mention(token: Token) -> bool:
    """Whether ``token`` can head a speaker mention: a word or a number (``85% of Democrats``,
    ``About 4 in 10``), not a quotation mark the parser took for a subject."""
    return token.pos_ != "PUNCT" and any(ch.isalpha() for t in token.subtree for ch in t.text)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearest before it ("Washington (AFP) - Democrat Hillary
    Clinton has taken ...": the parser can take a dateline for a second subject). A closing mark
    parsed as a subject is skipped."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and is_mention(c)]
    before = [c for c in found if c.i < verb.i]
    return before[-1] if before else (found[0] if found else None)


def _after_label(token: Token, verb: Token) -> Token | None:
    """``KAYLA BRENNAN (LIVE): David, the district says ...``: a transcript's turn label parsed as
    the subject, the real one an apposition after its colon (the last: ``David`` is addressed)."""
    colon = next((t for t in token.subtree if t.text.endswith(":") and t.is_punct and t.i < verb.i), None)
    if colon is None:
        return None
    after = [t for t in token.subtree if colon.i < t.i < verb.i and t.dep_ in ("appos", "conj")]
    after = [t for t in after if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return after[-1] if after else None


def _after_dash(token: Token) -> Token:
    """``CLEVELAND, July 19 (UPI) - Former Attorney General Michael Mukasey told ...``: a dateline
    parsed as the subject, with the speaker as its apposition after the dash."""
    dashes = [c.i for c in token.children if c.dep_ == "punct" and c.text in DASH_MARKS and c.i > token.i]
    if not dashes:
        return token
    after = [c for c in token.children if c.dep_ in ("appos", "conj") and c.i > dashes[0]]
    return after[-1] if after else token


def subject_from(verb: Token, first: int) -> Token | None:
    """The verb's own subject at or after token ``first`` (``"... person," X said``: the parser
    may take a noun inside the quotation for a second subject)."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i >= first and c.text[:1].isalpha()
        ),
        None,
    )


def inverted_subject(verb: Token) -> Token | None:
    """``said Sam Altman``: a nominal right after the verb, parsed as subject or object (or as a
    clause headed by a noun: ``said Cougars head coach Don Gaboury``, the person named in it)."""
    for child in verb.rights:
        if child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN"):
            named = [t for t in child.rights for t in t.subtree if t.ent_type_ == "PERSON"]
            if named:
                return next((t for t in named if t.head.i == child.i), named[-1])
        if child.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "nsubjpass") and child.pos_ in (
            "PROPN",
            "NOUN",
            "PRON",
        ):
            return child
    return None


def source_of(verb: Token) -> Token | None:
    """A cue verb's subject, or the nominal after it when the subject is inverted (not for
    ``when asked ...``, whose asker is only its agent)."""
    if is_reduced_passive(verb):
        return _agent(verb)
    return subject(verb) or inverted_subject(verb)


def prepositional_object(prep: Token) -> Token | None:
    """The object of a preposition: ``immigration`` in ``about immigration``."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def is_message_prep(prep: Token, words: AttributionWords) -> bool:
    """``called for a recount``, ``accused X of lying``: not ``on Thursday`` or ``in Ohio`` (the
    object of the preposition names no place or time)."""
    if prep.lower_ not in words.message_prepositions:
        return False
    pobj = prepositional_object(prep)  # "accused him of endangering US troops": the head decides
    return pobj is None or pobj.ent_type_ not in words.place_time_entities


def mention_span(token: Token) -> tuple[Span, str | None]:
    """The speaker mention as written around ``token`` (without appositions or relative
    clauses), and the apposition's text as a title."""
    if token.pos_ == "PRON" or token.tag_ in ("WP", "WDT"):
        return (token.idx, token.idx + len(token.text)), None
    keep: list[Token] = []
    title: str | None = None
    appositions = [subtree_span(c) for c in token.children if c.dep_ == "appos" and not _run_on(token, c)]
    if appositions:
        title = span_text(token.doc, (min(a for a, _ in appositions), max(b for _, b in appositions)))
    dropped = set()
    for child in token.children:
        if child.tag_ == "HYPH":
            continue  # (the hyphen of "the 34-year-old", hung on its head)
        if child.dep_ == "appos" and _run_on(token, child):
            for own in child.children:  # "Sea Dogs forward Peyton Hewitt": a name run on, no
                if own.dep_ in MENTION_DROP_DEPS and own.i > child.i:  # apposition (but its own
                    dropped.update(t.i for t in own.subtree)  # ", a former adviser" goes)
            continue
        if child.dep_ in MENTION_DROP_DEPS or (child.dep_ == "conj" and child.i > token.i + 6):
            dropped.update(t.i for t in child.subtree)
    keep = [t for t in token.subtree if t.i not in dropped]
    # keep the contiguous run around the head
    indices = sorted(t.i for t in keep)
    start = end = token.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    doc = token.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return (doc[start].idx, doc[end].idx + len(doc[end].text)), title


def run_on_person(token: Token) -> Token | None:
    """The person's name run on after a team and a role the parser took for the head (``Sea Dogs
    forward Peyton Hewitt``: ``Hewitt``), or None."""
    return next(
        (
            c for c in token.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and _run_on(token, c)
        ),
        None,
    )  # fmt: skip


def _run_on(head: Token, apposition: Token) -> bool:
    """Whether an apposition follows its head with no punctuation between them: the parser's
    reading of a team and a role before a name (``Sea Dogs forward Peyton Hewitt``), one mention."""
    between = head.doc[head.i + 1 : apposition.left_edge.i]
    return apposition.i > head.i and all(not (t.is_punct or t.is_space) for t in between)


def span_text(doc: Doc, span: Span) -> str:
    """The text of ``doc`` between two character offsets, stripped of spaces and commas.

    Read from the tokens around the span, never from ``doc.text``, which spaCy rebuilds from
    every token of the article on each access (quadratic on long articles).
    """
    start, end = span
    around = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if around is None or not len(around) or around.start_char > start:
        return doc.text[start:end].strip(" ,")  # offsets between tokens: rare, exact
    return around.text_with_ws[start - around.start_char : end - around.start_char].strip(" ,")
