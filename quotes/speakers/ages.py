"""The ages an article states for its people: ``Hailey Brandt, 34,``, ``Tom Reid (52)``,
``41-year-old Sabres goalie Craig Anderson``, ``the 34-year-old Brandt``.

A description by age (``said the 34-year-old``) names the person whose age the article gave, not
merely the last person named. Pure functions over a parsed article and the token -> entity map
of :class:`~quotes.speakers.article_entities.ArticleEntities`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes.speakers.records import Entity

MAX_AGE = 120
TO_NAME = 6  # tokens from "34-year-old" to the name it modifies ("41-year-old Sabres goalie Craig")


def age_of(token: Token) -> int | None:
    """The age of ``the 34-year-old`` (its head ``old``), or None."""
    if token.lower_ != "old":
        return None
    year = next((c for c in token.lefts if c.lower_ in ("year", "years")), None)
    number = next((t for t in year.subtree if t.like_num), None) if year is not None else None
    return _number(number) if number is not None else None


def stated_ages(doc: Doc, entity_of: dict[int, Entity]) -> list[tuple[int, Entity, int]]:
    """(character position, person, age) for each age the article states beside a name, in text order."""
    found = []
    for token in doc:
        entity = entity_of.get(token.i)
        if entity is None or entity.kind != "person" or (token.i + 1 < len(doc) and token.i + 1 in entity_of):
            continue  # (the last word of a name only)
        age = _age_after(doc, token.i + 1)
        if age is not None:
            found.append((token.idx, entity, age))
    for token in doc:
        age = age_of(token)
        if age is None:
            continue
        for i in range(token.i + 1, min(token.i + 1 + TO_NAME, len(doc))):
            entity = entity_of.get(i)
            if entity is not None:
                if entity.kind == "person":
                    found.append((token.idx, entity, age))
                break
            if doc[i].pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT") or doc[i].text in (",", "."):
                break  # (not "the 34-year-old, who ... Brandt")
    return sorted(found, key=lambda found: found[0])


def _age_after(doc: Doc, i: int) -> int | None:
    """``, 34,`` or ``, 34.`` or `` (34)`` right after a name."""
    if i + 2 >= len(doc):
        return None
    first, number, last = doc[i], doc[i + 1], doc[i + 2]
    if (first.text, last.text) == ("(", ")") or (first.text == "," and last.text in (",", ".", ";")):
        return _number(number)
    return None


def _number(token: Token) -> int | None:
    """A whole number a person's age may be."""
    if not token.text.isdigit():
        return None
    value = int(token.text)
    return value if 0 < value <= MAX_AGE else None
