"""Transcript lines: ``TAPPER: Do you think ...`` / ``"PENCE: Well, look, ...``.

A paragraph that opens with a speaker's name in capitals and a colon is that speaker's turn in a
transcript (PolNeAR annotates each turn as a quotation with the name as its source). A label is a
speaker only in a conversation: the article must hold turns by at least two speakers, and each
label must open two turns or be written elsewhere in the article as a name (``Tapper``), so that
headline labels (``CORRECTION:``, ``UPDATE:``, ``EXCLUSIVE:``) are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.text import trim_clause, word_count

RULE_IDS = ("transcript-line",)
MIN_TURN_WORDS = 3
MIN_SPEAKERS = 2
_TURN = re.compile(r"(?m)^[ \t]*[\"“]?[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t\u00a0]+(?=\S)")


def transcript_turns(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each turn of a transcript in the article."""
    text = context.text
    turns = [m for m in _TURN.finditer(text) if any(ch.isalpha() for ch in m.group(1))]
    labels = Counter(m.group(1) for m in turns)
    speakers = {label for label, count in labels.items() if count >= 2 or _written_as_name(text, label)}
    if len(speakers) < MIN_SPEAKERS:
        return
    for match in turns:
        if match.group(1) not in speakers:
            continue
        candidate = _turn(context, match)
        if candidate is not None:
            yield candidate


def _written_as_name(text: str, label: str) -> bool:
    """``FALLIN`` and ``Governor Mary Fallin``: the label's last word written as a name elsewhere."""
    word = label.split()[-1].strip(".'’-")
    return len(word) > 1 and re.search(rf"\b{re.escape(word.title())}\b", text) is not None


def _turn(context: ArticleContext, match: re.Match[str]) -> Candidate | None:
    start, end = match.end(), context.paragraph_end(match.end())
    content = trim_clause(context.text, start, end)
    if word_count(context.text, *content) < MIN_TURN_WORDS:
        return None
    label_start, label_end = match.span(1)
    tokens = context.tokens_between(label_start, label_end + 1)
    if not tokens or tokens[-1].text != ":":
        return None
    colon = tokens[-1]
    candidate = Candidate([content], "indirect", [(colon.idx, colon.idx + 1)], "", "speech", RULE_IDS[0])
    candidate.cue_token = colon
    # the quotation marks that open in this turn are the turn's (a transcript quoted whole opens
    # each paragraph with a mark and closes only the last)
    candidate.quote_groups = [g.index for g in context.groups if label_start - 2 <= g.start < content[1]]
    candidate.speaker = (label_start, label_end)
    candidate.speaker_token = tokens[-2] if len(tokens) > 1 else None
    return candidate


CUE_FINDERS = (transcript_turns,)
