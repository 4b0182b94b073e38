"""Repeated quotations: the same words in several articles count once, with their spread.

Two quotations are the same when their normalised text (case folded, quotation marks and
punctuation dropped, whitespace collapsed) is equal and has at least MIN_WORDS words: shorter
ones ("We will see.") recur by chance. The first sighting counts for its speaker; later ones add
to its spread (articles, outlets, first and last date) and are not counted again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

MIN_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def normalise(text: str) -> list[str]:
    """The words of ``text``, case folded, apostrophes unified."""
    return [w.replace("’", "'") for w in _WORD.findall(text.casefold())]


def repeat_key(text: str) -> str | None:
    """A key equal for the same quotation however it was punctuated; None below MIN_WORDS words."""
    words = normalise(text)
    if len(words) < MIN_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=12).hexdigest()


@dataclass
class Spread:
    """Where one quotation ran."""

    speaker: str
    text: str
    articles: list[str] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    first_date: str | None = None
    last_date: str | None = None

    def add(self, article_id: str, outlet: str | None, date: str | None) -> None:
        """Record one more article that carried it."""
        if article_id not in self.articles:
            self.articles.append(article_id)
        if outlet:
            self.outlets.add(outlet)
        if date:
            self.first_date = date if self.first_date is None else min(self.first_date, date)
            self.last_date = date if self.last_date is None else max(self.last_date, date)

    def row(self, name: str, slug: str | None, text: str | None = None, page: str | None = None) -> RepeatRow:
        """The row shown for this quotation, under its speaker's display ``name`` (``text``: its
        display form; ``page``: its speaker's page)."""
        return RepeatRow(
            speaker=name,
            slug=slug,
            text=self.text if text is None else text,
            articles=len(self.articles),
            article_ids=tuple(self.articles[:20]),
            outlets=tuple(sorted(self.outlets)),
            first_date=self.first_date,
            last_date=self.last_date,
            page=page,
        )


@dataclass(frozen=True)
class RepeatRow:
    """A repeated quotation as the report shows it: its speaker, text and spread."""

    speaker: str
    slug: str | None
    text: str
    articles: int
    article_ids: tuple[str, ...]  # the first 20
    outlets: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    page: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The record in ``index.json``."""
        return asdict(self)


class Repeats:
    """Tracks every long quotation by speaker and normalised text."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], Spread] = {}
        self.skipped = 0

    def first_sighting(
        self, speaker: str, text: str, article_id: str, outlet: str | None, date: str | None
    ) -> bool:
        """Record the quotation; False when the speaker's same words were already counted."""
        key = repeat_key(text)
        if key is None:
            return True
        spread = self.seen.get((speaker, key))
        if spread is None:
            spread = self.seen[(speaker, key)] = Spread(speaker, text)
            spread.add(article_id, outlet, date)
            return True
        if article_id in spread.articles:
            return True  # said twice in one article: two quotations
        spread.add(article_id, outlet, date)
        self.skipped += 1
        return False

    def rename(self, old: str, new: str) -> None:
        """Move speaker ``old``'s quotations to ``new`` (the same text merges into one spread)."""
        for speaker, key in [k for k in self.seen if k[0] == old]:
            spread = self.seen.pop((speaker, key))
            spread.speaker = new
            kept = self.seen.get((new, key))
            if kept is None:
                self.seen[(new, key)] = spread
            else:
                for article in spread.articles:
                    kept.add(article, None, None)
                kept.outlets |= spread.outlets
                for date in (spread.first_date, spread.last_date):
                    if date:
                        kept.add(kept.articles[0], None, date)

    def repeated(self) -> list[Spread]:
        """Quotations carried by more than one article, most articles first."""
        found = [s for s in self.seen.values() if len(s.articles) > 1]
        return sorted(found, key=lambda s: (-len(s.articles), s.first_date or "", s.text))

    def for_speaker(self, speaker: str) -> list[Spread]:
        """The speaker's repeated quotations."""
        return [s for s in self.repeated() if s.speaker == speaker]
