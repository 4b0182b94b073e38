"""Cue verbs: ``X said (that) ...`` (clause), ``X criticized the plan`` (object), ``X wants to
...`` (intent) and ``The plan, X said, would fail`` (parenthetical)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.according_to import opens_according_to
from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext, names_noun, particle
from quotes.attribution.extent import without_trailer
from quotes.attribution.no_report import (
    asks_the_reader,
    defers_speech,
    in_question,
    infinitive_of_noun,
    is_imperative,
    is_markup,
    speech_act_only,
    withholds_answer,
    withholds_name,
)
from quotes.attribution.objects import message_object, short_answer
from quotes.attribution.syntax import (
    SUBJECT_DEPS,
    inverted_subject,
    is_reduced_passive,
    source_of,
    subject,
    subject_from,
    subtree_span,
)
from quotes.records import Span
from quotes.rules.cues import VerbCue
from quotes.text.spans import trim_clause, word_count

RULE_IDS = ("cue-clause", "cue-object", "cue-intent", "cue-parenthetical")


def verb_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each cue verb outside quotations whose content the parse shows."""
    verb_lemma = context.rules.verb_lemma
    for word in context.reporter_words:
        if word.pos not in VERBAL:
            continue
        lemma = verb_lemma(word.lemma, word.token.text, particle(word.token))
        if lemma is None or opens_according_to(word.token) or is_markup(context.text, word.token):
            continue
        if names_noun(word.token) or is_imperative(word.token):
            continue  # "a show called 'Sons of Trump'": a name; "Compare my case to ...": an order
        if in_question(context, word.token) or asks_the_reader(word.token):
            continue  # "Asked whether she would seek a second term, ...": the reporter's words
        token = word.token
        candidate = _verb_cue(context, token, lemma) or short_answer(context, token, lemma)
        if candidate is not None:
            yield candidate


FILLED_DEPS = ("dobj", "ccomp", "xcomp", "acomp", "attr", "oprd", "aux", "auxpass")


def _misread_name(clause: Token) -> bool:
    """``"...," said Cougars head coach Don Gaboury``: a "clause" after the verb headed by a noun
    (``coach`` read as a verb with ``Gaboury`` its object) is the speaker's name, not a message."""
    verb = clause.head
    if clause.pos_ not in ("NOUN", "PROPN") or clause.i < verb.i:
        return False
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return False  # (the quotation before the verb is its message)
    after = clause.doc[clause.right_edge.i + 1 : verb.sent.end]
    named = any(t.ent_type_ == "PERSON" for t in clause.subtree)
    return named and all(t.is_punct or t.is_space for t in after)


def _clause_after_vehicle(context: ArticleContext, verb: Token) -> Token | None:
    """``said in a statement the department is "working with the operator"``: a clause with its
    own subject (a noun) and no relative word right after the statement (``cues.yaml:
    words.statement_nouns``) a cue is made in, which the parser hangs on that noun as a relative
    clause: what was said (not ``a statement the company released Friday``)."""
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.lemma_.lower() not in context.words.statement_nouns:
            continue
        for clause in noun.rights:
            if clause.dep_ != "relcl" or any(c.tag_ in ("WDT", "WP", "WRB") for c in clause.children):
                continue
            own = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if own is None or own.i < noun.i or own.pos_ == "PRON":
                continue  # (not "a statement it released Friday", whose noun is the object)
            filled = clause.lemma_ == "be" or any(c.dep_ in FILLED_DEPS for c in clause.children)
            if filled and clause.lemma_.lower() not in context.words.publishing_verbs:
                return clause  # (a bare verb with no object, "the station aired Sunday", has a gap)
    return None


def _verb_cue(context: ArticleContext, verb: Token, lemma: str) -> Candidate | None:
    cue = context.verb(lemma)
    if _reported_by_another(verb):
        return None
    closing = _closing_report(context, verb, cue)
    if closing is not None:
        return closing
    content_head = None
    rule = "cue-clause"
    # of two clauses ("Writing for a panel that agreed X won, Y noted that Z"), the one after the
    # verb (the parser hangs the first on it too); polnear-train end-to-end .619 -> .623
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _misread_name(c)]
    clauses = clauses if "ccomp" in cue.takes else []
    if clauses:
        content_head = next((c for c in clauses if c.i > verb.i), clauses[0])
        if content_head.i < verb.i and _has_own_object(verb):
            content_head = None  # "Monsoon delays hit sowing, farmers seek relief": not what they seek
    if content_head is None and "ccomp" in cue.takes:
        content_head = _clause_after_vehicle(context, verb)
    if content_head is None and "xcomp" in cue.takes:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                content_head, rule = child, "cue-intent"
                break
    object_span = None
    if content_head is None and "dobj" in cue.takes:
        object_span, content_head = message_object(context, verb)
        if content_head is not None:
            rule = "cue-object"
            if context.is_headline(verb.idx):
                return None  # "Mayor defends bridge budget": a headline names the event, not a message
    if content_head is None:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "xcomp") and c.i > verb.i]
        spans = [subtree_span(c) for c in objects]
        if spans and any(context.quoted.overlapping(*span) for span in spans):
            object_span = (min(s for s, _ in spans), max(e for _, e in spans))
            content_head, rule = objects[0], "cue-object"
    if content_head is None:
        return _parenthetical(context, verb, cue) if verb.dep_ == "parataxis" else None
    if rule == "cue-object" and infinitive_of_noun(verb):
        return None  # "the ability to veto bylaws": a power, not a report
    if rule == "cue-clause" and defers_speech(context, content_head):
        return None  # "said it would comment later": a report with no message
    if speech_act_only(context, verb, content_head, rule):
        return None  # "declined to comment", "did not answer our emails": nothing was said
    if rule == "cue-clause" and withholds_answer(context, verb, content_head):
        return None  # "has not said whether she will run": a question left open, nothing said
    if withholds_name(context, verb, content_head):
        return None  # "asking not to be identified": a condition of the interview, no message
    content = trim_clause(context.text, *(object_span or subtree_span(content_head)))
    addressee = next(
        (c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < content_head.i), None
    )
    if rule == "cue-intent" and addressee is not None:
        content = (subtree_span(addressee)[0], content[1])  # "urged Congress to act": who is asked, too
    if content[0] <= verb.idx < content[1]:  # "a battery that it says can charge ...": not the cue itself
        content = trim_clause(context.text, verb.idx + len(verb.text), content[1])
    if word_count(context.text, *content) < _min_words(context, rule, content_head):
        return None
    content = without_trailer(context, content)
    pieces = _clause_pieces(context, content_head) if rule == "cue-clause" else [content]
    pieces = [
        (max(start, content[0]), min(end, content[1]))
        for start, end in pieces
        if start < content[1] and end > content[0]
    ]
    source = subject(verb)
    if source is not None and context.quoted.contains(source.idx) and not context.quoted.contains(verb.idx):
        source = subject_from(verb, verb.i + 1)  # '"That field over there, it was sterilized," said
        # Jenzen.': the parser took a noun inside the quotation for the subject; the source is after
    if source is None and is_reduced_passive(verb):
        return None  # "wouldn't comment when asked if ...": the reporter's own question
    if source is None and rule == "cue-clause":
        source = inverted_subject(verb)
    cue_class = cue.cue_class
    if cue_class == "speech" and lemma in context.words.evidence_verbs and source is not None:
        cue_class = "evidence"
    if (
        cue.cue_class == "evidence"
        and source is not None
        and source.lemma_.lower() not in context.rules.evidence_subjects
        and source.pos_ != "PROPN"
    ):
        return None  # "the numbers show" is evidence; "it shows" is not a source
    if rule == "cue-intent" and (source is None or _describes_noun(verb, source)):
        return None
    if _holds_no_source(context, source, cue_class):
        return None  # "here's hoping ...", "no one knows whether ...": a belief needs a believer
    return context.candidate(pieces or [content], verb, cue_class, rule, source)


def _reported_by_another(verb: Token) -> bool:
    """``X said Y, according to the report``: the whole report is the source's (the according-to
    rule's), not X's own attribution (polnear-train: 4 of 50 such cue clauses annotated)."""
    return any(c.dep_ == "prep" and c.lower_ == "according" for c in verb.children)


def _describes_noun(verb: Token, source: Token) -> bool:
    """``developers who sought to build houses``, ``governors seeking to stem his rise``: an aim
    that describes the noun it modifies, not a stated intention (polnear-train: 33 of 91 such
    cue-intent quotations annotated; a relative clause with a subject of its own is kept)."""
    if verb.dep_ == "acl":
        return True
    return verb.dep_ == "relcl" and source.tag_ in ("WP", "WDT")


def _holds_no_source(context: ArticleContext, source: Token | None, cue_class: str) -> bool:
    """Whether a cue has no one behind it: a belief with no subject, or a subject such as
    ``no one`` (``cues.yaml: words.sourceless_subjects``)."""
    if source is None:
        return cue_class == "cognition"
    words = " ".join(t.lower_ for t in source.subtree if not t.is_punct)
    return words in context.words.sourceless_subjects


def _min_words(context: ArticleContext, rule: str, head: Token) -> int:
    """A content needs two words, but the object of ``endorsed him``/``backed Trump`` is one."""
    if rule == "cue-object" and head.pos_ in ("PRON", "PROPN") and not context.quoted.contains(head.idx):
        return 1
    return 2


def _clause_pieces(context: ArticleContext, head: Token) -> list[Span]:
    """A reported clause without the attributions it holds of its own: ``according to Y``
    and a coordinated cue verb that goes on reporting (``said A and predicted that B``)."""
    skip: set[int] = set()
    for child in head.children:
        if child.i < head.i:
            continue
        lemma = context.quote_verb(child) if child.dep_ == "conj" else None
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
        according = child.dep_ == "prep" and child.lower_ == "according"
        if according or (lemma is not None and not own_subject):
            skip.update(t.i for t in child.subtree)
            cc = [c for c in head.children if c.dep_ in ("cc", "punct") and c.i == child.left_edge.i - 1]
            skip.update(c.i for c in cc)
    if not skip:
        return []
    return context.runs([t for t in head.subtree if t.i not in skip])


def _parenthetical(context: ArticleContext, verb: Token, cue: VerbCue) -> Candidate | None:
    """``The argument, he said, would be aided by ...``: a cue inserted in the clause it reports;
    the content is that clause without the insertion."""
    if "ccomp" not in cue.takes or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return None
    source = source_of(verb)
    if source is None:
        return None
    pieces = context.host_clause(verb, 3)
    if not pieces:
        return None
    return context.candidate(pieces, verb, cue.cue_class, "cue-parenthetical", source)


def _closing_report(context: ArticleContext, verb: Token, cue: VerbCue) -> Candidate | None:
    """``Police have arrested a man near the base, reported the BBC.``: a report verb
    (``cues.yaml: words.inverted_report_verbs``) closing its sentence after a comma, its source
    after it and no subject before it, which the parser hangs on the clause it reports as a
    coordinated verb with an object; the content is that clause (cue-parenthetical)."""
    if verb.lemma_.lower() not in context.words.inverted_report_verbs or "ccomp" not in cue.takes:
        return None
    doc = verb.doc
    if verb.dep_ not in ("conj", "advcl") or verb.head.i > verb.i or doc[verb.i - 1].text != ",":
        return None
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or context.quoted.contains(verb.head.idx):
        return None  # (not "..., telling reporters ...", nor a quotation's own clause)
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    source = inverted_subject(verb)
    if source is None or source.left_edge.i != verb.i + 1:
        return None  # the source right after the verb, and nothing but it
    after = doc[source.right_edge.i + 1 : verb.sent.end]
    if not all(t.is_punct or t.is_space for t in after):
        return None
    pieces = context.host_clause(verb, 3)
    if not pieces:
        return None
    return context.candidate(pieces, verb, cue.cue_class, "cue-parenthetical", source)


def _has_own_object(verb: Token) -> bool:
    """Whether a verb has a direct object of its own after it that is not whom it addresses
    (``farmers seek relief``; but ``..., he told reporters``)."""
    return any(
        c.dep_ == "dobj" and c.i > verb.i and c.pos_ not in ("PRON", "PROPN") and c.ent_type_ != "PERSON"
        for c in verb.children
    ) and verb.lemma_.lower() != "tell"


CUE_FINDERS = (verb_cues,)

