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

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from quotes.lazy import lazy_attributes

try:
    __version__ = version("quotescope")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from quotes.execution.analyzers import Analyzer, analyze
    from quotes.execution.options import RunOptions
    from quotes.execution.runner import run_articles
    from quotes.records import Article, ArticleResult, Quotation
    from quotes.ruleset import RuleSet, load_rules

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
    "RuleSet": "quotes.ruleset",
    "load_rules": "quotes.ruleset",
}


__getattr__ = lazy_attributes(__name__, _LAZY)
