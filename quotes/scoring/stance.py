"""The reporter's stance conveyed by a quotation's cue verb, from the stance table
(:mod:`quotes.rules.stance`)."""

from __future__ import annotations

from quotes.rules.stance import StanceRules, lemma_key

UNKNOWN_STANCE = "other"


def stance_of(lemma: str, rules: StanceRules) -> str:
    """The reporter's stance conveyed by a cue verb lemma ("other" when the table lacks it).

    Inflected forms are tolerated ("claimed", "insists", "pointed out" -> their lemma)."""
    table = rules.table
    key = lemma_key(lemma)
    if key in table:
        return table[key]
    head, _, rest = key.partition(" ")
    for base in _lemma_guesses(head):
        candidate = f"{base} {rest}".strip()
        if candidate in table:
            return table[candidate]
    return UNKNOWN_STANCE


def _lemma_guesses(word: str) -> list[str]:
    irregular = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
                 "spoke": "speak", "spoken": "speak", "thought": "think", "knew": "know", "known": "know",
                 "found": "find", "felt": "feel", "saw": "see", "seen": "see"}
    guesses = [irregular[word]] if word in irregular else []
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            guesses.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                guesses.append(stem[:-1])  # "admitted" -> "admitt" -> "admit"
    return guesses
