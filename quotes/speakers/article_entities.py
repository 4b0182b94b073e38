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
from quotes.nlp.doctext import doc_text
from quotes.rules.cues import CueRules
from quotes.rules.mentions import MentionRules
from quotes.rules.speakers import AliasTable
from quotes.speakers.descriptions import acronym, is_person_noun
from quotes.speakers.gender import add_cue
from quotes.speakers.index import Recency
from quotes.speakers.name_spans import dateline_spans, named_entities
from quotes.speakers.people import People
from quotes.speakers.personhood import introduces, looks_like_a_name, speaks_as_a_person
from quotes.speakers.records import Entity, GenderCue
from quotes.speakers.titles import Titles
from quotes.speakers.unlabelled import is_subject, unlabelled_mentions
from quotes.text.spans import first_line_end


def _kind(name: str, votes: list[str], has_full_name: bool, mentions: MentionRules) -> str:
    """Person or organisation, by the article's own evidence: a surname of a person named in
    full (or with an honorific) is that person; a one-word name the model also calls an
    organisation and never names in full is an organisation."""
    words = name.split()
    if any(word.lower() in mentions.organisation_words for word in words):
        return "organisation"
    if "ORG_APPOS" in votes and not (has_full_name and len(words) > 1):
        return "organisation"  # (a name set beside "a ... company" is the company's)
    if (has_full_name or words[0].lower() in mentions.words.first_names) and len(words) <= 3:
        return "person"  # (a known first name: "Carly Fiorina" whatever the model says)
    if "ORG" in votes and "PERSON_APPOS" not in votes:
        return "organisation"
    return "person"

class ArticleEntities:
    """The people and organisations named in one article (:attr:`people`), their titles
    (:attr:`titles`), and where each was named and was a subject."""

    def __init__(
        self, doc: Doc, cues: CueRules, mentions: MentionRules, aliases: AliasTable, quoted: SpanIndex
    ) -> None:
        self.mention_rules = mentions
        self.words = mentions.words
        self.aliases = aliases
        self.titles = Titles(mentions)
        self.people = People(self.words, aliases, self.titles)
        self.mentions = self.people.mentions
        self.subjects: Recency[Entity] = Recency()  # mentions that are grammatical subjects
        self.subject_genders: dict[int, str] = {}  # a subject that is "he" or "she": its gender
        self.role_subjects: Recency[Entity] = Recency()  # "the president" as a subject, for pronouns
        self.text = doc_text(doc)  # built once (quotes.nlp.doctext): spaCy rebuilds it on each access
        self.datelines = dateline_spans(self.text)
        self.quoted = quoted
        self.first_line_end = first_line_end(self.text)  # -1: no headline (a one-line article)
        named = named_entities(doc, self.titles, mentions, cues, self.first_line_end, self.datelines)
        label_votes: dict[str, list[str]] = {}
        full_names: set[str] = set()  # surnames seen with a first name or an honorific
        spoken: set[str] = set()  # surnames of names that look like a person's, whatever the label
        alone: set[str] = set()  # words the model calls a person on their own
        for ent, name in named:
            key = name.split()[-1].lower()
            label_votes.setdefault(key, []).append(ent.label_)
            if self._organisation_apposition(ent):
                label_votes[key].append("ORG_APPOS")  # ("Ericsson, a Swedish ... company")
            if self._gendered_apposition(ent):
                label_votes[key].append("PERSON_APPOS")  # ("her mother, Anjali,")
            around = doc[max(ent.start - 1, 0) : ent.start + 1]
            honorific = any(  # before the name, or inside the entity ("Cr Wilson", "Councillor Ewan Wilson")
                t.lower_.rstrip(".") in self.titles.honorifics for t in around
            )
            first_name = len(name.split()) > 1 and name.split()[0].lower() in self.words.first_names
            if (ent.label_ == "PERSON" or first_name) and (len(name.split()) > 1 or honorific):
                full_names.add(key)
            elif looks_like_a_name(name.split(), mentions) and speaks_as_a_person(ent, cues):
                full_names.add(key)  # ("Amara Osei said ... She added")
            elif looks_like_a_name(name.split(), mentions) and (honorific or self._titled(ent)):
                full_names.add(key)  # ("chairman Dai Mason", "Ceredig Davies, leader of the opposition")
            elif looks_like_a_name(name.split(), mentions):
                spoken.add(key)
            if ent.label_ == "PERSON" and " " not in name:
                alone.add(key)
        full_names |= spoken & alone  # ("Amara Osei" ... "Osei said")
        self.people.full_surnames = full_names
        self.entity_at = {i: ent for ent, _ in named for i in range(ent.start, ent.end)}
        self.entity_of: dict[int, Entity] = {}  # token -> the entity its mention was clustered into
        keys = [name.split()[-1].lower() for _, name in named]
        pairs = zip(named, keys, strict=True)
        kinds = [_kind(name, label_votes[key], key in full_names, mentions) for (_, name), key in pairs]
        # organisations first, so that "Maple Hearth" in a headline finds "Maple Hearth Appliances"
        organisations_first = sorted(range(len(named)), key=lambda i: kinds[i] != "organisation")
        for ent, name, kind in ((*named[i], kinds[i]) for i in organisations_first):
            hint = self.titles.honorific_gender(doc[ent.start - 1].text) if ent.start > 0 else None
            hint = hint or next(  # an honorific the model took into the name ("But Mrs. Clinton")
                (g for w in ent.text.split()[:2] if (g := self.titles.honorific_gender(w))), None
            )
            entity = self.people.add(name, kind, ent.start_char, hint if kind == "person" else None)
            if hint is not None and kind == "person":
                self._honorific_cue(doc, ent, entity, hint)
            entity.last_seen = ent.start_char
            if len(name.split()) > 1 and kind == "person":
                entity.last_full = ent.start_char
            self.entity_of.update((i, entity) for i in range(ent.start, ent.end))
            self.titles.record_title(ent, entity)
            self.mentions.add(ent.start_char, entity)
            introduced = kind == "person" and introduces(ent)
            if (self._is_subject(ent) or introduced) and not quoted.contains(ent.start_char):
                self.subjects.add(ent.start_char, entity)  # (not one a speaker talks about)
        found_by = (set(self.entity_at), self.people.by_surname, self.people.first_name_of)
        for token, entity in unlabelled_mentions(doc, *found_by):
            self.entity_of[token.i] = entity
            if is_subject(token) and not quoted.contains(token.idx):
                self.subjects.add(token.idx, entity)
        self._acronyms(doc)
        self._role_subjects(doc)

    def _honorific_cue(self, doc: Doc, ent: Span, entity: Entity, gender: str) -> None:
        """``Mrs. Clinton``: the honorific before (or taken into) a name is a gender cue of the person."""
        words = ([doc[ent.start - 1]] if ent.start > 0 else []) + list(ent[:2])
        word = next((t for t in words if self.titles.honorific_gender(t.text) == gender), None)
        if word is not None:
            add_cue(entity, GenderCue("honorific", gender, word.text, word.idx))

    def _role_subjects(self, doc: Doc) -> None:
        """``the president`` as a subject, for the pronouns after it: the nearest person before it
        with a title of that group ("President Obama ... the president appeared cowed ... he")."""
        for token in doc:
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.pos_ == "NOUN"
                and any(c.lower_ == "the" for c in token.children)
                and self.titles.title_group(token.lower_) is not None
                and not self.quoted.contains(token.idx)
            ):
                entity = self.people.by_title([token.lower_], token.idx)
                if entity is not None and entity.kind == "person":
                    self.role_subjects.add(token.idx, entity)

    def _titled(self, ent: Span) -> bool:
        """A name with a title word right before it (``Premier Jane Roe``) or a noun for a person in
        apposition (``Ceredig Davies, leader of the opposition``)."""
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and self.titles.title_group(before.text) is not None:
            return True
        noun = before is not None and before.pos_ == "NOUN" and before.text.islower()
        if noun and is_person_noun(before, self.words, self.titles.title_group):
            return True  # ("junior guard Trinidee Trice", "hydrologist Ann Gill")
        return any(
            child.dep_ == "appos" and is_person_noun(child, self.words, self.titles.title_group)
            for child in ent.root.children
        )

    def _gendered_apposition(self, ent: Span) -> bool:
        """``her mother, Anjali,``, ``his son, Bao``: a name in apposition to a noun only a man or a
        woman can be (``rules: role_genders``) names a person, whatever the model's label."""
        root = ent.root
        head = root.head
        return (
            root.dep_ == "appos"
            and head.i < ent.start
            and head.pos_ == "NOUN"
            and head.lower_ in self.words.role_genders
        )

    def _organisation_apposition(self, ent: Span) -> bool:
        """``Ericsson, a Swedish multinational ... company``: a name with an organisation's kind
        noun in apposition names that organisation, whatever the model's label."""
        kinds = self.words.organisation_kinds
        return any(
            child.dep_ == "appos" and child.pos_ == "NOUN" and child.lower_ in kinds
            and any(c.lower_ in ("a", "an", "the") for c in child.lefts)
            for child in ent.root.children
        )

    @staticmethod
    def _is_subject(ent: Span) -> bool:
        """Whether a named entity is (or heads) the subject of its clause."""
        if ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in ("nsubj", "nsubjpass"):
            return True
        return any(  # ("Priya Raman has ...", parsed with "Priya" as a root of its own)
            t.dep_ in ("nsubj", "nsubjpass") and not ent.start <= t.head.i < ent.end for t in ent
        )

    def _acronyms(self, doc: Doc) -> None:
        """``International Monetary Fund (IMF)`` and plain initials: each form finds the other."""
        people = self.people
        for entity in list(people.by_key.values()):
            if entity.kind == "organisation" and (short := acronym(entity.name)):
                people.by_acronym.setdefault(short, entity)
        for match in re.finditer(r"\(([A-Z][A-Z.&]{1,9})\)", doc_text(doc)):
            before = doc.char_span(max(0, match.start() - 80), match.start(), alignment_mode="contract")
            if before is None:
                continue
            for entity in people.by_key.values():
                if entity.name and before.text.rstrip().endswith(entity.name):
                    people.by_acronym.setdefault(match.group(1).replace(".", ""), entity)
        for short, entity in list(people.by_acronym.items()):
            alone = people.by_key.get(short.lower())
            if alone is not None and alone is not entity:
                people.by_key[short.lower()] = entity  # "DNC" typed alone joins its full name
                if alone.kind == entity.kind == "organisation":
                    alone.name = entity.name  # (and mentions already made of it name it in full)

    def add_person_mention(self, text: str, offset: int) -> None:
        """Count a full name (two words or more, no organisation word) as a person mention, with the
        abbreviated rank written before it as its title."""
        name = self.titles.clean_name(text, person=True)
        words = name.split()
        if len(words) >= 2 and not any(w.lower() in self.mention_rules.organisation_words for w in words):
            entity = self.people.add(name, "person", offset)
            self.mentions.add(offset, entity)
            first = text.split()[0] if text.split() else ""
            if first.lower() in self.words.title_abbreviations:  # ("Cpl. Guillaume Tremblay said")
                self.titles.add_title(entity, first, offset)

    def lookup(self, name: str) -> Entity | None:
        """The person or organisation ``name`` is, among the article's (:meth:`People.lookup`)."""
        return self.people.lookup(name)

    def before(self, offset: int) -> list[Entity]:
        """Entities mentioned before ``offset``, nearest first."""
        return self.people.before(offset)

    def after(self, offset: int) -> list[Entity]:
        """Entities first mentioned after ``offset``, nearest first."""
        return self.people.after(offset)

    def title_group(self, word: str) -> int | None:
        """The group of title words ``word`` belongs to, if it is one (:meth:`Titles.title_group`)."""
        return self.titles.title_group(word)
