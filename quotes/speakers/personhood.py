"""A name the model typed as an organisation that the article itself shows to be a person.

``Amara Osei said ... She added ...``: the model may call a two-word name it does not know an
organisation. Two capitalised words, neither an organisation word, are a person's name when the
article also writes the last word alone as a person (``Osei said``), or when the name is the
subject of a speech verb and the next sentence goes on with "he" or "she" before naming anyone
else.
"""

from __future__ import annotations

from spacy.tokens import Span

from quotes.rules.cues import CueRules
from quotes.rules.mentions import MentionRules

PERSONAL = ("he", "she")


def looks_like_a_name(words: list[str], mentions: MentionRules) -> bool:
    """Two capitalised alphabetic words, neither of them an organisation word."""
    return len(words) == 2 and all(
        w[:1].isupper() and w.isalpha() and not w.isupper() and w.lower() not in mentions.organisation_words
        for w in words
    )


def speaks_as_a_person(ent: Span, rules: CueRules) -> bool:
    """Whether ``ent`` is the subject of a speech verb and the next sentence takes it up with "he"
    or "she" as a subject before any other person or organisation is named."""
    verb = ent.root.head
    cue = rules.verbs.get(rules.verb_lemma(verb.lemma_, verb.text) or "")
    if ent.root.dep_ != "nsubj" or verb.i < ent.start or cue is None or cue.cue_class != "speech":
        return False
    sentence = ent.root.sent
    following = [sentence.doc[sentence.end]] if sentence.end < len(sentence.doc) else []
    tokens = [t for t in sentence if t.i >= ent.end] + (list(following[0].sent) if following else [])
    for token in tokens:
        if token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ == "B":
            return False
        if token.lower_ in PERSONAL and token.dep_ in ("nsubj", "nsubjpass"):
            return True
    return False


def introduces(ent: Span) -> bool:
    """``Jay Ruiz, the club's president, suggested ...`` or ``... concerns Henry Crespo, president of
    the caucus.``: a name with a noun in apposition, before its verb or closing its sentence, which
    introduces someone the next quotation is likely to be from (not ``accused Cruz, the senator
    from Texas, of ...``)."""
    root = ent.root
    appositions = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if not appositions:
        return False
    if root.head.i > root.i:
        return True
    rest = [t for t in root.doc[appositions[-1].right_edge.i + 1 : root.sent.end] if not t.is_space]
    return all(t.is_punct for t in rest)
