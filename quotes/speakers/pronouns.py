"""Pronouns and relative pronouns: agreement (gender, number, animacy) and salience.

:class:`PronounResolver`, a part of :class:`quotes.speakers.resolver.Resolver`, resolves "he",
"she", "it", "they", "who" and the writer's "I"/"we": to the nearest compatible recent
speaker or subject (a speaker outranks a subject named up to :data:`SPEAKER_BONUS` characters
after it, unless the subject opens a later paragraph), else the nearest compatible name.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from quotes.nlp.doctext import doc_text
from quotes.rules.mentions import Pronoun
from quotes.speakers.article_state import fake_candidate
from quotes.speakers.author import article_author
from quotes.speakers.gender import add_cue, nearer_noun
from quotes.speakers.records import Entity, GenderCue, Resolution, unknown

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState, TokenResolver


SINGULAR_FIRST_PERSON = ("i", "me", "my", "myself")
FIRST_PERSON = frozenset(["i", "me", "my", "we", "us", "our"])
QUOTE_MARKS = ('"', "“", "”", "‘", "'")
NEAREST_NAME = "the nearest compatible name before"
SPEAKER_BONUS = 150  # characters: a speaker this much before a subject still outranks it (tuned on train)


class PronounResolver:
    """Pronouns to the speaker or subject they take up, over the article's state."""

    def __init__(self, state: ArticleState, resolve: TokenResolver) -> None:
        self.state = state
        self.doc = state.doc
        self.entities = state.entities
        self.speakers = state.speakers
        self._resolve_token = resolve

    @cached_property
    def _writer(self) -> Resolution | None:
        """The article's writer, when it names them (:mod:`quotes.speakers.author`)."""
        found = article_author(doc_text(self.doc), self.entities.words.first_names)
        if found is None:
            return self._columnist()
        entity = self.entities.lookup(found.name)  # "Gaudiano" of a tagline: "Nicole Gaudiano"
        name = entity.name if entity is not None and entity.kind == "person" else found.name
        return Resolution(name, "person", f"the writer, named in the {found.source} as '{found.name}'")

    def _columnist(self) -> Resolution | None:
        """``Ann Coulter: And Then There Was the One.``: a person of the article named alone before a
        headline's colon, the headline after it neither quoted nor in the first person (``Kasich: We
        Are Going All the Way`` is Kasich speaking), is the writer of the article's own "I"."""
        headline = self.entities.text[: max(0, self.entities.first_line_end)]
        name, colon, rest = headline.partition(":")
        words = rest.replace("’", "'").split()
        if not colon or any(mark in rest for mark in QUOTE_MARKS) or any(
            w.lower().split("'")[0].strip(",.!?") in FIRST_PERSON for w in words
        ):
            return None
        entity = self.entities.lookup(name.strip())
        if entity is None or entity.kind != "person" or entity.name.split()[-1] != name.split()[-1]:
            return None
        return Resolution(entity.name, "person", f"the writer, named before the headline's colon as '{name}'")

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
                    person = self._salient(token, "any", plural=False)
                    if person is not None:
                        return Resolution(
                            person[0].name, person[0].kind, f"relative '{token.text}' -> {person[1]}"
                        )
                return Resolution(
                    resolved.name, resolved.kind, f"relative '{token.text}' -> {resolved.how}", resolved.title
                )
            return unknown(f"relative '{token.text}' with no antecedent")
        gender = pronoun.gender if pronoun is not None else "any"
        found = self._salient(token, gender, pronoun is not None and pronoun.number == "plural", content)
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
        found = self._salient(token, pronoun.gender, plural=False)
        if found is None or found[0].kind != "person":
            return None
        return found[0]  # (no gender tied: the evidence of a pronoun no quotation depends on is weaker)

    def tie_gender(self, token: Token, pronoun: Pronoun) -> None:
        """Tie a "he" or "she" that is no speaker to the person it takes up, by the same agreement
        and salience as a speaker's, as a gender cue of that person (:mod:`quotes.speakers.gender`);
        only a recent speaker or subject named in its paragraph or the one before, never the
        nearest name further back, which is often someone else ("the woman ... she")."""
        found = self._salient(token, pronoun.gender, plural=False)
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

    def _salient(
        self, token: Token, gender: str, plural: bool, content: tuple[tuple[int, int], ...] = ()
    ) -> tuple[Entity, str] | None:
        """The nearest compatible recent speaker or subject before ``token``, else the nearest
        compatible name. A subject or speaker of a clause inside a sentence ranks below the subject
        of that sentence ("Kasich predicted that ... if Sanders wins. '...,' he said"); a person
        named inside the quotation's own content is what is said, not who says it."""
        bonus = SPEAKER_BONUS  # a recent speaker outranks a subject named a little after it
        speakers = self.speakers.before(token.idx)
        def fits(entity: Entity) -> bool:
            return _compatible(entity, gender, plural)

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
            if _compatible(entity, gender, plural):
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

    @staticmethod
    def _tie(token: Token, entity: Entity, gender: str, why: str) -> Resolution:
        """Resolve a pronoun to ``entity``; "he"/"she" tie a gender to a person that had none."""
        if gender in ("male", "female") and entity.gender is None:
            entity.gender = gender
        kind = "description" if entity.kind in ("group", "unnamed") else entity.kind
        return Resolution(entity.name, kind, f"pronoun '{token.text}' -> {why}")


def _compatible(entity: Entity, gender: str, plural: bool) -> bool:
    """Agreement: "it" and "they" may be organisations, "he"/"she" are people of that gender
    (or of none known)."""
    if plural:
        return entity.kind in ("organisation", "group")
    if gender == "none":
        return entity.kind == "organisation"
    if entity.kind not in ("person", "unnamed"):  # (an unnamed source: "a spokeswoman ... she")
        return False
    return gender == "any" or entity.gender in (None, gender)


def left_noun(token: Token) -> Token | None:
    """``Ted Cruz, who ...`` parsed without a relative clause: the noun just before ``who``."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_punct:
        i -= 1
    previous = token.doc[i] if i >= 0 else None
    return previous if previous is not None and previous.pos_ in ("PROPN", "NOUN") else None


def _first(mention: tuple[int, Entity]) -> int:
    return mention[0]
