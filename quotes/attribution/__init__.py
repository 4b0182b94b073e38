"""Find quotations in a parsed article and attribute each to its speaker mention.

Two sources of quotations meet here: cue words found in the dependency parse (``X said
that ...``, ``according to X``, ``X's claim that ...``) and quoted stretches found from the
quotation marks alone (:mod:`quotes.text.marks`). A cue whose content lies inside a quoted stretch
makes a direct quotation; one whose content holds a quoted fragment, a mixed one; the rest
are indirect (:mod:`.merge`). Quoted stretches no cue claimed are attributed by adjacency
(:mod:`.adjacency`), by continuation from the previous paragraph, or left unknown
(:mod:`.orphans`). Names are resolved afterwards by :mod:`quotes.speakers.resolver`.

Each rule family is one module: a generator of candidates over an :class:`ArticleContext`, with
the ids of the rules it produces in ``RULE_IDS``. Ids, descriptions, confidences and priorities
live in ``rules/attribution.yaml``, which must declare exactly :data:`RULE_IDS`. Adding a cue
rule means adding a module here (with ``RULE_IDS`` and, for a cue family, ``CUE_FINDERS``; it is
found by name) and its entry in that file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from types import ModuleType

from spacy.tokens import Doc

from quotes.attribution import adjacency, continuation
from quotes.attribution.candidate import Candidate, QuoteGroup, to_quotation
from quotes.attribution.context import ArticleContext, SpanIndex
from quotes.attribution.merge import SOURCE_OF_REPORTS, deduplicate, merge_quotes
from quotes.rules.cues import CueRules

__all__ = [
    "CUE_FAMILIES",
    "RULE_IDS",
    "ArticleContext",
    "Candidate",
    "QuoteGroup",
    "SpanIndex",
    "attribute",
    "find_candidates",
    "to_quotation",
]

CueFamily = Callable[[ArticleContext], Iterator[Candidate]]


def _rule_modules() -> tuple[ModuleType, ...]:
    """The modules of this package that declare ``RULE_IDS``, by name."""
    modules = (importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__))
    return tuple(module for module in modules if hasattr(module, "RULE_IDS"))


RULE_MODULES = _rule_modules()
CUE_FAMILIES: tuple[CueFamily, ...] = tuple(
    finder for module in RULE_MODULES for finder in getattr(module, "CUE_FINDERS", ())
)
"""The generators that find cues in the parse (each rule module lists its own in ``CUE_FINDERS``);
their candidates are merged with the quotation marks, then the adjacency and orphan rules
attribute the quotations no cue claimed."""

RULE_IDS: frozenset[str] = frozenset(rule for module in RULE_MODULES for rule in module.RULE_IDS)
"""Every rule id the attribution code can write on a candidate."""


def attribute(context: ArticleContext) -> list[Candidate]:
    """Every quotation candidate of the article behind ``context``, de-duplicated, in text order."""
    priorities = {rule.id: rule.priority for rule in context.rules.attribution_rules}
    found = [candidate for family in CUE_FAMILIES for candidate in family(context)]
    found.sort(key=_cue_position)  # the order of the parse, whatever the family
    cues = merge_quotes(context, found)
    # a quotation an "according to" clause reports ('"...," X said, according to CNN') is still
    # open to its own speaker: both attributions stand (merge.clashes)
    claimed = {g for c in cues if c.rule not in SOURCE_OF_REPORTS for g in c.quote_groups}
    adjacent = list(adjacency.adjacent_candidates(context, claimed))
    kept = deduplicate(cues + adjacent, priorities)
    claimed = {g for c in kept for g in c.quote_groups}
    orphaned = list(continuation.orphan_candidates(context, claimed, kept))
    return deduplicate(kept + orphaned, priorities)


def find_candidates(text: str, doc: Doc, rules: CueRules) -> list[Candidate]:
    """Every quotation candidate in one parsed article, de-duplicated, in text order."""
    return attribute(ArticleContext(text, doc, rules))


def _cue_position(candidate: Candidate) -> int:
    return candidate.cue_token.i if candidate.cue_token is not None else -1
