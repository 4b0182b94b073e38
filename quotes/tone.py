"""Tone of a quotation: VADER with news rules, certainty from hedges and boosters, and hype.

VADER (Hutto & Gilbert 2014) scores each sentence with its lexicon extended and corrected by
``rules/tone/*.yaml`` (news and editorial valence words, overrides); then the negation rules
(negators, contrast, degree adverbs, "too", ending harm) and the direction rules ("unemployment
fell" is good news, "wages fell" bad) adjust its per-word valences, and the combination rules
(negativity bias, sentence length) weight them before VADER sums and normalises them. Sentence
scores are averaged, as VADER advises for longer texts; abbreviations ("Mr.", "U.S.") do not end
a sentence. Hedges and boosters are Hyland's (2005) metadiscourse categories; hype
counts extreme case formulations (Pomerantz 1986) and promotional superlatives.

The phrase-lexicon helpers here (:func:`expand`, :class:`PhraseLexicon`) are shared with
:mod:`quotes.framing`.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from quotes.records import Evidence, Span, Tone
from quotes.yamlfile import RuleError, entries, read_yaml, require

TONE_DIR = "tone"
LABEL_THRESHOLD = 0.05
KINDS = ("valence", "hedge", "booster", "hype", "negation", "direction", "combine")
NEGATION_KINDS = ("flip", "unflip", "intensify", "phrase", "concession", "contrast", "names")
FACTOR_KINDS = ("flip", "unflip", "intensify", "concession", "names")
SCOPES = ("first", "clause")
DIRECTION_ROLES = ("direction", "level", "quantity")
COMBINE_IDS = ("length", "negativity")

_BRACES = re.compile(r"\{([^{}]*)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"\w+")
_NON_WORDS = re.compile(r"(\W+)")
# A period after these (titles, months, company and place abbreviations) or after initials and
# dotted acronyms ("J.", "U.S.") does not end a sentence: "Mr. Dole said" is one sentence.
ABBREVIATIONS = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "capt",
        "sgt",
        "adm",
        "maj",
        "cmdr",
        "rev",
        "hon",
        "pres",
        "supt",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "bros",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ave",
        "blvd",
        "dept",
        "univ",
        "vs",
    )
)
_ABBREVIATION = re.compile(r"(?:^|(?<=[\s(\"'“‘]))(?:(?:[A-Za-z]\.)+|([A-Za-z]+)\.)$")
_CLAUSE_START = re.compile(r"(?:^|[,;:—–(]|\s-)\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:—–()]")
_CONCESSION_END = re.compile(r"[,;:—–]")
_NON_SPACE = re.compile(r"\S+")


# --- phrase lexicons (shared with framing) ---------------------------------------------------


def expand(entry: str) -> list[str]:
    """Expand brace alternatives: ``"tax{,es,ed}"`` -> ``["tax", "taxes", "taxed"]``."""
    parts = _BRACES.split(entry)
    literals, choices = parts[0::2], [p.split(",") for p in parts[1::2]]
    return [
        "".join(itertools.chain.from_iterable(itertools.zip_longest(literals, combo, fillvalue="")))
        for combo in itertools.product(*choices)
    ]


def phrase_regex(phrase: str) -> str:
    """A regex for one expanded phrase: whole words, any run of spaces or hyphens between words,
    and a trailing ``*`` for any word ending (``immigra*``)."""
    words = phrase.strip().split()
    pieces = []
    for word in words:
        star = word.endswith("*") and len(word) > 1
        body = re.escape(word[:-1] if star else word).replace(r"\-", r"[\s-]?")
        pieces.append(body + (r"\w*" if star else ""))
    return r"(?<!\w)" + r"[\s-]+".join(pieces) + r"(?!\w)"


@dataclass(frozen=True)
class PhraseEntry:
    """One lexicon entry as written in its file, with what it contributes."""

    source: str  # e.g. "tone/hedges"
    entry: str  # as written, e.g. "suggest{,s,ed}"
    weight: float = 1.0
    note: str = ""
    key: str = ""  # the category it belongs to (a frame id, a negation rule id, ...)


@dataclass(frozen=True)
class PhraseLexicon:
    """Entries compiled for fast matching: single words by dict lookup, multiword phrases by the
    regexes of their first word, and everything else (case-sensitive entries, raw patterns) by one
    alternation whose ``lastgroup`` names the entry."""

    entries: tuple[PhraseEntry, ...]
    single: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)
    first: dict[str, tuple[tuple[re.Pattern[str], int], ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    pattern: re.Pattern[str] | None = None
    keys: frozenset[str] = field(default=frozenset(), compare=False, hash=False, repr=False)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[PhraseEntry, int, int]]:
        """Non-overlapping matches in ``text[start:end]`` as (entry, start, end) in ``text`` offsets;
        at one position the longest match wins, then the earliest."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, int]] = []
        if self.keys:
            segment = text[start:end]
            lowered = segment.lower()
            if len(lowered) != len(segment):  # lower() changed a length: fold case word by word
                lowered = "".join(
                    w.lower() if len(w.lower()) == len(w) else w for w in _NON_WORDS.split(segment)
                )
            hits = self.keys.intersection(_WORD.findall(lowered))  # usually empty or tiny, found in C
            for token in _WORD.finditer(lowered) if hits else ():
                key = token.group()
                if key not in hits:
                    continue
                t_start = start + token.start()
                index = self.single.get(key)
                if index is not None:
                    found.append((t_start, start + token.end(), index))
                for regex, index in self.first.get(key, ()):
                    match = regex.match(text, t_start, end)
                    if match and match.end() > match.start():
                        found.append((match.start(), match.end(), index))
        if self.pattern is not None:
            for match in self.pattern.finditer(text, start, end):
                if match.end() > match.start():
                    index = int(match.lastgroup[1:].partition("_")[0])  # type: ignore[index]
                    found.append((match.start(), match.end(), index))
        found.sort(key=lambda f: (f[0], f[0] - f[1], f[2]))
        last = -1
        for s, e, index in found:
            if s >= last:
                last = e
                yield self.entries[index], s, e


_PLAIN_WORD = re.compile(r"\w+")
_LEADING_WORD = re.compile(r"(\w+)[\s-]")


def compile_lexicon(items: Sequence[tuple[PhraseEntry, list[str], bool]]) -> PhraseLexicon:
    """Compile (entry, alternatives, case_sensitive) items, where an alternative is an expanded
    phrase (``"phrase:..."``) or a raw regex (``"regex:..."``)."""
    single: dict[str, int] = {}
    first: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    rest: list[tuple[int, str]] = []
    for index, (_, alternatives, case_sensitive) in enumerate(items):
        for alternative in alternatives:
            kind, _, body = alternative.partition(":")
            leading = _LEADING_WORD.match(body) if kind == "phrase" else None
            if kind == "phrase" and not case_sensitive and _PLAIN_WORD.fullmatch(body):
                single.setdefault(body.lower(), index)
            elif leading and not case_sensitive and "*" not in leading.group(1):
                first.setdefault(leading.group(1).lower(), []).append(
                    (re.compile(phrase_regex(body), re.IGNORECASE), index)
                )
            else:
                regex = phrase_regex(body) if kind == "phrase" else body
                rest.append(
                    (
                        index,
                        f"(?P<e{index}_{len(rest)}>{regex})"
                        if case_sensitive
                        else f"(?P<e{index}_{len(rest)}>(?i:{regex}))",
                    )
                )
    pattern = re.compile("|".join(r for _, r in rest)) if rest else None
    return PhraseLexicon(
        tuple(item[0] for item in items),
        single,
        {k: tuple(v) for k, v in first.items()},
        pattern,
        frozenset(single) | frozenset(first),
    )


def lexicon_items(
    path: Path, line: int | None, item: dict[str, Any], entry: PhraseEntry, field_name: str = "phrases"
) -> list[tuple[PhraseEntry, list[str], bool]]:
    """The compiled alternatives of a group's ``phrases`` (and raw ``patterns``), one per entry."""
    case = item.get("case_sensitive", False)
    if not isinstance(case, bool):
        raise RuleError(path, line, "'case_sensitive' must be true or false")
    phrases = item.get(field_name, [])
    patterns = item.get("patterns", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise RuleError(path, line, f"'{field_name}' must be a list of non-empty strings")
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise RuleError(path, line, "'patterns' must be a list of regular expressions")
    if not phrases and not patterns:
        raise RuleError(path, line, f"a group needs '{field_name}' or 'patterns'")
    out = []
    for phrase in phrases:
        if phrase.count("{") != phrase.count("}"):
            raise RuleError(path, line, f"unbalanced braces in {phrase!r}")
        forms = [f for f in expand(phrase) if f.strip()]
        if not forms:
            raise RuleError(path, line, f"{phrase!r} expands to nothing")
        out.append((_replace(entry, phrase), [f"phrase:{f.strip()}" for f in forms], case))
    for pattern in patterns:
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise RuleError(path, line, f"bad pattern {pattern!r}: {error}") from None
        if compiled.groups:
            raise RuleError(path, line, f"pattern {pattern!r} must not capture; use (?:...)")
        if compiled.match(""):
            raise RuleError(path, line, f"pattern {pattern!r} matches the empty string")
        out.append((_replace(entry, pattern), [f"regex:{pattern}"], case))
    return out


def _replace(entry: PhraseEntry, text: str) -> PhraseEntry:
    return PhraseEntry(entry.source, text, entry.weight, entry.note, entry.key)


def number(path: Path, line: int | None, item: Any, name: str, default: float | None = None) -> float:
    """A numeric field (int or float, not bool) as float; ``default`` when absent and allowed."""
    if default is not None and isinstance(item, dict) and name not in item:
        return default
    value = require(path, line, item, name, (int, float))
    if not math.isfinite(value):
        raise RuleError(path, line, f"field '{name}' must be finite")
    return float(value)


# --- rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NegationRule:
    """One negation/contrast rule from ``negation.yaml``."""

    id: str
    kind: str  # one of NEGATION_KINDS
    factor: float = 1.0  # flip/unflip/concession multiplier
    window: int = 3
    valence: float = 0.0  # phrase
    before: float = 1.0  # contrast
    after: float = 1.0
    scope: str = "first"  # flip/unflip: the first scored word, or every one up to the clause's end


@dataclass(frozen=True)
class DirectionRules:
    """Movement x quantity composition from ``direction.yaml`` ("unemployment fell" is good news,
    "wages fell" bad): entries of ``words`` have key "direction" (a movement word before or after
    its quantity), "level" (an adjective before it: "higher wages") or "quantity", and weight +1/-1."""

    words: PhraseLexicon
    valence: float = 0.0  # magnitude of a composed pair on VADER's scale
    after: int = 3  # a movement word may follow its quantity by this many words ("crime has fallen")
    before: int = 3  # or precede it by this many ("a rise in unemployment", "higher wages")


@dataclass(frozen=True)
class CombineRules:
    """How a sentence's word valences become its score (``combine.yaml``): negative valences are
    weighted by ``negative_weight`` and the sum is scaled by sqrt(length_reference / words)."""

    length_reference: float = 0.0  # 0: no length scaling
    negative_weight: float = 1.0
    notes: tuple[tuple[str, str], ...] = ()  # (id, reason)

    def note(self, rule_id: str) -> str:
        return next((reason for i, reason in self.notes if i == rule_id), "")


@dataclass(frozen=True)
class ToneRules:
    """Compiled tone lexicons; hashable (the analyzer is excluded from hash and equality)."""

    valence: tuple[tuple[str, float, str, str], ...]  # (word, valence, source, entry as written)
    hedges: PhraseLexicon
    boosters: PhraseLexicon
    hype: PhraseLexicon
    negation: PhraseLexicon  # entry.key = rule id
    negation_rules: tuple[NegationRule, ...]
    direction: DirectionRules
    combine: CombineRules
    analyzer: SentimentIntensityAnalyzer = field(compare=False, hash=False, repr=False)
    word_source: dict[str, tuple[str, str]] = field(compare=False, hash=False, repr=False)
    rules_by_id: dict[str, NegationRule] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def rule(self, rule_id: str) -> NegationRule:
        return self.rules_by_id.get(rule_id) or next(r for r in self.negation_rules if r.id == rule_id)


def load_tone_rules(rules_dir: Path) -> ToneRules:
    """Read ``rules_dir/tone/*.yaml``; each file declares ``kind`` (valence, hedge, booster, hype,
    negation, direction, combine). Raises RuleError (``file:line: reason``) on the first bad entry."""
    folder = Path(rules_dir) / TONE_DIR
    valence: dict[str, tuple[float, str, str]] = {}
    lexicons: dict[str, list[tuple[PhraseEntry, list[str], bool]]] = {k: [] for k in KINDS}
    negation_rules: list[NegationRule] = []
    direction: dict[str, float] = {}
    combine: dict[str, tuple[float, str]] = {}
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        data = read_yaml(path)
        source = f"{TONE_DIR}/{path.stem}"
        top = getattr(data, "line", 1)
        kind = require(path, top, data, "kind", str)
        if kind not in KINDS:
            raise RuleError(path, top, f"'kind' must be one of {', '.join(KINDS)}")
        if kind == "direction":
            if direction:
                raise RuleError(path, top, "only one file may be of kind direction")
            direction = {
                "valence": number(path, top, data, "valence"),
                "after": _window(path, top, data, "after"),
                "before": _window(path, top, data, "before"),
            }
        for line, item in entries(path, data):
            if kind == "direction":
                lexicons[kind].extend(_load_direction(path, line, item, source))
            elif kind == "combine":
                _load_combine(path, line, item, combine)
            elif kind == "valence":
                _load_valence(path, line, item, source, valence)
            elif kind == "negation":
                rule, items = _load_negation(path, line, item, source)
                if any(r.id == rule.id for r in negation_rules):
                    raise RuleError(path, line, f"duplicate rule id {rule.id!r}")
                negation_rules.append(rule)
                lexicons[kind].extend(items)
            else:
                note = require(path, line, item, "note", str)
                entry = PhraseEntry(source, "", number(path, line, item, "weight", 1.0), note, kind)
                lexicons[kind].extend(lexicon_items(path, line, item, entry))
    analyzer = SentimentIntensityAnalyzer()
    for word, (value, _, _) in valence.items():
        if value == 0.0:
            analyzer.lexicon.pop(word, None)
        else:
            analyzer.lexicon[word] = value
    return ToneRules(
        valence=tuple(sorted((w, v, s, e) for w, (v, s, e) in valence.items())),
        hedges=compile_lexicon(lexicons["hedge"]),
        boosters=compile_lexicon(lexicons["booster"]),
        hype=compile_lexicon(lexicons["hype"]),
        negation=compile_lexicon(lexicons["negation"]),
        negation_rules=tuple(negation_rules),
        direction=DirectionRules(
            compile_lexicon(lexicons["direction"]),
            direction.get("valence", 0.0),
            int(direction.get("after", 3)),
            int(direction.get("before", 3)),
        ),
        combine=CombineRules(
            combine.get("length", (0.0, ""))[0],
            combine.get("negativity", (1.0, ""))[0],
            tuple((k, reason) for k, (_, reason) in sorted(combine.items())),
        ),
        analyzer=analyzer,
        word_source={w: (s, e) for w, (_, s, e) in valence.items()},
        rules_by_id={r.id: r for r in negation_rules},
    )


def _window(path: Path, line: int | None, item: Any, name: str) -> int:
    value = require(path, line, item, name, int)
    if value < 1:
        raise RuleError(path, line, f"'{name}' must be a positive integer")
    return value


def _load_direction(
    path: Path, line: int | None, item: Any, source: str
) -> list[tuple[PhraseEntry, list[str], bool]]:
    role = require(path, line, item, "role", str)
    if role not in DIRECTION_ROLES:
        raise RuleError(path, line, f"'role' must be one of {', '.join(DIRECTION_ROLES)}")
    sign = require(path, line, item, "sign", int)
    if sign not in (1, -1):
        raise RuleError(path, line, "'sign' must be 1 or -1")
    reason = require(path, line, item, "reason", str)
    return lexicon_items(path, line, item, PhraseEntry(source, "", float(sign), reason, role))


def _load_combine(path: Path, line: int | None, item: Any, out: dict[str, tuple[float, str]]) -> None:
    rule_id = require(path, line, item, "id", str)
    if rule_id not in COMBINE_IDS or rule_id in out:
        raise RuleError(path, line, f"'id' must be one of {', '.join(COMBINE_IDS)}, each once")
    reason = require(path, line, item, "reason", str)
    value = number(path, line, item, "reference" if rule_id == "length" else "weight")
    if value <= 0:
        raise RuleError(path, line, "the value must be positive")
    out[rule_id] = (value, reason)


def _load_valence(
    path: Path, line: int | None, item: Any, source: str, out: dict[str, tuple[float, str, str]]
) -> None:
    value = number(path, line, item, "valence")
    if not -4.0 <= value <= 4.0:
        raise RuleError(path, line, "'valence' must be within VADER's scale -4 .. 4")
    reason = require(path, line, item, "reason", str)
    if not reason.strip():
        raise RuleError(path, line, "'reason' must say why")
    words = require(path, line, item, "words", str).split()
    for written in words:
        if written.count("{") != written.count("}"):
            raise RuleError(path, line, f"unbalanced braces in {written!r}")
        for form in expand(written):
            word = form.lower()
            if not word or word in out:
                raise RuleError(path, line, f"word {form!r} is empty or listed twice")
            out[word] = (value, source, written)


def _load_negation(
    path: Path, line: int | None, item: Any, source: str
) -> tuple[NegationRule, list[tuple[PhraseEntry, list[str], bool]]]:
    rule_id = require(path, line, item, "id", str)
    kind = require(path, line, item, "kind", str)
    if kind not in NEGATION_KINDS:
        raise RuleError(path, line, f"'kind' must be one of {', '.join(NEGATION_KINDS)}")
    reason = require(path, line, item, "reason", str)
    window = item.get("window", 3)
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        raise RuleError(path, line, "'window' must be a positive integer")
    scope = item.get("scope", "first")
    if scope not in SCOPES:
        raise RuleError(path, line, f"'scope' must be one of {', '.join(SCOPES)}")
    rule = NegationRule(
        id=rule_id,
        kind=kind,
        factor=number(path, line, item, "factor") if kind in FACTOR_KINDS else 1.0,
        window=window,
        valence=number(path, line, item, "valence") if kind == "phrase" else 0.0,
        before=number(path, line, item, "before") if kind == "contrast" else 1.0,
        after=number(path, line, item, "after") if kind == "contrast" else 1.0,
        scope=scope,
    )
    entry = PhraseEntry(source, "", 1.0, reason, rule_id)
    if kind == "names":
        return rule, []
    return rule, lexicon_items(path, line, item, entry, "cues")


# --- scoring ---------------------------------------------------------------------------------


def sentences(text: str, start: int, end: int) -> Iterator[Span]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace."""
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start() - 1] == ".":  # the match starts right after the full stop
            abbreviation = _ABBREVIATION.search(text, max(cursor, match.start() - 12), match.start())
            if abbreviation and (
                abbreviation.group(1) is None or abbreviation.group(1).lower() in ABBREVIATIONS
            ):
                continue
        yield from _trimmed(text, cursor, match.start())
        cursor = match.end()
    yield from _trimmed(text, cursor, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield (start, end)


def clean_spans(text: str, spans: Sequence[Span] | None) -> list[Span]:
    """Spans clipped to the text, empty ones dropped, sorted; None means the whole text."""
    if spans is None:
        return [(0, len(text))] if text else []
    out = {(max(0, s), min(len(text), e)) for s, e in spans}
    return sorted((s, e) for s, e in out if e > s)


def score_tone(text: str, spans: Sequence[Span], rules: ToneRules) -> Tone:
    """The tone of ``text`` inside ``spans``: per-sentence VADER with news rules, averaged."""
    pieces = clean_spans(text, spans)
    scored = [
        result
        for start, end in pieces
        for s, e in sentences(text, start, end)
        if (result := _score_sentence(text, s, e, rules)) is not None
    ]
    evidence: list[Evidence] = [ev for s in scored for ev in s[4]]
    if scored:
        compound, pos, neu, neg = (round(sum(s[i] for s in scored) / len(scored), 4) for i in range(4))
    else:
        compound, pos, neu, neg = 0.0, 0.0, 0.0, 0.0
    hedges = _phrase_evidence(rules.hedges, text, pieces)
    boosters = _phrase_evidence(rules.boosters, text, pieces)
    hedges, boosters = _drop_overlapped(hedges, boosters), _drop_overlapped(boosters, hedges)
    hype = _phrase_evidence(rules.hype, text, pieces)
    n_words = sum(len(_WORD.findall(text, s, e)) for s, e in pieces)
    h, b = sum(ev.weight for ev in hedges), sum(ev.weight for ev in boosters)
    certainty = round((b - h) / (b + h), 4) if b + h else 0.0
    hype_rate = round(100.0 * sum(ev.weight for ev in hype) / n_words, 4) if n_words else 0.0
    label = (
        "positive"
        if compound >= LABEL_THRESHOLD
        else "negative"
        if compound <= -LABEL_THRESHOLD
        else "neutral"
    )
    evidence.extend(sorted([*hedges, *boosters, *hype], key=lambda ev: ev.span))
    return Tone(compound, label, pos, neu, neg, certainty, hype_rate, tuple(evidence))


def _phrase_evidence(lexicon: PhraseLexicon, text: str, pieces: Iterable[Span]) -> list[Evidence]:
    return [
        Evidence(entry.source, entry.entry, (s, e), text[s:e], entry.weight, entry.note)
        for start, end in pieces
        for entry, s, e in lexicon.finditer(text, start, end)
    ]


def _drop_overlapped(items: list[Evidence], longer: list[Evidence]) -> list[Evidence]:
    """Items not inside a longer match of another lexicon ("sure" inside "not sure")."""
    return [
        ev
        for ev in items
        if not any(o.span[0] <= ev.span[0] and ev.span[1] <= o.span[1] and o.span != ev.span for o in longer)
    ]


def _tokens(text: str, start: int, end: int) -> tuple[list[str], list[Span]]:
    """VADER's tokens of ``text[start:end]`` (whitespace split, punctuation stripped) and their spans."""
    words, spans = [], []
    for match in _NON_SPACE.finditer(text, start, end):
        raw = match.group()
        word = SentiText._strip_punc_if_word(raw)
        offset = match.start() + raw.find(word)
        words.append(word)
        spans.append((offset, offset + len(word)))
    return words, spans


def _score_sentence(
    text: str, start: int, end: int, rules: ToneRules
) -> tuple[float, float, float, float, list[Evidence]] | None:
    """VADER on one sentence, with the negation and direction rules applied to its per-word
    valences and the combination rules to their sum."""
    words, spans = _tokens(text, start, end)
    if not words:
        return None
    analyzer = rules.analyzer
    sentitext = SentiText(" ".join(words))
    valences: list[float] = []
    for i, word in enumerate(sentitext.words_and_emoticons):
        lower = word.lower()
        if lower in BOOSTER_DICT or (lower == "kind" and i + 1 < len(words) and words[i + 1].lower() == "of"):
            valences.append(0.0)
            continue
        valences = analyzer.sentiment_valence(0.0, sentitext, word, i, valences)
    valences = analyzer._but_check(sentitext.words_and_emoticons, valences)
    extra: list[float] = []
    evidence = _apply_names(text, start, spans, valences, rules)
    evidence += _apply_negation(text, start, end, spans, valences, extra, rules)
    evidence += _apply_direction(text, start, end, spans, valences, extra, rules)
    sentence = text[start:end]
    combined, notes = _combine(valences + extra, len(words), rules.combine)
    scores = analyzer.score_valence(combined, sentence)
    for i, (word, span) in enumerate(zip(words, spans, strict=True)):
        lower = word.lower()
        source, entry = rules.word_source.get(lower, ("tone/vader", lower))
        if valences[i] or source != "tone/vader":
            evidence.append(
                Evidence(
                    source,
                    entry,
                    span,
                    text[span[0] : span[1]],
                    round(valences[i], 4),
                    "valence after VADER's rules, tone/negation and tone/direction",
                )
            )
    evidence.extend(
        Evidence(f"{TONE_DIR}/combine", rule_id, (start, end), sentence, weight, note)
        for rule_id, weight, note in notes
    )
    evidence.sort(key=lambda ev: ev.span)
    return scores["compound"], scores["pos"], scores["neu"], scores["neg"], evidence


def _combine(
    valences: list[float], n_words: int, combine: CombineRules
) -> tuple[list[float], list[tuple[str, float, str]]]:
    """Weight negative valences and scale all by sentence length; the rules that changed anything."""
    notes = []
    weight = combine.negative_weight
    if weight != 1.0 and any(v < 0 for v in valences):
        valences = [v * weight if v < 0 else v for v in valences]
        notes.append(("negativity", weight, combine.note("negativity")))
    if combine.length_reference and any(valences):
        scale = round(math.sqrt(combine.length_reference / n_words), 4)
        if scale != 1.0:
            valences = [v * scale for v in valences]
            notes.append(("length", scale, f"{n_words} words; {combine.note('length')}"))
    return valences, notes


def _apply_direction(
    text: str,
    start: int,
    end: int,
    spans: list[Span],
    valences: list[float],
    extra: list[float],
    rules: ToneRules,
) -> list[Evidence]:
    """Compose movement words with the quantity that moves: "unemployment fell", "a rise in crime",
    "higher wages". The pair's words lose their own valence and the pair adds sign x sign x valence."""
    direction = rules.direction
    if not direction.valence:
        return []
    found = list(direction.words.finditer(text, start, end))
    if len(found) < 2:
        return []
    starts = [s for s, _ in spans]

    def word_at(offset: int) -> int:  # the index of VADER's token holding ``offset``
        return bisect_right(starts, offset) - 1

    movers, things = [], []
    for entry, s, e in found:
        if text[s - 1 : s] == "-" or text[e : e + 1] == "-":
            continue  # part of a compound ("low-income", "high-rise"), not a movement
        (things if entry.key == "quantity" else movers).append((entry, s, e, word_at(s), word_at(e - 1)))
    evidence = []
    used: set[int] = set()
    for mover, ms, me, mfirst, mlast in movers:
        best = None
        for k, (_, ts, te, tfirst, tlast) in enumerate(things):
            if k in used or (ts < ms and mover.key == "level"):
                continue
            gap, limit, lo, hi = (
                (mfirst - tlast, direction.after, te, ms)
                if ts < ms
                else (tfirst - mlast, direction.before, me, ts)
            )
            closer = 0 < gap <= limit and (best is None or gap < best[0])
            if closer and not _CLAUSE_BREAK.search(text, lo, hi):
                best = (gap, k)
        if best is None:
            continue
        k = best[1]
        used.add(k)
        thing, ts, te, tfirst, tlast = things[k]
        for i in (*range(mfirst, mlast + 1), *range(tfirst, tlast + 1)):
            valences[i] = 0.0
        value = mover.weight * thing.weight * direction.valence
        extra.append(value)
        s, e = min(ms, ts), max(me, te)
        note = f"{thing.entry} ({thing.note}) x {mover.entry} ({mover.note})"
        entry = f"{thing.entry} x {mover.entry}"
        evidence.append(Evidence(mover.source, entry, (s, e), text[s:e], value, note))
    return evidence


def _apply_names(
    text: str, start: int, spans: list[Span], valences: list[float], rules: ToneRules
) -> list[Evidence]:
    """Scale the valence of capitalised words inside the sentence (names) by the names rule."""
    evidence = []
    for rule in (r for r in rules.negation_rules if r.kind == "names"):
        for i, (s, e) in enumerate(spans):
            word = text[s:e]
            if (
                i == 0
                or not valences[i]
                or not word[:1].isupper()
                or word.isupper()
                or text[s - 1] in "\"'“‘("
                or text[spans[i - 1][1] : s].strip(" ")[:1] in (":", ".")
            ):
                continue
            valences[i] *= rule.factor
            note = f"{rule.id} ({rule.kind}): a capitalised word inside a sentence is a name"
            evidence.append(Evidence(f"{TONE_DIR}/negation", rule.id, (s, e), word, rule.factor, note))
    return evidence


def _apply_negation(
    text: str,
    start: int,
    end: int,
    spans: list[Span],
    valences: list[float],
    extra: list[float],
    rules: ToneRules,
) -> list[Evidence]:
    """Apply the negation rules in place; the evidence of each rule that changed something."""
    evidence = []
    starts = [sp[0] for sp in spans]
    for entry, s, e in rules.negation.finditer(text, start, end):
        rule = rules.rule(entry.key)
        changed = False
        if rule.kind in ("flip", "unflip", "intensify"):
            first = bisect_left(starts, e)
            after = range(first, min(first + rule.window, len(spans)))
            if rule.scope == "clause":
                stop = _CLAUSE_BREAK.search(text, e, end)
                targets = [i for i in after if valences[i] and (stop is None or spans[i][0] < stop.start())]
            else:
                targets = [i for i in after if valences[i]][:1]
            if targets and rule.kind == "intensify":
                for i, sp in enumerate(spans):  # the adverb's own valence ("terribly") is degree only
                    if s <= sp[0] and sp[1] <= e:
                        valences[i] = 0.0
            for target in targets:
                valences[target] *= rule.factor
                e, changed = spans[target][1], True
        elif rule.kind == "phrase":
            extra.append(rule.valence)
            changed = True
        elif _CLAUSE_START.search(text, start, s) or s == start:
            if rule.kind == "concession":
                stop = _CONCESSION_END.search(text, e, end)
                clause_end = stop.start() if stop else end
                for i, sp in enumerate(spans):
                    if s <= sp[0] < clause_end:
                        valences[i] *= rule.factor
                changed = True
            else:
                for i, sp in enumerate(spans):
                    valences[i] *= rule.before if sp[1] <= s else rule.after if sp[0] >= e else 1.0
                changed = True
        if changed:
            evidence.append(
                Evidence(
                    entry.source,
                    entry.entry,
                    (s, e),
                    text[s:e],
                    rule.valence or rule.factor,
                    f"{rule.id} ({rule.kind}): {entry.note}",
                )
            )
    return evidence
