"""The reporter's stance conveyed by a quotation's cue verb, from the stance table and its senses
in context (:mod:`quotes.rules.stance`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quotes.rules.stance import StanceRules, lemma_key

UNKNOWN_STANCE = "other"


def stance_of(lemma: str, rules: StanceRules, context: Iterable[str] = (),
              following: Sequence[str] = ()) -> str:
    """The reporter's stance conveyed by a cue verb lemma ("other" when the table lacks it).

    ``context`` holds the words the verb governs, ``following`` the words right after it; a sense
    in ``rules.senses`` whose verb this is and that has one of these words decides first
    ("called for" is directive, "called it a turning point" neutral). Inflected forms are
    tolerated ("claimed", "insists", "pointed out" -> their lemma)."""
    return stance_sense(lemma, rules, context, following)[0]


def stance_sense(lemma: str, rules: StanceRules, context: Iterable[str] = (),
                 following: Sequence[str] = ()) -> tuple[str, str]:
    """(stance, why): the stance of :func:`stance_of` and the reason its sense gives ("" for the
    verb's table row)."""
    key = _table_key(lemma, rules.table)
    if key is None:
        return UNKNOWN_STANCE, "the verb is not in stance.yaml"
    after = [w.casefold() for w in following]
    near = {w.casefold() for w in context} | set(after[:3])
    for sense in rules.senses:
        words = set(after[:1]) if sense.next_only else near
        if key in sense.verbs and not sense.words.isdisjoint(words):
            return sense.stance, sense.reason
    return rules.table[key], ""


def _table_key(lemma: str, table: dict[str, str]) -> str | None:
    key = lemma_key(lemma)
    if key in table:
        return key
    head, _, rest = key.partition(" ")
    for base in _lemma_guesses(head):
        candidate = f"{base} {rest}".strip()
        if candidate in table:
            return candidate
    return None


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
