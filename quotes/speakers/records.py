"""The speakers layer's records: :class:`Entity`, one person or organisation an article names,
with its written forms, titles and gender; :class:`GenderCue`, one word of the article that tells
a person's gender; :class:`Resolution`, what resolving one speaker mention gives, with how it was
found."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GenderCue:
    """A word of the article that tells a person's gender: a pronoun tied to them outside
    quotation marks, an honorific before their name, or a gendered noun or role describing them."""

    basis: str  # pronoun | honorific | noun
    gender: str  # female | male
    word: str  # as written: "she", "Mrs.", "spokeswoman"
    offset: int  # where it is in the article


@dataclass(eq=False)
class Entity:
    """One named person or organisation of the article (compared by identity)."""

    name: str
    kind: str  # person | organisation
    first_seen: int
    last_seen: int = -1  # where it was last named, while the article is read
    last_full: int = -1  # where it was last named with a first name, while the article is read
    titles: dict[str, None] = field(default_factory=dict)  # distinct titles, in order seen
    title_groups: set[int] = field(default_factory=set)
    gender: str | None = None
    affiliations: dict[str, set[str]] = field(default_factory=dict)  # from titles: state, party
    forms: Counter[str] = field(default_factory=Counter)  # how often each full form was written
    gender_cues: list[GenderCue] = field(default_factory=list)  # the article's words on its gender

    def add_form(self, form: str) -> None:
        """Count a written form; the canonical name is the most frequent of the fullest forms
        (so a one-off "Crooked Hillary Clinton" does not displace "Hillary Clinton"), written as a
        name rather than in capitals ("Kayla Brennan", not a transcript's "KAYLA BRENNAN")."""
        self.forms[form] += 1
        fullest = max(min(len(f.split()), 2) for f in self.forms)
        candidates = [f for f in self.forms if min(len(f.split()), 2) == fullest]
        self.name = max(candidates, key=lambda f: (not f.isupper(), self.forms[f], -len(f.split()), f))


@dataclass(frozen=True)
class Resolution:
    """A speaker mention's canonical name; ``names`` lists each speaker of ``X and Y said``."""

    name: str | None
    kind: str  # person | organisation | description | unknown
    how: str
    title: str | None = None
    names: tuple[str, ...] = ()


def unknown(how: str) -> Resolution:
    """An honest unknown, with the reason."""
    return Resolution(None, "unknown", how)
