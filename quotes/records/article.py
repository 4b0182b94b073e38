"""Records: frozen dataclasses of strings and character offsets that outlive the spaCy Doc.

Every offset is a Python ``str`` offset into the article text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
Kind = Literal["direct", "mixed", "indirect"]
SpeakerType = Literal["person", "organisation", "description", "unknown"]
CueClass = Literal["speech", "cognition", "evidence"]
Gender = Literal["female", "male", "unknown"]
GenderBasis = Literal["pronoun", "honorific", "noun", "declared", "first_name", "none"]

GAP = " … "
"""Joins the pieces of a quotation split by its attribution in ``Quotation.text``."""


@dataclass(frozen=True)
class Article:
    """One news article as read from an input, with its optional metadata."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # the input file (or "-") it came from
    line: int | None = None  # its line in a JSONL/CSV input


@dataclass(frozen=True)
class Evidence:
    """Why a score moved: a lexicon entry or rule that fired, and where.

    ``span`` is in the coordinates of the scored text (the article for quotations).
    """

    source: str  # the rule file or lexicon, e.g. "tone/hedges" or "frames/economic"
    entry: str  # the entry that matched, as written in the rule file
    span: Span
    matched: str  # the text that matched
    weight: float = 0.0
    note: str = ""


@dataclass(frozen=True)
class Tone:
    """The speaker's own tone: VADER averaged over sentences, plus certainty and hype."""

    compound: float
    label: Literal["positive", "neutral", "negative"]
    pos: float
    neu: float
    neg: float
    certainty: float  # (boosters - hedges) / (boosters + hedges), 0.0 when neither fires
    hype: float  # hype cues per 100 words
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Frame:
    """A content frame that fired in a quotation, with its weight and evidence."""

    id: str  # e.g. "economic" or "ai_risk_safety"
    family: Literal["codebook", "technology"]
    codebook_parent: str  # the Policy Frames Codebook frame it counts towards
    weight: float  # share of all frame cue weight in the text, 0..1
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Scores:
    """Tone and framing of one text."""

    tone: Tone
    frames: tuple[Frame, ...]
    codebook_frame: str  # primary frame in Policy Frames Codebook terms; "other" if none fired


@dataclass(frozen=True)
class Quotation:
    """One attributed quotation, with everything needed to explain it."""

    kind: Kind
    content: tuple[Span, ...]
    text: str  # the article text at ``content``, pieces joined by GAP
    speaker: tuple[Span, ...]  # the mention as written by the cue; () when none
    speaker_text: str
    speaker_name: str | None  # canonical name within the article; None when unknown
    speaker_type: SpeakerType
    cue: tuple[Span, ...]
    cue_text: str
    cue_lemma: str
    cue_class: CueClass
    stance: str  # the reporter's stance through the cue verb: neutral, endorsing, distancing, ...
    rule: str  # id of the attribution rule that fired
    confidence: float
    explanation: str  # one sentence: why this speaker and this content
    title: str | None = None  # title or affiliation from an apposition or the article
    inherited: bool = False  # speaker carried over from the previous quotation
    scores: Scores | None = None
    negated: bool = False  # a negated report ("X has not said ..."): what the speaker did not say
    speaker_names: tuple[str, ...] = ()  # each named speaker ("X and Y said" has two); () when unknown
    speaker_gender: Gender | None = None  # a person's gender; None for organisations, groups, documents
    speaker_gender_basis: GenderBasis | None = None  # what decided it (quotes.speakers.gender)
    speaker_gender_explanation: str | None = None  # the words seen, and what the text overrode

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every named speaker: ``speaker_names``, else ``speaker_name`` alone (records read from
        files written before ``speaker_names`` existed), else ()."""
        if self.speaker_names:
            return self.speaker_names
        return (self.speaker_name,) if self.speaker_name else ()


@dataclass(frozen=True)
class ArticleResult:
    """An article and the quotations found in it (or the error that stopped it)."""

    article: Article
    quotations: tuple[Quotation, ...] = ()
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


def quotation_text(article_text: str, spans: tuple[Span, ...]) -> str:
    """The article text at ``spans``, pieces joined by GAP."""
    return GAP.join(article_text[start:end] for start, end in spans)
