"""Exact speed-ups for a loaded spaCy pipeline.

:func:`accelerate` swaps the attribute ruler's matcher and the rule lemmatizer for memoised
equivalents that give the same annotations token for token, at a fraction of the Python
overhead (``tests/test_runner.py`` compares every token attribute with the stock pipeline), and
gives the lemmatizer's word index a set lookup: spaCy's ``rule_lemmatize`` asks whether each
candidate form is in a list of up to 57,528 nouns, a linear search that made lemmatizing a new
word cost as much as the tagger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

MEMO_LIMIT = 500_000
"""The memos of :func:`accelerate` are emptied past this many entries, to keep memory bounded."""


def accelerate(nlp: Language) -> Language:
    """Swap the attribute ruler's matcher and the rule lemmatizer for memoised equivalents.

    Both give the annotations of the originals exactly (tests compare every token attribute);
    a component whose configuration the fast path does not understand is left as it is.
    Idempotent; returns ``nlp``.
    """
    from spacy.pipeline import AttributeRuler, Lemmatizer

    for _, proc in nlp.pipeline:
        if type(proc) is AttributeRuler and not isinstance(proc.match, _FastAttributeMatcher):
            matcher = _FastAttributeMatcher.build(proc)
            if matcher is not None:
                proc.match = matcher  # type: ignore[method-assign]
                proc.set_annotations = matcher.set_annotations  # type: ignore[method-assign]
        elif (isinstance(proc, Lemmatizer) and not isinstance(proc, _MemoLemmatizerMixin)
              and getattr(proc, "mode", None) == "rule" and not proc.overwrite):
            proc.__class__ = _memo_lemmatizer_class(type(proc))
            proc._memo = {}  # type: ignore[attr-defined]
            _index_with_sets(proc)
    return nlp


class _WordIndex(list):  # type: ignore[type-arg]
    """A list of words whose ``in`` is a set lookup: the same answers, in constant time."""

    __slots__ = ("_words",)

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._words = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._words


def _index_with_sets(lemmatizer: Any) -> None:
    """Give the rule lemmatizer's ``lemma_index`` word lists a constant-time ``in`` (they are
    read only by ``rule_lemmatize``'s ``form in index``; every other use of a list still works)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = _WordIndex(words)


_STRING_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA")
_FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM")
ValueTest = Callable[[int, str], bool]  # (attribute value id, its string) -> passes


class _Unsupported(Exception):
    pass


class _FastAttributeMatcher:
    """``AttributeRuler.match`` with the same output, without the generic Matcher.

    Every pattern is a run of single-token specs; a spec is a conjunction of tests on one
    attribute each. Which specs a token satisfies depends only on its tuple of attribute
    values, so it is memoised per tuple; a new tuple is answered from per-value indexes.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import IDS

        self.ruler = ruler
        self.patterns: list[tuple[int, int]] = []  # (attribute-rule index, length)
        self.specs: list[tuple[int, int]] = []  # (pattern number, position in the pattern)
        self.need: list[int] = []  # number of attribute tests of each spec
        self.exact: dict[str, dict[int, list[int]]] = {}  # attr -> value id -> specs it satisfies
        self.other: dict[str, list[tuple[int, ValueTest]]] = {}  # attr -> (spec, test) for the rest
        for index, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not pattern or not all(isinstance(spec, dict) and spec for spec in pattern):
                    raise _Unsupported("empty pattern")
                number = len(self.patterns)
                self.patterns.append((index, len(pattern)))
                for position, spec in enumerate(pattern):
                    self._add_spec(number, position, spec)
        if len(ruler.patterns) != len(ruler.attrs):
            raise _Unsupported("patterns and attributes out of step")
        self.attrs = sorted(set(self.exact) | set(self.other))
        self.attr_ids = [IDS[a] for a in self.attrs]
        self.value_memo: dict[str, dict[int, tuple[int, ...]]] = {a: {} for a in self.attrs}
        self.memo: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        self.match_ids = [ruler.vocab.strings.add(str(i)) for i in range(len(ruler.attrs))]

    @classmethod
    def build(cls, ruler: AttributeRuler) -> _FastAttributeMatcher | None:
        """The fast matcher for ``ruler``, or None when a pattern uses anything unsupported."""
        try:
            return cls(ruler)
        except (_Unsupported, KeyError, TypeError, re.error):
            return None

    def _add_spec(self, number: int, position: int, spec: dict[str, Any]) -> None:
        from spacy.strings import get_string_id

        spec_id = len(self.specs)
        self.specs.append((number, position))
        self.need.append(len(spec))
        for attr, value in spec.items():
            if attr in _FLAG_ATTRS and isinstance(value, bool):
                self.exact.setdefault(attr, {}).setdefault(int(value), []).append(spec_id)
            elif attr not in _STRING_ATTRS:
                raise _Unsupported(attr)
            elif isinstance(value, str):
                self.exact.setdefault(attr, {}).setdefault(get_string_id(value), []).append(spec_id)
            elif isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
                for item in {get_string_id(v) for v in value["IN"]}:
                    self.exact.setdefault(attr, {}).setdefault(item, []).append(spec_id)
            elif isinstance(value, dict) and value:
                self.other.setdefault(attr, []).append((spec_id, _value_test(value)))
            else:
                raise _Unsupported(attr)

    def _value_passes(self, attr: str, value: int) -> tuple[int, ...]:
        others = self.other.get(attr, ())
        text = self.ruler.vocab.strings[value] if others and value else ""
        passed = list(self.exact.get(attr, {}).get(value, ()))
        passed.extend(spec for spec, test in others if test(value, text))
        result = self.value_memo[attr][value] = tuple(passed)
        return result

    def _passes(self, key: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        counts: dict[int, int] = {}
        for attr, value in zip(self.attrs, key, strict=True):
            specs = self.value_memo[attr].get(value)
            for spec in specs if specs is not None else self._value_passes(attr, value):
                counts[spec] = counts.get(spec, 0) + 1
        passed = tuple(sorted(self.specs[s] for s, n in counts.items() if n == self.need[s]))
        self.memo[key] = passed
        return passed

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        rows = doc.to_array(self.attr_ids).reshape(len(doc), -1).tolist()
        memo = self.memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
            for values in self.value_memo.values():
                values.clear()
        passes: list[tuple[tuple[int, int], ...]] = []
        for key in map(tuple, rows):
            passed = memo.get(key)
            passes.append(passed if passed is not None else self._passes(key))
        found: set[tuple[int, int, int]] = set()
        for start, token_passes in enumerate(passes):
            for number, position in token_passes:
                if position:
                    continue
                index, length = self.patterns[number]
                end = start + length
                if end <= len(passes) and all((number, k) in passes[start + k] for k in range(1, length)):
                    found.add((index, start, end))
        return sorted((index, self.match_ids[index], start, end) for index, start, end in found)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """``AttributeRuler.set_annotations`` without a Span per match (same result)."""
        from spacy.pipeline import AttributeRuler
        from spacy.tokens._retokenize import set_token_attrs

        ruler = self.ruler
        targets = []
        for attr_id, _, start, end in matches:
            index = ruler.indices[attr_id]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:  # let spaCy raise its own error
                return AttributeRuler.set_annotations(ruler, doc, matches)
            targets.append((position, ruler.attrs[attr_id]))
        for position, attrs in targets:
            set_token_attrs(doc[position], attrs)
        return None


def _value_test(value: dict[str, Any]) -> ValueTest:
    """A test on one string attribute for a Matcher predicate dict (IN, NOT_IN, REGEX)."""
    from spacy.strings import get_string_id

    tests: list[ValueTest] = []
    for operator, argument in value.items():
        if operator in ("IN", "NOT_IN") and isinstance(argument, list):
            ids = frozenset(get_string_id(v) for v in argument)
            inside = operator == "IN"
            tests.append(lambda value_id, _, ids=ids, inside=inside: (value_id in ids) == inside)
        elif operator == "REGEX" and isinstance(argument, str):
            regex = re.compile(argument)
            tests.append(lambda _, text, regex=regex: bool(regex.search(text)))
        else:
            raise _Unsupported(operator)
    return lambda value_id, text: all(test(value_id, text) for test in tests)


class _MemoLemmatizerMixin:
    """The rule lemmatizer with its answer memoised per (ORTH, POS, MORPH): the key under
    which spaCy's own ``rule_lemmatize`` caches it, so the lemmas are the same."""

    _memo: dict[tuple[int, int, int], int]

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer: Any = self
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        if not len(doc):
            return doc
        error_handler = lemmatizer.get_error_handler()
        try:
            table = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = table[:, 3].copy()
            memo = self._memo
            if len(memo) > MEMO_LIMIT:
                memo.clear()
            strings = doc.vocab.strings
            for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
                if lemma:
                    continue
                key = (orth, pos, morph)
                value = memo.get(key)
                if value is None:
                    value = memo[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = value
            doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(numpy.uint64))
            return doc
        except Exception as error:
            error_handler(lemmatizer.name, lemmatizer, [doc], error)
            return doc


_LEMMATIZER_CLASSES: dict[type, type] = {}


def _memo_lemmatizer_class(base: type) -> type:
    if base not in _LEMMATIZER_CLASSES:
        _LEMMATIZER_CLASSES[base] = type(f"Memo{base.__name__}", (_MemoLemmatizerMixin, base), {})
    return _LEMMATIZER_CLASSES[base]
