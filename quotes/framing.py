"""Framing of a text: content frames from cue lexicons, and the reporter's stance via the cue verb.

Content frames are the Policy Frames Codebook's 15 (Boydstun et al. 2014) plus a technology/AI
set whose frames each count towards a codebook parent (``rules/frames/*.yaml``). A frame's weight
is its share of all matched cue weight; the primary ``codebook_frame`` is the codebook frame with
the most weight once technology frames are added to their parents. "other" is primary only when no
other frame has weight; ties go to the frame earlier in the codebook file's ``tie_order`` (the
frames most often primary in news first), then to the earlier frame in the files.
Stance comes from ``rules/stance.yaml``, a table of reporting-verb lemmas.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from quotes.lexicon import PhraseEntry, PhraseLexicon, compile_lexicon, lexicon_items
from quotes.records import Evidence, Frame, Span
from quotes.tone import clean_spans
from quotes.yamlfile import RuleError, entries, line_of, read_yaml, require

FRAMES_DIR = "frames"
STANCE_FILE = "stance.yaml"
FAMILIES = ("codebook", "technology")
CODEBOOK_IDS = (
    "economic", "capacity_resources", "morality", "fairness_equality", "legality", "policy", "crime",
    "security_defense", "health_safety", "quality_of_life", "cultural_identity", "public_opinion",
    "political", "external_regulation", "other",
)
OTHER = "other"
UNKNOWN_STANCE = "other"
CUE_WEIGHT = 1.0
WEAK_CUE_WEIGHT = 0.5
FAINT_CUE_WEIGHT = 0.25
CUE_TIERS = (("cues", CUE_WEIGHT), ("weak_cues", WEAK_CUE_WEIGHT), ("faint_cues", FAINT_CUE_WEIGHT))
DOMAIN_MATCHES = 2  # default: article matches of a domain's cues for its frames to apply


@dataclass(frozen=True)
class FrameInfo:
    """One frame as declared in its rule file."""

    id: str
    family: str
    codebook_parent: str
    label: str
    definition: str
    domain: str = ""  # the domain gate its file declares; "" applies everywhere


@dataclass(frozen=True)
class DomainGate:
    """A subject domain (technology, ...) whose frames apply only to texts about it: the article
    holds ``min_matches`` of its cues, or the quotation itself holds one."""

    id: str
    label: str
    cues: PhraseLexicon
    min_matches: int = DOMAIN_MATCHES


@dataclass(frozen=True)
class StanceSense:
    """A sense of a reporting verb with its own stance, told by a word the verb governs or that
    follows it ("called for" is a demand, "called it a turning point" a description)."""

    verbs: tuple[str, ...]  # lemma keys
    stance: str
    words: frozenset[str]  # any one of them beside the verb selects the sense
    reason: str
    next_only: bool = False  # the word must come right after the verb ("called for", not "called X ... for")


@dataclass(frozen=True)
class FrameRules:
    """Compiled frame lexicons and the stance table."""

    frames: tuple[FrameInfo, ...]
    cues: PhraseLexicon  # entry.key = frame id
    stances: tuple[tuple[str, str], ...]  # (verb lemma, stance), sorted
    tie_order: tuple[str, ...] = ()  # codebook frame ids, most often primary first
    domains: tuple[DomainGate, ...] = ()
    senses: tuple[StanceSense, ...] = ()
    stance_table: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def info(self, frame_id: str) -> FrameInfo:
        return next(f for f in self.frames if f.id == frame_id)

    def domain(self, domain_id: str) -> DomainGate:
        return next(d for d in self.domains if d.id == domain_id)


def load_frame_rules(rules_dir: Path) -> FrameRules:
    """Read ``rules_dir/frames/*.yaml`` and ``rules_dir/stance.yaml``; RuleError on a bad entry."""
    folder = Path(rules_dir) / FRAMES_DIR
    frames: list[FrameInfo] = []
    items: list[tuple[PhraseEntry, list[str], bool]] = []
    tie_order: tuple[str, ...] = ()
    domains: list[DomainGate] = []
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        data = read_yaml(path)
        family = require(path, line_of(data, 1), data, "family", str)
        if family not in FAMILIES:
            raise RuleError(path, line_of(data, 1), f"'family' must be one of {', '.join(FAMILIES)}")
        if "tie_order" in data:
            tie_order = _tie_order(path, data, tie_order)
        domain = ""
        if "domain" in data:
            gate = _domain_gate(path, data["domain"], line_of(data, 1))
            if any(d.id == gate.id for d in domains):
                raise RuleError(path, line_of(data["domain"], 1), f"duplicate domain {gate.id!r}")
            domains.append(gate)
            domain = gate.id
        for line, item in entries(path, data, "frames"):
            info = _frame_info(path, line, item, family, domain)
            if any(f.id == info.id for f in frames):
                raise RuleError(path, line, f"duplicate frame id {info.id!r}")
            frames.append(info)
            items.extend(_frame_cues(path, line, item, info))
    stances, senses = _load_stances(Path(rules_dir) / STANCE_FILE)
    return FrameRules(tuple(frames), compile_lexicon(items), stances, tie_order, tuple(domains),
                      senses, dict(stances))


def _domain_gate(path: Path, data: Any, line: int | None) -> DomainGate:
    """A file's ``domain``: id, label, cues (and patterns), min_matches."""
    line = line_of(data, line)
    if not isinstance(data, dict):
        raise RuleError(path, line, "'domain' must be a mapping with id, label and cues")
    gate_id = require(path, line, data, "id", str)
    label = require(path, line, data, "label", str)
    matches = data.get("min_matches", DOMAIN_MATCHES)
    if not isinstance(matches, int) or isinstance(matches, bool) or matches < 1:
        raise RuleError(path, line, "'min_matches' must be a positive integer")
    entry = PhraseEntry(f"{FRAMES_DIR}/domain:{gate_id}", "", 0.0, f"{label}: the text is about this domain",
                        gate_id)
    cues = compile_lexicon(lexicon_items(path, line, data, entry, "cues"))
    return DomainGate(gate_id, label, cues, matches)


def _tie_order(path: Path, data: Any, before: tuple[str, ...]) -> tuple[str, ...]:
    order = data["tie_order"]
    line = line_of(order, line_of(data, 1))
    if before:
        raise RuleError(path, line, "only one frames file may give 'tie_order'")
    if not isinstance(order, list) or not all(isinstance(i, str) for i in order):
        raise RuleError(path, line, "'tie_order' must be a list of codebook frame ids")
    unknown = [i for i in order if i not in CODEBOOK_IDS]
    if unknown or len(set(order)) != len(order):
        raise RuleError(path, line, f"'tie_order' must list codebook ids once each, not {unknown or order}")
    return tuple(order)


def _frame_info(path: Path, line: int | None, item: Any, family: str, domain: str = "") -> FrameInfo:
    frame_id = require(path, line, item, "id", str)
    if not re.fullmatch(r"[a-z][a-z0-9_]*", frame_id):
        raise RuleError(path, line, f"frame id {frame_id!r} must be lower_snake_case")
    if family == "codebook":
        if frame_id not in CODEBOOK_IDS:
            raise RuleError(path, line, f"{frame_id!r} is not a Policy Frames Codebook frame")
        parent = item.get("codebook_parent", frame_id)
        if parent != frame_id:
            raise RuleError(path, line, "a codebook frame is its own codebook_parent")
    else:
        parent = require(path, line, item, "codebook_parent", str)
        if parent not in CODEBOOK_IDS:
            raise RuleError(path, line, f"codebook_parent {parent!r} is not a Policy Frames Codebook frame")
    label = require(path, line, item, "label", str)
    definition = require(path, line, item, "definition", str)
    return FrameInfo(frame_id, family, parent, label, definition, domain)


def _frame_cues(path: Path, line: int | None, item: Any,
                info: FrameInfo) -> list[tuple[PhraseEntry, list[str], bool]]:
    source = f"{FRAMES_DIR}/{info.id}"
    out = []
    for name, weight in CUE_TIERS:
        if not item.get(name) and not (name == "cues" and item.get("patterns")):
            continue
        group = {name: item.get(name, []), "case_sensitive": item.get("case_sensitive", False)}
        if name == "cues":
            group["patterns"] = item.get("patterns", [])
        entry = PhraseEntry(source, "", weight, f"{info.label}: {info.definition}", info.id)
        out.extend(lexicon_items(path, line, group, entry, name))
    if not out and info.id != OTHER:
        raise RuleError(path, line, f"frame {info.id!r} has no cues")
    return out


def _load_stances(path: Path) -> tuple[tuple[tuple[str, str], ...], tuple[StanceSense, ...]]:
    """The verb table (``stances``: each verb once) and the context senses (``senses``)."""
    if not path.exists():
        return (), ()
    data = read_yaml(path)
    table: dict[str, str] = {}
    for line, item in entries(path, data, "stances"):
        stance = require(path, line, item, "stance", str)
        require(path, line, item, "reason", str)
        for key in _verb_keys(path, line, item):
            if key in table:
                raise RuleError(path, line, f"verb {key!r} is already {table[key]!r}")
            table[key] = stance
    senses = []
    for line, item in entries(path, data, "senses") if "senses" in data else ():
        stance = require(path, line, item, "stance", str)
        reason = require(path, line, item, "reason", str)
        verbs = _verb_keys(path, line, item)
        unknown = [v for v in verbs if v not in table]
        if unknown:
            raise RuleError(path, line, f"sense of {unknown[0]!r}, a verb the stances table lacks")
        words = require(path, line, item, "words", list)
        if not words or not all(isinstance(w, str) and w.strip() and " " not in w.strip() for w in words):
            raise RuleError(path, line, "'words' must be a list of single words")
        next_only = item.get("next", False)
        if not isinstance(next_only, bool):
            raise RuleError(path, line, "'next' must be true or false")
        senses.append(StanceSense(verbs, stance, frozenset(w.strip().casefold() for w in words), reason,
                                  next_only))
    return tuple(sorted(table.items())), tuple(senses)


def _verb_keys(path: Path, line: int | None, item: Any) -> tuple[str, ...]:
    verbs = require(path, line, item, "verbs", list)
    if not verbs or not all(isinstance(v, str) and v.strip() for v in verbs):
        raise RuleError(path, line, "'verbs' must be a list of non-empty strings")
    return tuple(lemma_key(v) for v in verbs)


def lemma_key(lemma: str) -> str:
    """The form verb lemmas are compared in: lower case, single spaces."""
    return " ".join(lemma.casefold().split())


def stance_of(lemma: str, rules: FrameRules, context: Iterable[str] = (),
              following: Sequence[str] = ()) -> str:
    """The reporter's stance conveyed by a cue verb lemma ("other" when the table lacks it).

    ``context`` holds the words the verb governs, ``following`` the words right after it; a sense
    in ``rules.senses`` whose verb this is and that has one of these words decides first
    ("called for" is directive, "called it a turning point" neutral). Inflected forms are
    tolerated ("claimed", "insists", "pointed out" -> their lemma)."""
    return stance_sense(lemma, rules, context, following)[0]


def stance_sense(lemma: str, rules: FrameRules, context: Iterable[str] = (),
                 following: Sequence[str] = ()) -> tuple[str, str]:
    """(stance, why): the stance of :func:`stance_of` and the reason its sense gives ("" for the
    verb's table row)."""
    key = _table_key(lemma, rules.stance_table)
    if key is None:
        return UNKNOWN_STANCE, "the verb is not in stance.yaml"
    after = [w.casefold() for w in following]
    near = {w.casefold() for w in context} | set(after[:3])
    for sense in rules.senses:
        words = set(after[:1]) if sense.next_only else near
        if key in sense.verbs and not sense.words.isdisjoint(words):
            return sense.stance, sense.reason
    return rules.stance_table[key], ""


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


def score_frames(text: str, spans: Sequence[Span], rules: FrameRules) -> tuple[tuple[Frame, ...], str]:
    """Content frames of ``text`` inside ``spans`` (sorted by weight, descending) and the primary
    codebook frame.

    A frame of a gated domain counts only when the domain applies (:func:`domain_evidence`: the
    whole ``text``, the article for a quotation, is about it); its frames then carry the domain's
    matches as evidence of weight 0."""
    pieces = clean_spans(text, spans)
    hits: dict[str, list[Evidence]] = defaultdict(list)
    for start, end in pieces:
        for entry, s, e in rules.cues.finditer(text, start, end):
            evidence = Evidence(entry.source, entry.entry, (s, e), text[s:e], entry.weight, entry.note)
            hits[entry.key].append(evidence)
    gates: dict[str, tuple[Evidence, ...]] = {}
    for frame_id in list(hits):
        domain = rules.info(frame_id).domain
        if domain and domain not in gates:
            gates[domain] = domain_evidence(text, pieces, rules.domain(domain))
        if domain and not gates[domain]:
            del hits[frame_id]
    total = sum(ev.weight for evs in hits.values() for ev in evs)
    if not total:
        return (), OTHER
    order = {f.id: i for i, f in enumerate(rules.frames)}
    frames = []
    by_parent: dict[str, float] = defaultdict(float)
    for frame_id, evidence in hits.items():
        info = rules.info(frame_id)
        weight = sum(ev.weight for ev in evidence)
        by_parent[info.codebook_parent] += weight
        frames.append(Frame(frame_id, info.family, info.codebook_parent,  # type: ignore[arg-type]
                            round(weight / total, 4), (*gates.get(info.domain, ()), *evidence)))
    frames.sort(key=lambda f: (-f.weight, order[f.id]))
    primary = _primary(by_parent, rules, order)
    return tuple(frames), primary


def domain_evidence(text: str, pieces: Sequence[Span], gate: DomainGate,
                    shown: int = 3) -> tuple[Evidence, ...]:
    """The matches of ``gate``'s cues that make ``text`` about its domain (up to ``shown``), or ()
    when it is not: fewer than ``gate.min_matches`` in the whole text and none inside ``pieces``."""
    found = _domain_matches(text, gate)
    inside = [m for m in found if any(s <= m[1] and m[2] <= e for s, e in pieces)]
    if not inside and len(found) < gate.min_matches:
        return ()
    note = f"domain {gate.id}: {len(found)} match(es) in the text, {len(inside)} in the quotation"
    return tuple(Evidence(entry.source, entry.entry, (s, e), text[s:e], 0.0, note)
                 for entry, s, e in (inside or found)[:shown])


@lru_cache(maxsize=16)
def _domain_matches(text: str, gate: DomainGate) -> list[tuple[PhraseEntry, int, int]]:
    """Every match of the gate's cues in ``text`` (memoised: an article's quotations share it)."""
    return list(gate.cues.finditer(text))


def _primary(by_parent: dict[str, float], rules: FrameRules, order: dict[str, int]) -> str:
    """The codebook frame with the most weight; "other" only when nothing else has any; ties by
    ``tie_order``, then by file order."""
    candidates = [p for p, weight in by_parent.items() if weight > 0 and p != OTHER]
    if not candidates:
        return OTHER
    rank = {frame_id: i for i, frame_id in enumerate(rules.tie_order)}
    return min(candidates, key=lambda p: (-round(by_parent[p], 6), rank.get(p, len(rank)), order.get(p, 99)))
