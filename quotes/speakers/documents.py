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
_SITES = ("website", "site", "page", "account", "feed", "blog")
_MAKING = frozenset(
    {"release", "publish", "issue", "post", "compile", "prepare", "produce", "commission", "conduct", "file"}
)


def document_kinds(token: Token, kinds: dict[str, frozenset[int]]) -> frozenset[int]:
    """The document kinds a noun belongs to (``clip`` -> audiovisual), by its form or its lemma."""
    return kinds.get(token.lower_) or kinds.get(token.lemma_.lower()) or frozenset()


def is_definite(token: Token) -> bool:
    """``the ad``, ``this statement``: a document already introduced."""
    return any(t.dep_ == "det" and t.lower_ in _DEFINITE for t in token.lefts)


def antecedent_document(
    token: Token, kinds: dict[str, frozenset[int]], people: frozenset[str]
) -> Token | None:
    """The nearest earlier document of ``token``'s kind whose owner or writers the article names,
    within :data:`WINDOW` characters (or the same word with none: "a letter" sent by no one named
    ... "the letter"); None when there is none."""
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
        owned = document_owner(earlier) is not None or _by_group(earlier, people) is not None
        if owned or earlier.lemma_ == token.lemma_:
            return earlier
    return None


def later_document(token: Token, kinds: dict[str, frozenset[int]], until: int) -> Token | None:
    """The first later document of ``token``'s kind, written before ``until``: a headline's ``study
    finds`` is the study the article then says who made."""
    wanted = document_kinds(token, kinds)
    if not wanted:
        return None
    first = None
    for later in token.doc[token.i + 1 :]:
        if later.idx >= until:
            break
        if later.pos_ == "NOUN" and document_kinds(later, kinds) & wanted:
            if document_owner(later) is not None:
                return later  # (the first that says who made it: "a new report" ... "The report,
            first = first or later  # released Thursday by Public Health Ontario")
    return first


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
    return made_by_subject(token)


def made_by_subject(token: Token) -> Token | None:
    """``the charity issued a statement``, ``the municipality released a statement``: the subject
    (a name or a noun) of a verb that makes the document it is the object of."""
    head = token.head
    if token.dep_ != "dobj" or head.lemma_.lower() not in _MAKING:
        return None
    subject = next((c for c in head.lefts if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else None


def _by_phrase(token: Token, making_only: bool = False) -> Token | None:
    """``by X``/``from X`` after the document, or after a participle that modifies it (``released by X``);
    ``by researchers at X``: the organisation of the people who wrote it; ``posted on X's website``:
    the owner of the site it is on."""
    made = _made_by_agent(token)
    if made is not None:
        return made
    for child in token.rights:
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "acl" and child.tag_ == "VBN":
            if making_only and child.lemma_.lower() not in _MAKING:
                continue  # ("emails combed through by Vox": Vox read them, did not write them)
            preps = [c for c in child.children if c.dep_ in ("agent", "prep")]
            site = _site_owner(preps)
            if site is not None:
                return site
        for prep in preps:
            if prep.lower_ not in ("by", "from"):
                continue
            writer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if writer is not None and writer.pos_ in _OWNER_POS:
                return writer
            if writer is not None and writer.pos_ == "NOUN":
                return _their_organisation(writer) or writer  # ("from the president of X")
    return None


def _made_by_agent(token: Token) -> Token | None:
    """``A survey of 1,200 teachers conducted by the Nova Scotia Teachers Union``: a participle that
    makes a document, which the parser hung on the noun of its ``of`` phrase; its agent made it."""
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for noun in prep.children:
            for clause in noun.rights:
                if clause.dep_ != "acl" or clause.tag_ != "VBN" or clause.lemma_.lower() not in _MAKING:
                    continue
                for agent in clause.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                        writer = next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if writer is not None and writer.pos_ in _OWNER_POS:
                            return writer
    return None


def research_groups(doc, people: frozenset[str]) -> dict[str, list[str]]:
    """The groups of researchers an article names, by their noun: ``Researchers at the University of
    Bergen`` -> {"researchers": ["University of Bergen researchers"]}, ``Harvard economists`` ->
    {"economists": ["Harvard economists"]}."""
    groups: dict[str, list[str]] = {}
    for token in doc:
        if token.tag_ != "NNS" or token.lower_ not in people:
            continue
        named = group_name(token)
        if named is not None and named not in groups.setdefault(token.lower_, []):
            groups[token.lower_].append(named)
    return groups


def group_name(people: Token) -> str | None:
    """``University of Bergen researchers`` of ``researchers at the University of Bergen``,
    ``Harvard economists`` of ``Harvard economists``, or None."""
    organisation = _their_organisation(people)
    if organisation is not None:
        return f"{_name_text(organisation)} {people.lower_}"
    named = [c for c in people.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == people.i - 1]
    if named:
        return f"{_name_text(named[0])} {people.lower_}"
    return None


def _name_text(token: Token) -> str:
    """A proper noun with its compounds and an ``of`` phrase, without a leading "the"."""
    words = [t for t in token.subtree if (t.dep_ != "det" and not t.is_punct) or t.text == "-"]
    return token.doc[words[0].i : words[-1].i + 1].text if words else token.text


def _site_owner(preps: list[Token]) -> Token | None:
    """``on Health Canada's website``: the owner of the site a participle says a document is on."""
    for prep in preps:
        if prep.lower_ in ("on", "in"):
            site = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ in _SITES), None)
            owner = next((c for c in site.lefts if c.dep_ in ("poss", "compound")), None) if site else None
            if owner is not None and owner.pos_ in _OWNER_POS:
                return owner
    return None


def made_by_clause(token: Token) -> Token | None:
    """``figures the pantry released Tuesday``, ``a report the agency published``: the subject of a
    relative clause that makes the document (not a relative pronoun)."""
    for clause in token.rights:
        if clause.dep_ == "relcl" and clause.lemma_ in _MAKING:
            subject = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                return subject
    doc, i = token.doc, token.i  # (by word order, where the parser missed the clause)
    ordered = i + 3 < len(doc) and doc[i + 1].lower_ in ("the", "a", "an") and doc[i + 3].lemma_ in _MAKING
    if ordered and doc[i + 2].pos_ in ("NOUN", "PROPN") and doc[i + 3].tag_ in ("VBD", "VBN"):
        return doc[i + 2]
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
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else None


def _by_group(token: Token, people: frozenset[str]) -> str | None:
    """``a study by researchers at the University of Leeds``: the group that wrote a document."""
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            writer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if writer is not None and writer.lower_ in people:
                return group_name(writer)
    return None


class DocumentResolver:
    """Documents to the person or organisation that made them, over the article's state."""

    def __init__(self, state: ArticleState, resolve: TokenResolver) -> None:
        self.entities = state.entities
        self.words = state.words
        self._resolve_token = resolve
        self._opening_end = state.opening_end
        self.groups = research_groups(state.doc, self.words.research_people)
        self._study = self.words.document_kinds.get("study", frozenset())

    def research_group(self, token: Token) -> Resolution | None:
        """``the study found``, ``the researchers wrote`` with no owner of their own: the one group of
        researchers the article names (``Researchers at the University of Bergen surveyed ...``)."""
        if token.tag_ == "NNS" and token.lower_ in self.groups:
            owned = any(c.dep_ in ("amod", "compound", "poss", "prep") for c in token.children)
            if owned or not is_definite(token):
                return None
            names = self.groups[token.lower_]
        elif token.tag_ == "NN" and self._study & document_kinds(token, self.words.document_kinds):
            names = sorted({n for found in self.groups.values() for n in found})
        else:
            return None
        if len(names) != 1:
            return None
        how = f"'{token.text}' -> the article's one group of researchers"
        return Resolution(names[0], "description", how)

    def author(self, token: Token, making_only: bool = False) -> Resolution | None:
        """``a 2009 report by the Pew Research Center``, ``an email from Neera Tanden``, ``a report
        released by X``, ``a study by researchers at X``, ``the Pew Research Center analysis``: a
        document speaks for the named person or organisation that wrote it (by or from, or a name
        written before it)."""
        group = _by_group(token, self.words.research_people)
        if group is not None:
            return Resolution(group, "description", f"the {token.text} of {group}")
        maker = made_by_clause(token) or made_by_subject(token)
        if maker is not None:
            resolved = self._resolve_token(maker, _fake(maker))
            described = resolved.kind == "description" and maker.pos_ == "NOUN" and is_definite(maker)
            if resolved.name is not None and (resolved.kind in ("person", "organisation") or described):
                return Resolution(resolved.name, resolved.kind, f"the {token.text} made by {resolved.how}")
        writer = _by_phrase(token, making_only)
        if writer is None:
            writer = next((c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1), None)
            if writer is not None and writer.pos_ == "NOUN":  # ("library figures": the library's)
                resolved = self._resolve_token(writer, _fake(writer))
                if resolved.kind == "organisation":
                    return Resolution(resolved.name, resolved.kind, f"the {token.text} of {resolved.how}")
                return None
            if writer is not None and writer.i not in self.entities.entity_at:
                return None  # ("the Senate vote": no named writer)
        if writer is not None and writer.pos_ == "NOUN" and token.i < writer.i:
            resolved = self._resolve_token(writer, _fake(writer))  # ("an email from the president of X")
            kinds = ("person", "organisation") if making_only else ("person", "organisation", "description")
            if resolved.name is not None and resolved.kind in kinds:  # (not "a survey by the group")
                return Resolution(resolved.name, resolved.kind, f"the {token.text} from {resolved.how}")
            return None
        if writer is None or writer.pos_ != "PROPN":
            return None
        resolved = self._resolve_token(writer, _fake(writer))
        if resolved.name is None or resolved.kind == "description":
            return None
        return Resolution(resolved.name, resolved.kind, f"the {token.text} of {resolved.how}")

    def earlier_document(self, token: Token) -> Resolution | None:
        """``The clip says ...`` after ``A web video by the RNC``: the owner of the earlier document
        of its kind (:func:`antecedent_document`), or of a headline's document the article goes on to
        introduce (:func:`later_document`)."""
        by = any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in token.rights)
        if by:
            return None
        kinds, people = self.words.document_kinds, self.words.research_people
        if token.idx < self._opening_end and not is_definite(token):  # a headline's "study finds"
            same = later_document(token, kinds, self._opening_end + OPENING_REACH)
        elif is_definite(token):
            same = antecedent_document(token, kinds, people)
        else:
            return None
        group = _by_group(same, people) if same is not None else None
        if group is not None:
            return Resolution(group, "description", f"the {token.text} of {group}")
        owner = document_owner(same) if same is not None else None
        if owner is None:
            return None
        resolved = self._resolve_token(owner, _fake(owner))
        described = resolved.kind == "description" and owner.pos_ == "NOUN" and is_definite(owner)
        if resolved.name is None or (resolved.kind == "description" and not described):
            return None  # (a name the model could not type counts: "Herbalife said in a statement")
        kind = resolved.kind if resolved.kind != "unknown" else "organisation"
        return Resolution(resolved.name, kind, f"the {token.text} made by {resolved.how}")
