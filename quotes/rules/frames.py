"""The frame lexicons (``rules/frames/*.yaml``), loaded and validated into a frozen
:class:`FrameRules`: the Policy Frames Codebook's 15 frames (Boydstun et al. 2014) plus a
technology/AI set whose frames each count towards a codebook parent, each frame with its cue
words and patterns in three tiers of weight, the order in which ties between codebook frames are
broken, and the domain gates of domain-specific frames (the technology frames apply only to a
text about technology). Scoring
with them is :mod:`quotes.scoring.frames`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.rules.lexicon import PhraseEntry, PhraseLexicon, compile_lexicon, lexicon_items
from quotes.rules.yamlfile import RuleError, entries, line_of, read_yaml, require

FRAMES_DIR = "frames"
FAMILIES = ("codebook", "technology")
CODEBOOK_IDS = (
    "economic", "capacity_resources", "morality", "fairness_equality", "legality", "policy", "crime",
    "security_defense", "health_safety", "quality_of_life", "cultural_identity", "public_opinion",
    "political", "external_regulation", "other",
)
OTHER = "other"
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
class FrameRules:
    """Compiled frame lexicons and their domain gates."""

    frames: tuple[FrameInfo, ...]
    cues: PhraseLexicon  # entry.key = frame id
    tie_order: tuple[str, ...] = ()  # codebook frame ids, most often primary first
    domains: tuple[DomainGate, ...] = ()

    def info(self, frame_id: str) -> FrameInfo:
        return next(f for f in self.frames if f.id == frame_id)

    def domain(self, domain_id: str) -> DomainGate:
        return next(d for d in self.domains if d.id == domain_id)


def load_frame_rules(rules_dir: Path) -> FrameRules:
    """Read ``rules_dir/frames/*.yaml``; RuleError on a bad entry."""
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
    return FrameRules(tuple(frames), compile_lexicon(items), tie_order, tuple(domains))


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
