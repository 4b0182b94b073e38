"""Role descriptions as speakers: "the Indiana governor", "the GOP nominee", "the businessman".

:class:`RoleResolver`, a part of :class:`quotes.speakers.resolver.Resolver`, ties a role to the
person the article names with it. A candidate must agree with the description: its titles
share a title group with the role ("Gov. Mike Pence" for "the governor"), no affiliation clashes
(a state or a party: "the GOP nominee" is never the "Libertarian presidential nominee") and no
gender clashes ("the businessman", "a spokeswoman"). Among those that agree, the one whose titles
share most affiliations wins, then the nearest before. A role that only a named person fills
("the businessman") with no title to tie it falls back to the person most named before. In a
headline or lede, where the name often comes after ("Indiana governor endorses Cruz"), the
nearest agreeing titled person after it is taken when none comes before, if its titles name the
organisation the role names ("Former DNC chairman" is not "President Barack Obama"). A two-word
title is its own role ("the attorney general" is no "attorney"). An indefinite role after the
opening ("a spokeswoman for X", "a candidate who ...") introduces someone new, unless it is an
apposition to a name ("Allan Lichtman, a professor who ..."). A role with a state the most named
person does not share ("The Indiana governor") goes to the subject of a recent main clause ("Mike
Pence says ...") when there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.speakers.affiliation import affiliations_of, agreement, clashes, role_gender
from quotes.speakers.article_entities import Entity
from quotes.speakers.described import DescribedPerson, organisation_qualifiers, resolved_to, titles_name
from quotes.speakers.records import Resolution

_ROLE_POS = ("NOUN", "PROPN", "ADJ")
_PLACES = ("GPE", "LOC", "NORP")
_SUBORDINATE = ("advcl", "relcl", "acl", "pcomp", "pobj", "prep")  # clauses that are no sentence's own
RECENT = 1000  # characters: a person who spoke this recently is "the senator" before the most named one

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState


class RoleResolver:
    """Role descriptions to the person (or titled entity) they name, over the article's state."""

    def __init__(self, state: ArticleState) -> None:
        self.entities = state.entities
        self.speakers = state.speakers
        self.words = state.words
        self._opening_end = state.opening_end
        self._doc = state.doc
        self.described = DescribedPerson(state)

    def resolve(self, token: Token, determined: bool) -> Resolution | None:
        """The person (or titled entity) a role description names, or None. ``determined``: the
        description has a determiner or an owner ("the", "a", "his")."""
        words = [t.lower_ for t in token.subtree if t.i <= token.i and t.pos_ in _ROLE_POS]
        head = [token.lower_]  # the head and its own modifiers, not an owner's ("Sen. Ayotte's campaign")
        pairs = []
        for child in token.lefts:
            if child.dep_ in ("compound", "amod"):
                head.append(child.lower_)
                pairs.append(f"{child.lower_} {token.lower_}")  # "chief executive", "attorney general"
        title_group = self.entities.title_group
        # a two-word title is its own role: "the attorney general" is no "attorney"
        groups = {title_group(w) for w in pairs} - {None} or {title_group(w) for w in head + pairs} - {None}
        phrase = _phrase(token)
        wanted = affiliations_of(phrase, self.words.affiliations)
        gender = role_gender(words, self.words.role_genders)
        opening = token.idx < self._opening_end
        if not determined and not opening:
            return None
        indefinite = any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in token.lefts)
        if indefinite and not opening and token.dep_ != "appos":
            return None  # "a spokesman for committee Democrats" is nobody named before with that title

        def fits(entity: Entity) -> bool:
            if clashes(entity.affiliations, wanted):
                return False
            return gender is None or entity.kind != "person" or entity.gender in (None, gender)

        if groups:
            before = [e for e in self.entities.before(token.idx) if e.title_groups & groups and fits(e)]
            if before:
                best = before[
                    max(range(len(before)), key=lambda i: (agreement(before[i].affiliations, wanted), -i))
                ]
                main = self._main_person(token, groups, fits, wanted)
                agreed = agreement(best.affiliations, wanted) > 0
                later = main not in (None, best) and self._last(main, token) > self._last(best, token)
                count = self.entities.mentions.count_before
                later = later and count(main, token.idx) > count(best, token.idx)  # (a tie: the titled one)
                if later and not agreed:
                    return resolved_to(main, token, "role", "the most named person, named since")
                return resolved_to(best, token, "title")
        if groups and opening:
            qualifiers = organisation_qualifiers(token, self.words.affiliations)
            after = [
                e
                for e in self.entities.after(token.idx)
                if e.title_groups & groups
                and fits(e)
                and (not qualifiers or titles_name(e.titles, qualifiers))
            ]  # "Former DNC chairman" is not "President Barack Obama" named after it
            if after:
                return resolved_to(after[0], token, "title", "the person named after it with that title")
        the = any(t.dep_ == "det" and t.lower_ in ("the", "this") for t in token.lefts)
        if token.lower_ in self.words.person_roles and token.tag_ in ("NN", "NNP") and (the or opening):
            # "the Florida senator", "the businessman"; a bare role in a headline: the article's person
            until = token.idx if determined else self._opening_end + (1 << 40)  # (the whole article)
            person = self._protagonist_fitting(until, fits)
            recent = self._recent_speaker(token, fits)
            if person is not None and recent is not None:  # a recent speaker about as often named
                count = self.entities.mentions.count_before
                if 2 * count(recent, token.idx) >= count(person, token.idx):
                    person = recent
            state = wanted.get("state")
            if person is not None and state and not person.affiliations.get("state", set()) & state:
                subject = self._recent_subject(token, fits)  # "Mike Pence says ... The Indiana governor said"
                if subject is not None and subject is not person:
                    return resolved_to(subject, token, "role", "the person subject just before")
            if person is not None:
                return resolved_to(person, token, "role", "the most named person")
        if the and self._names_a_role(token, groups):  # "Harry M. Reid (D-Nev.) blasted ... the Senate
            subject = self._recent_subject(token, fits)  # minority leader said": the subject just before
            agrees = subject is not None and (not wanted or agreement(subject.affiliations, wanted) > 0)
            if agrees and (not subject.title_groups or subject.title_groups & groups):
                return resolved_to(subject, token, "role", "the person subject just before")
        placed = any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ in _PLACES for c in token.lefts)
        return self.described.find(token, fits, the or placed, opening, wanted)  # ("Nova Scotia's leader")

    def _names_a_role(self, token: Token, groups: set) -> bool:
        """A noun for a role one named person holds (a title word, a person role, ``commissioner``),
        not one an unnamed source often holds (``the spokesman``, ``the official``)."""
        lower = token.lower_
        if lower in self.words.unnamed_roles:
            return False
        return bool(groups) or lower in self.words.person_roles or lower in self.words.role_titles

    def _main_person(self, token: Token, groups: set, fits, wanted: dict[str, set[str]]) -> Entity | None:
        """For "the senator": the most named person before, if no title of theirs says otherwise."""
        the = any(t.dep_ == "det" and t.lower_ in ("the", "this") for t in token.lefts)
        if not the or token.lower_ not in self.words.person_roles:
            return None
        person = self._protagonist_fitting(token.idx, fits)
        if person is None or (person.title_groups and not person.title_groups & groups):
            return None
        if all(len(form.split()) < 2 for form in person.forms):  # never named in full ("Chelsea")
            return None
        return person

    def _recent_speaker(self, token: Token, fits) -> Entity | None:
        """The nearest person who spoke up to :data:`RECENT` characters before ``token`` and fits."""
        for position, entity in self.speakers.before(token.idx):
            if token.idx - position > RECENT:
                return None
            if entity.kind == "person" and fits(entity):
                return entity
        return None

    def _recent_subject(self, token: Token, fits) -> Entity | None:
        """The person last named as the subject of a sentence's main verb up to :data:`RECENT`
        characters before ``token`` that fits ("Mike Pence says ..."; not "hours after Trump tweeted")."""
        doc = token.doc
        for position, entity in self.entities.subjects.before(token.idx):
            if token.idx - position > RECENT:
                return None
            span = doc.char_span(position, position + 1, alignment_mode="expand")
            if span is None or entity.kind != "person" or not fits(entity):
                continue
            name = span[0]
            while name.dep_ in ("compound", "flat") and name.head is not name:
                name = name.head
            if name.dep_ in ("nsubj", "nsubjpass") and name.head.dep_ not in _SUBORDINATE:
                return entity
        return None

    def _last(self, entity: Entity, token: Token) -> int:
        return self.entities.mentions.last_before(entity, token.idx) or -1

    def _protagonist_fitting(self, until: int, fits) -> Entity | None:
        """The person named most often before ``until`` that fits the description (the nearest on a
        tie; shared affiliations do not count here: an organisation in a title names a party too)."""
        mentions = self.entities.mentions
        people = [(p, e) for p, e in mentions.before(until) if e.kind == "person" and fits(e)]
        return max(
            people,
            key=lambda pe: (mentions.count_before(pe[1], until), pe[0]),
            default=(0, None),
        )[1]


def _phrase(token: Token) -> str:
    """The description up to its head, with a ``from``/``of`` phrase after it ("the senator from Texas")."""
    doc = token.doc
    text = doc[token.left_edge.i : token.i + 1].text
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "of") and child.right_edge.i - token.i <= 6:
            text += " " + doc[child.i : child.right_edge.i + 1].text
    return text
