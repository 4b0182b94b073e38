"""From text to Quotation records: the core pipeline, free of I/O.

``Extractor`` turns one parsed article into records (candidates -> resolved speakers ->
stance, tone and frames). The ``Analyzer``, which owns the spaCy model and runs the extractor
over a stream of articles, is in :mod:`quotes.execution.analyzers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from quotes.attribution import ArticleContext, Candidate, attribute, to_quotation
from quotes.nlp.doctext import know_text
from quotes.records import Quotation
from quotes.rules.ruleset import RuleSet
from quotes.scoring.scorer import score_text
from quotes.scoring.stance import stance_of
from quotes.speakers.gender import SpeakerGender
from quotes.speakers.resolver import Resolution, Resolver

_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class RuleInfo:
    confidence: float
    description: str


class Extractor:
    """Finds, attributes and scores the quotations of parsed articles with one RuleSet."""

    def __init__(self, rules: RuleSet, *, score: bool = True) -> None:
        self.rules = rules
        self.score = score
        self.rule_info = {r.id: RuleInfo(r.confidence, r.description) for r in rules.cues.attribution_rules}

    def extract_doc(self, text: str, doc: Doc) -> tuple[Quotation, ...]:
        """Every quotation of ``doc`` (whose text is ``text``), in text order."""
        know_text(doc, text)
        context = ArticleContext(text, doc, self.rules.cues)
        resolver = Resolver(doc, self.rules.cues, self.rules.mentions, self.rules.aliases, context.quoted)
        candidates = attribute(context)
        resolver.register(candidates)
        resolutions = [resolver.resolve(candidate) for candidate in candidates]
        genders = resolver.speaker_genders(candidates, resolutions, self.rules.first_name_genders)
        return tuple(
            self._record(text, candidate, resolution, gender)
            for candidate, resolution, gender in zip(candidates, resolutions, genders, strict=True)
        )

    def _record(
        self, text: str, candidate: Candidate, resolution: Resolution, gender: SpeakerGender | None = None
    ) -> Quotation:
        """Freeze one candidate with its speaker, confidence, explanation, stance and scores."""
        info = self.rule_info.get(candidate.rule)
        if info is None:  # loading the rules checks that the code's rule ids are declared
            raise ValueError(f"rule {candidate.rule!r} is not declared in attribution.yaml")
        confidence = info.confidence * (
            0.8 if candidate.speaker is not None and resolution.name is None else 1.0
        )
        content = sorted((s, e) for s, e in candidate.content if e > s)
        scores = score_text(text, content, self.rules.tone, self.rules.frames) if self.score else None
        return to_quotation(
            text,
            candidate,
            speaker_name=resolution.name,
            speaker_names=resolution.names or ((resolution.name,) if resolution.name else ()),
            speaker_type=resolution.kind,
            stance=(stance_of(candidate.cue_lemma, self.rules.stance, *stance_context(text, candidate))
                    if candidate.cue_lemma else "none"),
            confidence=round(confidence, 3),
            explanation=f"{candidate.rule}: {info.description} {_speaker_note(text, candidate, resolution)}.",
            title=resolution.title,
            scores=scores,
            speaker_gender=gender.gender if gender is not None else None,
            speaker_gender_basis=gender.basis if gender is not None else None,
            speaker_gender_explanation=gender.explanation if gender is not None else None,
        )


def stance_context(text: str, candidate: Candidate,
                   following: int = 3) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that tell a cue verb's sense (rules/stance.yaml ``senses``): its dependents after
    it in the parse ("claimed *responsibility*", "pleaded *guilty*") and the next ``following``
    words of the text ("called *for*")."""
    token = candidate.cue_token
    governed = tuple(c.lower_ for c in token.children if c.i > token.i and not c.is_punct) if token else ()
    end = max((e for _, e in candidate.cue), default=None)
    after = tuple(_WORD.findall(text[end:end + 60].lower())[:following]) if end is not None else ()
    return governed, after


def _speaker_note(text: str, candidate: Candidate, resolution: Resolution) -> str:
    """How the speaker was found, for the explanation."""
    if candidate.speaker is not None:
        start, end = candidate.speaker
        return f"speaker '{text[start:end]}' -> {resolution.name or 'unknown'} ({resolution.how})"
    return f"speaker inherited: {resolution.how}" if candidate.inherited else "no speaker found"
