"""Who a written name is among the article's people: surnames, first names, family names first.

:class:`People` holds the people and organisations of one article, clustered by name as
:class:`quotes.speakers.article_entities.ArticleEntities` adds them, and answers who a name is: the
person a surname or full name can be ("Ms. Acosta" of "Melba
Acosta Febo", "Mr. Ban" of "Ban Ki-moon", but not "Melania Trump" for "Donald Trump"), and the
entities named before or after a point of the article.
"""

from __future__ import annotations

from quotes.rules.mentions import SpeakerWords
from quotes.rules.speakers import AliasTable
from quotes.speakers.descriptions import is_acronym
from quotes.speakers.index import Recency
from quotes.speakers.records import Entity
from quotes.speakers.titles import NAME_PARTICLES, Titles

ESTABLISHED = 3  # mentions of a surname alone after which a full name with another first name is new

NEAR = 1000  # characters: a surname alone this soon after a full name is that person (People.person)

_PARTICLES = NAME_PARTICLES  # surname particles, no first names


_SMALL_WORDS = frozenset({"to", "for", "of", "and", "the", "in", "on", "at", "with", "as", "by", "a", "an"})


def _longer_form(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with one to three more capitalised name words after it
    (``Peabody Energy`` of ``Peabody``; not the headline ``Obama Administration To Expand Program``)."""
    if not long.lower().startswith(short.lower() + " "):
        return False
    extra = long.split()[len(short.split()) :]
    return 1 <= len(extra) <= 3 and all(w[:1].isupper() and w.lower() not in _SMALL_WORDS for w in extra)


class People:
    """The article's people and organisations, clustered by name, and where each was named."""

    def __init__(self, words: SpeakerWords, aliases: AliasTable, titles: Titles) -> None:
        self.words = words
        self.aliases = aliases
        self.titles = titles
        self.by_key: dict[str, Entity] = {}  # surname or full key -> entity
        self.by_acronym: dict[str, Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}  # people who share a surname, in order named
        self.mentions: Recency[Entity] = Recency()
        self.full_surnames: set[str] = set()  # surnames the article writes with a first name or honorific

    def add(self, name: str, kind: str, offset: int, gender: str | None = None) -> Entity:
        """The entity ``name`` belongs to (a new one if none): organisations by their whole name,
        people by surname unless the first names differ ("Melania Trump" is not "Donald Trump")."""
        canonical = self.aliases.canonical(name)
        words = canonical.split()
        surname = words[-1].lower()
        known = canonical.lower() in self.by_key or surname in self.by_surname
        known = known or (len(words) == 1 and surname in self.full_surnames)
        joins = kind == "person" and not known  # ("Maple Hearth", "Lumora"; not Donald Trump's "Trump")
        short = self._organisation_forms(canonical) if joins else None
        if short is not None:
            return short  # ("Maple Hearth" after "Maple Hearth Appliances", whatever the model says)
        if kind == "organisation":
            entity = self.by_key.get(canonical.lower()) or self._organisation_forms(canonical, longer=True)
            entity = entity or self._ending_of(canonical)
            if entity is None:
                entity = Entity(canonical, kind, offset)
            self.by_key.setdefault(canonical.lower(), entity)
        else:
            entity = self.person(words, gender, offset)
            if entity is None:
                entity = Entity(canonical, kind, offset, gender=gender)
                self.by_surname.setdefault(words[-1].lower(), []).append(entity)
                self.by_key.setdefault(words[-1].lower(), entity)
            if len(words) > 1:
                self.by_key.setdefault(canonical.lower(), entity)
        if kind == entity.kind and not (entity.forms and words[0][:1].islower()):
            entity.add_form(canonical)  # (not "ap Gwynn" once "Ellen ap Gwynn" was written)
        declared = self.aliases.speaker_type(canonical)
        if declared:
            entity.kind = declared
        if entity.kind == "person" and len(words) > 2:  # "Ms. Acosta" of "Melba Acosta Febo"
            for word in words[1:-1]:
                if word[:1].isupper() and len(word.rstrip(".")) > 1:
                    self.by_key.setdefault(word.lower(), entity)
        if entity.kind == "person" and entity.gender is None:
            first = self.words.first_names.get(words[0].lower()) if len(words) > 1 else None
            entity.gender = gender or first
        return entity

    def person(self, words: list[str], gender: str | None, offset: int | None = None) -> Entity | None:
        """The person already named with this surname that ``words`` can be: the same first name
        (or none written on either side) and no clash of gender; the most mentioned. A full name with a
        known first name is not taken for a surname already written alone :data:`ESTABLISHED`
        times ("President Obama" ... "Michelle Obama"). A surname alone (at ``offset``) is the person
        named in full up to :data:`NEAR` characters before it when the most mentioned one, named
        fewer than :data:`ESTABLISHED` times, was last named earlier still ("Gary Johnson" ... "Jeh
        Johnson says ... Johnson tells"; but "Hillary Clinton" ... "Bill Clinton" ... "Clinton")."""
        full = self.by_key.get(" ".join(words).lower()) if len(words) > 1 else None
        if full is not None and full.kind == "person":
            return full
        fits = []
        known = self.by_key.get(words[0].lower()) if len(words) == 1 else None
        if known is not None and known.kind == "person" and words[0].lower() not in self.by_surname:
            return known  # "Ms. Acosta" after "Melba Acosta Febo"
        if known is None and len(words) == 1:
            first_word = self._first_word(words[0])
            if first_word is not None:
                return first_word
        inner = [e for w in words[1:-1] for e in self.by_surname.get(w.lower(), ()) if len(e.forms) == 1]
        for entity in [*self.by_surname.get(words[-1].lower(), ()), *inner]:  # "Acosta", "Melba Acosta Febo"
            if gender and entity.gender and entity.gender != gender:
                continue
            firsts = {f.split()[0] for f in entity.forms if len(f.split()) > 1}
            first_name = len(words) > 1 and words[0].lower() in self.words.first_names
            if not firsts and first_name and sum(entity.forms.values()) >= ESTABLISHED:
                continue
            if len(words) == 1 or not firsts or not all(self._different_first(words[0], f) for f in firsts):
                fits.append(entity)
        main = max(fits, key=lambda e: sum(e.forms.values()), default=None)
        if offset is None or main is None or len(words) > 1:
            return main
        recent = max(fits, key=lambda e: e.last_full)  # "Jeh Johnson says ... Johnson tells", not Gary
        older = main.last_seen < recent.last_full - NEAR and sum(main.forms.values()) < ESTABLISHED
        if recent is not main and 0 <= offset - recent.last_full <= NEAR and older:
            return recent
        return main

    def first_name_of(self, word: str) -> Entity | None:
        """The one person named in full whose first name ``word`` is (no one's surname)."""
        return self._first_word(word)

    def _first_word(self, word: str) -> Entity | None:
        """``Priya`` of ``Priya Raman`` (a feature's first name alone), ``Mr. Ban`` of ``Ban Ki-moon``,
        ``Zhang`` of ``Zhang Yuhan`` (a name written family name first): a lone word that is no one's
        surname is the one person named in two or three words that start with it."""
        lower = word.lower()
        if lower in self.by_surname:
            return None
        people = {
            id(e): e
            for e in self.by_key.values()
            if e.kind == "person" and 2 <= len(e.name.split()) <= 3 and e.name.split()[0].lower() == lower
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _different_first(self, one: str, other: str) -> bool:
        """Whether two first words name different people: ``Melania``/``Donald`` do; ``Donald``/
        ``Don``, ``AG``/``Michael`` (an abbreviation) or ``Senator``/``Ted`` (a title) do not."""
        a, b = one.lower().rstrip("."), other.lower().rstrip(".")
        if a in _PARTICLES or b in _PARTICLES:  # "De Blasio" of "Bill de Blasio"
            return False
        if a == b or a.startswith(b) or b.startswith(a):
            return False
        titles = self.titles
        for word in (one, other):
            if word.isupper() or titles.title_group(word) is not None or word.lower() in titles.honorifics:
                return False
        return True

    def lookup(self, name: str) -> Entity | None:
        cleaned = self.titles.clean_name(name)
        if not cleaned:
            return None
        if is_acronym(cleaned) and cleaned.replace(".", "") in self.by_acronym:
            return self.by_acronym[cleaned.replace(".", "")]
        canonical = self.aliases.canonical(cleaned)
        exact = self.by_key.get(canonical.lower())
        if exact is not None and exact.kind == "organisation":
            return exact  # ("Maple Hearth Appliances", not a person with "Hearth" inside the name)
        person = self.person(canonical.split(), self.titles.honorific_gender(name))
        if person is not None:
            return person
        found = self.by_key.get(canonical.lower()) or self._organisation_forms(canonical)
        return found or self.by_key.get(canonical.split()[-1].lower())

    def _organisation_forms(self, name: str, longer: bool = False) -> Entity | None:
        """The one organisation ``name`` is a short form of (``Peabody`` of ``Peabody Energy``), or,
        when ``longer``, the long form of (``Peabody Energy`` after ``Peabody``): the long form ends in
        an organisation word, so ``Trump`` is no form of ``Trump Train`` nor ``Senate Republicans``
        of ``Senate``."""
        organisation_words = self.titles.mentions.organisation_words

        def forms(entity: Entity) -> bool:
            if _longer_form(name, entity.name):
                return entity.name.split()[-1].lower() in organisation_words
            named = name.split()[-1].lower() in organisation_words
            return longer and named and _longer_form(entity.name, name)

        found = {id(e): e for e in self.by_key.values() if e.kind == "organisation" and forms(e)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _ending_of(self, name: str) -> Entity | None:
        """``the Journal`` after ``The Wall Street Journal``, ``the Council`` after ``Leeds City
        Council``: one organisation word alone is the one organisation named whose name ends so."""
        if " " in name or name.lower() not in self.titles.mentions.organisation_words:
            return None
        found = {
            id(e): e
            for e in self.by_key.values()
            if e.kind == "organisation" and " " in e.name and e.name.split()[-1].lower() == name.lower()
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def before(self, offset: int) -> list[Entity]:
        """Entities mentioned before ``offset``, nearest first."""
        return [entity for _, entity in self.mentions.before(offset)]

    def after(self, offset: int) -> list[Entity]:
        """Entities first mentioned after ``offset``, nearest first."""
        return sorted((e for e in self.mentions.items() if e.first_seen > offset), key=lambda e: e.first_seen)

    def by_title(self, words: list[str], offset: int) -> Entity | None:
        """The nearest entity before ``offset`` described by a title of the same group as ``words``."""
        groups = {self.titles.title_group(w) for w in words} - {None}
        if not groups:
            return None
        return next((e for e in self.before(offset) if e.title_groups & groups), None)
