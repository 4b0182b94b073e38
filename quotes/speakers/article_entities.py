"""The people and organisations named in one article, clustered by name, indexed by position.

Built once per article in one pass over the named entities: each person or organisation with
its written forms, titles (deduplicated), gender and kind, and a :class:`Recency` index of
where it was mentioned, so that "who was named before this point?" costs no scan of all
earlier mentions. Datelines (``WASHINGTON —``) are no entities.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from quotes.attribution import SpanIndex
from quotes.nlp.doctext import doc_text
from quotes.rules.cues import CueRules
from quotes.rules.mentions import MentionRules
from quotes.rules.speakers import AliasTable
from quotes.speakers.descriptions import acronym
from quotes.speakers.index import Recency
from quotes.speakers.people import People
from quotes.speakers.personhood import introduces, looks_like_a_name, speaks_as_a_person
from quotes.speakers.records import Entity
from quotes.speakers.titles import Titles
from quotes.speakers.unlabelled import is_subject, unlabelled_mentions

# "WASHINGTON —", "CLEVELAND (UPI) —", "NEW YORK, N.Y. -": a place in capitals opening a paragraph
_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z .'’-]{2,}?)(?:,[ \t]*[A-Z][\w. ]{1,20}?)?[ \t]*(?:\([\w .]+\))?[ \t]*[—–-]"
)


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


PLACE_LABELS = ("GPE", "LOC", "FAC")


def _without_places(
    named: list[tuple[Span, str]], doc: Doc, affiliations: dict[str, tuple[str, str]]
) -> list[tuple[Span, str]]:
    """Names that are places, never people or organisations: a name the model calls a place at
    least as often as it calls it a person or organisation in the article ("Clarkston", a town, tagged
    a person once), and a name followed by a state or province ("Moncton, N.B.")."""
    places = Counter(e.text.lower() for e in doc.ents if e.label_ in PLACE_LABELS)
    names = Counter(name.lower() for _, name in named)

    def place(ent: Span, name: str) -> bool:
        if places[name.lower()] >= names[name.lower()] and places[name.lower()]:
            return True
        after = doc[ent.end : ent.end + 3]
        return (
            len(after) >= 2
            and after[0].text == ","
            and after[1].text[:1].isupper()
            and affiliations.get(after[1].text.lower(), ("", ""))[0] == "state"
        )

    return [(ent, name) for ent, name in named if not place(ent, name)]


def dateline_spans(text: str) -> SpanIndex:
    """Where the article's datelines are (``WASHINGTON`` in ``WASHINGTON — The Senate ...``)."""
    return SpanIndex([(m.start(1), m.end() - 1) for m in _DATELINE.finditer(text)])


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
        self.role_subjects: Recency[Entity] = Recency()  # "the president" as a subject, for pronouns
        self.datelines = dateline_spans(doc_text(doc))
        self.quoted = quoted
        text = doc_text(doc)
        self.first_line_end = text.find("\n") if "\n" in text else len(text)
        ents = (_without_verb(e, cues, self.first_line_end) for e in map(_with_given_names, doc.ents))
        named = [
            (ent, name)
            for ent in ents
            if ent is not None
            if ent.label_ in ("PERSON", "ORG")
            and not self.datelines.contains(ent.start_char)
            and (name := self.titles.clean_name(ent.text))
        ]
        named = _without_places(named, doc, self.words.affiliations)
        label_votes: dict[str, list[str]] = {}
        full_names: set[str] = set()  # surnames seen with a first name or an honorific
        spoken: set[str] = set()  # surnames of names that look like a person's, whatever the label
        alone: set[str] = set()  # words the model calls a person on their own
        for ent, name in named:
            key = name.split()[-1].lower()
            label_votes.setdefault(key, []).append(ent.label_)
            around = doc[max(ent.start - 1, 0) : ent.start + 1]
            honorific = any(  # before the name, or inside the entity ("Cr Wilson", "Councillor Ewan Wilson")
                t.lower_.rstrip(".") in self.titles.honorifics for t in around
            )
            first_name = len(name.split()) > 1 and name.split()[0].lower() in self.words.first_names
            if (ent.label_ == "PERSON" or first_name) and (len(name.split()) > 1 or honorific):
                full_names.add(key)
            elif looks_like_a_name(name.split(), mentions) and speaks_as_a_person(ent, cues):
                full_names.add(key)  # ("Amara Osei said ... She added")
            elif looks_like_a_name(name.split(), mentions):
                spoken.add(key)
            if ent.label_ == "PERSON" and " " not in name:
                alone.add(key)
        full_names |= spoken & alone  # ("Amara Osei" ... "Osei said")
        self.entity_at = {i: ent for ent, _ in named for i in range(ent.start, ent.end)}
        self.entity_of: dict[int, Entity] = {}  # token -> the entity its mention was clustered into
        for ent, name in named:
            key = name.split()[-1].lower()
            kind = self._kind(name, label_votes[key], key in full_names)
            hint = self.titles.honorific_gender(doc[ent.start - 1].text) if ent.start > 0 else None
            hint = hint or next(  # an honorific the model took into the name ("But Mrs. Clinton")
                (g for w in ent.text.split()[:2] if (g := self.titles.honorific_gender(w))), None
            )
            entity = self.people.add(name, kind, ent.start_char, hint if kind == "person" else None)
            entity.last_seen = ent.start_char
            if len(name.split()) > 1 and kind == "person":
                entity.last_full = ent.start_char
            self.entity_of.update((i, entity) for i in range(ent.start, ent.end))
            self.titles.record_title(ent, entity)
            self.mentions.add(ent.start_char, entity)
            introduced = kind == "person" and introduces(ent)
            if (self._is_subject(ent) or introduced) and not quoted.contains(ent.start_char):
                self.subjects.add(ent.start_char, entity)  # (not one a speaker talks about)
        for token, entity in unlabelled_mentions(doc, set(self.entity_at), self.people.by_surname):
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
                and self.titles.title_group(token.lower_) is not None
                and not self.quoted.contains(token.idx)
            ):
                entity = self.people.by_title([token.lower_], token.idx)
                if entity is not None and entity.kind == "person":
                    self.role_subjects.add(token.idx, entity)

    @staticmethod
    def _is_subject(ent: Span) -> bool:
        """Whether a named entity is (or heads) the subject of its clause."""
        return ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in ("nsubj", "nsubjpass")

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
        """Count a full name (two words or more, no organisation word) as a person mention."""
        name = self.titles.clean_name(text)
        words = name.split()
        if len(words) >= 2 and not any(w.lower() in self.mention_rules.organisation_words for w in words):
            self.mentions.add(offset, self.people.add(name, "person", offset))

    def _kind(self, name: str, votes: list[str], has_full_name: bool) -> str:
        """Person or organisation, by the article's own evidence: a surname of a person named in
        full (or with an honorific) is that person; a one-word name the model also calls an
        organisation and never names in full is an organisation."""
        words = name.split()
        if any(word.lower() in self.mention_rules.organisation_words for word in words):
            return "organisation"
        if (has_full_name or words[0].lower() in self.words.first_names) and len(words) <= 3:
            return "person"  # (a known first name: "Carly Fiorina" whatever the model says)
        if "ORG" in votes:
            return "organisation"
        return "person"

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
