"""Resolve speaker mentions to canonical names within one article, by rules.

``Sam Altman``, ``Altman``, ``Mr. Altman`` and ``he`` become one speaker named ``Sam Altman``:
names cluster by surname and take their longest form; pronouns take the nearest salient
speaker or subject that agrees in gender, number and animacy; relative ``who``/``which`` take
the noun they modify; descriptions take the named referent the article ties them to (a title,
an organisation of that kind, an acronym) or else keep their own short form as the name of an
unnamed source (``senior administration official``). Datelines, platforms and generic words are
never speakers. Where no rule holds, the name is ``None``: an honest unknown.

The :class:`Resolver` is composed of parts, each a class of its own module that receives the
article's state (:class:`~quotes.speakers.article_state.ArticleState`) and returns decisions:
proper names (:mod:`.proper`), common nouns (:mod:`.nominals`), roles (:mod:`.roles`),
documents (:mod:`.documents`) and pronouns (:mod:`.pronouns`). It dispatches each mention to
the part for its kind, and remembers what each mention resolved to.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes.attribution import Candidate, SpanIndex
from quotes.rules.cues import CueRules
from quotes.rules.mentions import MentionRules
from quotes.rules.speakers import AliasTable
from quotes.speakers.article_entities import ArticleEntities
from quotes.speakers.article_state import ArticleState
from quotes.speakers.article_state import fake_candidate as _fake
from quotes.speakers.descriptions import clean_title
from quotes.speakers.documents import DocumentResolver
from quotes.speakers.gender import SpeakerGender
from quotes.speakers.nominals import NominalResolver
from quotes.speakers.pronouns import PronounResolver
from quotes.speakers.proper import ProperNameResolver
from quotes.speakers.records import Entity, Resolution
from quotes.speakers.records import unknown as _unknown
from quotes.speakers.roles import RoleResolver
from quotes.speakers.speaker_genders import GenderEvidence
from quotes.speakers.subject_chain import SubjectChain, unnamed_person
from quotes.speakers.titles import quotation_role

__all__ = ["ArticleEntities", "Entity", "Resolution", "Resolver"]

_PLURAL_TAGS = ("NNS", "NNPS")
LABEL_RULES = ("transcript-line", "colon-line")  # a label in capitals: a name, or a broadcast role


class Resolver:
    """Resolves each candidate's speaker mention, in text order, remembering earlier speakers."""

    def __init__(
        self, doc: Doc, cues: CueRules, mentions: MentionRules, aliases: AliasTable, quoted: SpanIndex
    ) -> None:
        self.state = ArticleState.read(doc, cues, mentions, aliases, quoted)
        self.roles = RoleResolver(self.state)
        self.pronouns = PronounResolver(self.state, self._resolve_token)
        self.documents = DocumentResolver(self.state, self._resolve_token)
        self.proper = ProperNameResolver(self.state, self._resolve_token, self.roles)
        self.nominals = NominalResolver(
            self.state, self._resolve_token, self._with_conjuncts, self.roles, self.documents
        )
        self.by_mention: dict[int, Resolution] = {}  # speaker token index -> its resolution
        self.groups: dict[str, Entity] = {}  # plural unnamed sources, which "they" may take up
        self.chain = SubjectChain(self.state, self.pronouns, self._resolve_token, self.groups)

    @property
    def entities(self) -> ArticleEntities:
        """The article's people and organisations."""
        return self.state.entities

    @property
    def operations(self) -> int:
        """Index work done so far (for growth tests)."""
        return (
            self.state.speakers.operations
            + self.entities.mentions.operations
            + self.entities.subjects.operations
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
        speakers = {c.speaker_token.i for c in candidates if c.speaker_token is not None}
        self.chain.start(speakers)

    def resolve(self, candidate: Candidate) -> Resolution:
        token = candidate.speaker_token
        if candidate.inherited:
            return self._inherited(candidate)
        if token is None or candidate.speaker is None:
            return _unknown("no speaker mention")
        self.chain.follow(token.idx)
        resolution = self._with_conjuncts(token, candidate)
        if resolution.title is None and resolution.kind == "person":
            person = self.entities.lookup(resolution.name) if resolution.name else None
            title = clean_title(candidate.title) or quotation_role(person, self.entities.titles)
            if title is not None:
                resolution = Resolution(
                    resolution.name, resolution.kind, resolution.how, title, resolution.names
                )
        self.by_mention[token.i] = resolution
        self._remember(token, resolution)
        return resolution

    def _remember(self, token: Token, resolution: Resolution) -> None:
        """Count a resolved speaker as recent, for the pronouns after it: a person or organisation,
        a plural unnamed source ("aides ... they said") or an unnamed person ("a spokeswoman said
        ... she added"); never the writer's "I" (no antecedent for "he")."""
        if resolution.name is None:
            return
        pronoun = self.state.mentions.pronouns.get(token.lower_)
        speakers = self.state.speakers
        if resolution.kind in ("person", "organisation"):
            entity = self.entities.lookup(resolution.name)
            if entity is not None and not (pronoun is not None and pronoun.first_person):
                speakers.add(token.idx, entity)
        elif resolution.kind == "description" and token.tag_ in _PLURAL_TAGS:
            group = Entity(resolution.name, "group", token.idx)
            speakers.add(token.idx, self.groups.setdefault(resolution.name, group))
        elif resolution.kind == "description" and self.nominals.is_person_noun(token):
            speakers.add(token.idx, unnamed_person(self.groups, token, resolution.name, self.state.words))

    def speaker_genders(
        self, candidates: list[Candidate], resolutions: list[Resolution], first_names: dict[str, str]
    ) -> list[SpeakerGender | None]:
        """Each resolved quotation's speaker gender, once every speaker is known
        (:func:`quotes.speakers.speaker_genders.speaker_genders`)."""
        evidence = GenderEvidence(self.state, self.pronouns, self.by_mention, self.groups)
        return evidence.genders(candidates, resolutions, first_names)

    def _inherited(self, candidate: Candidate) -> Resolution:
        """A continued quotation takes the name its previous quotation's mention resolved to
        (not merely the last speaker resolved, which may be another quotation's)."""
        token = candidate.speaker_token
        previous = self.by_mention.get(token.i) if token is not None else None
        if previous is None and token is not None:  # (or the person introduced before it)
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
        named = self.nominals.name_before_verb(token)  # ("Trump demands accountability and transparency")
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
        if candidate.rule in LABEL_RULES and candidate.speaker is not None:
            return self.proper.label(candidate.speaker)
        lower = token.lower_
        pronoun = self.state.mentions.pronouns.get(lower)
        if (pronoun is not None and token.pos_ == "PRON") or token.tag_ in ("WP", "WDT"):
            return self.pronouns.resolve(token, pronoun, tuple(candidate.content))
        if self.entities.datelines.contains(token.idx):
            return self.proper.past_dateline(token)
        if lower in self.state.words.platforms:
            return self.proper.platform(token)
        headline = self.proper.headline_name(candidate)
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
            and token.lower_ not in self.state.mentions.title_groups
        )
        if (token.pos_ == "PROPN" and token.text[:1].isupper()) or headline_name:
            return self.proper.resolve(token)
        return self.nominals.resolve(token)

