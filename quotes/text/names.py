"""Names compared as ``../shared/bench/score.py`` compares them: case, periods, possessive
``'s``, a leading "The", honorifics, middle initials and Jr./Sr. set aside, or one name a
whole-word suffix of the other (``Altman`` matches ``Sam Altman``); and the pronouns that are
never a name.
"""

from __future__ import annotations

PRONOUNS = frozenset(
    [
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "it",
        "its",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "we",
        "us",
        "our",
        "i",
        "me",
        "my",
        "you",
    ]
)
_NAME_NOISE = frozenset({"the", "mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii"})


def name_key(name: str) -> str:
    """``"Mr. John D. Podesta Jr."`` -> ``"john podesta"``."""
    words = name.casefold().replace("\u2019", "'").replace(".", " ").split()
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return " ".join(w for w in words if w not in _NAME_NOISE and not (len(w) == 1 and w.isalpha()))


def names_match(gold: str | None, predicted: str | None) -> bool:
    """Whether two canonical names agree (both None agree)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    a, b = name_key(gold), name_key(predicted)
    if not a or not b:
        return a == b
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)
