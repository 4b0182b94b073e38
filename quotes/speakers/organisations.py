"""The organisation a common noun names: ``the bank``, ``the company``, ``the Accord trade union``.

:class:`OrganisationNames`, used by :class:`quotes.speakers.nominals.NominalResolver`, finds the
article's organisation a kind noun stands for: by a name written before the noun (``the Loblaw
chain``), by the last word of a name (``the pantry`` of ``Peoplesworth Community Pantry``), by
an acronym, or the nearest organisation named before of that kind (``the company`` skips a law,
another kind and an organisation named once in passing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.speakers.descriptions import is_acronym, kind_groups, name_of
from quotes.speakers.records import Entity

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState

NEARBY = 300  # characters: how far back "the bank" looks for an organisation with no kind word

# kinds of organisation that belong to someone, named by them ("the Trump campaign", "the Obama
# administration"): their name is no organisation's
_PART_OF_SOMEONE = frozenset(
    {"campaign", "administration", "team", "staff", "office", "government", "committee", "camp", "party"}
)
_OTHER_ONE = frozenset(
    {"rival", "other", "another", "parent", "competing", "new", "former", "sister", "subsidiary", "partner",
     "second", "third", "same", "different", "foreign", "smaller", "larger", "bigger"}
)


class OrganisationNames:
    """Kind nouns to the article's organisations, over the article's state."""

    def __init__(self, state: ArticleState) -> None:
        self._opening_end = state.opening_end
        self.mentions = state.mentions
        self.words = state.words
        self.entities = state.entities

    def of_kind(self, token: Token) -> Entity | None:
        """``the bank`` -> the nearest organisation named before with a bank word; ``the company``
        also -> the nearest organisation with no kind word; ``the IMF`` -> by acronym."""
        if is_acronym(token.text):
            return self.entities.lookup(token.text)
        named = self._named_by(token)
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
            return self._nearby(token, groups)
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

    def in_headline(self, token: Token) -> Entity | None:
        """``Rents still rising in Dublin, board says``: a bare noun in a headline or lede that ends
        the name of an organisation the article names (``the Residential Tenancies Board``)."""
        return self._named_by(token) if token.idx < self._opening_end else None

    def _in_passing(self, entity: Entity, token: Token) -> bool:
        """Whether an organisation was named once before ``token``, and never as a subject."""
        mentions, subjects = self.entities.mentions, self.entities.subjects
        return mentions.count_before(entity, token.idx) == 1 and subjects.count_before(entity, token.idx) == 0

    def named_kind(self, token: Token) -> Entity | None:
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
            words = name_of(name)
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
        if entity.name.lower() == name_of(name).lower() or name.ent_type_ not in ("GPE", "LOC"):
            return True
        last = entity.name.split()[-1].lower()
        return last in (token.lower_, token.lemma_.lower()) or bool(
            kind_groups(entity.name, self.words) & kind_groups(token.lower_, self.words)
        )

    def modifier(self, token: Token) -> Entity | None:
        """``library figures``: a common noun that modifies a document and names one of the
        article's organisations by the last word of its name (``Westbury Public Library``)."""
        if token.dep_ != "compound" or token.head.lower_ not in self.words.utterances:
            return None
        return self._named_by(token)

    def _named_by(self, token: Token) -> Entity | None:
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

    def _nearby(self, token: Token, groups: set[int]) -> Entity | None:
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


def _another(modifier: Token) -> bool:
    """A modifier that may make ``the company`` another one than the one just named (``the rival
    company``, ``an investment bank``), unlike a place or a trade (``the Winnipeg-based company``,
    ``the software maker``)."""
    if modifier.lower_ in _OTHER_ONE:
        return True
    words = [t for t in modifier.subtree]
    based = any(t.lower_ == "based" for t in words)
    return not based and modifier.pos_ == "ADJ" and modifier.ent_type_ not in ("GPE", "NORP", "LOC")

