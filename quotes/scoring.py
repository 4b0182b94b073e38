"""Score a text's tone and framing together, read texts to score, and shape results for JSON.

:func:`score_text` is pure; :func:`read_score_inputs` is the I/O edge for ``quotes score``-style
commands. Bad input lines are not fatal: they are reported through the ``errors`` list the caller
passes in (each ``"path:line: reason"``), and reading goes on, so one bad line in a 100k-line file
does not lose the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from quotes.framing import FrameRules, score_frames
from quotes.records import Evidence, Scores, Span
from quotes.tone import ToneRules, clean_spans, score_tone


def score_text(
    text: str, spans: Sequence[Span] | None, tone_rules: ToneRules, frame_rules: FrameRules
) -> Scores:
    """Tone and frames of ``text`` inside ``spans`` (None: the whole text).

    Evidence spans are offsets into ``text`` (article coordinates)."""
    pieces = clean_spans(text, spans)
    frames, codebook_frame = score_frames(text, pieces, frame_rules)
    return Scores(score_tone(text, pieces, tone_rules), frames, codebook_frame)


def read_score_inputs(path: str, errors: list[str] | None = None) -> Iterator[tuple[str, str]]:
    """Yield (id, text) from ``path``.

    ``.jsonl``: one object a line with string ``text`` and an ``id`` (string or number; the line
    number when absent). Any other suffix: one text a line, id = its line number. Blank lines are
    skipped. A bad line is skipped and reported as ``"path:line: reason"`` in ``errors`` (when given).

    Raises:
        OSError: the file cannot be opened.
    """
    is_jsonl = Path(path).suffix.lower() in (".jsonl", ".ndjson")
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if not is_jsonl:
                yield str(number), line.rstrip("\r\n")
                continue
            item, reason = _parse_jsonl(line)
            if item is None:
                if errors is not None:
                    errors.append(f"{path}:{number}: {reason}")
                continue
            yield (str(item["id"]) if "id" in item else str(number)), item["text"]


def _parse_jsonl(line: str) -> tuple[dict[str, Any] | None, str]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return None, f"invalid JSON: {error.msg}"
    if not isinstance(item, dict):
        return None, "expected a JSON object"
    if not isinstance(item.get("text"), str):
        return None, "missing string field 'text'"
    if "id" in item and (isinstance(item["id"], bool) or not isinstance(item["id"], str | int)):
        return None, "field 'id' must be a string or an integer"
    return item, ""


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    """One evidence item, JSON-ready (span as a [start, end] list)."""
    data = asdict(evidence)
    data["span"] = list(evidence.span)
    return data


def score_record(id: str, scores: Scores) -> dict[str, Any]:
    """The JSON-ready record of one scored text."""
    tone = scores.tone
    return {
        "id": id,
        "tone": {
            "compound": tone.compound,
            "label": tone.label,
            "pos": tone.pos,
            "neu": tone.neu,
            "neg": tone.neg,
            "certainty": tone.certainty,
            "hype": tone.hype,
            "evidence": [evidence_dict(ev) for ev in tone.evidence],
        },
        "frames": [
            {
                "id": f.id,
                "family": f.family,
                "codebook_parent": f.codebook_parent,
                "weight": f.weight,
                "evidence": [evidence_dict(ev) for ev in f.evidence],
            }
            for f in scores.frames
        ],
        "codebook_frame": scores.codebook_frame,
    }
