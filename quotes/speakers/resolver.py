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
from quotes.speakers.affiliation import role_gender
from quotes.speakers.ages import age_of
from quotes.speakers.article_entities import PLACE_LABELS, ArticleEntities
from quotes.speakers.article_state import ArticleState
from quotes.speakers.article_state import fake_candidate as _fake
from quotes.speakers.descriptions import clean_title, is_person_noun
from quotes.speakers.documents import DocumentResolver
from quotes.speakers.gender import SpeakerEvidence, SpeakerGender, add_cue, article_genders, pronoun_cues
from quotes.speakers.nominals import NominalResolver
from quotes.speakers.pronouns import PronounResolver
from quotes.speakers.proper import ProperNameResolver
from quotes.speakers.records import Entity, GenderCue, Resolution
from quotes.speakers.records import unknown as _unknown
from quotes.speakers.roles import RoleResolver
from quotes.speakers.titles import quotation_role

__all__ = ["ArticleEntities", "Entity", "Resolution", "Resolver"]

_PLURAL_TAGS = ("NNS", "NNPS")
_DETERMINERS = ("the", "a", "an", "this", "that")  # (not "what", "which", "no", "every")
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
        self._chain: list[Token] = []  # "she" and "he" as subjects of no cue, in text order
        self._followed = 0  # how many of them have been followed

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
        chain = self.pronouns.chain_subjects(speakers) + self._role_subjects(speakers)
        self._chain = sorted(chain, key=lambda token: token.i)

    def _role_subjects(self, speakers: set[int]) -> list[Token]:
        """A person described by a role as the subject of a sentence's main verb, outside quotation
        marks and no speaker there (``The premier met reporters on Tuesday.``): a "he" or "she" in
        the next sentence may take them up, as it would a person just named."""
        found = []
        words = self.state.words
        for token in self.state.doc:
            if (
                (token.tag_ == "NN" or age_of(token) is not None)  # ("The 19-year-old scored ...")
                and token.i not in speakers
                and token.dep_ in ("nsubj", "nsubjpass")
                and any(c.dep_ == "poss" or c.lower_ in _DETERMINERS for c in token.lefts)
                and (age_of(token) is not None or is_person_noun(token, words, self.entities.title_group))
                and not self.entities.quoted.contains(token.idx)
                and _main_verb(token).dep_ == "ROOT"
                and _main_verb(token).lemma_ != "be"  # ("Her adviser is Stephen Miller": named there)
                and not token.sent.text.rstrip().endswith("?")  # ("What grandfather wouldn't ...?")
            ):
                found.append(token)
        return found

    def _follow_pronouns(self, until: int) -> None:
        """Follow "he" and "she" that are the subjects of no cue up to ``until``, so the person each
        takes up is the subject there for the pronouns after it ("For Nakamura, the waiting is the
        hardest part. She has started a list ... 'I'm at 212 items,' she says")."""
        while self._followed < len(self._chain) and self._chain[self._followed].idx < until:
            token = self._chain[self._followed]
            self._followed += 1
            if token.pos_ == "NOUN" or age_of(token) is not None:
                self._follow_role(token)
                continue
            entity = self.pronouns.antecedent(token)
            if entity is not None:
                self.entities.subjects.add(token.idx, entity)
                pronoun = self.state.mentions.pronouns.get(token.lower_)
                if pronoun is not None:  # ("He came to find her ..." is no antecedent of a "she")
                    self.entities.subject_genders[token.idx] = pronoun.gender

    def _follow_role(self, token: Token) -> None:
        """The person a role subject names (``the premier``: Premier Jane Roe if the article named
        her so, else an unnamed source) is the subject there, for the pronouns after it."""
        if any(position == token.idx for position, _ in self.entities.role_subjects.before(token.idx + 1)):
            return  # (already the titled person it names)
        resolution = self._resolve_token(token, _fake(token))
        if resolution.name is None:
            return
        if resolution.kind == "person":
            entity = self.entities.lookup(resolution.name)
        elif resolution.kind == "description":
            entity = self._unnamed(token, resolution.name)
        else:
            return
        if entity is not None:
            self.entities.subjects.add(token.idx, entity)

    def _unnamed(self, token: Token, name: str) -> Entity:
        """The unnamed person a role noun describes, one per description in the article."""
        gender = role_gender([token.lower_], self.state.words.role_genders)
        if name not in self.groups:
            self.groups[name] = Entity(name, "unnamed", token.idx, gender=gender)
            if gender is not None:  # ("a spokeswoman said ... she added")
                add_cue(self.groups[name], GenderCue("noun", gender, token.text, token.idx))
        return self.groups[name]

    def resolve(self, candidate: Candidate) -> Resolution:
        token = candidate.speaker_token
        if candidate.inherited:
            return self._inherited(candidate)
        if token is None or candidate.speaker is None:
            return _unknown("no speaker mention")
        self._follow_pronouns(token.idx)
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
            speakers.add(token.idx, self._unnamed(token, resolution.name))

    def speaker_genders(
        self, candidates: list[Candidate], resolutions: list[Resolution], first_names: dict[str, str]
    ) -> list[SpeakerGender | None]:
        """Each resolved quotation's speaker gender (:mod:`quotes.speakers.gender`), once every
        speaker is known: the other "he" and "she" of the article are tied first, then each
        person's cues decide, else a declaration, else ``first_names``."""
        pronoun_cues(self.state.doc, self.entities.quoted, self.state.mentions.pronouns,
                     self.pronouns.tie_gender, self.by_mention)  # fmt: skip
        evidence = [self._gender_evidence(c, r) for c, r in zip(candidates, resolutions, strict=True)]
        words = self.state.words
        roles = words.person_roles | words.role_titles | words.unnamed_roles | set(words.role_genders)

        def title_word(word: str) -> bool:  # ("Del. Stacey Plaskett", "Rep. Jane Doe")
            return word.endswith(".") or self.entities.titles.titles_a_name(word) or word.lower() in roles

        places = {e.text.lower() for e in self.state.doc.ents if e.label_ in PLACE_LABELS}
        declared = self.entities.aliases.declared_gender
        return article_genders(evidence, declared, first_names, title_word, places)

    def _gender_evidence(self, candidate: Candidate, resolution: Resolution) -> SpeakerEvidence | None:
        """The person a quotation's speaker is, with the article's cues on their gender; None for an
        organisation, a group, a document, joined speakers or no speaker."""
        name, token = resolution.name, candidate.speaker_token
        if name is None or len(resolution.names) > 1:
            return None
        roles = self.state.words.role_genders
        noun = token is not None and token.tag_ == "NN" and token.lower_ in roles
        cue = GenderCue("noun", roles[token.lower_], token.text, token.idx) if noun and token else None
        if resolution.kind == "person":
            entity = self.entities.lookup(name)
            if entity is None or entity.kind != "person":
                return SpeakerEvidence(name)
            add_cue(entity, cue)  # ("the spokeswoman", resolved to the person she is)
            return SpeakerEvidence(name, tuple(entity.gender_cues))
        unnamed = self.groups.get(name)
        if resolution.kind == "description" and unnamed is not None and unnamed.kind == "unnamed":
            return SpeakerEvidence(name, (*unnamed.gender_cues, *([cue] if cue else [])))
        if resolution.kind == "description" and cue is not None:  # ("the spokeswoman said")
            return SpeakerEvidence(name, (cue,))
        return None

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


def _main_verb(token: Token) -> Token:
    """The verb ``token`` is the subject of, climbing conjoined verbs to the first."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb
