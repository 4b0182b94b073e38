"""The gender of a quoted person, with its basis: pure functions over what the resolver found.

Evidence comes in this order, and the first that decides wins:

1. the article's own words (:class:`~quotes.speakers.records.GenderCue`): pronouns the resolver
   tied to the person outside quotation marks (inside them "he" may be someone the speaker talks
   about), honorifics before the name (``Mr.``, ``Ms.``, ``Dame``) and gendered nouns or roles
   that describe the person (``spokeswoman``, ``chairman``, ``widow``). When the words disagree
   the larger count wins and a tie decides nothing;
2. a declaration in ``rules/speakers.yaml`` (``gender:`` of a known public figure);
3. the first name, from public name statistics (``rules/first_name_genders.yaml``: only names
   that one sex holds overwhelmingly); never a surname, never a name of one word;
4. otherwise ``unknown``.

Organisations, groups, documents and joined speakers (``X and Y said``) have no gender (None).
When the text overrides a declaration or a first name, the explanation says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from quotes.speakers.records import Entity, GenderCue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from quotes.attribution import SpanIndex
    from quotes.records import Quotation
    from quotes.rules.mentions import Pronoun

GENDERS = ("female", "male")
TEXT_BASES = ("pronoun", "honorific", "noun")
"""The article's own evidence, in the order a basis is named when several agree."""
BASES = (*TEXT_BASES, "declared", "first_name", "none")
MODES = ("all", "text", "off")
"""``--gender``: every basis; the article's evidence and declarations only; no gender at all."""

_AFTER_HEAD = frozenset({"of", "for", "to", "at", "in", "with", "from", "on", "and", ",", "who"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_WORDS = re.compile(r"[\w-]+|,")
_FAMILY_FIRST = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Geun-hye", "Ki-moon": given name after family name


@dataclass(frozen=True)
class SpeakerGender:
    """A speaker's gender (female, male or unknown), its basis and how it was decided."""

    gender: str
    basis: str  # pronoun | honorific | noun | declared | first_name | none
    explanation: str


# ----------------------------------------------------------------------------- evidence


def noun_cue(text: str, offset: int, table: Mapping[str, str]) -> GenderCue | None:
    """The gendered noun heading a description of a person (``a spokeswoman for the campaign``,
    ``Mr. Smith's wife``, ``Spokeswoman``): one of ``table`` (``rules/mentions.yaml``
    role_genders) that ends the description or is followed by a preposition or a comma; never a
    word that only modifies another (``the daughter's lawyer``, ``a mother-of-two's claim``)."""
    words = _WORDS.findall(text)
    lowered = [w.lower() for w in words]
    for i, word in enumerate(lowered):
        if word in table and (i + 1 == len(lowered) or lowered[i + 1] in _AFTER_HEAD):
            if i + 1 < len(lowered) and lowered[i + 1] == "," and not _ends_apposition(lowered, i):
                continue
            return GenderCue("noun", table[word], words[i], offset)
    return None


def _ends_apposition(words: list[str], i: int) -> bool:
    """A comma after the gendered noun ends its phrase (``a widow, 67,``) only when no other
    noun of the same description follows it directly."""
    return i + 2 >= len(words) or words[i + 2] in (",",) or words[i + 2][:1].isdigit()


def add_cue(entity: Entity, cue: GenderCue | None) -> None:
    """Record ``cue`` for a person (once per basis and place)."""
    if cue is None or entity.kind not in ("person", "unnamed"):
        return
    if all((c.basis, c.offset) != (cue.basis, cue.offset) for c in entity.gender_cues):
        entity.gender_cues.append(cue)


def pronoun_cues(
    doc: Doc,
    quoted: SpanIndex,
    pronouns: Mapping[str, Pronoun],
    tie: Callable[[Token, Pronoun], None],
    done: Iterable[int] = (),
) -> None:
    """Let ``tie`` take every "he" and "she" that is the subject of its clause, outside quotation
    marks, to the person it refers to (the resolver's agreement and salience). ``done``: token
    indexes already resolved as speakers (their cue is recorded then)."""
    skip = set(done)
    for token in doc:
        pronoun = pronouns.get(token.lower_)
        if (
            pronoun is not None
            and pronoun.gender in GENDERS
            and token.pos_ == "PRON"
            and token.dep_ in _SUBJECT_DEPS
            and token.i not in skip
            and not quoted.contains(token.idx)
        ):
            tie(token, pronoun)


def nearer_noun(between: Span, gender: str, table: Mapping[str, str], quoted: SpanIndex) -> bool:
    """Whether a noun of ``gender`` (``the woman``, ``my mother``), outside quotation marks and no
    title of a name (``Jane Doe, a spokeswoman``, ``Spokeswoman Jane Doe``), comes in ``between``:
    a pronoun after it most likely refers to it rather than to a person named before it."""
    for token in between:
        if token.pos_ != "NOUN" or table.get(token.lower_) != gender or quoted.contains(token.idx):
            continue
        titled = token.head.pos_ == "PROPN" or any(a.dep_ == "appos" for a in token.ancestors)
        if token.dep_ == "appos" or titled:
            continue
        return True
    return False


# ----------------------------------------------------------------------------- decision


def first_name(name: str, title_word: Callable[[str], bool] | None = None) -> str | None:
    """The first name of a full name (``Hillary`` of ``Hillary Clinton``, ``Stacey`` of ``Del.
    Stacey Plaskett`` when ``title_word`` says ``Del.`` is a title); None for a name of one word,
    an initial (``J. Smith``), a first word in lower case, or a name written family name first
    (``Park Geun-hye``, ``Ban Ki-moon``: a hyphenated given name in lower case after the hyphen)."""
    words = name.split()
    while len(words) > 2 and title_word is not None and title_word(words[0]):
        words = words[1:]
    if len(words) < 2 or _FAMILY_FIRST.match(words[-1]):
        return None
    first = words[0]
    if not first[:1].isupper() or first.endswith(".") or len(first.replace("-", "")) < 2:
        return None
    return first if first.replace("-", "").replace("'", "").isalpha() else None


def _count(cues: Sequence[GenderCue]) -> str:
    """``'she' x3, 'Ms.'``: the words of ``cues``, most frequent first."""
    words = Counter(c.word.lower() if c.basis == "pronoun" else c.word for c in cues)
    return ", ".join(f"'{w}' x{n}" if n > 1 else f"'{w}'" for w, n in words.most_common())


def text_gender(cues: Sequence[GenderCue]) -> tuple[str, str, str] | None:
    """(gender, basis, words) by the article's own cues: the gender with more cues; None when
    there are none or as many for each. The basis is the kind of cue most of the winner's are
    (pronoun, honorific, noun in that order on a tie)."""
    votes = Counter(c.gender for c in cues if c.gender in GENDERS)
    if not votes or votes["female"] == votes["male"]:
        return None
    gender = "female" if votes["female"] > votes["male"] else "male"
    mine = [c for c in cues if c.gender == gender]
    kinds = Counter(c.basis for c in mine)
    basis = max(TEXT_BASES, key=lambda b: (kinds[b], -TEXT_BASES.index(b)))
    words = _count(mine)
    against = [c for c in cues if c.gender != gender]
    if against:
        words += f"; against it {_count(against)}"
    return gender, basis, words


def decide(
    cues: Sequence[GenderCue],
    name: str | None,
    declared: str | None,
    first_names: Mapping[str, str],
    title_word: Callable[[str], bool] | None = None,
    places: Collection[str] = (),
) -> SpeakerGender:
    """A person's gender from the article's ``cues``, else the ``declared`` gender, else the
    first name of ``name`` in ``first_names`` (lower case -> gender), else unknown. A first word
    the article uses as a place (``places``, lower case: "Charlotte" of "Charlotte Observer",
    "Virginia" of "Virginia Democrats") tells no gender: the name may not be a person's."""
    unique = list({(c.basis, c.offset): c for c in cues}.values())
    given = first_name(name, title_word) if name else None
    by_name = first_names.get(given.lower()) if given and given.lower() not in places else None
    found = text_gender(unique)
    if found is not None:
        gender, basis, words = found
        overrides = []
        if declared in GENDERS and declared != gender:
            overrides.append(f"the declaration in speakers.yaml ({declared})")
        if by_name is not None and by_name != gender:
            overrides.append(f"the first name '{given}' ({by_name})")
        note = f"; the text overrides {' and '.join(overrides)}" if overrides else ""
        return SpeakerGender(gender, basis, f"{gender}: the article says so ({words}){note}")
    if declared in GENDERS:
        return SpeakerGender(declared, "declared", f"{declared}: declared in speakers.yaml")
    if by_name is not None:
        return SpeakerGender(by_name, "first_name", f"{by_name}: the first name '{given}' (name statistics)")
    tied = " (the article's words are as many for each)" if unique else ""
    why = f"no first name one sex holds ('{given}')" if given else "no first name"
    return SpeakerGender("unknown", "none", f"unknown: no pronoun, honorific or gendered noun{tied}, {why}")


# ----------------------------------------------------------------------------- across a corpus


@dataclass(frozen=True)
class CorpusGender:
    """One corpus speaker's gender from their articles: text evidence in any article outranks a
    declaration or a first name elsewhere; ``conflict`` names articles whose texts disagree."""

    gender: str
    basis: str
    explanation: str
    conflict: bool = False


_RANK = {"pronoun": 0, "honorific": 0, "noun": 0, "declared": 1, "first_name": 2, "none": 3}


def strongest(found: Iterable[tuple[str | None, str | None]]) -> tuple[str, str] | None:
    """The strongest (gender, basis) among one article's quotations of one corpus speaker
    ("Trump" and "Donald Trump" of one article may have been decided apart): the text, then a
    declaration, then a first name; None when none is a person's."""
    pairs = [(g, b) for g, b in found if g is not None and b in _RANK]
    return min(pairs, key=lambda p: (_RANK[p[1]], p[0] == "unknown")) if pairs else None


def corpus_gender(seen: Mapping[tuple[str, str], int]) -> CorpusGender | None:
    """The gender of one speaker across articles, from ``seen``: (gender, basis) -> the number
    of articles that decided it so. The strongest basis decides (the text of any article, then a
    declaration, then the first name); when the texts of different articles disagree, the gender
    most of them give wins (unknown on a tie) and ``conflict`` is set. None when no article gave
    the speaker a gender at all (no person)."""
    decided = {(g, b): n for (g, b), n in seen.items() if b in _RANK and n > 0}
    if not decided:
        return None
    known = {(g, b): n for (g, b), n in decided.items() if g in GENDERS}
    if not known:
        return CorpusGender("unknown", "none", "unknown: no article gives a gender")
    best = min(_RANK[b] for _, b in known)
    top = {(g, b): n for (g, b), n in known.items() if _RANK[b] == best}
    votes = Counter[str]()
    for (g, _), n in top.items():
        votes[g] += n
    conflict = len(votes) > 1
    if conflict and votes["female"] == votes["male"]:
        tied = f"unknown: articles disagree (female in {votes['female']}, male in {votes['male']})"
        return CorpusGender("unknown", "none", tied, True)
    gender = votes.most_common(1)[0][0]
    kinds = Counter[str]()
    for (g, b), n in top.items():
        if g == gender:
            kinds[b] += n
    basis = max(kinds, key=lambda b: (kinds[b], -BASES.index(b)))
    count = votes[gender]
    note = f"{gender}: {basis.replace('_', ' ')} in {count} article{'s' if count > 1 else ''}"
    if conflict:
        other = "male" if gender == "female" else "female"
        note += f"; conflict: {votes[other]} article(s) say {other}"
    weaker = [f"the {b.replace('_', ' ')} ({g}) of {n} article{'s' if n > 1 else ''}"
              for (g, b), n in sorted(known.items()) if g != gender and _RANK[b] > best]  # fmt: skip
    if weaker:
        note += f"; this overrides {', '.join(weaker)}"
    return CorpusGender(gender, basis, note, conflict)


# ----------------------------------------------------------------------------- output modes


def with_mode(quotation: Quotation, mode: str) -> Quotation:
    """``quotation`` as ``--gender`` ``mode`` shows it: ``all`` unchanged; ``text`` without the
    first-name guess (unknown instead); ``off`` with no gender at all."""
    if mode == "all" or (quotation.speaker_gender is None and mode != "off"):
        return quotation
    if mode == "off":
        return replace(
            quotation, speaker_gender=None, speaker_gender_basis=None, speaker_gender_explanation=None
        )
    if mode != "text":
        raise ValueError(f"unknown gender mode {mode!r}; expected one of {', '.join(MODES)}")
    if quotation.speaker_gender_basis != "first_name":
        return quotation
    return replace(
        quotation,
        speaker_gender="unknown",
        speaker_gender_basis="none",
        speaker_gender_explanation="unknown: no pronoun, honorific, gendered noun or declaration "
        "(a first name alone is not used with --gender text)",
    )


# ----------------------------------------------------------------------------- one article


@dataclass(frozen=True)
class SpeakerEvidence:
    """What the resolver found about one quotation's speaker, if a person: the name and the
    article's cues on their gender."""

    name: str
    cues: tuple[GenderCue, ...] = ()


def article_genders(
    speakers: Sequence[SpeakerEvidence | None],
    declared: Callable[[str], str | None],
    first_names: Mapping[str, str],
    title_word: Callable[[str], bool] | None = None,
    places: Collection[str] = (),
) -> list[SpeakerGender | None]:
    """Each quotation's speaker gender (None where the speaker is no person), decided once per
    speaker name of the article from every cue any of its quotations brought (``places``: the
    article's place names, which tell no gender as first names)."""
    cues: dict[str, dict[tuple[str, int], GenderCue]] = {}
    for speaker in speakers:
        if speaker is not None:
            cues.setdefault(speaker.name, {}).update({(c.basis, c.offset): c for c in speaker.cues})
    decided = {
        name: decide(list(found.values()), name, declared(name), first_names, title_word, places)
        for name, found in cues.items()
    }
    return [decided[s.name] if s is not None else None for s in speakers]
