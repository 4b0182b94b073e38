"""Title abbreviations the model's tokenizer does not know (``Coun.``, ``Supt.``, ``Sgt.``):
written with a full stop before a name, they are one token, so the full stop ends no sentence
("Councillors backed a motion by Coun. Shawn Crossman" is one sentence, and Crossman a name)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.symbols import ORTH


def add_abbreviations(nlp: Language, words: Iterable[str]) -> None:
    """Teach ``nlp``'s tokenizer each abbreviation of ``words`` (lower-case, ending in a full stop,
    from the mention rules), as written in a title: ``Coun.``, and ``COUN.`` in capitals."""
    for word in sorted(set(words)):
        if len(word) < 3 or not word.endswith(".") or not word[:-1].isalpha():
            continue
        for form in (word.capitalize(), word.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
