"""Who is who across a corpus: the one decision of which quotations share a speaker.

A quotation's speaker is :func:`speaker_key` of its name: the alias table's canonical form,
compared by :func:`~quotes.speakers.folds.identity_key`, so case, dots, spacing and middle
initials do not matter. A full name ("Ana Torres") is one speaker across the corpus; an unnamed
source (a description: "officials", "the author") and a name of one word ("Kim") are their
article's own (:func:`article_speakers`). Within its article a one-word name joins the full name
the article quotes ("Torres" and "Ana Torres"); across articles it joins a person only on the
evidence :func:`quotes.speakers.folds.decide_folds` weighs when the whole corpus has been read.

A quotation of several speakers ("X and Y said", ``Quotation.speakers``) counts for each of them
(:func:`quotation_speakers`). ``quotes speakers`` (:func:`count_speakers`) and ``quotes report``
(:class:`quotes.report.aggregate.Aggregator`) both decide identity through a :class:`Ledger`, so
they always agree, and every join keeps its evidence (:meth:`Ledger.evidence`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from quotes.records import Article, ArticleResult, Quotation
from quotes.rules.speakers import AliasTable, name_key
from quotes.speakers.folds import Fold, Profile, decide_folds, identity_key
from quotes.speakers.gender import corpus_gender, strongest
from quotes.speakers.name_forms import name_uses
from quotes.text.names import PRONOUNS

__all__ = [
    "Ledger",
    "Named",
    "SpeakerCount",
    "article_speakers",
    "clean_name",
    "count_speakers",
    "display_name",
    "identity_key",
    "known_type",
    "quotation_speakers",
    "speaker_key",
]

SCOPE = "\t"
"""Joins a speaker's name key and its article id in an article-scoped key (no name holds a tab)."""
JOIN_CAP = 12
"""Distinct joins (name and evidence) a speaker keeps to show."""


def clean_name(text: str) -> str:
    """Whitespace (including newlines and control characters) collapsed to single spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def speaker_key(raw: str | None, aliases: AliasTable) -> tuple[str, str] | None:
    """``(key, canonical spelling)`` of a speaker name; None when there is no name."""
    name = clean_name(raw or "")
    if not name:
        return None
    canonical = aliases.canonical(name)
    return identity_key(canonical) or canonical, canonical


class Named(NamedTuple):
    """One speaker of one quotation: identity key (article-scoped for unnamed sources and
    one-word names), canonical spelling, type declared by the alias table, and the evidence
    when the article's name was tied to another one ("Torres" to "Ana Torres")."""

    key: str
    name: str
    declared: str | None
    evidence: str | None = None
    written: str | None = None  # the name as the quotation gave it, when a tie changed it


def quotation_speakers(quotation: Quotation, aliases: AliasTable) -> list[Named]:
    """Each named speaker of a quotation, once each ("X and Y said" counts for X and for Y; []
    when no speaker is named), keyed by name only. A bare pronoun is no speaker. A negated report
    ("X has not said ...") is still about X, who is named here; what X did not say is counted for
    no one (:meth:`quotes.report.aggregate.Aggregator.add`, :func:`count_speakers`). A name the
    alias table gave (here, or in the article's own resolution: the mention is a variant) says so in
    its evidence."""
    found: list[Named] = []
    for raw in quotation.speakers:
        named = speaker_key(raw, aliases)
        if named is None or named[0] in PRONOUNS:
            continue
        if all(named[0] != item.key for item in found):
            written = clean_name(raw)
            variant = _variant(written, named[1], quotation.speaker_text, aliases)
            evidence = "an alias in rules/speakers.yaml" if variant else None
            found.append(Named(*named, aliases.speaker_type(written), evidence, variant))
    return found


def _variant(written: str, canonical: str, mention: str, aliases: AliasTable) -> str | None:
    """The alias-table variant a speaker was written as ("Bob Fontaine" for Robert Fontaine),
    in the name itself or in the quotation's mention; None when it was not an alias."""
    target = name_key(canonical)
    if name_key(written) != target:
        return written
    if target not in aliases.canonical_by_key:
        return None
    said = f" {name_key(mention)} "
    for key, name in aliases.canonical_by_key.items():
        if name == canonical and key != target and f" {key} " in said:
            return clean_name(mention) if name_key(mention) == key else key.title()
    return None


def scoped(key: str, article_id: str) -> str:
    """The key of a speaker that is its article's own."""
    return f"{key}{SCOPE}{article_id}"


def unscoped(key: str) -> str:
    """The name part of a speaker key."""
    return key.split(SCOPE, 1)[0]


def article_speakers(result: ArticleResult, aliases: AliasTable) -> list[list[Named]]:
    """The speakers of each quotation of one article.

    A one-word name is tied to the one full name of a person the article quotes that ends with
    it ("Johnson" to "Jeh Johnson"), else that starts with it ("Kim" to "Kim Anderson"),
    whatever type the model gave the word; a one-word organisation to the one organisation the
    article quotes whose name ends with it ("Times" to "New York Times"). A name still of one
    word (not an organisation, not declared in the alias table) and every description are the
    article's own (article-scoped keys)."""
    speakers = [quotation_speakers(q, aliases) for q in result.quotations]
    full: dict[tuple[str, str], set[Named]] = {}
    for quotation, named in zip(result.quotations, speakers, strict=True):
        kind = quotation.speaker_type
        for item in named:
            words = item.key.split()
            if len(words) > 1 and (item.declared or kind) in ("person", "organisation"):
                bare = Named(item.key, item.name, item.declared)
                if (item.declared or kind) == "person":
                    full.setdefault(("last", words[-1]), set()).add(bare)
                    full.setdefault(("first", words[0]), set()).add(bare)
                else:
                    full.setdefault(("organisation", words[-1]), set()).add(bare)
    tied = []
    written: dict[str, bool] = {}  # one-word organisation -> its article writes a longer name ending with it
    for quotation, named in zip(result.quotations, speakers, strict=True):
        out: list[Named] = []
        for item in named:
            tie = _tie(item, quotation.speaker_type, full)
            item = tie or _scope(item, quotation, result.article, aliases, written)
            if all(item.key != other.key for other in out):
                out.append(item)
        tied.append(out)
    return tied


def _tie(item: Named, kind: str, full: Mapping[tuple[str, str], set[Named]]) -> Named | None:
    """The full name of the article a one-word name stands for, with the evidence."""
    if " " in item.key or item.declared:
        return None
    surname, first = full.get(("last", item.key), set()), full.get(("first", item.key), set())
    organisation = full.get(("organisation", item.key), set()) if kind == "organisation" else set()
    if len(surname) == 1:
        found, why = min(surname), "its article quotes {}"
    elif not surname and len(first) == 1:
        found, why = min(first), "its article quotes {}, whose name starts with it"
    elif not surname and not first and len(organisation) == 1:
        found, why = min(organisation), "its article quotes {}"
    else:
        return None
    return found._replace(evidence=why.format(found.name), written=item.name)


def _scope(item: Named, quotation: Quotation, article: Article, aliases: AliasTable,
           written: dict[str, bool]) -> Named:  # fmt: skip
    """``item`` keyed to its article when it is an unnamed source, a one-word name, or a
    one-word organisation its article writes as the end of a longer name ("Times" after "The
    New York Times": the short form of that article's organisation, not of every "Times")."""
    if item.declared:
        return item
    kind = quotation.speaker_type
    if kind == "description" or (" " not in item.key and kind != "organisation"):
        return item._replace(key=scoped(item.key, article.id))
    if " " not in item.key:
        if item.name not in written:
            written[item.name] = bool(name_uses(article.text, item.name, aliases.honorifics).before)
        if written[item.name]:
            return item._replace(key=scoped(item.key, article.id))
    return item


@dataclass
class _Joins:
    """How one speaker came together: (name as written, evidence) -> quotations and articles."""

    seen: dict[tuple[str, str], tuple[int, tuple[str, ...]]] = field(default_factory=dict)

    def add(self, name: str, evidence: str, articles: Iterable[str | None], quotes: int = 1) -> None:
        """Count ``quotes`` quotations joined as ``name`` on ``evidence`` (a few articles kept)."""
        count, kept = self.seen.get((name, evidence), (0, ()))
        if not count and len(self.seen) >= JOIN_CAP:
            return
        for article in articles:
            if article is not None and article not in kept and len(kept) < 3:
                kept = (*kept, article)
        self.seen[(name, evidence)] = (count + quotes, kept)

    def absorb(self, other: _Joins | None) -> None:
        """Add every join of ``other``."""
        for (name, evidence), (count, articles) in (other.seen.items() if other else ()):
            self.add(name, evidence, articles, count)


@dataclass
class Ledger:
    """The corpus-level identity decision, fed one article at a time (memory grows with the
    number of speakers, not of quotations): :meth:`read` keys each quotation's speakers,
    :meth:`folds` decides at the end which keys are one person, :meth:`evidence` says why."""

    aliases: AliasTable
    profiles: dict[str, Profile] = field(default_factory=dict)
    joins: dict[str, _Joins] = field(default_factory=dict)
    _folds: dict[str, Fold] | None = None
    _into: dict[str, list[str]] = field(default_factory=dict)

    def read(self, result: ArticleResult) -> list[list[Named]]:
        """The speakers of each quotation of ``result`` (:func:`article_speakers`), recorded."""
        named = article_speakers(result, self.aliases)
        article = result.article.id
        fresh: set[str] = set()
        for quotation, items in zip(result.quotations, named, strict=True):
            for item in items:
                profile = self.profiles.get(item.key)
                if profile is None:
                    scope = item.key.split(SCOPE, 1)[1] if SCOPE in item.key else None
                    profile = self.profiles[item.key] = Profile(unscoped(item.key), item.declared, scope)
                    fresh.add(item.key)
                profile.add(item.name, quotation.speaker_type, quotation.title, article, quotation.text)
                if item.evidence:
                    joins = self.joins.setdefault(item.key, _Joins())
                    joins.add(item.written or item.name, item.evidence, [article])
        for key in fresh:
            profile = self.profiles[key]
            if profile.scope is not None and " " not in profile.word:
                spelling = max(profile.spellings, key=lambda s: (profile.spellings[s], s))
                profile.uses = name_uses(result.article.text, spelling, self.aliases.honorifics)
        self._folds = None
        return named

    def folds(self) -> dict[str, Fold]:
        """Which keys fold into which full name, with the evidence (decided once per corpus)."""
        if self._folds is None:
            self._folds = decide_folds(self.profiles, self.aliases.first_names)
            self._into = {}
            for short, fold in sorted(self._folds.items()):
                self._into.setdefault(fold.into, []).append(short)
        return self._folds

    def final_key(self, key: str) -> str:
        """The key a speaker ends under."""
        fold = self.folds().get(key)
        return fold.into if fold else key

    def evidence(self, key: str) -> str:
        """Why the quotations under final speaker ``key`` are one speaker, in words: each name
        joined into it with its evidence and articles ("Torres (a2): its article writes the
        full name Ana Torres"), or why an article's own speaker stays apart."""
        parts = []
        profile = self.profiles.get(key)
        folds = self.folds()
        if profile is not None and profile.scope is not None:
            kind = "an unnamed source" if profile.kind == "description" else "a name of one word"
            alone = "" if self._into.get(key) else ", joined to no other article"
            parts.append(f"{kind} of article {profile.scope}{alone}")
        elif profile is not None and profile.articles > 1:
            parts.append(f"the same name in {profile.articles} articles")
        joins = _Joins()
        joins.absorb(self.joins.get(key))
        for short in self._into.get(key, []):
            gone = self.profiles[short]
            spelling = max(gone.spellings, key=lambda s: (gone.spellings[s], s))
            joins.add(spelling, folds[short].evidence, [gone.scope], gone.quotes)
            joins.absorb(self.joins.get(short))
        for (name, why), (count, articles) in joins.seen.items():
            where = f" in {', '.join(articles)}" if articles else ""
            parts.append(f"{name} ({count}{where}): {why}")
        return "; ".join(parts)


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


@dataclass(frozen=True)
class SpeakerCount:
    """One speaker of a corpus with how often, and in how many articles, they are quoted, and
    the evidence that the quotations counted together are one speaker."""

    name: str
    type: str
    quotes: int
    articles: int
    evidence: str = ""
    gender: str | None = None  # female | male | unknown for a person (quotes.speakers.gender.corpus_gender)
    gender_basis: str | None = None
    gender_note: str | None = None  # how it was decided, and any conflict between articles

    def row(self, gender: bool = True) -> dict[str, Any]:
        """A flat row for ``quotes speakers`` (without the gender columns when not ``gender``)."""
        row = {"name": self.name, "type": self.type, "quotes": self.quotes, "articles": self.articles,
               "evidence": self.evidence}
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
    name are left out. Identity is decided as for the reports (a :class:`Ledger`)."""
    ledger = Ledger(aliases)
    tallies: dict[str, _Tally] = {}
    for number, result in enumerate(results):
        genders: dict[str, list[tuple[str | None, str | None]]] = {}
        for quotation, named in zip(result.quotations, ledger.read(result), strict=True):
            if quotation.negated:  # (what the speaker did not say is no quotation of theirs)
                continue
            for item in named:
                tally = tallies.get(item.key)
                if tally is None:
                    tally = tallies[item.key] = _Tally(item.declared)
                tally.names[item.name] += 1
                tally.types[quotation.speaker_type] += 1
                tally.quotes += 1
                tally.articles.add(number)
                genders.setdefault(item.key, []).append(
                    (quotation.speaker_gender, quotation.speaker_gender_basis)
                )
        for key, found in genders.items():  # one vote per article
            if (best := strongest(found)) is not None:
                tallies[key].genders[best] += 1
    for short, fold in ledger.folds().items():
        into, gone = tallies[fold.into], tallies.pop(short)
        into.types.update(gone.types)
        into.genders.update(gone.genders)
        into.quotes += gone.quotes
        into.articles |= gone.articles
    counts = [
        (
            key,
            SpeakerCount(
                display_name(t.names, unscoped(key)),
                known_type(t.declared, t.types),
                t.quotes,
                len(t.articles),
                ledger.evidence(key),
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
