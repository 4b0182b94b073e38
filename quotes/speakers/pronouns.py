"""Pronouns and relative pronouns: agreement (gender, number, animacy) and salience.

:class:`PronounResolver`, a part of :class:`quotes.speakers.resolver.Resolver`, resolves "he",
"she", "it", "they", "who" and the writer's "I"/"we": to the nearest compatible recent
speaker or subject (:mod:`quotes.speakers.salience`), else the nearest compatible name; the
writer's "I" to the writer the article names (:mod:`quotes.speakers.writer`).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.rules.mentions import Pronoun
from quotes.speakers.article_state import fake_candidate
from quotes.speakers.gender import add_cue, nearer_noun
from quotes.speakers.records import Entity, GenderCue, Resolution, unknown
from quotes.speakers.salience import NEAREST_NAME, Salience
from quotes.speakers.writer import article_writer

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState, TokenResolver


SINGULAR_FIRST_PERSON = ("i", "me", "my", "myself")


class PronounResolver:
    """Pronouns to the speaker or subject they take up, over the article's state."""

    def __init__(self, state: ArticleState, resolve: TokenResolver) -> None:
        self.state = state
        self.doc = state.doc
        self.entities = state.entities
        self.speakers = state.speakers
        self._resolve_token = resolve
        self.salience = Salience(state)

    @cached_property
    def _writer(self) -> Resolution | None:
        """The article's writer, when it names them."""
        return article_writer(self.doc, self.entities)

    def resolve(
        self, token: Token, pronoun: Pronoun | None, content: tuple[tuple[int, int], ...] = ()
    ) -> Resolution:
        """The speaker a pronoun (or relative pronoun) at ``token`` takes up; ``content`` is its
        quotation's, where a person named is what is said, not who says it."""
        if pronoun is not None and pronoun.first_person:
            if not self.entities.quoted.contains(token.idx):  # the writer speaks, to the reader
                if token.lower_ in SINGULAR_FIRST_PERSON and self._writer is not None:
                    return self._writer
                who = "reader" if token.lower_ == "you" else "author"
                return Resolution(who, "description", f"'{token.text}' outside quotation marks: the {who}")
            return unknown(f"first-person '{token.text}' with no speaker")
        if token.tag_ in ("WP", "WDT") or (pronoun is not None and pronoun.relative):
            antecedent = token.head.head if token.head.dep_ == "relcl" else left_noun(token)
            if antecedent is not None and antecedent.i != token.i:
                resolved = self._resolve_token(antecedent, fake_candidate(antecedent))
                quantifier = antecedent.pos_ in ("PRON", "DET", "NUM")  # ("some who saw", "those who")
                if resolved.kind == "unknown" and token.lower_ in ("who", "whom") and not quantifier:
                    person = self.salience.find(token, "any", plural=False)
                    if person is not None:
                        return Resolution(
                            person[0].name, person[0].kind, f"relative '{token.text}' -> {person[1]}"
                        )
                return Resolution(
                    resolved.name, resolved.kind, f"relative '{token.text}' -> {resolved.how}", resolved.title
                )
            return unknown(f"relative '{token.text}' with no antecedent")
        gender = pronoun.gender if pronoun is not None else "any"
        found = self.salience.find(token, gender, pronoun is not None and pronoun.number == "plural", content)
        if found is None:
            return unknown(f"pronoun '{token.text}' with no compatible antecedent")
        if found[1] != NEAREST_NAME:  # (a name further back, after no speaker or subject, is a guess)
            self._gender_cue(token, found[0], gender)
        return self._tie(token, found[0], gender, found[1])

    def chain_subjects(self, speakers: set[int]) -> list[Token]:
        """"he" and "she" outside quotation marks as the subject of a sentence's main verb, other than
        the speaker mentions (token indices in ``speakers``), in text order."""
        found = []
        for token in self.doc:
            pronoun = self.state.mentions.pronouns.get(token.lower_)
            if (
                pronoun is None
                or pronoun.gender not in ("male", "female")
                or pronoun.number != "singular"
                or token.i in speakers
                or token.dep_ not in ("nsubj", "nsubjpass")
                or self.entities.quoted.contains(token.idx)
            ):
                continue
            verb = token.head
            while verb.dep_ == "conj" and verb.head is not verb:
                verb = verb.head
            if verb.dep_ == "ROOT":
                found.append(token)
        return found

    def antecedent(self, token: Token) -> Entity | None:
        """The person a "he" or "she" that speaks no quotation takes up, by the same salience."""
        pronoun = self.state.mentions.pronouns[token.lower_]
        found = self.salience.find(token, pronoun.gender, plural=False)
        if found is None or found[0].kind != "person":
            return None
        return found[0]  # (no gender tied: the evidence of a pronoun no quotation depends on is weaker)

    def tie_gender(self, token: Token, pronoun: Pronoun) -> None:
        """Tie a "he" or "she" that is no speaker to the person it takes up, by the same agreement
        and salience as a speaker's, as a gender cue of that person (:mod:`quotes.speakers.gender`);
        only a recent speaker or subject named in its paragraph or the one before, never the
        nearest name further back, which is often someone else ("the woman ... she")."""
        found = self.salience.find(token, pronoun.gender, plural=False)
        if found is None or found[1] == NEAREST_NAME:
            return
        last = self._last_named(found[0], token.idx)
        if last is not None and self.state.paragraph(token.idx) - self.state.paragraph(last) <= 1:
            self._gender_cue(token, found[0], pronoun.gender)

    def _last_named(self, entity: Entity, offset: int) -> int | None:
        """Where ``entity`` was last named or spoke before ``offset``."""
        named = [p for p, e in self.entities.mentions.before(offset) if e is entity]
        named += [p for p, e in self.speakers.before(offset) if e is entity]
        return max(named, default=None)

    def _gender_cue(self, token: Token, entity: Entity, gender: str) -> None:
        """A "he"/"she" outside quotation marks tells the gender of the person it is tied to,
        unless a noun of that gender comes between them ("Obama ... the woman ... she")."""
        if gender not in ("male", "female") or self.entities.quoted.contains(token.idx):
            return
        last = self._last_named(entity, token.idx)
        named = self.doc.char_span(last, last + 1, alignment_mode="expand") if last is not None else None
        after = named[-1].idx + len(named[-1].text) if named is not None else token.idx  # (not its own word)
        between = self.doc.char_span(after, token.idx, alignment_mode="expand")
        nouns = self.state.words.role_genders
        if between is None or not nearer_noun(between, gender, nouns, self.entities.quoted):
            add_cue(entity, GenderCue("pronoun", gender, token.text, token.idx))

    @staticmethod
    def _tie(token: Token, entity: Entity, gender: str, why: str) -> Resolution:
        """Resolve a pronoun to ``entity``; "he"/"she" tie a gender to a person that had none."""
        if gender in ("male", "female") and entity.gender is None:
            entity.gender = gender
        kind = "description" if entity.kind in ("group", "unnamed") else entity.kind
        return Resolution(entity.name, kind, f"pronoun '{token.text}' -> {why}")



def left_noun(token: Token) -> Token | None:
    """``Ted Cruz, who ...`` parsed without a relative clause: the noun just before ``who``."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_punct:
        i -= 1
    previous = token.doc[i] if i >= 0 else None
    return previous if previous is not None and previous.pos_ in ("PROPN", "NOUN") else None
