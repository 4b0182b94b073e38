"""Filters on a stream of article results: speakers, a date range, outlets and cue classes.

A pure function over records: articles outside the date range or outlets are dropped whole;
with speakers named, each article keeps only those speakers' quotations (names go through the
alias table, so "Trump" picks "Donald Trump"). Articles without a date are dropped when a date
range is given; without an outlet when outlets are. With cue classes chosen (``--cues``), each
article keeps only the quotations whose ``cue_class`` is one of them: ``speech`` (said, told),
``cognition`` (believes, thinks) or ``evidence`` (according to, showed). A quotation without a
known class (no cue: an unattributed or carried-over quotation) counts as speech.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quotes.records import ArticleResult
from quotes.records.errors import QuotesError
from quotes.report.speaker_stats import cue_class_of
from quotes.report.timeline import parse_date
from quotes.rules.cues import CUE_CLASSES
from quotes.rules.speakers import AliasTable
from quotes.speakers.identity import speaker_key


class FilterError(QuotesError, ValueError):
    """A filter value that cannot be used (an unreadable date, an unknown cue class)."""


def parse_cues(value: str | None) -> tuple[str, ...]:
    """The cue classes of a ``--cues`` value: ``all`` (or nothing) for every class, else a
    comma-separated list of CUE_CLASSES; in CUE_CLASSES order."""
    if value is None or value.strip().casefold() in ("", "all"):
        return CUE_CLASSES
    given = {part.strip().casefold() for part in value.split(",") if part.strip()}
    unknown = sorted(given - set(CUE_CLASSES))
    if unknown or not given:
        raise FilterError(f"--cues {value!r}: expected 'all' or a comma-separated list of "
                          f"{', '.join(CUE_CLASSES)}")  # fmt: skip
    return tuple(c for c in CUE_CLASSES if c in given)


@dataclass(frozen=True)
class ResultFilter:
    """Which articles and quotations to keep."""

    speakers: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    outlets: tuple[str, ...] = ()
    cues: tuple[str, ...] = CUE_CLASSES  # the cue classes kept (parse_cues)

    def __post_init__(self) -> None:
        if not self.cues or set(self.cues) - set(CUE_CLASSES):
            raise FilterError(f"cue classes must be some of {', '.join(CUE_CLASSES)}, not {self.cues!r}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and parse_date(value) is None:
                raise FilterError(f"--{name} {value!r} is not a date (expected YYYY-MM-DD)")

    @property
    def active(self) -> bool:
        """True when any filter is set."""
        return bool(self.speakers or self.since or self.until or self.outlets or not self.all_cues)

    @property
    def all_cues(self) -> bool:
        """True when every cue class is kept (the default)."""
        return set(self.cues) == set(CUE_CLASSES)


def speaker_keys(names: Iterable[str], aliases: AliasTable) -> set[str]:
    """The identity keys of ``names`` (:func:`quotes.speakers.identity.speaker_key`, as the report
    decides who is who)."""
    return {found[0] for n in names if (found := speaker_key(n, aliases)) is not None}


def filter_results(
    results: Iterable[ArticleResult], selection: ResultFilter, aliases: AliasTable
) -> Iterator[ArticleResult]:
    """The results that ``selection`` keeps (failed articles pass, so they are still reported)."""
    if not selection.active:
        yield from results
        return
    since, until = parse_date(selection.since), parse_date(selection.until)
    outlets = {" ".join(o.split()).casefold() for o in selection.outlets}
    wanted = speaker_keys(selection.speakers, aliases)
    for result in results:
        if result.error:
            yield result
            continue
        article = result.article
        if since or until:
            day = parse_date(article.date)
            if day is None or (since and day < since) or (until and day > until):
                continue
        if outlets and " ".join((article.outlet or "").split()).casefold() not in outlets:
            continue
        if wanted:
            kept = tuple(
                q
                for q in result.quotations
                if any(_matches(key, wanted) for key in speaker_keys(q.speakers, aliases))
            )
            result = dataclasses.replace(result, quotations=kept)
        if not selection.all_cues:
            classes = set(selection.cues)
            kept = tuple(q for q in result.quotations if cue_class_of(q) in classes)
            result = dataclasses.replace(result, quotations=kept)
        yield result


def _matches(key: str, wanted: set[str]) -> bool:
    """The same key, or one name being the surname of the other ("trump" and "donald trump"),
    as the report merges a lone surname into the one full name that ends with it."""
    if key in wanted:
        return True
    last = key.split()[-1] if key else ""
    return any(w == last or (" " not in key and w.split()[-1:] == [key]) for w in wanted)
