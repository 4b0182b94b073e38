"""A description of one person (``the veteran goaltender``, ``A Halifax school principal``, ``the
34-year-old``) tied to the person the article names.

:class:`DescribedPerson`, used by :class:`quotes.speakers.roles.RoleResolver` when no title group
decides, finds the named person a description stands for: the person given that age, the nearest
person before whose titles hold the noun, in a headline or lede the person named just after with
that title or introduced by the next paragraph, else the person subject of a sentence just before
with no other person named since. Genuinely unnamed sources (``the spokesman``, ``said the fan``)
stay unnamed.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.nlp.doctext import doc_text
from quotes.speakers.affiliation import affiliations_of, agreement
from quotes.speakers.ages import age_of, stated_ages
from quotes.speakers.descriptions import is_person_noun
from quotes.speakers.records import Entity, Resolution
from quotes.speakers.titles import role_words

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState

SUBJECT_REACH = 2  # paragraphs back where "the veteran goaltender" finds the subject it describes
INTRODUCED_WITHIN = 3  # paragraphs: a lede's "A Halifax school principal" named this soon after


class DescribedPerson:
    """Descriptions of one person to the named person they stand for, over the article's state."""

    def __init__(self, state: ArticleState) -> None:
        self.entities = state.entities
        self.speakers = state.speakers
        self.words = state.words
        self._doc = state.doc
        self._stated_ages: list[tuple[int, Entity, int]] | None = None
        text = doc_text(state.doc)
        self._lines = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", text)]  # paragraph starts

    def find(
        self, token: Token, fits, the: bool, opening: bool, wanted: dict[str, set[str]]
    ) -> Resolution | None:
        """A noun for one person (``the veteran goaltender``, ``A Halifax school principal``) that the
        article ties to one named person: the nearest person before whose titles hold the noun
        (``Jane Roe, an engineer at ...`` ... ``the engineer said``); in the headline or lede, the
        one person named after it with that title word (``Principal Jane Roe``); else, for ``the``
        with no phrase of its own after it, the person subject of a sentence just before, with no
        other person named since and no title of another role (``Luca Marchetti made 31 saves`` ...
        ``said the veteran goaltender``), if the subject shares the state or party the description
        names. Not a role unnamed sources hold (``the spokesman``)."""
        lower = token.lower_
        aged = _aged(token)  # ("said the 31-year-old")
        if not aged and (token.tag_ not in ("NN", "NNP") or lower in self.words.unnamed_roles):
            return None
        if not aged and not is_person_noun(token, self.words, self.entities.title_group):
            return None
        nouns = {lower, token.lemma_.lower()} if not aged else set()
        age = age_of(token) if aged else None
        if age is not None:  # ("Hailey Brandt, 34," ... "said the 34-year-old")
            ages = [(p, e, a) for p, e, a in self._ages() if p < token.idx and fits(e)]
            holder = next((e for _, e, a in reversed(ages) if a == age), None)
            if holder is not None:
                how = f"the person the article gave that age, {holder.name}"
                return resolved_to(holder, token, "age", how)
            other_ages = {id(e) for _, e, a in ages if a != age}
            fits = _without(fits, other_ages)  # (not the subject just before if the article gave another age)
        nouns = _with_abbreviations(nouns, self.words.title_abbreviations)  # ("general": "Gen. Jo Ham")
        titled = [e for e in self.entities.before(token.idx) if e.kind == "person" and _holds(e, nouns)]
        owned = any(c.dep_ == "poss" for c in token.lefts)  # ("his attorney", "Pagliano's lawyer")
        if (the or owned) and titled:
            best = next((e for e in titled if fits(e)), None)
            if best is None:
                return None
            return resolved_to(best, token, "title", "the person named before with that title")
        if opening and not titled and nouns:  # the first named after with that title, in the next paragraphs
            people = {id(e): e for e in self.entities.people.by_key.values() if e.kind == "person"}
            holders = sorted(
                (e for e in people.values() if _holds(e, nouns) and e.first_seen > token.idx),
                key=lambda e: e.first_seen,
            )
            near = self._paragraph(token.idx) + INTRODUCED_WITHIN
            holders = [e for e in holders if self._paragraph(e.first_seen) <= near and fits(e)]
            # "P.E.I. premier": P.E.I.'s first
            qualifiers = organisation_qualifiers(token, self.words.affiliations)
            first = next((e for e in holders if qualifiers and titles_name(e.titles, qualifiers)), None)
            if first is not None or holders:
                first = first or holders[0]
                return resolved_to(first, token, "title", "the first person named after it with that title")
            introduced = self._introduced_after(token, nouns)
            if introduced is not None and fits(introduced):
                return resolved_to(introduced, token, "role", "the person the next paragraph introduces")
            again = self._described_again(token, nouns)  # ("Mother says ..." / "A Winnipeg mother says ...")
            if again is not None:
                lede = self.find(again, fits, False, True, wanted)
                if lede is not None:
                    how = f"headline '{token.text}' -> the lede's: {lede.how}"
                    return Resolution(lede.name, lede.kind, how)
        if not the or any(_restrictive(c) for c in token.rights):
            return None  # ("the lawyer for the family", "the woman who lives next door": someone new)
        if nouns & self.words.audience_nouns:
            return None  # ("Kyle Connor scored twice ... said the fan": someone in the crowd)
        subject = self._previous_subject(token, nouns, fits)
        if subject is None:
            return None
        if wanted and not aged and not agreement(subject.affiliations, wanted):
            return None  # ("the Ohio attorney general": nothing says the subject is Ohio's)
        return resolved_to(subject, token, "role", "the person subject just before, named since by no other")

    def _described_again(self, token: Token, nouns: set[str]) -> Token | None:
        """In a headline, the same noun as the subject of the next paragraph (``Mother says son
        waited 14 hours`` / ``A Winnipeg mother says ...``): the lede's description of the person."""
        paragraph = self._paragraph(token.idx)
        if paragraph != 1 or paragraph >= len(self._lines):
            return None  # (the headline only)
        start = self._lines[paragraph]
        end = self._lines[paragraph + 1] if paragraph + 1 < len(self._lines) else len(doc_text(token.doc))
        span = token.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return None
        sentence = span[0].sent
        return next(
            (
                t for t in sentence
                if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.lower_ in nouns
                and any(c.lower_ in ("a", "an") for c in t.lefts)
            ),
            None,
        )

    def _ages(self) -> list[tuple[int, Entity, int]]:
        """The ages the article states beside its people's names (:func:`stated_ages`), read once."""
        if self._stated_ages is None:
            self._stated_ages = stated_ages(self._doc, self.entities.entity_of)
        return self._stated_ages

    def _introduced_after(self, token: Token, nouns: set[str]) -> Entity | None:
        """``A Syrian-born pharmacist in Lethbridge says ...`` / ``Rania Haddad arrived in 2016 ...``:
        the person first named, in full, as the subject of the next paragraph's opening sentence,
        with no title of another role."""
        paragraph = self._paragraph(token.idx)
        if paragraph >= len(self._lines):
            return None
        start = self._lines[paragraph]  # the next paragraph
        doc = token.doc
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return None
        sentence = span[0].sent
        for position, entity in self.entities.subjects.before(sentence.end_char):
            if position < sentence.start_char:
                return None
            if entity.kind != "person" or entity.first_seen < sentence.start_char:
                continue
            if _other_role(entity, nouns, self._role_word) or len(entity.name.split()) < 2:
                return None
            return entity
        return None

    def _paragraph(self, position: int) -> int:
        """The number of the paragraph (a line with text) holding ``position``."""
        return bisect.bisect_right(self._lines, position)

    def _role_word(self, word: str) -> bool:
        """A noun for a person's role or a title (``engineer``, ``Premier``, ``Sgt``)."""
        abbreviated = word in self.words.title_abbreviations  # ("Police Sgt Rob Carver" is no witness)
        return abbreviated or word in self.words.person_nouns or self.entities.title_group(word) is not None

    def _previous_subject(self, token: Token, nouns: set[str], fits) -> Entity | None:
        """The nearest person subject of a sentence before ``token``, in its paragraph or the
        :data:`SUBJECT_REACH` before, who may be what ``nouns`` describe (no title of another role),
        when no other such person is named or speaks between them, nor an unnamed person speaks
        (``Jonas Lindgren made 34 saves`` ... ``Warriors head coach Darren Kowal said`` ... ``the
        veteran goaltender said``)."""

        def candidate(entity: Entity) -> bool:  # (a person named in full: not "Saskatoon" the model
            other = _other_role(entity, nouns, self._role_word, self.words.trait_nouns)  # called one)
            return entity.kind == "person" and _named_in_full(entity) and fits(entity) and not other

        for position, entity in self.entities.subjects.before(token.idx):
            if self._paragraph(position) < self._paragraph(token.idx) - SUBJECT_REACH:
                return None
            if not candidate(entity):
                continue  # ("... as the Edmonton Oilers beat the Flames", a coach for "the goaltender")
            named = self.entities.mentions.before(token.idx)
            if any(p > position and e is not entity and candidate(e) for p, e in named):
                return None
            spoke = [e for p, e in self.speakers.before(token.idx) if p > position and e is not entity]
            if any(candidate(e) or e.kind == "unnamed" for e in spoke):
                return None  # (an unnamed person who spoke since may be the one described)
            return entity
        return None


def organisation_qualifiers(token: Token, affiliations: dict[str, tuple[str, str]]) -> set[str]:
    """The proper nouns that tie a role to an organisation ("DNC" of "the DNC chairman", "Pfizer" of
    "Pfizer chief executive"), not a state or a party ("the Indiana governor", "the GOP nominee")."""
    found = set()
    doc = token.doc
    for child in token.lefts:
        if child.dep_ != "compound":
            continue
        for t in child.subtree:
            around = [doc[t.i - 1 : t.i + 1].text, doc[t.i : t.i + 2].text]  # "New York"
            if (
                t.pos_ == "PROPN"
                and t.i < token.i
                and not any(affiliations_of(w, affiliations) for w in around)
            ):
                found.add(t.text.lower())
    return found


def titles_name(titles, qualifiers: set[str]) -> bool:
    """Whether a title names one of the qualifiers, as a word or as the initials of its capitalised
    words ("DNC" in "chairman of the Democratic National Committee")."""
    for title in titles:
        words = re.findall(r"[\w.-]+", title)
        if {w.lower() for w in words} & qualifiers:
            return True
        initials = "".join(w[0] for w in words if w[:1].isupper()).lower()
        if any(len(q) >= 2 and q.isalpha() and q in initials for q in qualifiers):
            return True
    return False


def _aged(token: Token) -> bool:
    """``the 31-year-old``: an age that stands for a person."""
    return token.lower_ == "old" and any(c.lower_ in ("year", "years") for c in token.lefts)


def _named_in_full(entity: Entity) -> bool:
    """Whether a person was written with a first name, as a name (no digits: not "Moose Jaw 16-5")."""
    return any(len(f.split()) > 1 for f in entity.forms) and not any(c.isdigit() for c in entity.name)


def _restrictive(child: Token) -> bool:
    """A phrase after a noun that says which one it is (``for the family``, ``who lives next
    door``), not one set off by a comma (``, who improved to 12-3``), a count (``the mother of
    three``) or a home town (``from Brandon``)."""
    if child.dep_ not in ("prep", "relcl", "acl"):
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    if child.dep_ == "prep" and all(c.like_num for c in objects):
        return False
    aged = _aged(child.head)  # ("the 21-year-old from Dayton": a home town, whatever the model calls it)
    placed = all(c.ent_type_ in ("GPE", "LOC") or (aged and c.pos_ == "PROPN") for c in objects)
    if child.dep_ == "prep" and child.lower_ == "from" and placed:
        return False  # ("the 34-year-old from Brandon": where the person is from, not which one)
    before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    return before is None or before.text != ","


def _with_abbreviations(nouns: set[str], abbreviations: dict[str, str]) -> set[str]:
    """``nouns`` with the abbreviations that stand for them (``general``: ``gen.``, ``gen``)."""
    return nouns | {short for short, full in abbreviations.items() if full in nouns}


def _holds(entity: Entity, nouns: set[str]) -> bool:
    """Whether one of a person's titles holds one of ``nouns`` as a word (``Principal``,
    ``an engineer at the city``, ``Ceredigion council leader``)."""
    return any(nouns & set(role_words(title)) for title in entity.titles)


def _other_role(entity: Entity, nouns: set[str], is_role, traits: frozenset[str] = frozenset()) -> bool:
    """Whether a person's titles name a role and none of them ``nouns`` (``Mayor Jane Roe`` is
    not ``the engineer``); a trait (``the right-hander``, ``the veteran``) fits any role."""
    if not nouns or nouns & traits:
        return False  # (an age, "the 34-year-old", fits any role too)
    words = {w for title in entity.titles for w in role_words(title)}
    return bool(words) and not words & nouns and any(is_role(w) for w in words)


def _without(fits, excluded: set[int]):
    """``fits`` that also refuses the entities whose ids are in ``excluded``."""
    return lambda entity: id(entity) not in excluded and fits(entity)


def resolved_to(entity: Entity, token: Token, what: str, how: str | None = None) -> Resolution:
    return Resolution(entity.name, entity.kind, f"{what} '{token.text}' -> {how or entity.name}")
