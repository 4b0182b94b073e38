"""Who is who across a corpus: the one decision of which quotations share a speaker.

A quotation's speaker is :func:`speaker_key` of its name: the alias table's canonical form,
compared by :func:`~quotes.rules.speakers.name_key`, so case, dots and spacing do not matter.
When the whole corpus has been read, :func:`surname_folds` folds a speaker known by one word
("Trump") into the single person of the corpus whose full name ends with it ("Donald Trump");
when several full names could be meant ("Hillary Clinton", "Bill Clinton") it stays apart.

A quotation of several speakers ("X and Y said", ``Quotation.speakers``) counts for each of them
(:func:`quotation_speakers`). ``quotes speakers`` (:func:`count_speakers`) and ``quotes report``
(:class:`quotes.report.aggregate.Aggregator`) both decide identity here, so they always agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from quotes.records import ArticleResult, Quotation
from quotes.rules.speakers import AliasTable, name_key
from quotes.speakers.gender import corpus_gender, strongest
from quotes.text.names import PRONOUNS

FOLDABLE_TYPES = ("person", "unknown")
"""Types a one-word speaker may have and still fold into a full name."""
DOMINANT_SHARE = 0.7
"""A one-word speaker folds into the full name holding at least this share of the quotations
of every full name ending with it (in a corpus about Donald Trump that also quotes Melania
Trump twice, a bare "Trump" is Donald Trump). 0.7 rather than 0.8: on polnear-dev a headline's
"Derelict Obama" and Michelle Obama kept "Obama" from Barack Obama (pairwise F1 +.02); neutral
on polnear-train-named."""

ORGANISATION_SHARE = 0.9
"""A one-word speaker the model typed as an organisation ("Trump" in an article that never
names him in full) folds into the person whose surname it is only when that person holds this
share of the quotations of the word and of every full name ending with it: a corpus about
Donald Trump folds it, one where Ford Motor is quoted a third as often as Doug Ford does not.
Declaring the word's type in ``rules/speakers.yaml`` keeps it apart whatever the counts."""


def clean_name(text: str) -> str:
    """Whitespace (including newlines and control characters) collapsed to single spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def identity_key(name: str) -> str:
    """The form two names of one person share: :func:`name_key` without middle initials
    ("Donald J. Trump" and "Donald Trump" give one key; "Donald Trump Jr." stays another)."""
    words = name_key(name).split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


def speaker_key(raw: str | None, aliases: AliasTable) -> tuple[str, str] | None:
    """``(key, canonical spelling)`` of a speaker name; None when there is no name."""
    name = clean_name(raw or "")
    if not name:
        return None
    canonical = aliases.canonical(name)
    return identity_key(canonical) or canonical, canonical


Named = tuple[str, str, str | None]
"""A quotation's speaker: (identity key, canonical spelling, type declared by the alias table)."""


def quotation_speakers(quotation: Quotation, aliases: AliasTable) -> list[Named]:
    """Each named speaker of a quotation, once each ("X and Y said" counts for X and for Y; []
    when no speaker is named). A bare pronoun is no speaker."""
    found: list[Named] = []
    for raw in quotation.speakers:
        named = speaker_key(raw, aliases)
        if named is None or named[0] in PRONOUNS:
            continue
        if all(named[0] != key for key, _, _ in found):
            found.append((*named, aliases.speaker_type(clean_name(raw))))
    return found


def article_speakers(result: ArticleResult, aliases: AliasTable) -> list[list[Named]]:
    """The speakers of each quotation of one article, a lone surname tied to the article's own
    full name: "Johnson" in an article that quotes "Jeh Johnson" (and no other Johnson) is
    Jeh Johnson, whatever the rest of the corpus says, and whatever type the model gave the
    lone word (a "Trump" tagged as an organisation beside "Donald Trump" is Donald Trump)."""
    speakers = [quotation_speakers(q, aliases) for q in result.quotations]
    full: dict[str, set[Named]] = {}
    for quotation, named in zip(result.quotations, speakers, strict=True):
        for item in named:
            words = item[0].split()
            if len(words) > 1 and (item[2] or quotation.speaker_type) == "person":
                full.setdefault(words[-1], set()).add(item)
    if not full:
        return speakers
    tied = []
    for named in speakers:
        out: list[Named] = []
        for item in named:
            key, _, declared = item
            people = full.get(key, set()) if " " not in key and not declared else set()
            if len({k for k, _, _ in people}) == 1:
                item = min(people)
            if all(item[0] != k for k, _, _ in out):
                out.append(item)
        tied.append(out)
    return tied


def known_type(declared: str | None, seen: Mapping[str, int]) -> str:
    """The declared type, else the most common known type seen, else "unknown"."""
    if declared:
        return declared
    known = [(n, t) for t, n in seen.items() if t != "unknown"]
    return max(known)[1] if known else "unknown"


def display_name(spellings: Mapping[str, float], default: str) -> str:
    """The most frequent spelling (ties: the first in sort order); ``default`` when none."""
    ranked = [(n, name) for name, n in spellings.items()]
    return min(ranked, key=lambda item: (-item[0], item[1]))[1] if ranked else default


def surname_folds(
    speakers: Mapping[str, tuple[str, str | None]], quotes: Mapping[str, int] | None = None
) -> dict[str, str]:
    """Which speakers fold into which full name: ``{key: full key}``.

    A one-word speaker folds when the corpus has exactly one person whose full name ends with
    it, or one who holds :data:`DOMINANT_SHARE` of those people's quotations; a one-word
    organisation folds only into a person holding :data:`ORGANISATION_SHARE`. A name of three
    words or more folds into the person named by its last words ("Rival Hillary Clinton",
    a headline's word before a name, is Hillary Clinton), and counts for no other fold.

    Args:
        speakers: every speaker key of the corpus with its (known type, declared type).
        quotes: every speaker key's number of quotations (without it, only a unique full name folds).
    """
    folds = {}
    for key, (kind, declared) in speakers.items():
        rest = key.split(" ", 1)[-1]
        person = speakers.get(rest, ("",))[0] == "person"
        if len(key.split()) > 2 and kind in FOLDABLE_TYPES and not declared and person:
            folds[key] = rest
    for key, into in list(folds.items()):  # "a b c d" -> "b c d" -> "c d": straight to the end
        while into in folds:
            into = folds[into]
        folds[key] = into
    full_by_last: dict[str, list[str]] = {}
    for key, (kind, _) in speakers.items():
        words = key.split()
        if len(words) > 1 and kind == "person" and key not in folds:
            full_by_last.setdefault(words[-1], []).append(key)
    for key, (kind, declared) in speakers.items():
        matches = full_by_last.get(key, [])
        if " " in key or declared or not matches:
            continue
        if kind in FOLDABLE_TYPES and len(matches) == 1:
            folds[key] = matches[0]
        elif quotes is not None:
            top = max(matches, key=lambda k: (quotes.get(k, 0), k))
            people = sum(quotes.get(k, 0) for k in matches)
            if kind in FOLDABLE_TYPES:
                share, among = DOMINANT_SHARE, people
            else:  # an organisation: its own quotations count against the fold
                share, among = ORGANISATION_SHARE, people + quotes.get(key, 0)
            if quotes.get(top, 0) >= share * among:
                folds[key] = top
    return folds


@dataclass(frozen=True)
class SpeakerCount:
    """One speaker of a corpus with how often, and in how many articles, they are quoted."""

    name: str
    type: str
    quotes: int
    articles: int
    gender: str | None = None  # female | male | unknown for a person (quotes.speakers.gender.corpus_gender)
    gender_basis: str | None = None
    gender_note: str | None = None  # how it was decided, and any conflict between articles

    def row(self, gender: bool = True) -> dict[str, Any]:
        """A flat row for ``quotes speakers`` (without the gender columns when not ``gender``)."""
        row = {"name": self.name, "type": self.type, "quotes": self.quotes, "articles": self.articles}
        if gender:
            row.update(gender=self.gender, gender_basis=self.gender_basis, gender_note=self.gender_note)
        return row


@dataclass
class _Tally:
    declared: str | None
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    articles: set[int] = field(default_factory=set)
    genders: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gender, basis) -> articles


def count_speakers(results: Iterable[ArticleResult], aliases: AliasTable) -> list[SpeakerCount]:
    """The speakers of a corpus, most quoted first (then by name); quotations without a speaker
    name are left out. Identity is decided as for the reports."""
    tallies: dict[str, _Tally] = {}
    for number, result in enumerate(results):
        genders: dict[str, list[tuple[str | None, str | None]]] = {}
        for quotation, named in zip(result.quotations, article_speakers(result, aliases), strict=True):
            for key, canonical, declared in named:
                tally = tallies.get(key)
                if tally is None:
                    tally = tallies[key] = _Tally(declared)
                tally.names[canonical] += 1
                tally.types[quotation.speaker_type] += 1
                tally.quotes += 1
                tally.articles.add(number)
                genders.setdefault(key, []).append((quotation.speaker_gender, quotation.speaker_gender_basis))
        for key, found in genders.items():  # one vote per article
            if (best := strongest(found)) is not None:
                tallies[key].genders[best] += 1
    kinds = {key: (known_type(t.declared, t.types), t.declared) for key, t in tallies.items()}
    for short, full in surname_folds(kinds, {key: t.quotes for key, t in tallies.items()}).items():
        into, gone = tallies[full], tallies.pop(short)
        into.types.update(gone.types)
        into.genders.update(gone.genders)
        into.quotes += gone.quotes
        into.articles |= gone.articles
    counts = [
        (
            key,
            SpeakerCount(
                display_name(t.names, key), known_type(t.declared, t.types), t.quotes, len(t.articles),
                *_gender_columns(t.genders),
            ),
        )
        for key, t in tallies.items()
    ]
    counts.sort(key=lambda item: (-item[1].quotes, item[1].name.casefold(), item[0]))
    return [count for _, count in counts]


def _gender_columns(genders: Counter[tuple[str, str]]) -> tuple[str | None, str | None, str | None]:
    """(gender, basis, note) of a corpus speaker (:func:`quotes.speakers.gender.corpus_gender`)."""
    decided = corpus_gender(genders)
    return (None, None, None) if decided is None else (decided.gender, decided.basis, decided.explanation)
