"""The people and organisations named in one article, clustered by name, indexed by position.

Built once per article in one pass over the named entities: each person or organisation with
its written forms, titles (deduplicated), gender and kind, and a :class:`Recency` index of
where it was mentioned, so that "who was named before this point?" costs no scan of all
earlier mentions. Datelines (``WASHINGTON —``) are no entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from quotes.attribution import SpanIndex
from quotes.nlp.doctext import doc_text
from quotes.rules.cues import CueRules
from quotes.rules.mentions import MentionRules, SpeakerWords
from quotes.rules.speakers import AliasTable
from quotes.speakers.descriptions import acronym, is_person_noun
from quotes.speakers.gender import add_cue
from quotes.speakers.index import Recency
from quotes.speakers.people import People
from quotes.speakers.personhood import introduces, looks_like_a_name, speaks_as_a_person
from quotes.speakers.records import Entity, GenderCue
from quotes.speakers.titles import NAME_PARTICLES, Titles, elided_particle
from quotes.speakers.unlabelled import is_subject, unlabelled_mentions
from quotes.text.spans import first_line_end

# "WASHINGTON —", "CLEVELAND (UPI) —", "NEW YORK, N.Y. -": a place in capitals opening a paragraph
_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z .'’-]{2,}?)(?:,[ \t]*[A-Z][\w. ]{1,20}?)?[ \t]*(?:\([\w .]+\))?[ \t]*[—–-]"
)


_QUOTE_MARKS = frozenset('"“”\'‘’')


def _joined_names(ents: Iterable[Span], titles: Titles) -> Iterator[Span]:
    """The model's entities, with a person's name it cut in two joined again: ``Ellen ap`` +
    ``Gwynn`` (a surname particle), two person entities with nothing between them, or a title
    abbreviation cut off by its period (``RCMP Cpl`` + ``.`` + ``Chantal Farrah``)."""
    pending: Span | None = None
    for ent in ents:
        if pending is not None:
            doc = ent.doc
            ends_in_particle = pending[-1].lower_ in NAME_PARTICLES
            abbreviated = (
                pending[-1].lower_ in titles.honorifics
                and ent.start == pending.end + 1
                and doc[pending.end].text == "."
                and ent.label_ == "PERSON"
            )
            if abbreviated or (
                pending.label_ == "PERSON"
                and ent.start == pending.end
                and (ent.label_ == "PERSON" or ends_in_particle)
                and ent[0].text[:1].isupper()
            ):
                pending = Span(doc, pending.start, ent.end, label="PERSON")
                continue
            yield pending
        pending = ent
    if pending is not None:
        yield pending


_DASHES = ("—", "–", "-", "--")
_MISC_LABELS = ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC", "LANGUAGE")


def _with_unlabelled_names(doc: Doc, titles: Titles, mentions: MentionRules) -> list[Span]:
    """The model's entities, with the names it left unlabelled or labelled as a thing that never
    speaks (a work of art, a nationality): as people, two or three capitalised words in a row after
    the headline (``Priya Raman has inspected ...``, ``Han Seung-woo runs ...``), none a title, a
    role or an organisation word, whose last word the article writes alone as the subject of a verb
    (``Raman said``), whose first word is a known first name, or two that open a sentence as its
    subject (``Zach Hyman scored twice``); as organisations, two to five ending in an organisation
    word (``Stellan Foods``, ``Derwentshire County Council``)."""
    words = mentions.words
    first_line = doc.text.find("\n")  # (a headline's capitals are no evidence of a name)
    alone = {
        t.lower_
        for t in doc
        if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and not _in_run(t)
    }
    organisation = mentions.organisation_words
    honoured = {  # surnames written after an honorific ("Ms Okafor", "Mr. Dunne")
        doc[t.i + 1].lower_
        for t in doc[:-1]
        if t.lower_.rstrip(".") in titles.honorifics and titles.honorific_gender(t.text) in ("male", "female")
    }
    found = []
    for run in _capitalised_runs(doc, first_line):
        while len(run) > 2 and (run[0].lower_ in words.person_nouns or titles.titles_a_name(run[0].lower_)):
            run = run[1:]  # ("Neighbor Debbie Hosino" opening a sentence: the noun is no part of the name)
        names = run.text.split()
        lowers = [w.lower() for w in names]
        written_alone = lowers[-1] in alone or lowers[0] in alone  # ("Raman said", "Zhang said")
        placed = [t for t in run if t.ent_type_ in ("GPE", "LOC")]  # ("Zhang Yuhan" with "Yuhan" a place)
        # ("Renata Okafor" taken for a place, then "Ms Okafor": a first name and an honoured surname)
        person = len(placed) == len(run) and lowers[0] in words.first_names and lowers[-1] in honoured
        particled = elided_particle(run[-1].text) and all(t.ent_type_ in ("PERSON", "") for t in run)
        renamed = person or particled or (written_alone and 0 < len(placed) < len(run))
        if any(_labelled(t) for t in run) and not renamed:
            continue
        if 2 <= len(names) <= 5 and lowers[-1] in organisation:
            found.append(Span(doc, run.start, run.end, label="ORG"))
            continue
        parts = all(_name_word(t) or t.text == "-" or (t.i and doc[t.i - 1].text == "-") for t in run)
        if not 2 <= len(names) <= 3 or not parts:
            continue
        if any(titles.titles_a_name(w) or w in words.person_nouns or w in organisation for w in lowers):
            continue
        head = run[-1]
        starts = run.start == head.sent.start or doc[run.start - 1].text in _DASHES  # (after a dateline)
        opens = head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX") and starts
        if written_alone or particled or lowers[0] in words.first_names or (opens and len(names) == 2):
            found.append(Span(doc, run.start, run.end, label="PERSON"))
    taken = {i for span in found for i in range(span.start, span.end)}  # (a name wins over a label)
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    return sorted([*kept, *found], key=lambda e: e.start)


def _capitalised_runs(doc: Doc, after: int) -> Iterator[Span]:
    """Maximal runs of capitalised proper nouns after character ``after``, with the parts of a
    hyphenated name (``Han Seung-woo``)."""
    i = 0
    while i < len(doc):
        if not _capitalised(doc, i) or doc[i].idx < after:
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            hyphen = doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
            if hyphen and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2
            elif _capitalised(doc, end) and doc[end - 1].whitespace_:
                end += 1
            else:
                break
        yield doc[i:end]
        i = end


def _labelled(token: Token) -> bool:
    """Whether the model gave a token a label that speaks or places (a person, an organisation, a
    place, a date), not a thing that never speaks (a work of art, a nationality)."""
    return bool(token.ent_type_) and token.ent_type_ not in _MISC_LABELS and token.ent_type_ != "NORP"


def _name_word(token: Token) -> bool:
    """A capitalised proper noun that may be a word of a person's name (``Raman``, ``Thériault``)."""
    text = token.text
    if elided_particle(text):
        return True
    return (
        token.pos_ == "PROPN"
        and text[:1].isupper()
        and not text.isupper()
        and text.replace("-", "").replace("'", "").replace("’", "").isalpha()
    )


def _capitalised(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` is a capitalised proper noun (``PAC`` too, and a surname opening
    with an elided particle: ``d'Entremont``)."""
    if not 0 <= i < len(doc):
        return False
    token = doc[i]
    return (token.pos_ == "PROPN" and token.text[:1].isupper()) or (i > 0 and elided_particle(token.text))


def _in_run(token: Token) -> bool:
    """Whether a proper noun has another capitalised proper noun right beside it."""
    doc = token.doc
    return any(0 <= j < len(doc) and _name_word(doc[j]) for j in (token.i - 1, token.i + 1))


def _titled_person(ent: Span, titles: Titles) -> Span:
    """``Quebec Premier Jean Charest`` tagged a work of art: an entity of a kind that never speaks
    with a title word followed by capitalised words is the person named after the title."""
    if ent.label_ not in _MISC_LABELS:
        return ent
    titled = [t.i for t in ent[:-1] if titles.titles_a_name(t.text)]
    if not titled:
        return ent
    rest = ent.doc[titled[-1] + 1 : ent.end]
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return Span(ent.doc, rest.start, rest.end, label="PERSON")
    return ent


def _given_name_before(ent: Span, words: SpeakerWords, titles: Titles) -> Span:
    """``Wade MacLauchlan`` where the model tagged only ``MacLauchlan``, and as an organisation: a
    one-word entity after a known first name, or after a capitalised word that follows a title
    (``Premier Wade MacLauchlan``), is a person's name."""
    doc, start = ent.doc, ent.start
    if ent.label_ == "PERSON" or len(ent) != 1 or start < 1:
        return ent
    given = doc[start - 1]
    if given.pos_ != "PROPN" or not given.text[:1].isupper() or given.ent_type_ or not given.text.isalpha():
        return ent
    titled = start >= 2 and titles.titles_a_name(doc[start - 2].text)
    if given.lower_ in words.first_names or titled:
        return Span(doc, start - 1, ent.end, label="PERSON")
    return ent


def _nickname_start(ent: Span) -> int:
    """Where ``Dwayne "The Rock" Johnson`` starts, for the entity ``Johnson``: one to three
    capitalised words in quotation marks, with a capitalised given name before them."""
    doc, start = ent.doc, ent.start
    opening = next((i for i in range(start - 2, max(start - 6, 0), -1) if doc[i].text in _QUOTE_MARKS), None)
    if opening is None or opening < 1 or not doc[opening - 1].whitespace_:
        return start
    inside = doc[opening + 1 : start - 1]
    given = doc[opening - 1]
    if not all(t.text[:1].isupper() and t.is_alpha for t in inside):
        return start  # ("the nickname "Lyin' Ted." Trump called ...")
    if given.pos_ != "PROPN" or not given.text[:1].isupper():
        return start
    if given.i and doc[given.i - 1].text in _QUOTE_MARKS:
        return start
    return given.i


def _without_role_word(ent: Span, words: SpeakerWords) -> Span:
    """``Principal Jane Roe`` tagged a person with its role word: the name starts after it (when
    at least two words are left: ``Baker Mayfield`` is a name)."""
    first = ent[0]
    if len(ent) < 3:
        return ent
    role = first.lower_ in words.person_nouns and first.pos_ != "ADJ"
    named = ent.label_ == "PERSON" or ent[1].lower_ in words.first_names  # ("Executive Julian Marsh")
    if role and named:
        return Span(ent.doc, ent.start + 1, ent.end, label="PERSON")
    return ent


def _with_given_names(ent: Span) -> Span:
    """``Ana Diaz`` where the model tagged only ``Diaz``: proper-noun compounds just before a
    person's name join it, and so do the parts of a hyphenated name (``Wealth-X``), a nickname in
    quotation marks with the given name before it (``Dwayne "The Rock" Johnson``) and a surname
    particle (``Ellen ap Gwynn`` where the model tagged ``Gwynn``)."""
    start = ent.start
    doc = ent.doc
    if ent.label_ == "PERSON" and start >= 4 and doc[start - 1].text in _QUOTE_MARKS:
        start = _nickname_start(ent)
    while (
        ent.label_ == "PERSON"
        and start > 1
        and doc[start - 1].lower_ in NAME_PARTICLES
        and doc[start - 2].pos_ == "PROPN"
        and doc[start - 2].text[:1].isupper()
    ):
        start -= 2  # "Ellen ap Gwynn"
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
    relabelled = {(e.start, e.end) for e, _ in named if e.label_ == "PERSON"}  # (a place read as a name)
    places = Counter(
        e.text.lower() for e in doc.ents if e.label_ in PLACE_LABELS and (e.start, e.end) not in relabelled
    )
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


def is_credit(doc: Doc, start: int, end: int) -> bool:
    """Whether the words ``doc[start:end]`` are a photo credit: a name joined by a slash to an
    agency, or an agency after one (``Darren Calabrese/The Canadian Press``, ``Joe Lee / CP``)."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text == "/" and end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
        return True
    before = doc[start - 1] if start > 0 else None
    return before is not None and before.text == "/" and start > 1 and doc[start - 2].text[:1].isupper()


def dateline_spans(text: str) -> SpanIndex:
    """Where the article's datelines are (``WASHINGTON`` in ``WASHINGTON — The Senate ...``)."""
    return SpanIndex([(m.start(1), m.end() - 1) for m in _DATELINE.finditer(text)])


def _named_entities(
    doc: Doc,
    titles: Titles,
    mentions: MentionRules,
    cues: CueRules,
    first_line_end: int,
    datelines: SpanIndex,
) -> list[tuple[Span, str]]:
    """The article's names of people and organisations, each with its clean name: the model's
    entities with the names it missed, titles, given names and nicknames set right, no verb, role
    word, dateline, photo credit or place taken for a name."""
    labelled = _with_unlabelled_names(doc, titles, mentions)
    found = _joined_names((_titled_person(e, titles) for e in labelled), titles)
    with_given = (_given_name_before(e, mentions.words, titles) for e in found)
    ents = (
        _without_verb(_without_role_word(_with_given_names(e), mentions.words), cues, first_line_end)
        for e in with_given
    )
    named = [
        (ent, name)
        for ent in ents
        if ent is not None
        if ent.label_ in ("PERSON", "ORG")
        and (ent.label_ == "ORG" or any(c.isupper() for c in ent.text))  # (no person: "the van")
        and not datelines.contains(ent.start_char)
        and not is_credit(doc, ent.start, ent.end)
        and (name := titles.clean_name(ent.text, person=ent.label_ == "PERSON"))
    ]
    return _without_places(named, doc, mentions.words.affiliations)


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
        named = _named_entities(doc, self.titles, mentions, cues, self.first_line_end, self.datelines)
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
