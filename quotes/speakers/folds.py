"""Which speakers of a corpus are one person: the folds of short names into full names, each
with the evidence for it.

Full names join by name alone (:func:`quotes.speakers.identity.identity_key`). A speaker known
by one word in an article ("Torres", "Kim") is that article's own until evidence ties it to a
person of the corpus (:func:`decide_folds`), in this order:

1. the article writes the person's full name ("Ana Torres" before "Torres", "Kim Jong Un"
   after "Kim"): that person, and only someone the article names;
2. the article names someone else with the word (a listed first name before it): no one;
3. a word that may be a first name (``rules/first_names.yaml``: "Kim", also "Clinton") or that
   starts a name of the corpus ("Kim Jong Un"), with no honorific before it in its article:
   no one, since a first name is never a surname link; after an honorific ("Mr. Kim") the
   names starting with it count as candidates too (family name first), and a gendered
   honorific rules out a candidate whose first name has the other gender ("Mr." and "Jane");
4. the corpus's only person with that surname (the only candidate);
5. the one candidate sharing a title with it ("House Speaker");
6. the candidate holding :data:`DOMINANT_SHARE` of the quotations of people with that surname.

Unnamed sources (descriptions: "officials", "the author") are never joined across articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from quotes.rules.speakers import name_key
from quotes.speakers.name_forms import NameUses

FOLDABLE_TYPES = ("person", "unknown", "description")
"""Types a one-word speaker may have and still fold into a full name (a capitalised one-word
"description" is a name the model did not tag: "Sanders")."""
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
SAID_CAP = 20
"""Quotations a one-word name keeps to find the same quotation in another article."""
SAID_LENGTH = 20
"""Characters (letters and digits, single-spaced) a quotation needs to count as the same one:
a reprinted "It is a landmark deal," not a shared "No."."""
TITLE_CAP = 8
"""Distinct titles a speaker keeps for the shared-title evidence."""


def identity_key(name: str) -> str:
    """The form two names of one person share: :func:`name_key` without middle initials
    ("Donald J. Trump" and "Donald Trump" give one key; "Donald Trump Jr." stays another)."""
    words = name_key(name).split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


def title_key(title: str) -> str:
    """A title as compared across articles: case-folded, without a leading article."""
    words = name_key(title).split()
    return " ".join(words[1:] if words[:1] in (["a"], ["an"], ["the"]) else words)


@dataclass
class Profile:
    """What the corpus knows of one speaker key, gathered article by article.

    ``scope`` is the article id of an article-scoped speaker (an unnamed source, or a name of
    one word), None for a speaker of the whole corpus; ``uses`` is how that article writes a
    one-word name (:func:`quotes.speakers.name_forms.name_uses`)."""

    word: str
    declared: str | None = None
    scope: str | None = None
    quotes: int = 0
    articles: int = 0
    last_article: str | None = None
    types: Counter[str] = field(default_factory=Counter)
    titles: set[str] = field(default_factory=set)
    spellings: Counter[str] = field(default_factory=Counter)
    uses: NameUses | None = None
    said: set[int] = field(default_factory=set)  # hashes of a one-word name's quotations, as compared

    def add(self, spelling: str, kind: str, title: str | None, article: str, text: str = "") -> None:
        """Count one quotation of this speaker, in ``article`` (articles come one at a time)."""
        self.quotes += 1
        if self.scope is not None and " " not in self.word and len(self.said) < SAID_CAP:
            said = " ".join(re.findall(r"\w+", text.casefold()))
            if len(said) >= SAID_LENGTH:
                self.said.add(hash(said))
        if article != self.last_article:
            self.articles += 1
            self.last_article = article
        self.types[kind] += 1
        self.spellings[spelling] += 1
        if title and len(self.titles) < TITLE_CAP and (key := title_key(title)):
            self.titles.add(key)

    @property
    def kind(self) -> str:
        """The declared type, else the most common known type seen, else "unknown"."""
        if self.declared:
            return self.declared
        known = [(n, t) for t, n in self.types.items() if t != "unknown"]
        return max(known)[1] if known else "unknown"


@dataclass(frozen=True)
class Fold:
    """One speaker joined into another, and why."""

    into: str
    evidence: str


def decide_folds(
    profiles: Mapping[str, Profile], first_names: Mapping[str, str] | None = None
) -> dict[str, Fold]:
    """Which speaker keys fold into which: ``{key: Fold(full key, evidence)}`` (see the module);
    ``first_names`` maps first names to their gender (``rules/first_names.yaml``)."""
    folds = _prefixed_folds(profiles)
    full = {k for k, p in profiles.items() if p.scope is None and " " in k and k not in folds}
    people = _Corpus(profiles, {k for k in full if profiles[k].kind == "person"})
    names = _Corpus(profiles, {k for k in full if profiles[k].kind in ("person", "organisation")})
    for key, profile in profiles.items():
        if " " in profile.word or profile.declared or key in folds:
            continue
        found = None
        if profile.scope is None:
            found = _organisation(key, people) if profile.kind == "organisation" else None
        elif profile.kind == "organisation":  # "Times" where its article writes "New York Times"
            found = _written(profile, names)
        elif profile.kind in FOLDABLE_TYPES and _shown(profile)[:1].isupper():
            found = _lone_word(profile, people, first_names or {})
        if found:
            folds[key] = found
    return _repeated(profiles, folds)


def _repeated(profiles: Mapping[str, Profile], folds: dict[str, Fold]) -> dict[str, Fold]:
    """One-word names of several articles that say the very same quotation (a reprinted wire
    story) are one speaker: the person one of them joined, else the first of them."""
    owners: dict[tuple[str, int], list[str]] = {}
    for key, profile in profiles.items():
        for said in sorted(profile.said):
            owners.setdefault((profile.word, said), []).append(key)
    for _, keys in sorted(owners.items()):
        into = {folds[k].into for k in keys if k in folds}
        if len(keys) < 2 or len(into) > 1:
            continue
        target = into.pop() if into else min(keys)
        for key in keys:
            if key != target and key not in folds:
                first = min(k for k in keys if k != key)
                folds[key] = Fold(target, f"says the same quotation as in article {profiles[first].scope}")
    return folds


def _prefixed_folds(profiles: Mapping[str, Profile]) -> dict[str, Fold]:
    """A name of three words or more folds into the person named by its last words ("Rival
    Hillary Clinton", a headline's word before a name, is Hillary Clinton)."""
    folds: dict[str, Fold] = {}
    for key, profile in profiles.items():
        rest = key.split(" ", 1)[-1]
        target = profiles.get(rest)
        if (profile.scope is None and len(key.split()) > 2 and profile.kind in ("person", "unknown")
                and not profile.declared and target is not None and target.kind == "person"):  # fmt: skip
            folds[key] = Fold(rest, f"ends with the full name of {_shown(target)}")
    for key, fold in list(folds.items()):  # "a b c d" -> "b c d" -> "c d": straight to the end
        into = fold.into
        while into in folds:
            into = folds[into].into
        folds[key] = Fold(into, fold.evidence)
    return folds


def _written(profile: Profile, corpus: _Corpus) -> Fold | None:
    """The one name of the corpus the word's article writes in full around it (else the one of
    them holding :data:`DOMINANT_SHARE` of their quotations)."""
    named = corpus.written(profile.uses or NameUses())
    if len(named) == 1:
        return Fold(named[0], f"its article writes the full name {corpus.spelled(named[0])}")
    top = corpus.dominant(named)
    if top is None:
        return None
    share = corpus.share(top, named)
    return Fold(top, f"its article writes {len(named)} full names with it; {share} of their quotations "
                     f"are of {corpus.spelled(top)}")  # fmt: skip


def _lone_word(profile: Profile, corpus: _Corpus, first_names: Mapping[str, str]) -> Fold | None:
    """The person an article's one-word speaker is, on the evidence of the module's list."""
    word, uses = profile.word, profile.uses or NameUses()
    if corpus.written(uses):
        return _written(profile, corpus)
    if uses.after or any(name_key(token) in first_names for form in uses.before for token in form[:-1]):
        return None  # the article names someone else with this word
    candidates = list(corpus.by_last.get(word, []))
    if uses.surname:  # "Mr. Kim": a surname, written last or first ("Kim Jong Un")
        if len(uses.genders) == 1:  # "Mr. Kim" is not Jane Kim
            candidates = [c for c in candidates if first_names.get(c.split()[0]) in (None, *uses.genders)]
        candidates += [c for c in corpus.by_first.get(word, []) if c not in candidates]
    elif corpus.by_first.get(word):
        return None  # someone's name starts with this word: it may be a first name here
    elif name_key(word) in first_names:
        return None  # may be a first name ("Kim, who adopted two boys"): never a surname link
    name = word.title()
    if len(candidates) == 1:
        return Fold(candidates[0], f"the only person of the corpus named {name}")
    shared = [c for c in candidates if profile.titles & corpus.profiles[c].titles]
    if len(shared) == 1:
        title = min(profile.titles & corpus.profiles[shared[0]].titles)
        return Fold(shared[0], f"shares the title '{title}' with {corpus.spelled(shared[0])}")
    top = corpus.dominant(candidates)
    if top is None:
        return None
    return Fold(top, f"{corpus.spelled(top)} holds {corpus.share(top, candidates)} of the quotations "
                     f"of people named {name}")  # fmt: skip


def _organisation(key: str, corpus: _Corpus) -> Fold | None:
    """A one-word organisation ("Trump" tagged ORG) folds into the person whose surname it is
    when that person holds :data:`ORGANISATION_SHARE` of the word's and the surname's quotations."""
    candidates = corpus.by_last.get(key, [])
    top = max(candidates, key=lambda k: (corpus.quotes(k), k)) if candidates else None
    if top is None:
        return None
    among = sum(corpus.quotes(k) for k in candidates) + corpus.quotes(key)
    if corpus.quotes(top) < ORGANISATION_SHARE * among:
        return None
    return Fold(top, f"{corpus.quotes(top) / among:.0%} of the quotations of '{key.title()}' and people "
                     f"surnamed {key.title()} are of this one")  # fmt: skip


@dataclass
class _Corpus:
    """The full names of a corpus (``people``: people, or people and organisations), by last and
    by first word, for the fold decisions."""

    profiles: Mapping[str, Profile]
    people: set[str]
    by_last: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in sorted(self.people):
            words = key.split()
            self.by_last.setdefault(words[-1], []).append(key)
            self.by_first.setdefault(words[0], []).append(key)

    def quotes(self, key: str) -> int:
        return self.profiles[key].quotes if key in self.profiles else 0

    def written(self, uses: NameUses) -> list[str]:
        """The names whose full form the article writes around the word (every run of words
        ending or starting with it: "Rival Hillary Clinton" also gives "Hillary Clinton")."""
        runs = [form[i:] for form in uses.before for i in range(len(form) - 1)]
        runs += [form[:i] for form in uses.after for i in range(2, len(form) + 1)]
        return sorted({key for run in runs if (key := identity_key(" ".join(run))) in self.people})

    def dominant(self, candidates: list[str]) -> str | None:
        """The candidate holding :data:`DOMINANT_SHARE` of all the candidates' quotations."""
        if not candidates:
            return None
        top = max(candidates, key=lambda k: (self.quotes(k), k))
        total = sum(self.quotes(k) for k in candidates)
        return top if total and self.quotes(top) >= DOMINANT_SHARE * total else None

    def share(self, top: str, candidates: list[str]) -> str:
        return f"{self.quotes(top) / (sum(self.quotes(k) for k in candidates) or 1):.0%}"

    def spelled(self, key: str) -> str:
        return _shown(self.profiles[key])


def _shown(profile: Profile) -> str:
    """A profile's most frequent spelling, for evidence ("Ana Torres")."""
    if not profile.spellings:
        return profile.word
    return max(profile.spellings, key=lambda s: (profile.spellings[s], s))
