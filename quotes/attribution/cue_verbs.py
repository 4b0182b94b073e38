"""Cue verbs: ``X said (that) ...`` (clause), ``X criticized the plan`` (object), ``X wants to
...`` (intent) and ``The plan, X said, would fail`` (parenthetical)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.according_to import opens_according_to
from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.extent import without_trailer
from quotes.attribution.objects import message_object, short_answer
from quotes.attribution.syntax import (
    SUBJECT_DEPS,
    inverted_subject,
    source_of,
    subject,
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
        lemma = verb_lemma(word.lemma, word.token.text)
        if lemma is None or opens_according_to(word.token) or _is_markup(context.text, word.token):
            continue
        token = word.token
        candidate = _verb_cue(context, token, lemma) or short_answer(context, token, lemma)
        if candidate is not None:
            yield candidate




def _is_markup(text: str, token: Token) -> bool:
    """``<tweet pic="" author=...>``: the name of a markup tag, not a verb (polnear-train: 17 false
    cue-object quotations, none right)."""
    return token.idx > 0 and text[token.idx - 1] == "<"


def _verb_cue(context: ArticleContext, verb: Token, lemma: str) -> Candidate | None:
    cue = context.verb(lemma)
    if _reported_by_another(verb):
        return None
    content_head = None
    rule = "cue-clause"
    # of two clauses ("Writing for a panel that agreed X won, Y noted that Z"), the one after the
    # verb (the parser hangs the first on it too); polnear-train end-to-end .619 -> .623
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] if "ccomp" in cue.takes else []
    if clauses:
        content_head = next((c for c in clauses if c.i > verb.i), clauses[0])
        if content_head.i < verb.i and _has_own_object(verb):
            content_head = None  # "Monsoon delays hit sowing, farmers seek relief": not what they seek
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


def _has_own_object(verb: Token) -> bool:
    """Whether a verb has a direct object of its own after it that is not whom it addresses
    (``farmers seek relief``; but ``..., he told reporters``)."""
    return any(
        c.dep_ == "dobj" and c.i > verb.i and c.pos_ not in ("PRON", "PROPN") and c.ent_type_ != "PERSON"
        for c in verb.children
    ) and verb.lemma_.lower() != "tell"


CUE_FINDERS = (verb_cues,)

