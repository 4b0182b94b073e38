"""Score a text's tone and framing together.

:func:`score_text` is pure. Texts to score are read by :func:`quotes.io.readers.read_texts` and
written by :func:`quotes.io.serialize.score_to_dict` / :func:`quotes.io.serialize.score_row`.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotes.records import Scores, Span
from quotes.rules.frames import FrameRules
from quotes.rules.tone import ToneRules
from quotes.scoring.frames import score_frames
from quotes.scoring.tone import clean_spans, score_tone


def score_text(text: str, spans: Sequence[Span] | None, tone_rules: ToneRules,
               frame_rules: FrameRules) -> Scores:
    """Tone and frames of ``text`` inside ``spans`` (None: the whole text).

    Evidence spans are offsets into ``text`` (article coordinates)."""
    pieces = clean_spans(text, spans)
    frames, codebook_frame = score_frames(text, pieces, frame_rules)
    return Scores(score_tone(text, pieces, tone_rules), frames, codebook_frame)
