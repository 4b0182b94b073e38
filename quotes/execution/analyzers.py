"""The Analyzer, and the one process-wide cache of models, rules and analyzers.

An :class:`Analyzer` is a spaCy model plus a RuleSet, run over a stream of articles. Everything
in a process that needs one gets it here: the runner, worker processes, Dask workers,
``quotes.analyze``, ``quotes.Analyzer()`` with default arguments, and the spaCy component (its
rules). A model is loaded once per process and name, and shared by every analyzer; rules once
per folder and content (fingerprint); an analyzer once per :class:`WorkSpec`. The model and
the rules are imported and loaded on first use: a fully cached run never loads them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quotes.execution.options import RunOptions, WorkSpec, work_spec
from quotes.nlp.model import is_long, load_model, model_id, model_id_for, parse_long
from quotes.records import Article, ArticleResult, Quotation

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from quotes.rules.ruleset import RuleSet

PIPE_BATCH_SIZE = 32
KEEP = 8
"""Rule sets and analyzers kept at once (the oldest is dropped first); models are kept by name."""

_LOCK = threading.RLock()  # Dask workers may ask from several threads at once
_MODELS: dict[str | None, Language] = {}
_RULES: dict[tuple[str, str], RuleSet] = {}
_CHECKED: set[tuple[str, str]] = set()  # rule sets checked against the attribution code
_ANALYZERS: dict[WorkSpec, Analyzer] = {}
_SPECS: dict[tuple[str | None, str | None, str | None], WorkSpec] = {}  # quotes.analyze's arguments

K = TypeVar("K")
V = TypeVar("V")


def _keep(table: dict[K, V], key: K, value: V) -> V:
    while len(table) >= KEEP:
        del table[next(iter(table))]
    table[key] = value
    return value


def shared_model(name: str | None = None) -> Language:
    """The model ``name``, loaded once per process and shared by every analyzer."""
    with _LOCK:
        if name not in _MODELS:
            _MODELS[name] = load_model(name)
        return _MODELS[name]


def shared_rules(directory: str | Path | None = None, *, against_code: bool = True) -> RuleSet:
    """The rules of ``directory`` (default: the bundled ones), loaded once per folder and content.

    With ``against_code`` (the default) they are also checked against the attribution code
    (:func:`quotes.pipeline.rules.check_rule_table`, which imports spaCy); without it the rule
    files are only read and validated, for a command that may never run the pipeline (a fully
    cached run, scoring texts): the check comes when an analyzer is built.
    """
    from quotes.rules.ruleset import default_rules_dir, fingerprint, read_rules

    path = Path(directory) if directory is not None else default_rules_dir()
    key = (str(path.resolve()), fingerprint(path) if path.is_dir() else "")
    with _LOCK:
        found = _RULES.get(key)
        if found is None:
            found = _keep(_RULES, key, read_rules(path))
        if against_code and key not in _CHECKED:
            from quotes.pipeline.rules import check_rule_table

            check_rule_table(found)
            _CHECKED.add(key)
        return found


def analyzer_for(spec: WorkSpec, rules: RuleSet | None = None) -> Analyzer:
    """The Analyzer for ``spec``, built once per process on the shared model. Refuses rules or
    a model that are not those ``spec`` describes (the result cache is keyed by them)."""
    with _LOCK:
        found = _ANALYZERS.get(spec)
        if found is not None:
            return found
        rules = rules if rules is not None else shared_rules(spec.rules_dir)
        if rules.fingerprint != spec.rules_fingerprint:
            raise RuntimeError(f"the rules in {spec.rules_dir} changed during the run")
        nlp = shared_model(spec.model)
        if model_id(nlp) != spec.model_id:
            raise RuntimeError(f"model {model_id(nlp)} loaded where {spec.model_id} was expected")
        return _keep(_ANALYZERS, spec, Analyzer(rules, nlp, score=spec.score))


def analyze(text: str, *, rules: RuleSet | None = None, model: str | None = None) -> tuple[Quotation, ...]:
    """The quotations of ``text``: the simplest entry point of the Python API.

    The model and rules come from the process-wide cache, shared with every other analyzer.
    """
    key = (model, str(rules.directory) if rules else None, rules.fingerprint if rules else None)
    with _LOCK:
        spec = _SPECS.get(key)
        if spec is None:
            if rules is None:
                spec = work_spec(RunOptions(model=model))
            else:
                spec = WorkSpec(model, str(rules.directory), rules.fingerprint, model_id_for(model), True)
            _keep(_SPECS, key, spec)
    return analyzer_for(spec, rules).analyze(text)


def analyze_batch(analyzer: Analyzer, articles: list[Article]) -> list[ArticleResult]:
    """Results for one batch, every article isolated from the others' failures."""
    return list(analyzer.run(articles, batch_size=max(1, len(articles))))


class Analyzer:
    """The whole pipeline: spaCy model + rules. Reuse one instance for many articles.

    Without arguments it uses the process's shared model and bundled rules.
    """

    def __init__(self, rules: RuleSet | None = None, nlp: Language | None = None, *,
                 model: str | None = None, score: bool = True) -> None:
        from quotes.nlp.abbreviations import add_abbreviations  # (spaCy: not for a fully cached run)
        from quotes.pipeline.extractor import Extractor

        self.rules = rules if rules is not None else shared_rules()
        self.nlp = nlp if nlp is not None else shared_model(model)
        add_abbreviations(self.nlp, self.rules.mentions.abbreviations())
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
        short = [(a.text, i) for i, a in enumerate(batch) if not is_long(self.nlp, a.text)]
        docs: Iterator[tuple[Doc, int]] | None = self.nlp.pipe(short, as_tuples=True) if short else None
        for index, article in enumerate(batch):
            try:
                if is_long(self.nlp, article.text):
                    doc = parse_long(self.nlp, article.text)
                elif docs is not None:
                    doc = self._next_doc(docs, index)
                    if doc is None:  # the batch parse failed: parse the rest one by one
                        docs = None
                        doc = self.nlp(article.text)
                else:
                    doc = self.nlp(article.text)
                yield ArticleResult(article, self.extractor.extract_doc(article.text, doc))
            except Exception as error:  # one bad article never stops the others
                yield ArticleResult(article, (), error=f"{type(error).__name__}: {error}")

    @staticmethod
    def _next_doc(docs: Iterator[tuple[Doc, int]], index: int) -> Doc | None:
        """The next Doc of a batch parse if it is that of article ``index`` of the batch (each
        comes paired with its article's number), or None when the batch parse broke down."""
        try:
            doc, number = next(docs)
        except Exception:  # retried article by article by the caller
            return None
        return doc if number == index else None
