"""The records attribution works on: a quotation by its marks, and a candidate under construction."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from quotes.records import Quotation, Span, quotation_text
from quotes.text.marks import Quoted


@dataclass(frozen=True)
class QuoteGroup:
    """One quotation by its marks: one piece, or several over paragraphs."""

    index: int
    pieces: tuple[Quoted, ...]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    def spans(self) -> list[Span]:
        return [(q.start, q.end) for q in self.pieces]


@dataclass
class Candidate:
    """A quotation under construction (mutable until it is frozen by :func:`to_quotation`)."""

    content: list[Span]
    kind: str
    cue: list[Span]
    cue_lemma: str
    cue_class: str
    rule: str
    speaker_token: Token | None = None
    cue_token: Token | None = None
    speaker: Span | None = None
    title: str | None = None
    inherited: bool = False
    quote_groups: list[int] = field(default_factory=list)
    explanation: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)


def to_quotation(text: str, candidate: Candidate, **fields: object) -> Quotation:
    """Freeze a candidate (with its resolved speaker fields) into a Quotation record."""
    content = tuple(sorted((s, e) for s, e in candidate.content if e > s))
    speaker = (candidate.speaker,) if candidate.speaker else ()
    return Quotation(
        kind=candidate.kind,  # type: ignore[arg-type]
        content=content,
        text=quotation_text(text, content),
        speaker=speaker,
        speaker_text=quotation_text(text, speaker),
        cue=tuple(candidate.cue),
        cue_text=quotation_text(text, tuple(candidate.cue)),
        cue_lemma=candidate.cue_lemma,
        cue_class=candidate.cue_class,  # type: ignore[arg-type]
        rule=candidate.rule,
        inherited=candidate.inherited,
        **fields,  # type: ignore[arg-type]
    )
