"""Regular English verb inflection: the -s, -ed and -ing forms of a lemma, so a cue verb is found
where the lemmatizer slipped (``hoping`` -> ``hop``)."""

from __future__ import annotations

import re

_VOWELS = "aeiou"


def _ends_cvc(lemma: str) -> bool:
    """Whether a lemma ends consonant-vowel-consonant (``hop``, ``admit``), where -ed/-ing may double."""
    word = lemma.replace("qu", "q")
    return (
        len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS
    )


def _stems(lemma: str) -> set[str]:
    """Stems for -ed/-ing: ``hop`` doubles (``hopp``); ``admit`` or ``offer`` may or may not
    (stress decides, so both are kept: a form no one writes never matches)."""
    if not _ends_cvc(lemma):
        return {lemma}
    doubled = lemma + lemma[-1]
    if len(re.findall(r"[aeiou]+", lemma.replace("qu", "q"))) == 1:
        return {doubled}
    return {lemma, doubled}


def inflections(lemma: str) -> set[str]:
    """The regular -s, -ed and -ing forms of a verb lemma (with e-drop, y-to-i and doubling)."""
    if not lemma.isalpha():
        return set()
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms = {lemma + "es"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms = {lemma[:-1] + "ies"}
    else:
        forms = {lemma + "s"}
    if lemma.endswith("ie"):
        forms |= {lemma + "d", lemma[:-2] + "ying"}
    elif lemma.endswith(("ee", "ye", "oe")):
        forms |= {lemma + "d", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {stem + ending for stem in _stems(lemma) for ending in ("ed", "ing")}
    return forms
