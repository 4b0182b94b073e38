"""Titles and honorifics of the people an article names.

:class:`Titles` knows which words make a title ("CEO", "Gov.", "Premier"), records the titles
written around a name ("Microsoft CEO Satya Nadella", "Sam Altman, CEO of OpenAI"), tells a gender
from an honorific, and writes a name without them ("Ontario Premier Doug Ford" -> "Doug Ford").
:func:`quotation_role` picks the title a quotation shows for its speaker.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Span, Token

from quotes.rules.mentions import MentionRules
from quotes.speakers.affiliation import affiliations_of, role_gender
from quotes.speakers.descriptions import clean_title
from quotes.speakers.gender import add_cue, noun_cue
from quotes.speakers.records import Entity

HEADLINE_WORDS = 6  # a "title" of this many capitalised words is a headline before the name


_POSSESSIVE = ("’s", "'s", "’", "'")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")  # zero-width and soft hyphen
_NICKNAME = re.compile(r"\s[\"“”'‘’][^\"“”'‘’]{1,30}[\"“”'‘’](?=\s)")  # Dwayne "The Rock" Johnson
# a party-and-state tag ("D-Ore.", "R-Ind.", "(Lab, Liden)") or any parenthesis, and what follows it
# letters after a name: honours, silk, seats and degrees ("Helen Marsh KC", "Jane Roe MP")
_POSTNOMINALS = frozenset(
    {"KC", "QC", "SC", "MP", "MPP", "MLA", "MSP", "MS", "MEP", "MHA", "MNA", "TD", "OBE", "MBE", "CBE", "KBE",
     "DBE", "PC", "OC", "CM", "PhD", "MD", "FRS", "Esq", "CPA"}
)
_TAG = re.compile(r"(?:,?\s*\(|,\s*[A-Z]{1,3}-[A-Z][\w.]*|,\s*[A-Z]\.?$).*$")
# lower-case words that belong inside a name ("Ellen ap Gwynn", "Bill de Blasio", "Mohammed bin Salman")
NAME_PARTICLES = frozenset(
    {"ap", "de", "del", "della", "der", "di", "da", "dos", "das", "du", "la", "le", "van", "von", "den",
     "ten", "ter", "bin", "bint", "ibn", "al", "el", "y", "st.", "mac", "zu", "af", "av"}
)


_ELIDED = re.compile(r"^(?:d|l|de|del|di|da|du)['’][A-ZÀ-Ý]")  # ("d'Entremont", "l'Heureux")


def elided_particle(word: str) -> bool:
    """A surname that opens with an elided lower-case particle (``d'Entremont``, ``l'Heureux``)."""
    return bool(_ELIDED.match(word))


def strip_possessive(name: str) -> str:
    for ending in _POSSESSIVE:
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def plain_name(text: str, person: bool = False) -> str:
    """A name as written once its noise is gone: zero-width characters, a nickname in quotation
    marks (``Dwayne "The Rock" Johnson``), a party-and-state tag or a parenthesis after it (``Jo
    Bell, D-Ore.``, ``Derique Montaut (Lab``) and, for a ``person``'s name, lower-case words joined
    to it (``hydrologist Ann Gill``, ``Ana Torres according``) but the particles of a surname
    (``Ellen ap Gwynn``); an organisation keeps its own (``the 9/11 commission``)."""
    text = " ".join(_INVISIBLE.sub("", text).split())
    text = _NICKNAME.sub("", f" {text} ").strip()
    text = _TAG.sub("", text).strip(" ,")
    words = text.split()
    while person and len(words) > 2 and words[-1].rstrip(".,") in _POSTNOMINALS:
        words = words[:-1]  # ("Helen Marsh KC", "Jane Roe MP")
    capitalised = [i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit()]
    if capitalised and person:
        first = capitalised[0]
        while first and words[first - 1].lower() in NAME_PARTICLES:
            first -= 1  # ("de Blasio")
        words, capitalised = words[first:], [i - first for i in capitalised]  # ("hydrologist Ann Gill")
        first = 0
        for i in range(first + 1, len(words)):
            word = words[i]
            if word[:1].islower() and word.lower() not in NAME_PARTICLES and not elided_particle(word):
                words = words[:i]
                break
            if word.lower() in NAME_PARTICLES and i + 1 == len(words):
                words = words[:i]  # ("Ellen ap": a particle ends no name)
                break
    return " ".join(words)


_OWNER = re.compile(r"^.*(?:'s|’s|s'|s’)\s+")


def _closes_role_phrase(ent: Span, head: Token) -> bool:
    """``An attorney for Pagliano, Mark MacDougall,``: a name set off by a comma after the object of
    a role noun's preposition, which the parser hangs on that object."""
    doc = ent.doc
    return (
        ent.root.dep_ == "appos"
        and head.i < ent.start
        and head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and head.head.head.pos_ == "NOUN"
        and ent.start > 0
        and doc[ent.start - 1].text == ","
    )


def role_words(title: str) -> list[str]:
    """The lower-case words of a title that say the person's own role: after an owner's possessive
    (``eldest daughter`` of ``the Republican presidential nominee's eldest daughter``)."""
    return re.findall(r"[\w.-]+", _OWNER.sub("", title.lower()))


class Titles:
    """Title words, titles around names and honorific genders, from the mention rules."""

    def __init__(self, mentions: MentionRules) -> None:
        self.mentions = mentions
        self.words = mentions.words
        self.honorifics = {h.rstrip(".") for h in mentions.honorifics}

    def clean_name(self, text: str, person: bool = False) -> str:
        """A name without its possessive, a leading "the", honorifics and the title before it
        ("Ontario Premier Doug Ford" -> "Doug Ford"), in its plain form (:func:`plain_name`; a
        ``person``'s without lower-case words)."""
        words = strip_possessive(plain_name(text, person)).replace("’", "'").split()
        words = [word for word in words if any(c.isalnum() for c in word)]  # ("Donald Trump ''")
        if not person and words and words[-1].lower() in self.mentions.organisation_words:
            words = words[1:] if words[0].lower() == "the" else words
            return " ".join(words).strip(" ,.;:")  # ("the Justice Department": no title before a name)
        while words and words[0].lower().rstrip(".") in self.honorifics:
            words = words[1:]
        position = len(words) >= 3 and words[0].isupper() and words[0].isalpha() and len(words[0]) <= 3
        if position and words[1].lower() in self.words.first_names:
            words = words[1:]  # ("RT Ryan Kessling", "DT Gerald McCoy": a player's position before the name)
        titled = [
            i
            for i, word in enumerate(words[:-1])
            if self.titles_a_name(word) or (i and self.title_group(f"{words[i - 1]} {word}") is not None)
        ]  # ("Chief Executive Julian Marsh": a title of two words)
        if titled and all(word[:1].isupper() for word in words[: titled[-1]]):
            words = words[titled[-1] + 1 :]
        if words and words[0].lower() == "the":
            words = words[1:]
        return " ".join(words).strip(" ,.;:")

    def add_title(self, entity: Entity, title: str | None, offset: int = -1) -> None:
        """Keep a short title once, with the title groups its words belong to; a gendered noun
        heading it (``a spokeswoman``) is a gender cue of the person, at ``offset``."""
        if title is not None and offset >= 0:
            add_cue(entity, noun_cue(title, offset, self.words.role_genders))
        title = clean_title(title)
        if title is None or title in entity.titles:
            return
        entity.titles[title] = None
        words = role_words(title)
        for word in words + [f"{a} {b}" for a, b in pairwise(words)]:  # "attorney general"
            group = self.title_group(word)
            if group is not None:
                entity.title_groups.add(group)
        for kind, values in affiliations_of(title, self.words.affiliations).items():
            entity.affiliations.setdefault(kind, set()).update(values)
        if entity.kind == "person" and entity.gender is None and len(words) <= 4:  # "a spokeswoman"
            entity.gender = role_gender(words, self.words.role_genders)

    def record_title(self, ent: Span, entity: Entity) -> None:
        """Titles around a name: ``Microsoft CEO Satya Nadella``, ``Sam Altman, CEO of OpenAI``,
        ``Gov. Mike Pence``."""
        doc = ent.doc
        if entity.kind != "person":
            return
        start = ent.start  # the name proper: a title the entity took in ("Premier Doug Ford") is before it
        titled = [
            t.i
            for t in ent[:-1]
            if self._is_title_word(t) or (t.lower_ in self.words.person_nouns and t.i < ent.end - 2)
        ]
        if titled:
            start = titled[-1] + 1
        before: list = []
        abbreviations = self.words.title_abbreviations
        if start >= 2 and doc[start - 1].text == "." and doc[start - 2].lower_ in abbreviations:
            start -= 1  # ("Sgt. Nick Arbour", the abbreviation's period split from it)
        for t in reversed(doc[max(0, start - 4) : start]):  # the words right before the name proper
            named = t.dep_ == "compound" or t.pos_ in ("PROPN", "NOUN", "ADJ")
            if not named and t.lower_ not in abbreviations:  # ("Cpl.", kept whole, may be tagged anything)
                break
            before.insert(0, t)
        if before:  # ("actress Jane Doe", "Spokeswoman Jane Doe")
            words = " ".join(t.text for t in before)
            add_cue(entity, noun_cue(words, before[0].idx, self.words.role_genders))
        if any(self._is_role_word(t) for t in before):
            # ("Microsoft CEO Satya Nadella", "Principal Jane Roe", "veteran goaltender Luca Marchetti")
            self.add_title(entity, " ".join(t.text for t in before), before[0].idx)
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.i < ent.start and self._is_role_word(head):
            role = doc[head.left_edge.i : head.i + 1]  # ("The Transport Secretary, Grant Shapps")
            self.add_title(entity, " ".join(t.text for t in role if t.dep_ != "det"), head.left_edge.idx)
        elif _closes_role_phrase(ent, head) and self._is_role_word(head.head.head):
            role = head.head.head  # ("An attorney for Pagliano, Mark MacDougall,": hung on "Pagliano")
            words = [t for t in doc[role.left_edge.i : head.right_edge.i + 1] if t.i < ent.start]
            text = " ".join(t.text for t in words if not (t.dep_ == "det" and t.head is role)).strip(" ,")
            self.add_title(entity, text, role.left_edge.idx)
        for child in ent.root.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and ent.label_ == "PERSON":
                continue  # (another person set beside the name is no title of it)
            if child.dep_ == "appos":
                # the apposition's own tokens: doc.text would rebuild the whole article's text
                apposition = doc[child.left_edge.i : child.right_edge.i + 1]
                self.add_title(entity, apposition.text, apposition.start_char)

    def titles_a_name(self, word: str) -> bool:
        """A title word or an honorific before a name (``Premier``, ``Mr.``)."""
        lower = word.lower().rstrip(".")
        return lower in self.honorifics or self.title_group(word) is not None

    def _is_role_word(self, token: Token) -> bool:
        """A title word or a noun for a person's occupation (``CEO``, ``principal``, ``goaltender``,
        ``Sgt.``)."""
        lower = token.lower_
        return (
            self.title_group(lower) is not None
            or token.lemma_.lower() in self.words.person_nouns
            or lower in self.words.title_abbreviations
        )

    def _is_title_word(self, token: Token) -> bool:
        """``CEO``, ``Gov.``, ``Minister``: a word of a title or an honorific, not of a name."""
        return self.title_group(token.text) is not None or token.lower_.rstrip(".") in self.honorifics

    def title_group(self, word: str) -> int | None:
        word = word.lower()
        word = self.words.title_abbreviations.get(word, word)
        return self.mentions.title_groups.get(word)

    def honorific_gender(self, text: str) -> str | None:
        """``female`` for ``Mrs. Trump``, ``male`` for ``Mr. Trump``, else None."""
        first = text.split()[0].lower() if text.split() else ""
        honorifics = self.mentions.honorifics
        gender = honorifics.get(first) or honorifics.get(first.rstrip("."))
        return gender if gender in ("male", "female") else None


def quotation_role(entity: Entity | None, titles: Titles) -> str | None:
    """The first title the article gave a person that names a role (``Microsoft CEO`` of
    ``Microsoft CEO Satya Nadella``), for a mention that carries none of its own (``Nadella
    said``); an abbreviation alone is spelled out (``Sen.`` -> ``Senator``)."""
    if entity is None or entity.kind != "person":
        return None
    title = next((title for title in entity.titles if names_a_role(title, titles)), None)
    if title is not None and title.lower() in titles.words.title_abbreviations:
        return titles.words.title_abbreviations[title.lower()].capitalize()
    return title


def names_a_role(title: str, titles: Titles) -> bool:
    """Whether a title holds a role word ("Wells Fargo CEO", "Massachusetts Sen."), unlike an
    apposition that only places or describes the person ("D-Mont.", "all times") or a
    headline written before the name (six capitalised words or more)."""
    if len(title.split()) >= HEADLINE_WORDS and all(w[:1].isupper() for w in title.split()):
        return False
    lower = re.findall(r"[\w.-]+", title.lower())
    words = titles.words
    return any(
        titles.title_group(w) is not None
        or w in words.person_roles
        or w in words.person_nouns
        or w in words.title_abbreviations
        for w in lower
    )
