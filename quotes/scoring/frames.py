"""Content frames of a text from the frame lexicons (:mod:`quotes.rules.frames`).

A frame's weight is its share of all matched cue weight; the primary ``codebook_frame`` is the
codebook frame with the most weight once technology frames are added to their parents. "other"
is primary only when no other frame has weight; ties go to the frame earlier in the codebook
file's ``tie_order`` (the frames most often primary in news first), then to the earlier frame in
the files. A frame of a gated domain (technology) counts only in a text about that domain.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from quotes.records import Evidence, Frame, Span
from quotes.rules.frames import OTHER, DomainGate, FrameRules
from quotes.rules.lexicon import PhraseEntry
from quotes.scoring.tone import clean_spans


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
