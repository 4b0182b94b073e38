"""Salience: which recent speaker or subject a pronoun takes up.

:class:`Salience` ranks the article's recent speakers and sentence subjects before a pronoun:
a speaker outranks a subject named up to :data:`SPEAKER_BONUS` characters after it, unless the
subject opens a later paragraph or leads the sentence before; a subject of a clause inside a
sentence ranks just below that sentence's own subject; else the nearest compatible name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from quotes.speakers.records import Entity

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState

NEAREST_NAME = "the nearest compatible name before"
SPEAKER_BONUS = 150  # characters: a speaker this much before a subject still outranks it (tuned on train)


class Salience:
    """The speaker or subject a pronoun at a position takes up, over the article's state."""

    def __init__(self, state: ArticleState) -> None:
        self.state = state
        self.doc = state.doc
        self.entities = state.entities
        self.speakers = state.speakers

    def find(
        self, token: Token, gender: str, plural: bool, content: tuple[tuple[int, int], ...] = ()
    ) -> tuple[Entity, str] | None:
        """The nearest compatible recent speaker or subject before ``token``, else the nearest
        compatible name. A subject or speaker of a clause inside a sentence ranks below the subject
        of that sentence ("Kasich predicted that ... if Sanders wins. '...,' he said"); a person
        named inside the quotation's own content is what is said, not who says it."""
        bonus = SPEAKER_BONUS  # a recent speaker outranks a subject named a little after it
        speakers = self.speakers.before(token.idx)
        def fits(entity: Entity) -> bool:
            return compatible(entity, gender, plural)

        # ... but not a subject that opens a paragraph after the last compatible speaker's ("Lew said. ¶
        # Kleinbard agreed ... ¶ he said"; a man quoted in her paragraph is no speaker for "she")
        last = next((p for p, e in speakers if fits(e)), None)
        last_paragraph = self.state.paragraph(last) if last is not None else -1

        subjects = self.entities.subjects.before(token.idx) + self.entities.role_subjects.before(token.idx)
        previous = self._previous_sentence(token)
        why = "the last compatible speaker"
        ranked = [(self._main_rank(p, p + bonus, fits), e, why) for p, e in speakers]
        ranked += [
            (
                self._main_rank(p, p + (bonus if salient else 0), fits),
                e,
                "the subject of the sentence before" if lead else "the last compatible subject",
            )
            for p, e in subjects
            if not any(s <= p < e for s, e in content)
            if self._agrees(p, gender)
            for lead in [previous is not None and self._leads(p, previous)]
            for salient in [lead or self.state.paragraph(p) > last_paragraph]
        ]
        if previous is not None and not any(lead for lead in self._subject_leads(previous, fits)):
            topic = self._topic(previous, fits)  # ("For Nakamura, the waiting is the hardest part.")
            if topic is not None:
                ranked.append((topic[0] + bonus, topic[1], "the person the sentence before is about"))
        for _, entity, why in sorted(ranked, key=lambda item: -item[0]):
            if fits(entity):
                return entity, why
        for entity in self.entities.before(token.idx):
            if compatible(entity, gender, plural):
                return entity, NEAREST_NAME
        return None

    def _agrees(self, position: int, gender: str) -> bool:
        """Whether a subject at ``position`` may be taken up by a pronoun of ``gender``: a "he"
        followed as a subject is no antecedent of a "she" ("He came to find her ... she said")."""
        said = self.entities.subject_genders.get(position, gender)
        return gender not in ("male", "female") or said in (gender, "any")

    @staticmethod
    def _previous_sentence(token: Token) -> Span | None:
        """The sentence before the one holding ``token``, if any."""
        start = token.sent.start
        return token.doc[start - 1].sent if start > 0 else None

    def _subject_leads(self, sentence: Span, fits) -> list[bool]:
        """For each subject mention in ``sentence`` that ``fits``: whether it leads the sentence."""
        subjects = self.entities.subjects.before(sentence.end_char)
        return [self._leads(p, sentence) for p, e in subjects if p >= sentence.start_char and fits(e)]

    def _topic(self, sentence: Span, fits) -> tuple[int, Entity] | None:
        """A person that fits, named in ``sentence`` before its main verb and outside quotation
        marks, when no person leads it: what the sentence is about ("For Nakamura, the waiting ...")."""
        root = sentence.root.idx
        named = []
        for position, entity in sorted(self.entities.mentions.before(sentence.end_char), key=_first):
            inside = sentence.start_char <= position < sentence.end_char
            if inside and not self.entities.quoted.contains(position) and entity.kind == "person":
                named.append((position, entity))
        for position, entity in named:
            if position < root and fits(entity):
                return position, entity
        # ("The news hasn't sunk in for Executive Director Suzie Williams." / '"...," she said.':
        # the one person a sentence introduces, named there for the first time)
        people = {id(entity) for _, entity in named}
        if len(people) != 1 or named[0][1].first_seen < sentence.start_char or not fits(named[0][1]):
            return None
        if sentence.text.rstrip().endswith("?") or self._pronoun_subject(sentence):
            return None  # ("Harsh? He doesn't think so.": the chain of "he" goes on)
        if self.state.paragraph(sentence.start_char) == self.state.paragraph(sentence.end_char + 1):
            return None  # (only a sentence that closes its paragraph, introducing the next one)
        return named[0]

    @staticmethod
    def _pronoun_subject(sentence: Span) -> bool:
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON" for t in sentence.root.children)

    def _leads(self, position: int, sentence: Span) -> bool:
        """Whether the mention at ``position`` is the subject of ``sentence``'s main verb ("Sorensen
        stopped 31 shots."): a person just introduced there is as salient as the last speaker, for a
        pronoun in the next sentence ("He said the team would regroup")."""
        if not sentence.start_char <= position < sentence.end_char:
            return False
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return False
        word = span[0]
        while word.dep_ in ("compound", "flat") and word.head is not word:
            word = word.head
        verb = word.head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        return word.dep_ in ("nsubj", "nsubjpass") and verb == sentence.root

    def _main_rank(self, position: int, rank: int, fits) -> int:
        """``rank`` of a mention at ``position``, or, for the subject of a clause inside a sentence
        whose own subject comes before it and ``fits`` the pronoun, just below that subject."""
        main = self._main_subject(position, fits)
        return rank if main is None else min(rank, main - 1)

    def _main_subject(self, position: int, fits) -> int | None:
        """Where the sentence's own subject starts, when the mention at ``position`` is the subject
        of an inner clause and the sentence's subject, a name that ``fits``, comes before it."""
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return None
        word = span[0]
        while word.dep_ in ("compound", "flat", "poss", "case") and word.head is not word:
            word = word.head
        if word.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = word.head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        if verb.dep_ == "ROOT":
            return None
        root = word.sent.root
        main = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        entity = self.entities.entity_of.get(main.i) if main is not None and main.i < word.i else None
        if entity is None or not fits(entity):
            return None  # (a named subject only: not "much of the debate was so subdued that Trump ...")
        return main.left_edge.idx



def compatible(entity: Entity, gender: str, plural: bool) -> bool:
    """Agreement: "it" and "they" may be organisations, "he"/"she" are people of that gender
    (or of none known)."""
    if plural:
        return entity.kind in ("organisation", "group")
    if gender == "none":
        return entity.kind == "organisation"
    if entity.kind not in ("person", "unnamed"):  # (an unnamed source: "a spokeswoman ... she")
        return False
    return gender == "any" or entity.gender in (None, gender)


def _first(mention: tuple[int, Entity]) -> int:
    return mention[0]
