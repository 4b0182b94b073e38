"""Documents named again: ``the ad``, ``the piece`` or ``the statement`` speaks for whoever the article
said made it.

``A web video by the Republican National Committee ... The clip says ...``: a definite document
noun with no owner of its own takes the owner of the nearest earlier document of the same kind
(``rules/mentions.yaml`` ``document_kinds``) whose owner the article names: a possessive (``the
Post's piece``), a name before it (``a Times article``), ``by``/``from`` a name, or the subject of
the clause it is the object of (``The Washington Post ran a feature``). The functions find the
owner's token; :class:`DocumentResolver`, a part of :class:`quotes.speakers.resolver.Resolver`,
names it, and names the writer of a document written ``by``/``from`` someone (``a report by the
Pew Research Center``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.speakers.article_state import fake_candidate as _fake
from quotes.speakers.records import Resolution

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState, TokenResolver

OPENING_REACH = 600  # characters after the lede where a headline's document may be introduced
WINDOW = 3000  # characters: how far back an earlier document of the same kind is looked for
_DEFINITE = ("the", "this", "that")
_OWNER_POS = ("PROPN",)
_OF_ORGANISATION = ("at", "from", "of", "with")
_MEANS = ("in", "through", "via")


def document_kinds(token: Token, kinds: dict[str, frozenset[int]]) -> frozenset[int]:
    """The document kinds a noun belongs to (``clip`` -> audiovisual), by its form or its lemma."""
    return kinds.get(token.lower_) or kinds.get(token.lemma_.lower()) or frozenset()


def is_definite(token: Token) -> bool:
    """``the ad``, ``this statement``: a document already introduced."""
    return any(t.dep_ == "det" and t.lower_ in _DEFINITE for t in token.lefts)


def antecedent_owner(token: Token, kinds: dict[str, frozenset[int]]) -> Token | None:
    """The proper-noun token naming the owner of the nearest earlier document of ``token``'s kind
    that has one, within :data:`WINDOW` characters; None when there is none."""
    wanted = document_kinds(token, kinds)
    if not wanted:
        return None
    doc = token.doc
    for i in range(token.i - 1, -1, -1):
        earlier = doc[i]
        if token.idx - earlier.idx > WINDOW:
            return None
        if earlier.pos_ != "NOUN" or not document_kinds(earlier, kinds) & wanted:
            continue
        owner = document_owner(earlier)
        if owner is not None or earlier.lemma_ == token.lemma_:
            return owner  # (the same word with no owner: "a letter" sent by no one named ... "the letter")
    return None


def later_owner(token: Token, kinds: dict[str, frozenset[int]], until: int) -> Token | None:
    """The owner of the first later document of ``token``'s kind, written before ``until``: a
    headline's ``study finds`` is the study the article then says who made."""
    wanted = document_kinds(token, kinds)
    if not wanted:
        return None
    for later in token.doc[token.i + 1 :]:
        if later.idx >= until:
            return None
        if later.pos_ == "NOUN" and document_kinds(later, kinds) & wanted:
            return document_owner(later)
    return None


def document_owner(token: Token) -> Token | None:
    """Who a document mention says made it: ``Clinton's ad``, ``a Times article``, ``a video by the
    RNC``, ``a report released by the agency``, ``The Post ran a feature``, or None."""
    for child in token.lefts:
        if child.dep_ == "poss" and child.pos_ in _OWNER_POS:
            return child
    for child in token.lefts:  # "the Clinton campaign ad": any proper noun of its compounds
        if child.dep_ == "compound":
            named = [t for t in child.subtree if t.pos_ in _OWNER_POS and t.ent_type_ in ("PERSON", "ORG")]
            if named:
                return named[-1]
    by = _by_phrase(token) or _issued_in(token)
    if by is not None:
        return by
    head = token.head
    if token.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in head.lefts if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in _OWNER_POS:
            return subject
    return None


def _by_phrase(token: Token) -> Token | None:
    """``by X``/``from X`` after the document, or after a participle that modifies it (``released by X``);
    ``by researchers at X``: the organisation of the people who wrote it."""
    for child in token.rights:
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "acl" and child.tag_ == "VBN":
            preps = [c for c in child.children if c.dep_ in ("agent", "prep")]
        for prep in preps:
            if prep.lower_ not in ("by", "from"):
                continue
            writer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if writer is not None and writer.pos_ in _OWNER_POS:
                return writer
            if writer is not None and writer.pos_ == "NOUN":
                return _their_organisation(writer)
    return None


def _their_organisation(people: Token) -> Token | None:
    """``researchers at the University of Leeds``, ``a team from McGill``: the named organisation of
    the people a common noun names, or None."""
    for prep in people.rights:
        if prep.dep_ == "prep" and prep.lower_ in _OF_ORGANISATION:
            named = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in _OWNER_POS), None)
            if named is not None and named.ent_type_ in ("ORG", "GPE", "PERSON", ""):
                return named
    return None


def _issued_in(token: Token) -> Token | None:
    """``The Forest Service said in a release that ...``: the subject of the verb a document is
    the means of (``in``/``through``/``via`` it)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _MEANS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in prep.head.lefts if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in _OWNER_POS else None


class DocumentResolver:
    """Documents to the person or organisation that made them, over the article's state."""

    def __init__(self, state: ArticleState, resolve: TokenResolver) -> None:
        self.entities = state.entities
        self.words = state.words
        self._resolve_token = resolve
        self._opening_end = state.opening_end

    def author(self, token: Token) -> Resolution | None:
        """``a 2009 report by the Pew Research Center``, ``an email from Neera Tanden``, ``a report
        released by X``, ``a study by researchers at X``, ``the Pew Research Center analysis``: a
        document speaks for the named person or organisation that wrote it (by or from, or a name
        written before it)."""
        writer = _by_phrase(token)
        if writer is None:
            writer = next(
                (c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1 and c.pos_ == "PROPN"),
                None,
            )
            if writer is not None and writer.i not in self.entities.entity_at:
                return None  # ("the Senate vote": no named writer)
        if writer is None or writer.pos_ != "PROPN":
            return None
        resolved = self._resolve_token(writer, _fake(writer))
        if resolved.name is None or resolved.kind == "description":
            return None
        return Resolution(resolved.name, resolved.kind, f"the {token.text} of {resolved.how}")

    def earlier_document(self, token: Token) -> Resolution | None:
        """``The clip says ...`` after ``A web video by the RNC``: the owner of the earlier document
        of its kind (:func:`antecedent_owner`)."""
        by = any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in token.rights)
        if by:
            return None
        if token.idx < self._opening_end and not is_definite(token):  # a headline's "study finds"
            owner = later_owner(token, self.words.document_kinds, self._opening_end + OPENING_REACH)
        elif is_definite(token):
            owner = antecedent_owner(token, self.words.document_kinds)
        else:
            return None
        if owner is None:
            return None
        resolved = self._resolve_token(owner, _fake(owner))
        if resolved.name is None or resolved.kind == "description":
            return None  # (a name the model could not type counts: "Herbalife said in a statement")
        kind = resolved.kind if resolved.kind != "unknown" else "organisation"
        return Resolution(resolved.name, kind, f"the {token.text} made by {resolved.how}")
