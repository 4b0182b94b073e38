"""What the report keeps besides the speaker totals: time, outlets, repeats and words.

:class:`Facets` is the observer the :class:`~quotes.report.aggregate.Aggregator` calls for every
attributed quotation (``observe``) and when it merges two speakers (``rename``). It applies the
filters' counterpart for repeats: a quotation already counted for its speaker in another article
is reported as a repeat and not counted again.
"""

from __future__ import annotations

import math
from collections import Counter

from quotes.records import Article, Quotation
from quotes.report.distinctive import words
from quotes.report.outlets import Outlets
from quotes.report.repeats import Repeats
from quotes.report.timeline import Timeline


class Facets:
    """Timeline, outlet table, repeated quotations and word counts of one report."""

    def __init__(self) -> None:
        self.timeline = Timeline()
        self.outlets = Outlets()
        self.repeats = Repeats()
        self.words: dict[str, Counter[str]] = {}
        self.corpus_words: Counter[str] = Counter()

    def observe(self, key: str, quotation: Quotation, article: Article) -> bool:
        """Fold one quotation of speaker ``key`` in; False when it repeats one already counted."""
        if not self.repeats.first_sighting(key, quotation.text, article.id, article.outlet, article.date):
            return False
        scores = quotation.scores
        compound = (
            scores.tone.compound if scores is not None and math.isfinite(scores.tone.compound) else None
        )
        frames = [f.id for f in scores.frames] if scores is not None else []
        self.timeline.add(key, article.date, compound)
        self.outlets.add(key, article.outlet, compound, quotation.stance, frames)
        found = words(quotation.text)
        self.words.setdefault(key, Counter()).update(found)
        self.corpus_words.update(found)
        return True

    def rename(self, old: str, new: str) -> None:
        """Speaker ``old`` is ``new``: move everything kept under ``old``."""
        self.timeline.rename(old, new)
        self.outlets.rename(old, new)
        self.repeats.rename(old, new)
        if old in self.words:
            self.words.setdefault(new, Counter()).update(self.words.pop(old))
