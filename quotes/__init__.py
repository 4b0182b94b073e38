"""quotescope: quotations in the news, who said them, and how.

Python API::

    import quotes
    for q in quotes.analyze(text):
        print(q.speaker_name, q.kind, q.text)

``quotes.Analyzer`` reuses one model for many texts; ``quotes.run_articles(articles,
quotes.RunOptions(jobs=2))`` streams many articles through the result cache and worker
processes; ``quotes.load_rules`` reads a rules folder; ``nlp.add_pipe("quotes")`` adds the
spaCy component, which writes ``doc._.quotes``. Models and rules are loaded once per process
and shared by all of these (:mod:`quotes.execution.analyzers`).
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("quotescope")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from quotes.execution.analyzers import Analyzer, analyze
    from quotes.execution.options import RunOptions
    from quotes.execution.runner import run_articles
    from quotes.pipeline.rules import load_rules
    from quotes.records import Article, ArticleResult, Quotation
    from quotes.rules.ruleset import RuleSet

__all__ = [
    "Analyzer",
    "Article",
    "ArticleResult",
    "Quotation",
    "RuleSet",
    "RunOptions",
    "__version__",
    "analyze",
    "load_rules",
    "run_articles",
]

_LAZY = {
    "Analyzer": "quotes.execution.analyzers",
    "analyze": "quotes.execution.analyzers",
    "RunOptions": "quotes.execution.options",
    "run_articles": "quotes.execution.runner",
    "Article": "quotes.records",
    "ArticleResult": "quotes.records",
    "Quotation": "quotes.records",
    "RuleSet": "quotes.rules.ruleset",
    "load_rules": "quotes.pipeline.rules",
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use, so importing the package stays cheap."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
