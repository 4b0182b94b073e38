"""The people and organisations named in one article, clustered by name, indexed by position.

Built once per article in one pass over the named entities: each person or organisation with
its written forms, titles (deduplicated), gender and kind, and a :class:`Recency` index of
where it was mentioned, so that "who was named before this point?" costs no scan of all
earlier mentions. Datelines (``WASHINGTON —``) are no entities.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from quotes.attribution import SpanIndex
from quotes.cues import CueRules
from quotes.speakers import AliasTable
from quotes.speakers.descriptions import acronym
from quotes.speakers.entity import Entity
from quotes.speakers.index import Recency
from quotes.speakers.people import PeopleLookup
from quotes.speakers.personhood import introduces, looks_like_a_name, speaks_as_a_person
from quotes.speakers.titles import TitleRules
from quotes.speakers.unlabelled import is_subject, unlabelled_mentions
from quotes.text import first_line_end

_POSSESSIVE = ("’s", "'s", "’", "'")
# "WASHINGTON —", "CLEVELAND (UPI) —", "NEW YORK, N.Y. -": a place in capitals opening a paragraph
_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z .'’-]{2,}?)(?:,[ \t]*[A-Z][\w. ]{1,20}?)?[ \t]*(?:\([\w .]+\))?[ \t]*[—–-]"
)


def strip_possessive(name: str) -> str:
    for ending in _POSSESSIVE:
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def _with_given_names(ent: Span) -> Span:
    """``Ana Diaz`` where the model tagged only ``Diaz``: proper-noun compounds just before a
    person's name join it, and so do the parts of a hyphenated name (``Wealth-X``)."""
    start = ent.start
    doc = ent.doc
    while (
        ent.label_ == "PERSON"
        and start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ == "compound"
        and ent.start <= doc[start - 1].head.i < ent.end
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2  # "Wealth-X" where the model tagged only "X"
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)


def _without_verb(ent: Span, rules: CueRules, first_line_end: int) -> Span | None:
    """``Obama`` of ``Obama Says``, ``Elizabeth Warren`` of ``Elizabeth Warren Hammers Wells Fargo
    CEO``: a headline's name ends before its verb (a verb after a proper noun, in a person's name or
    on the first line)."""
    if ent.label_ != "PERSON" and ent.start_char > first_line_end:
        return ent
    headline = ent.start_char <= first_line_end
    for token in ent[1:]:  # (in the text, a cue word the parser calls a name is one: "Ian Read")
        cue = headline and rules.verb_lemma(token.lemma_, token.text) is not None
        verb = token.pos_ in ("VERB", "AUX") or cue
        if verb and token.nbor(-1).pos_ == "PROPN" and token.text[:1].isupper():
            return Span(ent.doc, ent.start, token.i, label=ent.label_) if token.i > ent.start else None
    return ent


def dateline_spans(text: str) -> SpanIndex:
    """Where the article's datelines are (``WASHINGTON`` in ``WASHINGTON — The Senate ...``)."""
    return SpanIndex([(m.start(1), m.end() - 1) for m in _DATELINE.finditer(text)])


class ArticleEntities(PeopleLookup, TitleRules):
    """The people and organisations named in one article, clustered by name."""

    def __init__(self, doc: Doc, rules: CueRules, aliases: AliasTable, quoted: SpanIndex) -> None:
        self.rules = rules
        self.words = rules.speakers
        self.aliases = aliases
        self._honorifics = {h.rstrip(".") for h in rules.honorifics}
        self.by_key: dict[str, Entity] = {}  # surname or full key -> entity
        self.by_acronym: dict[str, Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}  # people who share a surname, in order named
        self.mentions: Recency[Entity] = Recency()
        self.subjects: Recency[Entity] = Recency()  # mentions that are grammatical subjects
        self.role_subjects: Recency[Entity] = Recency()  # "the president" as a subject, for pronouns
        self.text = doc.text  # built once: spaCy rebuilds it from every token on each access
        self.datelines = dateline_spans(self.text)
        self.quoted = quoted
        self.first_line_end = first_line_end(self.text)  # -1: no headline (a one-line article)
        ents = (_without_verb(e, rules, self.first_line_end) for e in map(_with_given_names, doc.ents))
        named = [
            (ent, name)
            for ent in ents
            if ent is not None
            if ent.label_ in ("PERSON", "ORG")
            and not self.datelines.contains(ent.start_char)
            and (name := self.clean(ent.text))
        ]
        label_votes: dict[str, list[str]] = {}
        full_names: set[str] = set()  # surnames seen with a first name or an honorific
        spoken: set[str] = set()  # surnames of names that look like a person's, whatever the label
        alone: set[str] = set()  # words the model calls a person on their own
        for ent, name in named:
            key = name.split()[-1].lower()
            label_votes.setdefault(key, []).append(ent.label_)
            honorific = any(  # before the name, or inside the entity ("Cr Wilson", "Councillor Ewan Wilson")
                t.lower_.rstrip(".") in self._honorifics for t in doc[max(ent.start - 1, 0) : ent.start + 1]
            )
            first_name = len(name.split()) > 1 and name.split()[0].lower() in self.words.first_names
            if (ent.label_ == "PERSON" or first_name) and (len(name.split()) > 1 or honorific):
                full_names.add(key)
            elif looks_like_a_name(name.split(), rules) and speaks_as_a_person(ent, rules):
                full_names.add(key)  # ("Amara Osei said ... She added")
            elif looks_like_a_name(name.split(), rules):
                spoken.add(key)
            if ent.label_ == "PERSON" and " " not in name:
                alone.add(key)
        full_names |= spoken & alone  # ("Amara Osei" ... "Osei said")
        self.entity_at = {i: ent for ent, _ in named for i in range(ent.start, ent.end)}
        self.entity_of: dict[int, Entity] = {}  # token -> the entity its mention was clustered into
        for ent, name in named:
            key = name.split()[-1].lower()
            kind = self._kind(name, label_votes[key], key in full_names)
            hint = self.honorific_gender(doc[ent.start - 1].text) if ent.start > 0 else None
            hint = hint or next(  # an honorific the model took into the name ("But Mrs. Clinton")
                (g for w in ent.text.split()[:2] if (g := self.honorific_gender(w))), None
            )
            entity = self._add(name, kind, ent.start_char, hint if kind == "person" else None)
            entity.last_seen = ent.start_char
            if len(name.split()) > 1 and kind == "person":
                entity.last_full = ent.start_char
            self.entity_of.update((i, entity) for i in range(ent.start, ent.end))
            self._record_title(ent, entity)
            self.mentions.add(ent.start_char, entity)
            introduced = kind == "person" and introduces(ent)
            if (self._is_subject(ent) or introduced) and not quoted.contains(ent.start_char):
                self.subjects.add(ent.start_char, entity)  # (not one a speaker talks about)
        for token, entity in unlabelled_mentions(doc, set(self.entity_at), self.by_surname):
            self.entity_of[token.i] = entity
            if is_subject(token) and not quoted.contains(token.idx):
                self.subjects.add(token.idx, entity)
        self._acronyms(doc)
        self._role_subjects(doc)

    def _role_subjects(self, doc: Doc) -> None:
        """``the president`` as a subject, for the pronouns after it: the nearest person before it
        with a title of that group ("President Obama ... the president appeared cowed ... he")."""
        for token in doc:
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.pos_ == "NOUN"
                and any(c.lower_ == "the" for c in token.children)
                and self.title_group(token.lower_) is not None
                and not self.quoted.contains(token.idx)
            ):
                entity = self.by_title([token.lower_], token.idx)
                if entity is not None and entity.kind == "person":
                    self.role_subjects.add(token.idx, entity)

    @staticmethod
    def _is_subject(ent: Span) -> bool:
        """Whether a named entity is (or heads) the subject of its clause."""
        return ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in ("nsubj", "nsubjpass")

    def _acronyms(self, doc: Doc) -> None:
        """``International Monetary Fund (IMF)`` and plain initials: each form finds the other."""
        for entity in list(self.by_key.values()):
            if entity.kind == "organisation" and (short := acronym(entity.name)):
                self.by_acronym.setdefault(short, entity)
        for match in re.finditer(r"\(([A-Z][A-Z.&]{1,9})\)", doc.text):
            before = doc.char_span(max(0, match.start() - 80), match.start(), alignment_mode="contract")
            if before is None:
                continue
            for entity in self.by_key.values():
                if entity.name and before.text.rstrip().endswith(entity.name):
                    self.by_acronym.setdefault(match.group(1).replace(".", ""), entity)
        for short, entity in list(self.by_acronym.items()):
            alone = self.by_key.get(short.lower())
            if alone is not None and alone is not entity:
                self.by_key[short.lower()] = entity  # "DNC" typed alone joins its full name
                if alone.kind == entity.kind == "organisation":
                    alone.name = entity.name  # (and mentions already made of it name it in full)

    def add_person_mention(self, text: str, offset: int) -> None:
        """Count a full name (two words or more, no organisation word) as a person mention."""
        name = self.clean(text)
        words = name.split()
        if len(words) >= 2 and not any(w.lower() in self.rules.organisation_words for w in words):
            self.mentions.add(offset, self._add(name, "person", offset))

    def _kind(self, name: str, votes: list[str], has_full_name: bool) -> str:
        """Person or organisation, by the article's own evidence: a surname of a person named in
        full (or with an honorific) is that person; a one-word name the model also calls an
        organisation and never names in full is an organisation."""
        words = name.split()
        if any(word.lower() in self.rules.organisation_words for word in words):
            return "organisation"
        if (has_full_name or words[0].lower() in self.words.first_names) and len(words) <= 3:
            return "person"  # (a known first name: "Carly Fiorina" whatever the model says)
        if "ORG" in votes:
            return "organisation"
        return "person"

    def clean(self, text: str) -> str:
        """A name without its possessive, a leading "the", honorifics and the title before it
        ("Ontario Premier Doug Ford" -> "Doug Ford")."""
        words = strip_possessive(text.strip()).replace("\n", " ").replace("’", "'").split()
        words = [word for word in words if any(c.isalnum() for c in word)]  # ("Donald Trump ''")
        while words and words[0].lower().rstrip(".") in self._honorifics:
            words = words[1:]
        titled = [i for i, word in enumerate(words[:-1]) if self._titles_a_name(word)]
        if titled and all(word[:1].isupper() for word in words[: titled[-1]]):
            words = words[titled[-1] + 1 :]
        if words and words[0].lower() == "the":
            words = words[1:]
        return " ".join(words).strip(" ,.;:")


    def _add(self, name: str, kind: str, offset: int, gender: str | None = None) -> Entity:
        """The entity ``name`` belongs to (a new one if none): organisations by their whole name,
        people by surname unless the first names differ ("Melania Trump" is not "Donald Trump")."""
        canonical = self.aliases.canonical(name)
        words = canonical.split()
        if kind == "organisation":
            entity = self.by_key.get(canonical.lower())
            if entity is None:
                entity = self.by_key[canonical.lower()] = Entity(canonical, kind, offset)
        else:
            entity = self._person(words, gender, offset)
            if entity is None:
                entity = Entity(canonical, kind, offset, gender=gender)
                self.by_surname.setdefault(words[-1].lower(), []).append(entity)
                self.by_key.setdefault(words[-1].lower(), entity)
            if len(words) > 1:
                self.by_key.setdefault(canonical.lower(), entity)
        if kind == entity.kind:
            entity.add_form(canonical)
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
