"""The writer of an article, where the article names them: whom a first-person "I" outside
quotation marks refers to in an opinion piece, a column or a first-hand report.

Two places name a writer, tried in this order:

- the tagline, the article's last paragraph, short, saying what the writer is: "Charlotte
  Meehan is playwright-in-residence at Wheaton College ...", "Joel B. Pollak is Senior
  Editor-at-Large at Breitbart News." (not "Trump is promising ..." or "Sanders is scheduled
  to ...": the word after "is" must start a role, not a verb form or an adverb);
- a byline near the top: "By Nicole Gaudiano".

A name opening the headline ("Marco Rubio: I'm not interested") is not taken: it is as often
the speaker of a headline quotation as a columnist. A name is one to four capitalised words
(initials and hyphenated names allowed); a byline's must start with a known first name.
:func:`article_author` is pure: text (and the first-name list) in, name out.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|O[’'][A-Z][a-z]+)"
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
_TAGLINE = re.compile(rf"^[—–-]*\s*(?P<name>{_NAME}) is (?P<next>[\w-]+)")
_BYLINE = re.compile(rf"^\s*By (?P<name>{_NAME})(?:\s*(?:,|and |$))", re.MULTILINE)
_NOT_ROLES = frozenset(["well", "also", "not", "now", "still", "already", "one", "being", "going", "set"])
"""Words after "X is" that start news, not a tagline ("Clinton is well positioned")."""
_NOT_NAMES = frozenset([
    "this", "that", "these", "those", "there", "here", "what", "which", "the", "his", "her", "their", "our",
    "my", "your", "its", "one", "some", "many", "most", "each", "both", "all", "no", "yes", "but", "and",
    "or", "so", "if", "when", "while",
])  # fmt: skip
"""Capitalised words that open sentences, never a writer's name."""
TAGLINE_LENGTH = 400
"""Characters: a tagline is a short paragraph, not a closing paragraph of news."""
BYLINE_LINES = 4
"""How many of the first lines may hold the byline."""


@dataclass(frozen=True)
class Author:
    """The writer's name and where the article gives it (``tagline`` or ``byline``)."""

    name: str
    source: str


def article_author(text: str, first_names: Collection[str] = ()) -> Author | None:
    """The writer the article names, or None. ``first_names``: lower-case given names."""
    paragraphs = [p.strip() for p in re.split(r"\n", text) if p.strip()]
    if not paragraphs:
        return None
    last = paragraphs[-1]
    match = _TAGLINE.match(last)
    if match and len(last) <= TAGLINE_LENGTH and _is_role(match["next"]) and _is_name(match["name"]):
        return Author(match["name"], "tagline")
    for line in paragraphs[:BYLINE_LINES]:
        match = _BYLINE.match(line)
        if match and match["name"].split()[0].lower() in first_names:
            return Author(match["name"], "byline")
    return None


def _is_name(name: str) -> bool:
    return name.split()[0].lower() not in _NOT_NAMES


def _is_role(word: str) -> bool:
    """Whether the word after "X is" can start a role: "the", "director", "Senior"."""
    lower = word.lower()
    return lower in ("a", "an", "the") or not (lower in _NOT_ROLES or lower.endswith(("ing", "ed", "ly")))
