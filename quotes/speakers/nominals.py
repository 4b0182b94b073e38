"""Common-noun mentions as speakers: roles, appositions, documents, organisation kinds, unnamed sources.

:class:`NominalResolver`, a part of :class:`quotes.speakers.resolver.Resolver`, resolves a
mention headed by a common noun: an utterance's owner (``his statement``) or writer (``a report
by the Pew Research Center``), an apposition that names the person (``the spokesman, Henri
Dupont``), a role (:mod:`quotes.speakers.roles`), ``the bank``/``the company``/``the IMF`` to the
organisation named of that kind, or else the short description of an unnamed source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.speakers.article_state import fake_candidate as _fake
from quotes.speakers.descriptions import (
    clean_title,
    description_name,
    is_partitive,
    is_person_noun,
    name_of,
    names_itself,
    one_of,
    singular,
)
from quotes.speakers.documents import DocumentResolver, document_kinds, group_name
from quotes.speakers.organisations import OrganisationNames
from quotes.speakers.pronouns import left_noun
from quotes.speakers.records import Entity, Resolution
from quotes.speakers.records import unknown as _unknown
from quotes.speakers.roles import RoleResolver
from quotes.speakers.titles import plain_name

if TYPE_CHECKING:
    from quotes.speakers.article_entities import ArticleEntities
    from quotes.speakers.article_state import ArticleState, TokenResolver


_PERSON_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent", "eer", "ee", "man", "woman", "ess", "person")
_NAMING = ("named", "called", "nicknamed")
_NAMED_AS = ("oprd", "dobj", "attr", "xcomp", "appos", "npadvmod")


class NominalResolver:
    """Common-noun mentions to who they name, or to an unnamed source, over the article's state."""

    def __init__(
        self,
        state: ArticleState,
        resolve: TokenResolver,
        with_conjuncts: TokenResolver,
        roles: RoleResolver,
        documents: DocumentResolver,
    ) -> None:
        self.cues = state.cues
        self._opening_end = state.opening_end
        self.mentions = state.mentions
        self.words = state.words
        self.entities = state.entities
        self.speakers = state.speakers
        self._resolve_token = resolve
        self._with_conjuncts = with_conjuncts
        self.roles = roles
        self.documents = documents
        self.organisations = OrganisationNames(state)

    def is_person_noun(self, token: Token) -> bool:
        """``a spokeswoman``, ``an official``, ``a witness``, a bare ``the neighbor``: an unnamed person,
        with a singular noun only a person can be (a definite description with words of its own, "the
        former first lady", is left to name someone)."""
        lower, words = token.lower_, self.words
        lefts = list(token.lefts)
        bare = [t.lower_ for t in lefts] == ["the"]  # ("The neighbor, who asked not to be named, said")
        indefinite = any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in lefts)
        if token.tag_ != "NN" or not (bare or indefinite):
            return False
        titled = self.entities.title_group(lower) is not None
        listed = lower in words.role_genders or lower in words.person_roles or lower in words.person_nouns
        return listed or titled

    def resolve(self, token: Token) -> Resolution:
        """The person or organisation a common-noun mention names, or the unnamed source it describes."""
        surname = _surname(token, self.entities)
        if surname is not None:
            return surname
        owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
        if owner is not None and token.lower_ in self.words.utterances:  # "his statement": he speaks
            resolved = self._resolve_token(owner, _fake(owner))
            if resolved.name is not None:
                return Resolution(resolved.name, resolved.kind, f"the {token.text} of {resolved.how}")
        utterance = owner is None and token.lower_ in self.words.utterances
        written = owner is None and bool(document_kinds(token, self.words.document_kinds))
        author = self.documents.author(token, making_only=not utterance) if utterance or written else None
        if author is not None:
            return author
        earlier = self.documents.earlier_document(token) if owner is None else None
        if earlier is not None:
            return earlier
        group = self.documents.research_group(token) if owner is None else None
        if group is not None:
            return group
        for child in token.subtree:  # "the spokesman, Henri Dupont": the apposition names him
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and (
                    child.head.i == token.i
                    or (
                        child.ent_type_ == "PERSON"
                        and child.head.dep_ == "pobj"
                        and child.head.head.head.i == token.i
                    )
                    or _closing_apposition(token, child)
                )
            ):
                name = name_of(child)
                entity = self.entities.lookup(name)
                resolved = entity.name if entity else self.entities.aliases.canonical(name)
                kind = entity.kind if entity else ("person" if child.ent_type_ == "PERSON" else "unknown")
                role = clean_title(_role_before(token, child))
                return Resolution(resolved, kind, f"apposition '{name}'", role)
        named = _named(token, self.entities)
        if named is not None:
            return named
        whom = self._partitive_relative(token)
        if whom is not None:
            return whom
        definite = any(t.dep_ in ("det", "poss") for t in token.lefts)
        role = self.roles.resolve(token, definite)
        if role is not None:
            return role
        organisation = self.organisations.named_kind(token)  # ("the Accord trade union")
        if organisation is None and definite:
            organisation = self.organisations.of_kind(token)
        elif organisation is None:  # ("library figures", a headline's "board says")
            organisation = self.organisations.modifier(token) or self.organisations.in_headline(token)
        if organisation is not None:
            return Resolution(organisation.name, "organisation", f"'{token.text}' -> {organisation.name}")
        same = self._same_group(token)  # ("two people familiar with the matter" ... "one of the people")
        if same is not None:
            name = singular(same.name, _group_head(token)) if one_of(token) else same.name
            return Resolution(name, "description", f"'{token.text}' -> the group that spoke before")
        nominal = token.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") or is_partitive(token) or names_itself(token)
        description = description_name(token, self.words, self.entities.datelines) if nominal else None
        if description is not None and not self.may_speak(token):
            return _unknown(f"'{token.text}' names no person, group, organisation or document")
        group = group_name(token) if token.lower_ in self.words.research_people else None
        if group is not None:  # ("Analysts at Bernstein" -> "Bernstein analysts")
            return Resolution(group, "description", f"unnamed source '{group}'")
        if description is not None and description.lower() not in self.words.not_speakers:
            return Resolution(description, "description", f"unnamed source '{description}'")
        return _unknown(f"nominal mention '{token.text}' with no named referent")  # ("the statement")

    def _same_group(self, token: Token) -> Entity | None:
        """``the people``, ``one of the sources``: a bare plural with ``the`` and no word of its own
        names the unnamed group with that noun that spoke last (``two people familiar with the
        matter said``)."""
        head = token
        if token.lower_ in self.words.description_drop or token.like_num or is_partitive(token):
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            head = next((c for c in of.children if c.dep_ == "pobj"), token) if of is not None else token
        if head.tag_ != "NNS" or [c.lower_ for c in head.lefts] != ["the"] or list(head.rights):
            return None
        for _, entity in self.speakers.before(token.idx):
            if entity.kind == "group" and head.lower_ in entity.name.lower().split():
                return entity
        return None

    def may_speak(self, token: Token) -> bool:
        """Whether a described speaker's head names a person, a group, an organisation, a place that
        speaks as one or a record (``officials``, ``the crowd``, ``the province``, ``the study``), not
        a thing or an event (``stakes`` of "high-stakes", ``fear``, ``the match``)."""
        words, lower, lemma = self.words, token.lower_, token.lemma_.lower()
        if lower in words.abstract_nouns or lemma in words.abstract_nouns:
            return False
        if token.pos_ == "NOUN" and self.entities.quoted.contains(token.idx):
            return False  # (a term in quotation marks: 'Those "sustainable jobs" are ...')
        if token.pos_ in ("PROPN", "ADJ", "NUM") or is_partitive(token) or names_itself(token):
            return True
        if token.tag_ in ("NNS", "NNPS") or token.text[:1].isupper():
            return True  # (a plural is mostly a group of people; a capitalised word may be a name)
        if lower.endswith(_PERSON_ENDINGS):
            return True  # ("lobbyist", "pollster", "negotiator", "comedian": most such nouns are people)
        forms = {lower, lemma} | {c.lower_ for c in token.lefts if c.dep_ == "compound"}  # ("survey timing")
        lists = (
            words.source_nouns,
            words.utterances,
            words.document_kinds,
            words.organisation_kinds,
            self.mentions.organisation_words,
            self.cues.evidence_subjects,
        )
        return any(form in known for known in lists for form in forms) or is_person_noun(
            token, words, self.entities.title_group
        )

    def _partitive_relative(self, token: Token) -> Resolution | None:
        """``retired generals and admirals, most of whom said ...``: a part of the group a relative
        clause hangs on speaks for the group (its antecedent, with its conjuncts)."""
        if not is_partitive(token):
            return None
        of = next(c for c in token.children if c.dep_ == "prep" and c.lower_ == "of")
        if not any(c.dep_ == "pobj" and c.lower_ in ("whom", "which") for c in of.children):
            return None
        verb = token.head
        antecedent = verb.head if verb.dep_ == "relcl" and verb.head.i < token.i else left_noun(token)
        if antecedent is None or antecedent.pos_ not in ("NOUN", "PROPN"):
            return None
        while antecedent.dep_ == "conj" and antecedent.head.i < antecedent.i:  # ("generals and admirals")
            antecedent = antecedent.head
        resolved = self._with_conjuncts(antecedent, _fake(antecedent))
        if resolved.name is None:
            return None
        how = f"'{token.text} of' a relative clause's antecedent -> {resolved.how}"
        return Resolution(resolved.name, resolved.kind, how, None, resolved.names)

    def name_before_verb(self, token: Token) -> Resolution | None:
        """``Trump demands accountability and transparency from ...``: a cue verb the parser read as
        a plural noun (``demands``) heads no description; the name written before it speaks."""
        for verb in token.lefts:
            if verb.dep_ != "compound" or verb.tag_ != "NNS" or verb.lower_ not in self.cues.verb_forms:
                continue
            name = verb.doc[verb.i - 1] if verb.i > 0 else None
            if name is None or name.pos_ not in ("PROPN", "NOUN") or name.i not in self.entities.entity_at:
                continue
            resolved = self._resolve_token(name, _fake(name))
            if resolved.name is not None and resolved.kind in ("person", "organisation"):
                how = f"{resolved.how}, before the verb '{verb.text}'"
                return Resolution(resolved.name, resolved.kind, how)
        return None




def _named(token: Token, entities: ArticleEntities) -> Resolution | None:
    """``a man named Carl Becker``, ``a 70-year-old academic named Eric Kingson``, ``a woman
    called Ruth``: the name the description is given."""
    for child in token.rights:
        if child.dep_ != "acl" or child.lower_ not in _NAMING:
            continue
        name = next((c for c in child.rights if c.dep_ in _NAMED_AS and c.pos_ == "PROPN"), None)
        if name is None:
            continue
        words = name_of(name)
        entity = entities.lookup(words)
        if entity is not None:
            return Resolution(entity.name, entity.kind, f"'{token.text} {child.text} {words}'")
        how = f"'{token.text} {child.text} {words}'"
        return Resolution(entities.aliases.canonical(words), "person", how)
    return None


def _surname(token: Token, entities: ArticleEntities) -> Resolution | None:
    """``Torres added`` after ``said Ana Torres``, where the model read ``Torres`` as a common
    noun: a capitalised word, alone, that is the surname of a person the article names is
    that person."""
    word = plain_name(token.text, person=True)
    if word.isupper() and len(word) > 2:
        word = word.title()  # ("RUIZ:" in a transcript)
    if not word[:1].isupper() or word.isupper() or any(
        c.dep_ in ("det", "amod", "compound", "poss") for c in token.lefts
    ):
        return None
    if word.lower() not in entities.people.by_surname:
        return None
    person = entities.lookup(word)
    if person is None or person.kind != "person":
        return None
    return Resolution(person.name, "person", f"surname '{token.text}'")

def _group_head(token: Token) -> Token:
    """``sources`` of ``one of the sources``."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), token) if of is not None else token


def _role_before(token: Token, name: Token) -> str:
    """The description a name is in apposition to, without its determiner: ``head of external
    communications at Bristol City Council`` of ``head of ..., Saskia Konynenburg``."""
    doc = token.doc
    words = [t for t in doc[token.left_edge.i : name.left_edge.i] if t.dep_ != "det" or t.head is not token]
    return "".join(t.text_with_ws for t in words).strip(" ,")


def _closing_apposition(token: Token, name: Token) -> bool:
    """``head of external communications at Bristol City Council, Saskia Konynenburg,``: a person's
    name set off by a comma that closes a description of a person (the parser hangs it on the
    last noun before it)."""
    if name.ent_type_ != "PERSON" or name.i <= token.i:
        return False
    before = token.doc[name.left_edge.i - 1]
    last = max((t.i for t in token.subtree if not t.is_punct), default=token.i)
    return before.text == "," and last == name.right_edge.i
