"""The spaCy pipeline component: ``nlp.add_pipe("quotes")`` writes ``doc._.quotes``.

Registered through the ``spacy_factories`` entry point, so it is available once quotescope
is installed. Heavy imports happen when the component is created, not when spaCy starts; the
rules come from the process-wide cache (:mod:`quotes.execution.analyzers`).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

EXTENSION = "quotes"


class QuotesComponent:
    """Finds and attributes the quotations of a parsed Doc; stores Quotation records."""

    def __init__(self, nlp: Language, name: str, rules_dir: str | None, score: bool) -> None:
        from quotes.execution.analyzers import shared_rules
        from quotes.nlp.abbreviations import add_abbreviations
        from quotes.pipeline.extractor import Extractor

        self.name = name
        rules = shared_rules(rules_dir)
        add_abbreviations(nlp, rules.mentions.abbreviations())  # ("Coun. Jo Tan": no sentence end)
        self.extractor = Extractor(rules, score=score)
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, self.extractor.extract_doc(doc.text, doc))
        return doc


@Language.factory("quotes", default_config={"rules_dir": None, "score": True})
def make_quotes_component(nlp: Language, name: str, rules_dir: str | None, score: bool) -> Any:
    """Create the ``quotes`` component (needs a parser and NER earlier in the pipeline)."""
    return QuotesComponent(nlp, name, rules_dir, score)
