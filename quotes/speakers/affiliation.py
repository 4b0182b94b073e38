"""What sets people apart in a description: affiliations (state, party) and gendered role words.

Pure functions over strings and the word tables of ``rules/mentions.yaml``: ``"R-Ind."`` ->
{party: {republican}, state: {indiana}}; ``"the businessman"`` -> male.
"""

from __future__ import annotations

import re

_PIECES = re.compile(r"[\s(),/;:]+|(?<=\w)-(?=[A-Za-z])")
_ROLE_POS = ("NOUN", "PROPN", "ADJ")


def affiliations_of(text: str, table: dict[str, tuple[str, str]]) -> dict[str, set[str]]:
    """``"Indiana Gov."`` -> {state: {indiana}}; ``"R-Ind."`` -> {party: {republican}, state: {indiana}}."""
    pieces = [p for p in _PIECES.split(text) if p]
    found: dict[str, set[str]] = {}
    for i, piece in enumerate(pieces):
        keys = [piece, piece.lower()]
        if i + 1 < len(pieces):
            keys.insert(0, f"{piece} {pieces[i + 1]}".lower())  # "New York"
        for key in keys:
            if key in table:  # (postal codes are stored in capitals, so "in" is no Indiana)
                kind, value = table[key]
                found.setdefault(kind, set()).add(value)
                break
    return found


def clashes(entity: dict[str, set[str]], wanted: dict[str, set[str]]) -> bool:
    """Whether an entity's affiliations rule out a description's (another state, another party)."""
    return any(kind in entity and not entity[kind] & values for kind, values in wanted.items())


def agreement(entity: dict[str, set[str]], wanted: dict[str, set[str]]) -> int:
    """How many of a description's affiliations the entity shares."""
    return sum(1 for kind, values in wanted.items() if entity.get(kind, set()) & values)


def role_gender(words: list[str], table: dict[str, str]) -> str | None:
    """``the businessman`` -> male; ``the former first lady`` -> female; else None."""
    return next((table[w] for w in reversed(words) if w in table), None)
