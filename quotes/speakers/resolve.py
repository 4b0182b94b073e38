"""Resolve speaker mentions to canonical names within one article, by rules.

``Sam Altman``, ``Altman``, ``Mr. Altman`` and ``he`` become one speaker named ``Sam Altman``:
names cluster by surname and take their longest form; pronouns take the nearest compatible
speaker or person before them; relative ``who``/``which`` take the noun they modify; nominal
mentions (``the company's chief executive``) take the person last described by a title of
the same group. Where no rule holds, the name is ``None``: an honest unknown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from quotes.attribution import Candidate, SpanIndex
from quotes.cues import CueRules
from quotes.speakers import AliasTable

PERSON_LABELS = ("PERSON",)
ORGANISATION_LABELS = ("ORG", "NORP_ORG")
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass
class Entity:
    """One named person or organisation of the article."""

    name: str
    kind: str  # person | organisation
    first_seen: int
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    forms: Counter[str] = field(default_factory=Counter)  # how often each full form was written

    def add_form(self, form: str) -> None:
        """Count a written form; the canonical name is the most frequent of the fullest forms
        (so a one-off "Crooked Hillary Clinton" does not displace "Hillary Clinton")."""
        self.forms[form] += 1
        fullest = max(min(len(f.split()), 2) for f in self.forms)
        candidates = [f for f in self.forms if min(len(f.split()), 2) == fullest]
        self.name = max(candidates, key=lambda f: (self.forms[f], -len(f.split()), f))


@dataclass(frozen=True)
class Resolution:
    name: str | None
    kind: str  # person | organisation | unknown
    how: str
    title: str | None = None


def _strip_possessive(name: str) -> str:
    for ending in _POSSESSIVE:
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


class ArticleEntities:
    """The people and organisations named in one article, clustered by name."""

    def __init__(self, doc: Doc, rules: CueRules, aliases: AliasTable, quoted: SpanIndex) -> None:
        self.rules = rules
        self.aliases = aliases
        self.by_key: dict[str, Entity] = {}  # surname or full key -> entity
        self.mentions: list[tuple[int, Entity]] = []  # (char offset, entity), in order
        self.subjects: list[tuple[int, Entity]] = []  # the mentions that are grammatical subjects
        named = [
            (ent, name)
            for ent in doc.ents
            if ent.label_ in ("PERSON", "ORG") and (name := self._clean(ent.text))
        ]
        label_votes: dict[str, list[str]] = {}
        full_names: set[str] = set()  # surnames seen with a first name or an honorific
        for ent, name in named:
            key = name.split()[-1].lower()
            label_votes.setdefault(key, []).append(ent.label_)
            honorific = ent.start > 0 and doc[ent.start - 1].lower_ in self.rules.honorifics
            if ent.label_ == "PERSON" and (len(name.split()) > 1 or honorific):
                full_names.add(key)
        self.entity_at = {i: ent for ent, _ in named for i in range(ent.start, ent.end)}
        for ent, name in named:
            key = name.split()[-1].lower()
            kind = self._kind(name, label_votes[key], key in full_names)
            entity = self._add(name, kind, ent.start_char)
            self._record_title(ent, entity)
            self.mentions.append((ent.start_char, entity))
            if self._is_subject(ent) and not quoted.contains(ent.start_char):
                self.subjects.append((ent.start_char, entity))  # (not one a speaker talks about)

    @staticmethod
    def _is_subject(ent) -> bool:
        """Whether a named entity is (or heads) the subject of its clause."""
        return ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in ("nsubj", "nsubjpass")

    def add_person_mention(self, text: str, offset: int) -> None:
        """Count a full name (two words or more, no organisation word) as a person mention."""
        name = self._clean(text)
        words = name.split()
        if len(words) >= 2 and not any(w.lower() in self.rules.organisation_words for w in words):
            self.mentions.append((offset, self._add(name, "person", offset)))
            self.mentions.sort(key=lambda item: item[0])

    def _kind(self, name: str, votes: list[str], has_full_name: bool) -> str:
        """Person or organisation, from the model's votes over all mentions of the name.

        The small model often calls a one-word company a person; a person is named in full
        (or with an honorific) at least once in a news article, so a one-word name the model
        also calls an organisation, and never names in full, is an organisation."""
        if any(word.lower() in self.rules.organisation_words for word in name.split()):
            return "organisation"
        if "ORG" in votes and not has_full_name:
            return "organisation"
        return "person" if votes.count("PERSON") >= votes.count("ORG") else "organisation"

    def _clean(self, text: str) -> str:
        words = _strip_possessive(text.strip()).replace("\n", " ").split()
        while words and words[0].lower().rstrip(".") in {h.rstrip(".") for h in self.rules.honorifics}:
            words = words[1:]
        if words and words[0].lower() == "the":
            words = words[1:]
        return " ".join(words).strip(" ,.;:")

    def _add(self, name: str, kind: str, offset: int) -> Entity:
        canonical = self.aliases.canonical(name)
        key = canonical.lower() if kind == "organisation" else canonical.split()[-1].lower()
        entity = self.by_key.get(key)
        if entity is None:
            entity = Entity(canonical, kind, offset)
            self.by_key[key] = entity
        if kind == entity.kind:
            entity.add_form(canonical)
        declared = self.aliases.speaker_type(canonical)
        if declared:
            entity.kind = declared
        return entity

    def _record_title(self, ent, entity: Entity) -> None:
        """Titles around a name: ``Microsoft CEO Satya Nadella``, ``Sam Altman, CEO of OpenAI``."""
        doc = ent.doc
        before = [
            t
            for t in doc[max(0, ent.start - 4) : ent.start]
            if t.dep_ == "compound" or t.pos_ in ("PROPN", "NOUN")
        ]
        if before and any(self._title_group(t.lower_) is not None for t in before):
            entity.titles.append(" ".join(t.text for t in before))
        root = ent.root
        for child in root.children:
            if child.dep_ == "appos":
                entity.titles.append(
                    doc.text[child.left_edge.idx : child.right_edge.idx + len(child.right_edge.text)]
                )
        previous = doc[ent.start - 1] if ent.start > 0 else None
        if previous is not None:
            gender = self.rules.honorifics.get(previous.lower_)
            if gender in ("male", "female"):
                entity.gender = gender

    def _title_group(self, word: str) -> int | None:
        return self.rules.title_groups.get(word.lower())

    def lookup(self, name: str) -> Entity | None:
        cleaned = self._clean(name)
        if not cleaned:
            return None
        canonical = self.aliases.canonical(cleaned)
        return self.by_key.get(canonical.lower()) or self.by_key.get(canonical.split()[-1].lower())

    def before(self, offset: int) -> list[Entity]:
        """Entities mentioned before ``offset``, nearest first."""
        seen: list[Entity] = []
        for position, entity in reversed(self.mentions):
            if position < offset and entity not in seen:
                seen.append(entity)
        return seen

    def by_title(self, words: list[str], offset: int) -> Entity | None:
        groups = {self._title_group(w) for w in words} - {None}
        if not groups:
            return None
        for entity in self.before(offset):
            for title in entity.titles:
                if groups & {self._title_group(w.strip(",.").lower()) for w in title.split()}:
                    return entity
        return None


class Resolver:
    """Resolves each candidate's speaker mention, in text order, remembering earlier speakers."""

    def __init__(self, doc: Doc, rules: CueRules, aliases: AliasTable, quoted: SpanIndex) -> None:
        self.doc = doc
        self.rules = rules
        self.entities = ArticleEntities(doc, rules, aliases, quoted)  # quoted: the article's quotations
        self.speakers: list[tuple[int, Entity]] = []  # resolved speakers so far
        self.by_mention: dict[int, Resolution] = {}  # speaker token index -> its resolution

    def register(self, candidates: list[Candidate]) -> None:
        """Let full names written as speakers join the article's people even where the model's
        named-entity recogniser missed them (``Mayor Elena Ruiz on Wednesday defended ...``)."""
        for candidate in candidates:
            token = candidate.speaker_token
            if token is not None and token.pos_ == "PROPN" and not token.ent_type_:
                words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
                self.entities.add_person_mention(" ".join(t.text for t in words), token.idx)

    def resolve(self, candidate: Candidate) -> Resolution:
        token = candidate.speaker_token
        if candidate.inherited:
            return self._inherited(candidate)
        if token is None or candidate.speaker is None:
            return Resolution(None, "unknown", "no speaker mention")
        resolution = self._resolve_token(token, candidate)
        self.by_mention[token.i] = resolution
        if resolution.name is not None:
            entity = self.entities.lookup(resolution.name) or Entity(
                resolution.name, resolution.kind, token.idx
            )
            self.speakers.append((token.idx, entity))
        return resolution

    def _inherited(self, candidate: Candidate) -> Resolution:
        """A continued quotation takes the name its previous quotation's mention resolved to
        (not merely the last speaker resolved, which may be another quotation's)."""
        token = candidate.speaker_token
        previous = self.by_mention.get(token.i) if token is not None else None
        if previous is None and token is not None and candidate.speaker is not None:
            previous = self._resolve_token(token, candidate)
        if previous is None or previous.name is None:
            return Resolution(None, "unknown", "inherited from a quotation with no named speaker")
        return Resolution(
            previous.name, previous.kind, "inherited from the previous quotation", previous.title
        )

    def _resolve_token(self, token: Token, candidate: Candidate) -> Resolution:
        lower = token.lower_
        pronoun = self.rules.pronouns.get(lower)
        if (pronoun is not None and token.pos_ == "PRON") or token.tag_ in ("WP", "WDT"):
            return self._pronoun(token, pronoun)
        named = self.entities.entity_at.get(token.i)  # the head's entity, not "Voltaic's" in a CEO
        if named is not None:
            entity = self.entities.lookup(named.text)
            if entity is not None:
                return Resolution(entity.name, entity.kind, f"named entity '{named.text}'", candidate.title)
        headline_name = (
            candidate.rule == "colon-quote"
            and token.text[:1].isupper()
            and token.lower_ not in self.rules.title_groups
        )
        if (token.pos_ == "PROPN" and token.text[:1].isupper()) or headline_name:
            words = [
                t
                for t in token.subtree
                if (t.pos_ == "PROPN" or t is token) and token.i - 4 <= t.i <= token.i
            ]
            name = " ".join(t.text for t in words) or token.text
            entity = self.entities.lookup(name)
            if entity is not None:
                return Resolution(entity.name, entity.kind, f"name '{name}'", candidate.title)
            kind = (
                "organisation" if any(w.lower_ in self.rules.organisation_words for w in words) else "unknown"
            )
            return Resolution(
                self.entities.aliases.canonical(name), kind, f"proper noun '{name}'", candidate.title
            )
        return self._nominal(token, candidate)

    def _pronoun(self, token: Token, pronoun) -> Resolution:
        if pronoun is not None and pronoun.first_person:
            return Resolution(None, "unknown", f"first-person '{token.text}' with no speaker")
        if token.tag_ in ("WP", "WDT") or (pronoun is not None and pronoun.relative):
            antecedent = token.head.head if token.head.dep_ == "relcl" else None
            if antecedent is not None and antecedent is not token:
                fake = Candidate(
                    [],
                    "",
                    [],
                    "",
                    "",
                    "",
                    speaker_token=antecedent,
                    speaker=(antecedent.idx, antecedent.idx + len(antecedent.text)),
                )
                resolved = self._resolve_token(antecedent, fake)
                return Resolution(
                    resolved.name, resolved.kind, f"relative '{token.text}' -> {resolved.how}", resolved.title
                )
            return Resolution(None, "unknown", f"relative '{token.text}' with no antecedent")
        wants = "organisation" if pronoun is not None and pronoun.gender == "none" else "person"
        gender = pronoun.gender if pronoun is not None else "any"
        plural = pronoun is not None and pronoun.number == "plural"
        salient = sorted(
            [(p, e, "the last compatible speaker") for p, e in self.speakers if p < token.idx]
            + [(p, e, "the last compatible subject") for p, e in self.entities.subjects if p < token.idx],
            key=lambda item: item[0],
        )
        for _, entity, why in reversed(salient):
            if self._compatible(entity, wants, gender, plural):
                return Resolution(entity.name, entity.kind, f"pronoun '{token.text}' -> {why}")
        for entity in self.entities.before(token.idx):
            if self._compatible(entity, wants, gender, plural):
                return Resolution(
                    entity.name, entity.kind, f"pronoun '{token.text}' -> the nearest {wants} named before"
                )
        return Resolution(None, "unknown", f"pronoun '{token.text}' with no compatible antecedent")

    @staticmethod
    def _compatible(entity: Entity, wants: str, gender: str, plural: bool) -> bool:
        if plural:
            return entity.kind == "organisation"
        if entity.kind != wants:
            return False
        return gender in ("any", "none") or entity.gender in (None, gender)

    def _nominal(self, token: Token, candidate: Candidate) -> Resolution:
        for child in token.children:  # "the spokesman, Henri Dupont": the apposition names him
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                name = " ".join(t.text for t in child.subtree if t.pos_ == "PROPN")
                entity = self.entities.lookup(name)
                resolved = entity.name if entity else self.entities.aliases.canonical(name)
                kind = entity.kind if entity else ("person" if child.ent_type_ == "PERSON" else "unknown")
                return Resolution(resolved, kind, f"apposition '{name}'", token.text)
        words = [t.lower_ for t in token.subtree if t.i <= token.i and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        entity = self.entities.by_title(words, token.idx)
        if entity is not None:
            return Resolution(entity.name, entity.kind, f"title '{token.text}' -> {entity.name}")
        if any(w in self.rules.organisation_words for w in words):
            return Resolution(None, "organisation", f"unnamed organisation '{token.text}'")
        return Resolution(None, "unknown", f"nominal mention '{token.text}' with no named referent")
