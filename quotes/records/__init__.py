"""The records every layer shares: frozen dataclasses of strings and character offsets
(:mod:`.article`) and the one exception family (:mod:`.errors`)."""

from quotes.records.article import (
    GAP,
    Article,
    ArticleResult,
    CueClass,
    Evidence,
    Frame,
    Kind,
    Quotation,
    Scores,
    Span,
    SpeakerType,
    Tone,
    quotation_text,
)

__all__ = [
    "GAP",
    "Article",
    "ArticleResult",
    "CueClass",
    "Evidence",
    "Frame",
    "Kind",
    "Quotation",
    "Scores",
    "Span",
    "SpeakerType",
    "Tone",
    "quotation_text",
]
