"""Text helpers on character spans: trimming, overlap, word counts and abbreviations.

Pure functions over a text and ``(start, end)`` offsets; every module that trims a span, counts
its words or asks whether a full stop ends a sentence uses these, so there is one rule for each.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

Span = tuple[int, int]

QUOTATION_MARKS = "\"'“”„‟«»‘’‚‛‹›`"
CLAUSE_EDGE = ",;:—–-"
"""Punctuation trimmed from the edges of a reported clause (quotation marks are kept)."""

# fmt: off
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "capt", "sgt",
    "adm", "maj", "cmdr", "rev", "hon", "pres", "supt", "st", "mt", "ft", "jr", "sr", "inc", "corp",
    "co", "ltd", "bros", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ave",
    "blvd", "dept", "univ", "vs"))
# fmt: on
"""Words (lower case) whose full stop does not end a sentence: ``Mr. Dole said`` is one
sentence; initials and dotted acronyms (``J.``, ``U.S.``) do not end one either."""
CAPITALISED_ABBREVIATIONS = ("No",)
"""Abbreviations only when capitalised: ``No. 2`` (but ``he said no.`` ends a sentence)."""

_OUTER_MARKS = "\"“”„«»‘’'`‚‹›"
_WORD = re.compile(r"\w+")
_TRAILING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or|nor)$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+\S")
# a capitalised abbreviation or a single capital (an initial) with its full stop
_ABBREVIATED = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            [w.capitalize() for w in ABBREVIATIONS] + list(CAPITALISED_ABBREVIATIONS), key=len, reverse=True
        )
    )
    + r"|[A-Z])\."
)


def word_count(text: str, start: int, end: int) -> int:
    """The number of words in ``text[start:end]``."""
    return len(_WORD.findall(text, start, end)) if start < end else 0


def has_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a word (``word_count(...) > 0``, found at the first one)."""
    return start < end and _WORD.search(text, start, end) is not None


def trim_clause(text: str, start: int, end: int) -> Span:
    """A reported clause without edge white space and clause punctuation (quotation marks are
    kept) and without a dangling conjunction left where a coordinated clause was cut off."""
    while start < end and (text[start].isspace() or text[start] in CLAUSE_EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLAUSE_EDGE):
        end -= 1
    dangling = _TRAILING_CONJUNCTION.search(text, start, end)
    if dangling is not None and dangling.start() > start:
        return trim_clause(text, start, dangling.start())
    return start, end


def inner_span(text: str, start: int, end: int) -> Span:
    """The span without its outer quotation marks and white space."""
    while start < end and (text[start].isspace() or text[start] in _OUTER_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _OUTER_MARKS):
        end -= 1
    return start, end


def _scorer_trimmable(char: str) -> bool:
    return char.isspace() or char in QUOTATION_MARKS or unicodedata.category(char).startswith("P")


def trim_spans(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans without edge white space, punctuation and quotation marks; merged and sorted.

    The trimming of the shared scorer (``score.py``): used to compare content with gold spans.
    """
    trimmed = []
    for start, end in spans:
        while start < end and _scorer_trimmable(text[start]):
            start += 1
        while end > start and _scorer_trimmable(text[end - 1]):
            end -= 1
        if end > start:
            trimmed.append((start, end))
    merged: list[Span] = []
    for start, end in sorted(trimmed):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def total_overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters shared by two sets of spans, summed pair by pair."""
    return sum(overlap(x, y) for x in a for y in b)


def has_sentence_break(gap: str) -> bool:
    """Whether ``gap`` holds a full stop (not an abbreviation's) followed by more words."""
    return bool(_SENTENCE_BREAK.search(_ABBREVIATED.sub("", gap.strip())))


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\w+)\W*$")


def last_sentence_end(text: str, start: int, end: int) -> int:
    """Where the last sentence that ends within ``text[start:end]`` is followed by the next one
    (the next one's first character), or -1: a full stop, question or exclamation mark, any
    closing marks and space, then a capital, digit or opening mark; not the full stop of an
    abbreviation (``Mr.``) or an initial (``J.``)."""
    found = -1
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == ".":
            word = _LAST_WORD.search(text, max(start, match.start() - 20), match.start() + 1)
            before = word.group(1) if word else ""
            if before.lower() in ABBREVIATIONS or before in CAPITALISED_ABBREVIATIONS or (
                len(before) == 1 and before.isupper()
            ):
                continue
        found = match.end()
    return found


HEADLINE_MAX_CHARS = 300
"""The longest first line read as a headline (PolNeAR's longest is 141 characters): a longer one,
or an article on one line, has no headline, and its body is not read as one."""


def first_line_end(text: str) -> int:
    """Where the article's first line, its headline, ends; -1 when it has none (see
    :data:`HEADLINE_MAX_CHARS`)."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    return end if end <= HEADLINE_MAX_CHARS else -1
