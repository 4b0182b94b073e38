"""Which stretches of an article are names of people and organisations.

The model's named entities, set right before anything is clustered: names it missed or labelled
as a thing that never speaks (``Priya Raman has inspected ...``, ``Stellan Foods``), a title it
took into a name or left out of one (``Premier Doug Ford``), given names and nicknames, and no
verb, role word, dateline (``WASHINGTON —``), photo credit or place taken for a name.
:func:`named_entities` gives them with their clean names, for
:class:`quotes.speakers.article_entities.ArticleEntities` to cluster.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from quotes.attribution import SpanIndex
from quotes.rules.cues import CueRules
from quotes.rules.mentions import MentionRules, SpeakerWords
from quotes.speakers.titles import NAME_PARTICLES, Titles, elided_particle

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


def named_entities(
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
