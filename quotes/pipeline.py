"""From text to Quotation records: the core pipeline, free of I/O.

``Extractor`` turns one parsed article into records (candidates -> resolved speakers ->
stance, tone and frames). ``Analyzer`` owns the spaCy model and runs the extractor over a
stream of articles, one bad article never stopping the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from quotes.extract import Candidate, find_candidates, to_quotation
from quotes.framing import stance_of
from quotes.model import is_long, load_model, parse_long
from quotes.records import Article, ArticleResult, Quotation
from quotes.resolve import Resolution, Resolver
from quotes.ruleset import RuleSet, load_rules
from quotes.scoring import score_text

PIPE_BATCH_SIZE = 32


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
        resolver = Resolver(doc, self.rules.cues, self.rules.aliases)
        candidates = find_candidates(text, doc, self.rules.cues)
        resolver.register(candidates)
        return tuple(self._record(text, candidate, resolver.resolve(candidate)) for candidate in candidates)

    def _record(self, text: str, candidate: Candidate, resolution: Resolution) -> Quotation:
        """Freeze one candidate with its speaker, confidence, explanation, stance and scores."""
        info = self.rule_info.get(candidate.rule, RuleInfo(0.5, candidate.rule))
        confidence = info.confidence * (
            0.8 if candidate.speaker is not None and resolution.name is None else 1.0
        )
        content = sorted((s, e) for s, e in candidate.content if e > s)
        scores = score_text(text, content, self.rules.tone, self.rules.frames) if self.score else None
        return to_quotation(
            text,
            candidate,
            speaker_name=resolution.name,
            speaker_type=resolution.kind,
            stance=stance_of(candidate.cue_lemma, self.rules.frames) if candidate.cue_lemma else "none",
            confidence=round(confidence, 3),
            explanation=f"{candidate.rule}: {info.description} {_speaker_note(text, candidate, resolution)}.",
            title=resolution.title,
            scores=scores,
        )


def _speaker_note(text: str, candidate: Candidate, resolution: Resolution) -> str:
    """How the speaker was found, for the explanation."""
    if candidate.speaker is not None:
        start, end = candidate.speaker
        return f"speaker '{text[start:end]}' -> {resolution.name or 'unknown'} ({resolution.how})"
    return f"speaker inherited: {resolution.how}" if candidate.inherited else "no speaker found"


class Analyzer:
    """The whole pipeline: spaCy model + rules. Reuse one instance for many articles."""

    def __init__(
        self,
        rules: RuleSet | None = None,
        nlp: Language | None = None,
        *,
        model: str | None = None,
        score: bool = True,
    ) -> None:
        self.rules = rules if rules is not None else load_rules()
        self.nlp = nlp if nlp is not None else load_model(model)
        self.extractor = Extractor(self.rules, score=score)

    def analyze(self, text: str) -> tuple[Quotation, ...]:
        """The quotations of one text."""
        return self.extractor.extract_doc(text, parse_long(self.nlp, text))

    def run(self, articles: Iterable[Article], batch_size: int = PIPE_BATCH_SIZE) -> Iterator[ArticleResult]:
        """Results for a stream of articles, in order; an article that fails carries its error.

        At most ``batch_size`` articles (and their Docs) are held at a time.
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= max(1, batch_size):
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        """Parse the short articles of ``batch`` together (long ones alone, in pieces), and
        extract each as its Doc arrives; a failure costs only the article that caused it."""
        short = [a.text for a in batch if not is_long(self.nlp, a.text)]
        docs: Iterator[Doc] | None = self.nlp.pipe(short) if short else None
        for article in batch:
            try:
                if is_long(self.nlp, article.text):
                    doc = parse_long(self.nlp, article.text)
                elif docs is not None:
                    doc = self._next_doc(docs, article.text)
                    if doc is None:  # the batch parse failed: parse the rest one by one
                        docs = None
                        doc = self.nlp(article.text)
                else:
                    doc = self.nlp(article.text)
                yield ArticleResult(article, self.extractor.extract_doc(article.text, doc))
            except Exception as error:  # one bad article never stops the others
                yield ArticleResult(article, (), error=f"{type(error).__name__}: {error}")

    @staticmethod
    def _next_doc(docs: Iterator[Doc], text: str) -> Doc | None:
        """The next Doc of a batch parse, or None when the batch parse broke down."""
        try:
            doc = next(docs)
        except Exception:  # retried article by article by the caller
            return None
        return doc if doc.text == text else None


def analyze(text: str, *, rules: RuleSet | None = None, model: str | None = None) -> tuple[Quotation, ...]:
    """The quotations of ``text``: the simplest entry point of the Python API.

    Loads the model and rules once per process (cached) and reuses them.
    """
    return _default_analyzer(model, rules).analyze(text)


_ANALYZERS: dict[tuple[str | None, str | None], Analyzer] = {}


def _default_analyzer(model: str | None, rules: RuleSet | None) -> Analyzer:
    key = (model, rules.fingerprint if rules is not None else None)
    if key not in _ANALYZERS:
        _ANALYZERS[key] = Analyzer(rules, model=model)
    return _ANALYZERS[key]
