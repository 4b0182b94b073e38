"""Fixed source phrases from ``rules/cues.yaml`` (``phrases:``): ``In the words of X, ...``.

The phrases are matched with spaCy's PhraseMatcher on lower-case words. Each ends in a
preposition whose object is the source; the content is the clause the phrase modifies,
without the phrase (as for ``according to X``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.cues import Phrase

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
    head = opener.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head is not head:
        head = head.head
    if head.i in range(matched.start, matched.end):
        return None
    skip = {t.i for t in opener.subtree} | {t.i for t in matched} | {t.i for t in last.subtree}
    pieces = context.runs([t for t in head.subtree if t.i not in skip])
    if not pieces or context.words_in(pieces) < MIN_CONTENT_WORDS:
        return None
    candidate = context.candidate(pieces, opener, phrase.cue_class, "cue-phrase", source)
    candidate.cue = [(opener.idx, last.idx + len(last.text))]
    candidate.cue_lemma = " ".join(phrase.words)
    return candidate


CUE_FINDERS = (phrase_cues,)
