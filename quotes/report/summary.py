"""A speaker's summary paragraph, written from the numbers in the tables below it.

Every clause states one figure of the speaker page (counts, dates, outlets, frames, tone,
certainty, cue stance), with the words chosen by fixed thresholds, so the paragraph can be
checked against the tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quotes.report.display import frame_label, signed
from quotes.report.outlets import OutletRow
from quotes.report.summaries import SpeakerSummary
from quotes.report.timeline import parse_date

TONE_WORDS = (
    (0.3, "clearly positive"),
    (0.05, "mildly positive"),
    (-0.05, "neutral"),
    (-0.3, "mildly negative"),
)
CERTAINTY_MARGIN = 0.15
"""How far a speaker's mean certainty must be from the corpus's to be called more assertive/hedged."""
FRAME_SHARE = 0.2
STANCE_SHARE = 0.3
MIN_SCORED = 3


def tone_words(mean: float) -> str:
    """``clearly positive`` ... ``clearly negative`` for a mean compound score."""
    for threshold, words in TONE_WORDS:
        if mean > threshold or (threshold == -0.05 and mean >= threshold):
            return words
    return "clearly negative"


def date_span(first: str | None, last: str | None) -> str | None:
    """``in May 2024`` or ``between March and May 2024`` (years shown where needed)."""
    a, b = parse_date(first), parse_date(last)
    if a is None or b is None:
        return None
    if (a.year, a.month) == (b.year, b.month):
        return f"in {a:%B %Y}"
    start = f"{a:%B}" if a.year == b.year else f"{a:%B %Y}"
    return f"between {start} and {b:%B %Y}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def paragraph(
    s: SpeakerSummary,
    outlets: Sequence[OutletRow],
    corpus_certainty: float | None,
    frame_labels: Mapping[str, str],
    words: Sequence[str] = (),
) -> str:
    """The summary of speaker ``s`` (its index.json summary) with its outlet rows."""
    times = "once" if s.quotes == 1 else f"{s.quotes} times"
    where = _plural(s.articles, "article")
    if outlets:
        where += f" from {_plural(len(outlets), 'outlet')}"
        if s.no_outlet_articles:
            where += f" ({_plural(s.no_outlet_articles, 'article')} without an outlet)"
    first = f"{s.name} is quoted {times} in {where}"
    span = date_span(s.first_date, s.last_date)
    if span and s.undated_articles:
        span += f" ({_plural(s.undated_articles, 'article')} undated)"
    clauses = [first + (f" {span}" if span else "")]
    frames = [frame_label(f, frame_labels) for f, share in s.frames.items() if share >= FRAME_SHARE][:2]
    if frames:
        clauses.append(f"mostly framed as {_join(frames)}")
    tone = s.tone
    if tone.scored >= MIN_SCORED and tone.mean_compound is not None:
        text = f"tone {tone_words(tone.mean_compound)} (mean {signed(tone.mean_compound)})"
        certainty = tone.certainty
        if corpus_certainty is not None and certainty is not None:
            if certainty - corpus_certainty > CERTAINTY_MARGIN:
                text += ", more assertive than most"
            elif corpus_certainty - certainty > CERTAINTY_MARGIN:
                text += ", more hedged than most"
        clauses.append(text)
    stance = _stance_clause(s.stance, outlets)
    if stance:
        clauses.append(stance)
    text = "; ".join(clauses) + "."
    if words:
        text += f" Words that set {s.name} apart: {', '.join(words[:6])}."
    return text


def _stance_clause(stance: Mapping[str, int], outlets: Sequence[OutletRow]) -> str | None:
    total = sum(stance.values())
    if not total:
        return None
    top, n = max(stance.items(), key=lambda kv: (kv[1], kv[0] == "neutral"))
    word = "usually" if n / total >= 0.5 else "most often"
    kind = top if top in ("neutral", "endorsing", "distancing") else "other"
    text = f"{word} introduced with {kind} cue verbs"
    for other in ("distancing", "endorsing"):
        if other == top:
            continue
        leaning = [
            o.outlet for o in outlets if o.quotes >= 2 and o.stance.get(other, 0) / o.quotes >= STANCE_SHARE
        ]
        if leaning and len(leaning) < len(outlets):
            text += f", {other} ones in {_join(leaning[:3])}"
    return text
