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
from quotes.speakers.descriptions import (
    clean_title,
    description_name,
    is_acronym,
    is_partitive,
    kind_groups,
)
from quotes.speakers.entities import ArticleEntities, Entity
from quotes.speakers.index import Recency
from quotes.speakers.pronouns import PronounRules
from quotes.speakers.pronouns import fake_candidate as _fake
from quotes.speakers.resolution import Resolution
from quotes.speakers.resolution import unknown as _unknown
from quotes.speakers.roles import RoleRules
from quotes.speakers.titles import quotation_role

__all__ = ["ArticleEntities", "Entity", "Resolution", "Resolver"]

_PLURAL_TAGS = ("NNS", "NNPS")
PERSON_LABELS = ("PERSON",)
ORGANISATION_LABELS = ("ORG", "NORP_ORG")


class Resolver(PronounRules, RoleRules):
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

    def _is_person_noun(self, token: Token) -> bool:
        """``a spokeswoman``, ``an official``: an unnamed person, with a singular noun only a person
        can be (a definite "the former first lady" is left to name someone)."""
        lower, words = token.lower_, self.words
        if token.tag_ != "NN" or not any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in token.lefts):
            return False
        titled = self.entities.title_group(lower) is not None
        return lower in words.role_genders or lower in words.person_roles or titled

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
            return self._pronoun(token, pronoun)
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

    def _headline_name(self, candidate: Candidate) -> Resolution | None:
        """``Trump Addresses Munich Attack: "..."``: on the first line, the longest opening words of
        the mention that name a person of the article, without the headline's verb and object."""
        if candidate.speaker is None or candidate.speaker[1] > self.entities.first_line_end:
            return None
        start, end = candidate.speaker
        words = self.doc.text[start:end].split()
        for n in range(len(words) - 1, 0, -1):
            if not all(w[:1].isupper() for w in words[:n]):
                continue
            entity = self.entities.lookup(" ".join(words[:n]))
            if entity is not None and entity.kind == "person" and entity.name.split()[-1] == words[n - 1]:
                return Resolution(entity.name, entity.kind, f"headline name '{' '.join(words[:n])}'")
        return None

    def _proper(self, token: Token) -> Resolution:
        words = [
            t for t in token.subtree if (t.pos_ == "PROPN" or t is token) and token.i - 4 <= t.i <= token.i
        ]
        name = _hyphenated(token) or " ".join(t.text for t in words) or token.text
        entity = self.entities.lookup(name)
        if entity is not None:
            return Resolution(entity.name, entity.kind, f"name '{name}'")
        if token.lower_ in self.words.person_roles or self.entities.title_group(token.lower_) is not None:
            determined = any(t.dep_ in ("det", "poss") for t in token.lefts)
            role = self._role(token, determined)  # "The Wisconsin Republican", "Judge", "Senator from Texas"
            if role is not None:
                return role
        if len(words) == 1 and token.lower_ in self.words.not_speakers:
            return _unknown(f"'{token.text}' is no speaker on its own")
        kind = "organisation" if any(w.lower_ in self.rules.organisation_words for w in words) else "unknown"
        if kind == "unknown" and (token.tag_ == "NNPS" or token.ent_type_ == "NORP"):
            kind = "description"  # "Republicans", "Democrats": a group, no one person
        return Resolution(self.entities.aliases.canonical(name), kind, f"proper noun '{name}'")

    def _past_dateline(self, token: Token) -> Resolution:
        """``CLEVELAND (UPI) — Former Attorney General Michael Mukasey said``: the apposition."""
        for child in token.children:
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and not self.entities.datelines.contains(child.idx)
            ):
                return self._resolve_token(child, _fake(child))
        for later in token.doc[token.i + 1 : token.sent.end]:  # the first person named after it
            named = self.entities.entity_at.get(later.i)
            if named is not None and named.label_ == "PERSON":
                return self._resolve_token(later, _fake(later))
        return _unknown(f"dateline '{token.text}'")

    def _platform(self, token: Token) -> Resolution:
        """``Donald Trump, Twitter: ...``: the name before the platform speaks."""
        for previous in reversed(list(token.doc[max(0, token.i - 6) : token.i])):
            if previous.pos_ == "PROPN" and previous.i in self.entities.entity_at:
                return self._resolve_token(previous, _fake(previous))
        return _unknown(f"platform '{token.text}'")

    def _nominal(self, token: Token) -> Resolution:
        owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
        if owner is not None and token.lower_ in self.words.utterances:  # "his statement": he speaks
            resolved = self._resolve_token(owner, _fake(owner))
            if resolved.name is not None:
                return Resolution(resolved.name, resolved.kind, f"the {token.text} of {resolved.how}")
        author = self._author(token) if owner is None and token.lower_ in self.words.utterances else None
        if author is not None:
            return author
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
                )
            ):
                name = " ".join(t.text for t in _compound_name(child))
                entity = self.entities.lookup(name)
                resolved = entity.name if entity else self.entities.aliases.canonical(name)
                kind = entity.kind if entity else ("person" if child.ent_type_ == "PERSON" else "unknown")
                return Resolution(resolved, kind, f"apposition '{name}'", clean_title(token.text))
        definite = any(t.dep_ in ("det", "poss") for t in token.lefts)
        role = self._role(token, definite)
        if role is not None:
            return role
        organisation = self._organisation_of_kind(token) if definite else None
        if organisation is not None:
            return Resolution(organisation.name, "organisation", f"'{token.text}' -> {organisation.name}")
        nominal = token.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") or is_partitive(token)
        description = description_name(token, self.words, self.entities.datelines) if nominal else None
        if description is not None and description.lower() not in self.words.not_speakers:
            return Resolution(description, "description", f"unnamed source '{description}'")
        return _unknown(f"nominal mention '{token.text}' with no named referent")  # ("the statement")

    def _author(self, token: Token) -> Resolution | None:
        """``a 2009 report by the Pew Research Center``, ``an email from Neera Tanden``, ``the Pew
        Research Center analysis``: a document speaks for the named person or organisation that
        wrote it (by or from, or a name written before it)."""
        by = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        writer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
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

    def _organisation_of_kind(self, token: Token) -> Entity | None:
        """``the bank`` -> the nearest organisation named before with a bank word; ``the company``
        also -> the nearest organisation with no kind word; ``the IMF`` -> by acronym."""
        if is_acronym(token.text):
            return self.entities.lookup(token.text)
        groups = kind_groups(token.lower_, self.words)
        if not groups or any(c.dep_ in ("amod", "compound") for c in token.lefts):
            return None
        generic = self.words.organisation_kinds.get("company")
        for entity in self.entities.before(token.idx):
            if entity.kind != "organisation" or entity.name.lower() in self.words.organisation_kinds:
                continue  # (nor an organisation named by a kind word alone: "Bank")
            own = kind_groups(entity.name, self.words)
            if own & groups or (generic in groups and not own):
                return entity
        return None


def _hyphenated(token: Token) -> str | None:
    """``Wealth-X``, ``Al-Tabchi``: a name the tokenizer split at its hyphens, written whole."""
    doc, start = token.doc, token.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2
    if start == token.i:
        return None
    while start >= 1 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].whitespace_:
        start -= 1  # "Asab Al-Tabchi"
    return doc[start : token.i + 1].text


def _compound_name(token: Token) -> list[Token]:
    """``David Woodard`` of ``David Woodard of Clemson University``: the head and its proper-noun
    compounds, without prepositional phrases."""
    words = [token]
    for child in reversed(list(token.lefts)):
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == words[0].i - 1:
            words.insert(0, child)
    return words


