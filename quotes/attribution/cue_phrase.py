"""Fixed source phrases from ``rules/cues.yaml`` (``phrases:``): ``In the words of X, ...``.

The phrases are matched with spaCy's PhraseMatcher on lower-case words. Each ends in a
preposition whose object is the source; the content is the quotation right after the phrase
(``in the words of X, "..."``) or else the clause the phrase modifies, without the phrase and
without a clause coordinated after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.records import Span as Span_
from quotes.rules.cues import Phrase
from quotes.text.spans import trim_clause

RULE_IDS = ("cue-phrase",)
MIN_CONTENT_WORDS = 3


def phrase_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each source phrase outside quotations that modifies a clause."""
    phrases = {phrase.id: phrase for phrase in context.rules.phrases}
    if not phrases:
        return
    matcher = _matcher(context.doc, phrases.values())
    for match_id, start, end in matcher(context.doc):
        matched = context.doc[start:end]
        if context.quoted.contains(matched[0].idx):
            continue
        candidate = _phrase_cue(context, phrases[context.doc.vocab.strings[match_id]], matched)
        if candidate is not None:
            yield candidate


def _matcher(doc: Doc, phrases: Iterable[Phrase]) -> PhraseMatcher:
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    for phrase in phrases:
        matcher.add(phrase.id, [Doc(doc.vocab, words=list(phrase.words))])
    return matcher


def _phrase_cue(context: ArticleContext, phrase: Phrase, matched: Span) -> Candidate | None:
    opener, last = matched[0], matched[-1]
    source = next((c for c in last.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    pieces = _quoted_after(context, source) or _clause_without(context, opener, matched)
    if not pieces or context.words_in(pieces) < MIN_CONTENT_WORDS:
        return None
    candidate = context.candidate(pieces, opener, phrase.cue_class, "cue-phrase", source)
    candidate.cue = [(opener.idx, last.idx + len(last.text))]
    candidate.cue_lemma = " ".join(phrase.words)
    return candidate


def _quoted_after(context: ArticleContext, source: Token) -> list[Span_] | None:
    """``in the words of X, "..." of his legacy``: the words of X are the quotation right after
    the phrase, to the end of its sentence."""
    position = source.right_edge.idx + len(source.right_edge.text)
    while position < len(context.text) and context.text[position] in " ,:":
        position += 1
    following = context.next_group(position)
    if following >= len(context.groups) or context.groups[following].start != position:
        return None
    sentence_end = source.doc.char_span(position, position + 1, alignment_mode="expand")
    end = sentence_end[0].sent.end_char if sentence_end is not None and len(sentence_end) else position
    return [trim_clause(context.text, position, max(end, context.groups[following].pieces[0].end))]


def _clause_without(context: ArticleContext, opener: Token, matched: Span) -> list[Span_]:
    """The clause the phrase modifies, without the phrase and without a clause coordinated
    after it (``..., in the words of X, and bristled when ...``)."""
    head = opener.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head is not head:
        head = head.head
    if head.i in range(matched.start, matched.end):
        return []
    skip = {t.i for t in opener.subtree} | {t.i for t in matched}
    for child in head.children:
        if child.dep_ == "conj" and child.i > opener.i:
            skip.update(t.i for t in child.subtree)
            skip.update(c.i for c in head.children if c.dep_ == "cc" and c.i == child.left_edge.i - 1)
    return context.runs([t for t in head.subtree if t.i not in skip])


CUE_FINDERS = (phrase_cues,)
