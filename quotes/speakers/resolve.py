"""Resolve speaker mentions to canonical names within one article, by rules.

``Sam Altman``, ``Altman``, ``Mr. Altman`` and ``he`` become one speaker named ``Sam Altman``:
names cluster by surname and take their longest form; pronouns take the nearest salient
speaker or subject that agrees in gender, number and animacy; relative ``who``/``which`` take
the noun they modify; descriptions take the named referent the article ties them to (a title,
an organisation of that kind, an acronym) or else keep their own short form as the name of an
unnamed source (``senior administration official``). Datelines, platforms and generic words are
never speakers. Where no rule holds, the name is ``None``: an honest unknown.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from quotes.attribution import Candidate, SpanIndex
from quotes.cues import CueRules
from quotes.speakers import AliasTable
from quotes.speakers.affiliation import role_gender
from quotes.speakers.descriptions import clean_title
from quotes.speakers.entities import ArticleEntities, Entity
from quotes.speakers.index import Recency
from quotes.speakers.nominals import NominalRules
from quotes.speakers.pronouns import PronounRules
from quotes.speakers.pronouns import fake_candidate as _fake
from quotes.speakers.proper import ProperNameRules
from quotes.speakers.resolution import Resolution
from quotes.speakers.resolution import unknown as _unknown
from quotes.speakers.roles import RoleRules
from quotes.speakers.titles import quotation_role

__all__ = ["ArticleEntities", "Entity", "Resolution", "Resolver"]

_PLURAL_TAGS = ("NNS", "NNPS")
PERSON_LABELS = ("PERSON",)
ORGANISATION_LABELS = ("ORG", "NORP_ORG")


class Resolver(ProperNameRules, NominalRules, PronounRules, RoleRules):
    """Resolves each candidate's speaker mention, in text order, remembering earlier speakers."""

    def __init__(self, doc: Doc, rules: CueRules, aliases: AliasTable, quoted: SpanIndex) -> None:
        self.doc = doc
        self.rules = rules
        self.words = rules.speakers
        self.entities = ArticleEntities(doc, rules, aliases, quoted)  # the article's quotations, found once
        self.speakers: Recency[Entity] = Recency()  # resolved speakers so far
        self.by_mention: dict[int, Resolution] = {}  # speaker token index -> its resolution
        self.groups: dict[str, Entity] = {}  # plural unnamed sources, which "they" may take up
        self._breaks = [m.start() for m in re.finditer(r"\n", doc.text)]  # paragraph boundaries
        lines = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", doc.text)]
        self._opening_end = lines[2] if len(lines) > 2 else len(doc.text)  # the headline and the lede

    @property
    def operations(self) -> int:
        """Index work done so far (for growth tests)."""
        return (
            self.speakers.operations + self.entities.mentions.operations + self.entities.subjects.operations
        )

    def register(self, candidates: list[Candidate]) -> None:
        """Let full names written as speakers join the article's people even where the model's
        named-entity recogniser missed them (``Mayor Elena Ruiz on Wednesday defended ...``)."""
        for candidate in candidates:
            token = candidate.speaker_token
            if token is not None and token.pos_ == "PROPN" and not token.ent_type_:
                words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
                while words and self.entities.title_group(words[0].lower_) is not None:
                    words = words[1:]  # ("Mayor Elena Ruiz")
                if any(self.entities.title_group(t.lower_) is not None for t in words):
                    continue  # ("Wells Fargo CEO")
                self.entities.add_person_mention(" ".join(t.text for t in words), token.idx)

    def resolve(self, candidate: Candidate) -> Resolution:
        token = candidate.speaker_token
        if candidate.inherited:
            return self._inherited(candidate)
        if token is None or candidate.speaker is None:
            return _unknown("no speaker mention")
        resolution = self._with_conjuncts(token, candidate)
        if resolution.title is None and resolution.kind == "person":
            person = self.entities.lookup(resolution.name) if resolution.name else None
            title = clean_title(candidate.title) or quotation_role(person, self.entities)
            if title is not None:
                resolution = Resolution(
                    resolution.name, resolution.kind, resolution.how, title, resolution.names
                )
        self.by_mention[token.i] = resolution
        pronoun = self.rules.pronouns.get(token.lower_)
        writer = pronoun is not None and pronoun.first_person  # ("I" of the writer: no antecedent for "he")
        if resolution.name is not None and resolution.kind in ("person", "organisation") and not writer:
            entity = self.entities.lookup(resolution.name)
            if entity is not None:
                self.speakers.add(token.idx, entity)
        elif resolution.name is not None and resolution.kind == "description" and token.tag_ in _PLURAL_TAGS:
            group = self.groups.setdefault(resolution.name, Entity(resolution.name, "group", token.idx))
            self.speakers.add(token.idx, group)  # "aides ... they said"
        elif resolution.name is not None and resolution.kind == "description" and self._is_person_noun(token):
            gender = role_gender([token.lower_], self.words.role_genders)
            unnamed = Entity(resolution.name, "unnamed", token.idx, gender=gender)
            person = self.groups.setdefault(resolution.name, unnamed)
            self.speakers.add(token.idx, person)  # "a spokeswoman said ... she added"
        return resolution

    def _inherited(self, candidate: Candidate) -> Resolution:
        """A continued quotation takes the name its previous quotation's mention resolved to
        (not merely the last speaker resolved, which may be another quotation's)."""
        token = candidate.speaker_token
        previous = self.by_mention.get(token.i) if token is not None else None
        if previous is None and token is not None and candidate.speaker is not None:
            previous = self._with_conjuncts(token, candidate)
        if previous is None or previous.name is None:
            return _unknown("inherited from a quotation with no named speaker")
        return Resolution(
            previous.name,
            previous.kind,
            "inherited from the previous quotation",
            previous.title,
            previous.names,
        )

    def _with_conjuncts(self, token: Token, candidate: Candidate) -> Resolution:
        """``X and Y said``: each conjunct resolved; the name joins them with " and "."""
        named = self._name_before_verb(token)  # ("Trump demands accountability and transparency")
        if named is not None:
            return named  # (the misread verb's object is no speaker, nor are its conjuncts)
        first = self._resolve_token(token, candidate)
        conjuncts = [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "PRON", "NOUN")]
        if not conjuncts or first.name is None or first.kind == "unknown":
            return first
        names = [first.name]
        for conjunct in conjuncts:
            other = self._resolve_token(conjunct, _fake(conjunct))
            if other.name is not None and other.name not in names:
                names.append(other.name)
        if len(names) == 1:
            return first
        return Resolution(" and ".join(names), first.kind, f"{first.how}, with others", None, tuple(names))

    def _resolve_token(self, token: Token, candidate: Candidate) -> Resolution:
        lower = token.lower_
        pronoun = self.rules.pronouns.get(lower)
        if (pronoun is not None and token.pos_ == "PRON") or token.tag_ in ("WP", "WDT"):
            return self._pronoun(token, pronoun, tuple(candidate.content))
        if self.entities.datelines.contains(token.idx):
            return self._past_dateline(token)
        if lower in self.words.platforms:
            return self._platform(token)
        headline = self._headline_name(candidate)
        if headline is not None:
            return headline
        named = self.entities.entity_at.get(token.i)  # the head's entity, not "Voltaic's" in a CEO
        if named is not None:
            own = self.entities.entity_of.get(token.i)  # a person as clustered where named
            entity = own if own is not None and own.kind == "person" else self.entities.lookup(named.text)
            if entity is not None:
                return Resolution(entity.name, entity.kind, f"named entity '{named.text}'")
        headline_name = (
            candidate.rule == "colon-quote"
            and token.text[:1].isupper()
            and token.lower_ not in self.rules.title_groups
        )
        if (token.pos_ == "PROPN" and token.text[:1].isupper()) or headline_name:
            return self._proper(token)
        return self._nominal(token)
