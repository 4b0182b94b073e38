"""Mentions of an article's people that the named-entity recogniser left unlabelled.

The model often tags a surname once and misses it later (``For years, Oz has been dogged ...``
with no entity on ``Oz``). A proper noun that is, word for word, the surname of exactly one
person the article names in full is a mention of that person, and a subject when it heads one:
pronouns after it may take it up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from quotes.speakers.records import Entity


def unlabelled_mentions(
    doc: Doc,
    labelled: set[int],
    by_surname: dict[str, list[Entity]],
    by_first_name: Callable[[str], Entity | None] = lambda word: None,
) -> Iterator[tuple[Token, Entity]]:
    """``(token, person)`` for each proper noun outside the labelled entities (token indices in
    ``labelled``) that is the surname of exactly one person of the article named in full, or (in a
    feature that calls people by their first names: "Priya is candid about the strain.") the first
    name of exactly one (``by_first_name``); not the modifier of another noun ("Trump Tower", "the
    Oz show") nor a possessive's owner word alone."""
    for token in doc:
        if token.i in labelled or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        people = by_surname.get(token.lower_, ())
        if not people:
            first = by_first_name(token.text)
            people = [first] if first is not None else []
        if len(people) != 1 or people[0].kind != "person":
            continue
        if token.dep_ == "compound" or _in_name(token, labelled):
            continue
        yield token, people[0]


def _in_name(token: Token, labelled: set[int]) -> bool:
    """Whether a neighbouring capitalised word makes ``token`` part of a longer name."""
    doc = token.doc
    for i in (token.i - 1, token.i + 1):
        if 0 <= i < len(doc) and (doc[i].pos_ == "PROPN" or i in labelled) and doc[i].text[:1].isupper():
            return True
    return False


def is_subject(token: Token) -> bool:
    """Whether the token heads the subject of its clause."""
    return token.dep_ in ("nsubj", "nsubjpass")
