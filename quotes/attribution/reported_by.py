"""``The meeting was first reported by Politico``: what a passive ``report`` has for its subject is
the reporting source's (PolNeAR annotates the subject as the content and the agent as the source).

One rule, ``reported-by``: a passive ``report`` with a ``by`` agent and a subject. Learned from
polnear-train, where such a subject was annotated 7 times of 7; passive speech verbs in general
(``Rubio was criticized by ...``, ``He was backed by 42 percent``) were annotated 45 times of 102.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import subtree_span
from quotes.text.spans import trim_clause, word_count

RULE_IDS = ("reported-by",)
LEMMAS = ("report",)


def reported_by_cues(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each ``X was reported by Y`` outside quotations."""
    return context.verb_candidates(LEMMAS, _reported_by)


def _reported_by(context: ArticleContext, verb: Token) -> Candidate | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None or source is None or subject.pos_ == "PRON":
        return None
    content = trim_clause(context.text, *subtree_span(subject))
    if word_count(context.text, *content) < 1:
        return None
    return context.candidate([content], verb, "speech", "reported-by", source)


CUE_FINDERS = (reported_by_cues,)
