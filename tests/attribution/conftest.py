"""Helpers for the rule-family tests: parse a small text once and summarise candidates."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest


def summarise(text: str, candidates: Iterable) -> list[tuple]:
    """(rule, kind, content pieces as written, speaker mention as written) per candidate."""
    return [
        (
            c.rule,
            c.kind,
            tuple(text[s:e] for s, e in c.content),
            text[c.speaker[0] : c.speaker[1]] if c.speaker else None,
        )
        for c in candidates
    ]


@pytest.fixture(scope="session")
def context_of(nlp, rules) -> Callable:
    """``context_of(text)``: the ArticleContext of ``text`` parsed by the real model."""
    from quotes.attribution import ArticleContext

    return lambda text: ArticleContext(text, nlp(text), rules.cues)
