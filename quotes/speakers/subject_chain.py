"""The subjects that are no speaker, followed in text order for the pronouns after them.

"He" and "she" as the subject of a sentence's main verb (``She has started a list ...``) and a
person described by a role as such a subject (``The premier met reporters on Tuesday.``) are
subjects a later pronoun may take up: :class:`SubjectChain` follows them up to each speaker
mention the :class:`~quotes.speakers.resolver.Resolver` resolves, so the person each names is
the subject there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.speakers.affiliation import role_gender
from quotes.speakers.ages import age_of
from quotes.speakers.article_state import fake_candidate
from quotes.speakers.descriptions import is_person_noun
from quotes.speakers.gender import add_cue
from quotes.speakers.records import Entity, GenderCue

if TYPE_CHECKING:
    from quotes.rules.mentions import SpeakerWords
    from quotes.speakers.article_state import ArticleState, TokenResolver
    from quotes.speakers.pronouns import PronounResolver

_DETERMINERS = ("the", "a", "an", "this", "that")  # (not "what", "which", "no", "every")


class SubjectChain:
    """Pronoun and role subjects of no cue, followed in text order."""

    def __init__(
        self,
        state: ArticleState,
        pronouns: PronounResolver,
        resolve: TokenResolver,
        groups: dict[str, Entity],
    ) -> None:
        self.state = state
        self.pronouns = pronouns
        self._resolve = resolve
        self.groups = groups  # the article's unnamed sources, shared with the resolver
        self._chain: list[Token] = []  # the subjects, in text order
        self._followed = 0  # how many of them have been followed

    def start(self, speakers: set[int]) -> None:
        """Gather the subjects that are none of the speaker mentions (token indices ``speakers``)."""
        chain = self.pronouns.chain_subjects(speakers) + self._role_subjects(speakers)
        self._chain = sorted(chain, key=lambda token: token.i)

    def _role_subjects(self, speakers: set[int]) -> list[Token]:
        """A person described by a role as the subject of a sentence's main verb, outside quotation
        marks and no speaker there (``The premier met reporters on Tuesday.``): a "he" or "she" in
        the next sentence may take them up, as it would a person just named."""
        found = []
        words, titled = self.state.words, self.state.entities.title_group
        for token in self.state.doc:
            if (
                (token.tag_ == "NN" or age_of(token) is not None)  # ("The 19-year-old scored ...")
                and token.i not in speakers
                and token.dep_ in ("nsubj", "nsubjpass")
                and any(c.dep_ == "poss" or c.lower_ in _DETERMINERS for c in token.lefts)
                and (age_of(token) is not None or is_person_noun(token, words, titled))
                and not self.state.entities.quoted.contains(token.idx)
                and _main_verb(token).dep_ == "ROOT"
                and _main_verb(token).lemma_ != "be"  # ("Her adviser is Stephen Miller": named there)
                and not token.sent.text.rstrip().endswith("?")  # ("What grandfather wouldn't ...?")
            ):
                found.append(token)
        return found

    def follow(self, until: int) -> None:
        """Follow "he" and "she" that are the subjects of no cue up to ``until``, so the person each
        takes up is the subject there for the pronouns after it ("For Nakamura, the waiting is the
        hardest part. She has started a list ... 'I'm at 212 items,' she says")."""
        while self._followed < len(self._chain) and self._chain[self._followed].idx < until:
            token = self._chain[self._followed]
            self._followed += 1
            if token.pos_ == "NOUN" or age_of(token) is not None:
                self._role(token)
                continue
            entity = self.pronouns.antecedent(token)
            if entity is not None:
                self.state.entities.subjects.add(token.idx, entity)
                pronoun = self.state.mentions.pronouns.get(token.lower_)
                if pronoun is not None:  # ("He came to find her ..." is no antecedent of a "she")
                    self.state.entities.subject_genders[token.idx] = pronoun.gender

    def _role(self, token: Token) -> None:
        """The person a role subject names (``the premier``: Premier Jane Roe if the article named
        her so, else an unnamed source) is the subject there, for the pronouns after it."""
        titled = self.state.entities.role_subjects.before(token.idx + 1)
        if any(position == token.idx for position, _ in titled):
            return  # (already the titled person it names)
        resolution = self._resolve(token, fake_candidate(token))
        if resolution.name is None:
            return
        if resolution.kind == "person":
            entity = self.state.entities.lookup(resolution.name)
        elif resolution.kind == "description":
            entity = unnamed_person(self.groups, token, resolution.name, self.state.words)
        else:
            return
        if entity is not None:
            self.state.entities.subjects.add(token.idx, entity)


def unnamed_person(groups: dict[str, Entity], token: Token, name: str, words: SpeakerWords) -> Entity:
    """The unnamed person a role noun describes, one per description in the article (``groups``)."""
    gender = role_gender([token.lower_], words.role_genders)
    if name not in groups:
        groups[name] = Entity(name, "unnamed", token.idx, gender=gender)
        if gender is not None:  # ("a spokeswoman said ... she added")
            add_cue(groups[name], GenderCue("noun", gender, token.text, token.idx))
    return groups[name]


def _main_verb(token: Token) -> Token:
    """The verb ``token`` is the subject of, climbing conjoined verbs to the first."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb
