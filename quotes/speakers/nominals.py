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
    is_acronym,
    is_partitive,
    is_person_noun,
    kind_groups,
    names_itself,
    one_of,
    singular,
)
from quotes.speakers.documents import DocumentResolver, document_kinds, group_name
from quotes.speakers.pronouns import left_noun
from quotes.speakers.records import Entity, Resolution
from quotes.speakers.records import unknown as _unknown
from quotes.speakers.roles import RoleResolver
from quotes.speakers.titles import plain_name

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState, TokenResolver


_PERSON_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent", "eer", "ee", "man", "woman", "ess", "person")
_NAMING = ("named", "called", "nicknamed")
_NAMED_AS = ("oprd", "dobj", "attr", "xcomp", "appos", "npadvmod")
NEARBY = 300  # characters: how far back "the bank" looks for an organisation with no kind word


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
        surname = self._surname(token)
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
                name = _name_of(child)
                entity = self.entities.lookup(name)
                resolved = entity.name if entity else self.entities.aliases.canonical(name)
                kind = entity.kind if entity else ("person" if child.ent_type_ == "PERSON" else "unknown")
                role = clean_title(_role_before(token, child))
                return Resolution(resolved, kind, f"apposition '{name}'", role)
        named = self._named(token)
        if named is not None:
            return named
        whom = self._partitive_relative(token)
        if whom is not None:
            return whom
        definite = any(t.dep_ in ("det", "poss") for t in token.lefts)
        role = self.roles.resolve(token, definite)
        if role is not None:
            return role
        organisation = self._named_kind(token)  # ("the Accord trade union")
        if organisation is None and definite:
            organisation = self._organisation_of_kind(token)
        elif organisation is None:  # ("library figures", a headline's "board says")
            organisation = self._modifier_organisation(token) or self._headline_organisation(token)
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

    def _named(self, token: Token) -> Resolution | None:
        """``a man named Carl Becker``, ``a 70-year-old academic named Eric Kingson``, ``a woman
        called Ruth``: the name the description is given."""
        for child in token.rights:
            if child.dep_ != "acl" or child.lower_ not in _NAMING:
                continue
            name = next((c for c in child.rights if c.dep_ in _NAMED_AS and c.pos_ == "PROPN"), None)
            if name is None:
                continue
            words = _name_of(name)
            entity = self.entities.lookup(words)
            if entity is not None:
                return Resolution(entity.name, entity.kind, f"'{token.text} {child.text} {words}'")
            how = f"'{token.text} {child.text} {words}'"
            return Resolution(self.entities.aliases.canonical(words), "person", how)
        return None

    def _surname(self, token: Token) -> Resolution | None:
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
        if word.lower() not in self.entities.people.by_surname:
            return None
        person = self.entities.lookup(word)
        if person is None or person.kind != "person":
            return None
        return Resolution(person.name, "person", f"surname '{token.text}'")

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

    def _organisation_of_kind(self, token: Token) -> Entity | None:
        """``the bank`` -> the nearest organisation named before with a bank word; ``the company``
        also -> the nearest organisation with no kind word; ``the IMF`` -> by acronym."""
        if is_acronym(token.text):
            return self.entities.lookup(token.text)
        named = self._organisation_named_by(token)
        if named is not None:
            return named
        groups = kind_groups(token.lower_, self.words)
        if not groups or any(_another(c) for c in token.lefts if c.dep_ in ("amod", "compound")):
            return None  # ("the rival company", "the investment bank"; not "the Winnipeg-based company")
        generic = self.words.organisation_kinds.get("company")
        owner = next((c.lower_ for c in token.lefts if c.dep_ == "poss" and c.pos_ == "NOUN"), None)

        def fits(entity: Entity) -> bool:
            if entity.kind != "organisation" or entity.name.lower() in self.words.organisation_kinds:
                return False  # (nor an organisation named by a kind word alone: "Bank")
            if owner is not None and owner not in entity.name.lower().split():
                return False  # ("the county's health department": the county's, not the nearest agency)
            if self._law(entity):
                return False  # ("the Foreign Corrupt Practices Act" is no company)
            own = kind_groups(entity.name, self.words)
            return bool(own & groups or (generic in groups and not own))

        nearest = next((e for e in self.entities.before(token.idx) if fits(e)), None)
        if generic in groups and nearest is not None and not self._company_named(nearest):
            earlier = self.entities.before(token.idx)
            company = next((e for e in earlier if fits(e) and self._company_named(e)), None)
            nearest = company or nearest  # ("Brightwater Appliances ... Health Canada ... the company")
        if nearest is not None and self._in_passing(nearest, token):
            subject = next((e for _, e in self.entities.subjects.before(token.idx) if fits(e)), None)
            return subject or nearest  # ("an analyst at Halvorsen Securities" ... "the company")
        if nearest is not None:
            return nearest
        if token.lower_ in self.words.kinds_nearby and not any(c.dep_ == "poss" for c in token.lefts):
            return self._organisation_nearby(token, groups)
        return None

    def _company_named(self, entity: Entity) -> bool:
        """A name that ends as a company's does (``Brightwater Appliances``, ``Toyota Motor Corp``)."""
        words = entity.name.split()
        return len(words) > 1 and words[-1].lower().rstrip(".") in self.words.company_name_endings

    def _law(self, entity: Entity) -> bool:
        """A name the model calls an organisation that names a law or a treaty (``the Foreign
        Corrupt Practices Act``): no company, agency or bank a description can name."""
        words = entity.name.split()
        return len(words) > 1 and words[-1].lower() in self.words.legal_instruments

    def _headline_organisation(self, token: Token) -> Entity | None:
        """``Rents still rising in Dublin, board says``: a bare noun in a headline or lede that ends
        the name of an organisation the article names (``the Residential Tenancies Board``)."""
        return self._organisation_named_by(token) if token.idx < self._opening_end else None

    def _in_passing(self, entity: Entity, token: Token) -> bool:
        """Whether an organisation was named once before ``token``, and never as a subject."""
        mentions, subjects = self.entities.mentions, self.entities.subjects
        return mentions.count_before(entity, token.idx) == 1 and subjects.count_before(entity, token.idx) == 0

    def _named_kind(self, token: Token) -> Entity | None:
        """``the Accord trade union``, ``the Loblaw chain``: a kind of organisation with the name of
        one of the article's organisations before it is that organisation."""
        if not kind_groups(token.lower_, self.words) and token.lower_ not in self.mentions.organisation_words:
            return None
        before = self.entities.entity_at.get(token.i - 1)  # ("the United Food and Commercial Workers union")
        if before is not None and before.end == token.i:
            entity = self.entities.lookup(before.text)
            if entity is not None and entity.kind == "organisation":
                return entity
        names = [  # (capitalised: the model tags a lower-case "regional" or "health" PROPN at times)
            t for t in token.subtree
            if t.i < token.i and t.pos_ == "PROPN" and t.dep_ == "compound" and t.text[:1].isupper()
        ]
        for name in names:
            words = _name_of(name)
            entity = self.entities.lookup(words)
            if entity is not None and entity.kind == "organisation" and self._same_kind(entity, name, token):
                return entity
            unlabelled = name.ent_type_ in ("", "ORG", "PRODUCT", "WORK_OF_ART")
            if entity is None and unlabelled and token.lower_ not in _PART_OF_SOMEONE:
                return self.entities.people.add(words, "organisation", name.idx)  # ("the Accord trade union")
        return None

    def _same_kind(self, entity: Entity, name: Token, token: Token) -> bool:
        """Whether ``the Toronto police`` may be an organisation whose name ``Toronto`` only begins
        (``Toronto District School Board``): a place's name before a kind noun is that organisation
        only when its name is the place's alone or the kinds agree."""
        if entity.name.lower() == _name_of(name).lower() or name.ent_type_ not in ("GPE", "LOC"):
            return True
        last = entity.name.split()[-1].lower()
        return last in (token.lower_, token.lemma_.lower()) or bool(
            kind_groups(entity.name, self.words) & kind_groups(token.lower_, self.words)
        )

    def _modifier_organisation(self, token: Token) -> Entity | None:
        """``library figures``: a common noun that modifies a document and names one of the
        article's organisations by the last word of its name (``Westbury Public Library``)."""
        if token.dep_ != "compound" or token.head.lower_ not in self.words.utterances:
            return None
        return self._organisation_named_by(token)

    def _organisation_named_by(self, token: Token) -> Entity | None:
        """``the pantry`` -> ``Peoplesworth Community Pantry``, ``the council`` -> ``Derwentshire County
        Council``: the nearest organisation named before whose name ends with the noun; in a headline
        or lede (``A council has admitted ...``), the first named after it."""
        if not token.text.islower() or token.pos_ != "NOUN":
            return None
        forms = {token.lower_, token.lemma_.lower()}

        def named_by(entity: Entity) -> bool:
            words = entity.name.split()
            return entity.kind == "organisation" and len(words) > 1 and words[-1].lower() in forms

        found = next((e for e in self.entities.before(token.idx) if named_by(e)), None)
        if found is None and token.idx < self._opening_end:
            found = next((e for e in self.entities.after(token.idx) if named_by(e)), None)
        return found

    def _organisation_nearby(self, token: Token, groups: set[int]) -> Entity | None:
        """``Wells Fargo ... The bank said``: an organisation named within :data:`NEARBY` characters
        before, with no kind word of another kind, for the kind nouns of ``kinds_nearby``."""
        for position, entity in self.entities.mentions.before(token.idx):
            if token.idx - position > NEARBY:
                return None
            if entity.kind != "organisation" or entity.name.lower() in self.words.organisation_kinds:
                continue
            if self._law(entity):
                continue
            if not kind_groups(entity.name, self.words) - groups:
                return entity
        return None

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


# kinds of organisation that belong to someone, named by them ("the Trump campaign", "the Obama
# administration"): their name is no organisation's
_PART_OF_SOMEONE = frozenset(
    {"campaign", "administration", "team", "staff", "office", "government", "committee", "camp", "party"}
)
_OTHER_ONE = frozenset(
    {"rival", "other", "another", "parent", "competing", "new", "former", "sister", "subsidiary", "partner",
     "second", "third", "same", "different", "foreign", "smaller", "larger", "bigger"}
)


def _group_head(token: Token) -> Token:
    """``sources`` of ``one of the sources``."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), token) if of is not None else token


def _another(modifier: Token) -> bool:
    """A modifier that may make ``the company`` another one than the one just named (``the rival
    company``, ``an investment bank``), unlike a place or a trade (``the Winnipeg-based company``,
    ``the software maker``)."""
    if modifier.lower_ in _OTHER_ONE:
        return True
    words = [t for t in modifier.subtree]
    based = any(t.lower_ == "based" for t in words)
    return not based and modifier.pos_ == "ADJ" and modifier.ent_type_ not in ("GPE", "NORP", "LOC")


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


def _name_of(token: Token) -> str:
    """The text of :func:`_compound_name` as written (``Claire Brisebois-Hann``)."""
    words = _compound_name(token)
    return token.doc[words[0].i : words[-1].i + 1].text


def _compound_name(token: Token) -> list[Token]:
    """``David Woodard`` of ``David Woodard of Clemson University``: the head and its proper-noun
    compounds, without prepositional phrases."""
    words = [token]
    doc = token.doc
    while (  # ("Claire Brisebois-Hann", split by the tokenizer at its hyphen)
        words[0].i >= 2
        and doc[words[0].i - 1].text == "-"
        and not doc[words[0].i - 1].whitespace_
        and not doc[words[0].i - 2].whitespace_
        and doc[words[0].i - 2].pos_ == "PROPN"
    ):
        words[0:0] = [doc[words[0].i - 2], doc[words[0].i - 1]]
    for child in reversed(list(token.lefts)):
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == words[0].i - 1:
            words.insert(0, child)
    return words
