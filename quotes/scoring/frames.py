"""Content frames of a text from the frame lexicons (:mod:`quotes.rules.frames`).

A frame's weight is its share of all matched cue weight; the primary ``codebook_frame`` is the
codebook frame with the most weight once technology frames are added to their parents. "other"
is primary only when no other frame has weight; ties go to the frame earlier in the codebook
file's ``tie_order`` (the frames most often primary in news first), then to the earlier frame in
the files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from quotes.records import Evidence, Frame, Span
from quotes.rules.frames import OTHER, FrameRules
from quotes.scoring.tone import clean_spans


def score_frames(text: str, spans: Sequence[Span], rules: FrameRules) -> tuple[tuple[Frame, ...], str]:
    """Content frames of ``text`` inside ``spans`` (sorted by weight, descending) and the primary
    codebook frame."""
    hits: dict[str, list[Evidence]] = defaultdict(list)
    for start, end in clean_spans(text, spans):
        for entry, s, e in rules.cues.finditer(text, start, end):
            evidence = Evidence(entry.source, entry.entry, (s, e), text[s:e], entry.weight, entry.note)
            hits[entry.key].append(evidence)
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
                            round(weight / total, 4), tuple(evidence)))
    frames.sort(key=lambda f: (-f.weight, order[f.id]))
    primary = _primary(by_parent, rules, order)
    return tuple(frames), primary


def _primary(by_parent: dict[str, float], rules: FrameRules, order: dict[str, int]) -> str:
    """The codebook frame with the most weight; "other" only when nothing else has any; ties by
    ``tie_order``, then by file order."""
    candidates = [p for p, weight in by_parent.items() if weight > 0 and p != OTHER]
    if not candidates:
        return OTHER
    rank = {frame_id: i for i, frame_id in enumerate(rules.tie_order)}
    return min(candidates, key=lambda p: (-round(by_parent[p], 6), rank.get(p, len(rank)), order.get(p, 99)))
