"""The tone rules (``rules/tone/*.yaml``), loaded and validated into a frozen :class:`ToneRules`:
valence lexicons and overrides, hedges, boosters, hype, negation, direction and combination rules.
The scoring that uses them is :mod:`quotes.scoring.tone`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from quotes.rules.lexicon import PhraseEntry, PhraseLexicon, compile_lexicon, expand, lexicon_items, number
from quotes.rules.yamlfile import RuleError, entries, read_yaml, require

TONE_DIR = "tone"
KINDS = ("valence", "hedge", "booster", "hype", "negation", "direction", "combine")
NEGATION_KINDS = ("flip", "unflip", "intensify", "phrase", "concession", "contrast", "names")
FACTOR_KINDS = ("flip", "unflip", "intensify", "concession", "names")
SCOPES = ("first", "clause")
TARGETS = ("any", "negative", "positive")
DIRECTION_ROLES = ("direction", "level", "quantity")
COMBINE_IDS = ("length", "negativity")



# --- phrase lexicons (shared with framing) ---------------------------------------------------


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
    targets: str = "any"  # flip/unflip/intensify: only words of this valence sign ("prevent disease")
    replace: bool = False  # phrase: its own words lose their valence ("dead end" is not "dead")


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
            direction = {"valence": number(path, top, data, "valence"),
                         "after": _window(path, top, data, "after"),
                         "before": _window(path, top, data, "before")}
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
        direction=DirectionRules(compile_lexicon(lexicons["direction"]), direction.get("valence", 0.0),
                                 int(direction.get("after", 3)), int(direction.get("before", 3))),
        combine=CombineRules(combine.get("length", (0.0, ""))[0], combine.get("negativity", (1.0, ""))[0],
                             tuple((k, reason) for k, (_, reason) in sorted(combine.items()))),
        analyzer=analyzer,
        word_source={w: (s, e) for w, (_, s, e) in valence.items()},
        rules_by_id={r.id: r for r in negation_rules},
    )


def _window(path: Path, line: int | None, item: Any, name: str) -> int:
    value = require(path, line, item, name, int)
    if value < 1:
        raise RuleError(path, line, f"'{name}' must be a positive integer")
    return value


def _load_direction(path: Path, line: int | None, item: Any,
                    source: str) -> list[tuple[PhraseEntry, list[str], bool]]:
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


def _load_valence(path: Path, line: int | None, item: Any, source: str,
                  out: dict[str, tuple[float, str, str]]) -> None:
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


def _flag(path: Path, line: int | None, item: Any, name: str) -> bool:
    value = item.get(name, False)
    if not isinstance(value, bool):
        raise RuleError(path, line, f"'{name}' must be true or false")
    return value


def _load_negation(path: Path, line: int | None, item: Any,
                   source: str) -> tuple[NegationRule, list[tuple[PhraseEntry, list[str], bool]]]:
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
    targets = item.get("targets", "any")
    if targets not in TARGETS:
        raise RuleError(path, line, f"'targets' must be one of {', '.join(TARGETS)}")
    rule = NegationRule(
        id=rule_id,
        kind=kind,
        factor=number(path, line, item, "factor") if kind in FACTOR_KINDS else 1.0,
        window=window,
        valence=number(path, line, item, "valence") if kind == "phrase" else 0.0,
        before=number(path, line, item, "before") if kind == "contrast" else 1.0,
        after=number(path, line, item, "after") if kind == "contrast" else 1.0,
        scope=scope,
        targets=targets,
        replace=_flag(path, line, item, "replace"),
    )
    entry = PhraseEntry(source, "", 1.0, reason, rule_id)
    if kind == "names":
        return rule, []
    return rule, lexicon_items(path, line, item, entry, "cues")


# --- scoring ---------------------------------------------------------------------------------


