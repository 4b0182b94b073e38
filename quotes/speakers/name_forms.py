"""How an article writes a one-word speaker name: the full names around it and its honorifics.

Across a corpus a speaker known by one word ("Kim", "Torres") joins a person of another article
only on evidence (:mod:`quotes.speakers.folds`). The article's own text is the first evidence:
"Ana Torres" written before "Torres", "Kim Jong Un" written after "Kim" (the word is a first
word there, never a surname to link elsewhere), "Mr. Kim" or "Sen. Graham" (the word is a
surname in this article). A capitalised word the article also writes in lower case ("When
Trump said", "The Fed") is no part of a name; nor is anything on a line in title case.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

_TOKEN = r"(?:[A-Z][\w'\u2019-]*\.?|[A-Z]\.)"
_BEFORE = re.compile(rf"(?<![\w.'\u2019-])((?:{_TOKEN}[ \t]+){{1,4}})$")
_AFTER = re.compile(rf"^((?:[ \t]+{_TOKEN}){{1,3}})")
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_LOOKBACK = 80
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])
HEADLINE_SHARE = 0.7
"""A line whose longer words (four letters or more) are capitalised at least this often is
written in title case (a headline: "Obama Says Museum Tells a Story"): its capitals are no
evidence of a name."""


@dataclass(frozen=True)
class NameUses:
    """The names an article writes around one word.

    ``before``: the name tokens written right before the word ("Ana Torres" for "Torres"), one
    tuple per distinct form, honorifics left out; ``after``: the word with the capitalised
    tokens written right after it ("Kim Jong Un"); ``surname``: an honorific or title stands
    right before the word somewhere ("Mr. Kim", "President Obama"); ``genders``: the genders
    those honorifics give ("male" for "Mr.", none for "Dr.").
    """

    before: frozenset[tuple[str, ...]] = frozenset()
    after: frozenset[tuple[str, ...]] = frozenset()
    surname: bool = False
    genders: frozenset[str] = frozenset()


def title_case(line: str, common: Collection[str]) -> bool:
    """True for a line in title case: of four longer words or more, :data:`HEADLINE_SHARE`
    capitalised, two of them words the article also writes in lower case ("Says", "Museum")."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    capitals = [w for w in words if w[0].isupper()]
    return (len(words) >= 4 and len(capitals) >= HEADLINE_SHARE * len(words)
            and sum(w.casefold() in common for w in capitals) >= 2)  # fmt: skip


def _bare(token: str) -> str:
    return token.rstrip(".").casefold()


def _ends_name(token: str) -> bool:
    """A token after which no name runs on: a sentence's end ("Tuesday.") or an owner ("Trump's")."""
    return (token.endswith(".") and len(token) > 2) or token.endswith(("'s", "\u2019s", "'", "\u2019"))


def name_uses(text: str, word: str, honorifics: Mapping[str, str]) -> NameUses:
    """Every way ``text`` writes ``word`` (matched with its case, as a whole word) next to
    other capitalised words. Honorifics (``rules/mentions.yaml``, word -> gender) end a form and
    mark the word as a surname; a form is only what the text shows, never checked against a
    corpus here."""
    if not word or not text:
        return NameUses()
    honorific = {_bare(h): gender for h, gender in honorifics.items()}
    common = {w for w in _WORD.findall(text) if w.islower()} | _DETERMINERS
    before: set[tuple[str, ...]] = set()
    after: set[tuple[str, ...]] = set()
    genders: set[str] = set()
    surname = False
    for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        start, end = text.rfind("\n", 0, found.start()) + 1, text.find("\n", found.end())
        head = _BEFORE.search(text[max(start, found.start() - _LOOKBACK) : found.start()])
        kept: list[str] = []
        for token in reversed(head.group(1).split() if head else []):
            if _bare(token) in honorific:
                surname = True
                genders |= {honorific[_bare(token)]} - {"any"}
                break
            if _ends_name(token):
                break
            kept.insert(0, token)
        if title_case(text[start : end if end >= 0 else len(text)], common):
            continue
        while kept and kept[0].casefold() in common:
            kept.pop(0)  # "When Trump", "The Fed": a word the article also writes in lower case
        if kept:
            before.add((*kept, word))
        tail = _AFTER.match(text[found.end() : found.end() + _LOOKBACK])
        following: list[str] = []
        for token in tail.group(1).split() if tail else []:
            following.append(re.sub(r"(['\u2019]s?|\.)$", "", token))
            if _ends_name(token):
                break
        if following:
            after.add((word, *following))
    return NameUses(frozenset(before), frozenset(after), surname, frozenset(genders))
