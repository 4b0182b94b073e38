"""Lines opened by a speaker's label and a colon.

Two rules, one finder (:func:`labelled_lines`):

- ``transcript-line``: a paragraph that opens with a speaker's name in capitals and a colon is
  that speaker's turn in a transcript (``TAPPER: Do you think ...``, ``"PENCE: Well, look, ...``;
  PolNeAR annotates each turn as a quotation with the name as its source), quoted or not. A label
  is a speaker only in a conversation: the article must hold turns by at least two speakers, and
  each label must open two turns or be written elsewhere in the article as a name (``Tapper``),
  so that headline labels (``CORRECTION:``, ``UPDATE:``, ``EXCLUSIVE:``) are left alone.
- ``colon-line``: any other line opened by a name of the article and a colon, its statement
  unquoted: ``Obama: I'm Optimistic Americans Will Say No to Trump`` (headlines). A quoted line
  after a name is the colon-quote rule's (:mod:`.adjacency`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import token_span
from quotes.text.spans import trim_clause, word_count

RULE_IDS = ("transcript-line", "colon-line")
MIN_TURN_WORDS = 3
MIN_SPEAKERS = 2
MAX_LABEL_WORDS = 4
MIN_CONTENT_WORDS = 3
NAME_ENTITIES = ("PERSON", "ORG", "NORP")  # not "Iowa: Tim Albrecht, ..." (lists by place)
_WORDS = r"[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}"
# a turn's label: "TAPPER:", "CARA DELGADO, ANCHOR:", "KAYLA BRENNAN (LIVE):", "ANCHOR (DAVID LUM):",
# "BEN OKAFOR, CORRESPONDENT (voice-over):", "(SOT — MARK ODEGAARD, PARENT):"
_TURN = re.compile(
    r"(?m)^[ \t]*[\"“]?[ \t]*(?P<clip>\([ \t]*[A-Z]{2,4}[ \t]*[—–-][ \t]*)?"
    rf"(?P<label>{_WORDS})(?:,[ \t]*(?P<role>{_WORDS}))?"
    r"(?:[ \t]*\((?P<aside>[^()\n]{1,40})\))?(?(clip)[ \t]*\)):[ \t\u00a0]+(?=\S)"
)


def label_name(match: re.Match[str]) -> tuple[int, int]:
    """Where a turn's speaker is named in its label: the label itself, or a name in capitals in
    the aside after a role ("ANCHOR (DAVID LUM)")."""
    aside = match.group("aside")
    if aside and aside.isupper() and len(aside.split()) >= 2 and not match.group("role"):
        return match.span("aside")
    return match.span("label")


def labelled_lines(context: ArticleContext) -> Iterator[Candidate]:
    """The turns of a transcript in the article, then every other line labelled with a name."""
    turns = list(transcript_turns(context))
    yield from turns
    taken = {context.paragraph_start(c.content[0][0]) for c in turns}
    for candidate in colon_lines(context):
        if context.paragraph_start(candidate.content[0][0]) not in taken:
            yield candidate


def transcript_turns(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each turn of a transcript in the article."""
    text = context.text
    turns = [m for m in _TURN.finditer(text) if any(ch.isalpha() for ch in m.group("label"))]
    labels = Counter(_speaker(text, m) for m in turns)
    full = [label.split() for label in labels if len(label.split()) >= 2]
    initials = {"".join(w[0] for w in words).casefold() for words in full}
    speakers = {
        label.casefold() for label, count in labels.items()
        if count >= 2 or _written_as_name(text, label) or len(label.split()) >= 2
        or label.casefold() in initials  # ("ML:" after "MAYA LINDQVIST:")
    }
    if len(speakers) < MIN_SPEAKERS:
        return
    for match in turns:
        if _speaker(text, match).casefold() not in speakers:
            continue
        candidate = _turn(context, match)
        if candidate is not None:
            yield candidate


def _speaker(text: str, match: re.Match[str]) -> str:
    start, end = label_name(match)
    return text[start:end]


def _written_as_name(text: str, label: str) -> bool:
    """``FALLIN`` and ``Governor Mary Fallin``: the label's last word written as a name elsewhere."""
    word = label.split()[-1].strip(".'’-")
    found = re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) if len(word) > 1 else ()
    return any(not m.group(0).isupper() for m in found)  # ("MacIsaac" for "MACISAAC")


def _turn(context: ArticleContext, match: re.Match[str]) -> Candidate | None:
    start, end = match.end(), context.paragraph_end(match.end())
    content = trim_clause(context.text, start, end)
    if word_count(context.text, *content) < MIN_TURN_WORDS:
        return None
    label_start = match.start("clip") if match.group("clip") else match.start("label")
    colon_at = match.end() - len(match.group(0)) + match.group(0).rindex(":")
    tokens = context.tokens_between(label_start, colon_at + 1)
    if not tokens or not tokens[-1].text.endswith(":"):  # (the tokenizer reads "):" as one token)
        return None
    colon = tokens[-1]
    cue = [(colon_at, colon_at + 1)]
    candidate = Candidate([content], "indirect", cue, "", "speech", "transcript-line")
    candidate.cue_token = colon
    # the quotation marks that open in this turn are the turn's (a transcript quoted whole opens
    # each paragraph with a mark and closes only the last)
    candidate.quote_groups = [g.index for g in context.groups if label_start - 2 <= g.start < content[1]]
    name_start, name_end = label_name(match)
    candidate.speaker = (name_start, name_end)
    named = context.tokens_between(name_start, name_end)
    candidate.speaker_token = named[-1] if named else None
    role = match.group("role") if label_name(match) == match.span("label") else match.group("label")
    candidate.title = role.strip().lower() if role else None
    return candidate


def colon_lines(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each line that opens with a name (or a speaker label) and a colon."""
    text = context.text
    names = {t.lower_ for t in context.doc if t.ent_type_ in NAME_ENTITIES and t.is_alpha and len(t.text) > 1}
    for word in context.reporter_words:
        token = word.token
        if token.text != ":" or token.i == 0:
            continue
        start = context.paragraph_start(token.idx)
        label = _label_tokens(context, start, token.idx)
        if label is None or not _is_label(label) or not any(t.lower_ in names for t in label):
            continue
        end = context.paragraph_end(token.idx)
        content = trim_clause(text, token.idx + 1, end)
        if content[1] > content[0] and text[content[1] - 1] == ".":
            content = (content[0], content[1] - 1)  # the full stop closes the line, not the statement
        if word_count(text, *content) < MIN_CONTENT_WORDS or context.quoted.overlapping(*content):
            continue
        tokens = context.tokens_between(*content)
        if not any(t.pos_ in VERBAL for t in tokens):
            continue  # "Christie: A closing surge.": a section heading, not a statement
        if _under_heading(context, start):
            continue  # "BIG PICTURE" / "Bellport: The Eagles are likely to drop ...": a rundown
        if _attributed_inside(context, tokens):
            continue  # "Harmon State: The Cardinals have a résumé ..., Kettering believes.": a label
        candidate = context.candidate([content], token, "speech", "colon-line", label[-1])
        candidate.speaker = token_span(label)
        candidate.cue_lemma = ":"
        yield candidate


FIRST_PERSON = ("i", "we")
MAX_HEADING_WORDS = 5
_LABELLED = re.compile(r"[^:\n]{1,60}:[ \t]+\S")


def _under_heading(context: ArticleContext, start: int) -> bool:
    """Whether the line at ``start`` is in a run of labelled lines right under a heading in
    capitals (wire sports copy: ``BIG PICTURE`` / ``Bellport: The Eagles are likely to drop out of
    the top 10.`` / ``Harmon State: ...``; ``UP NEXT``): items of a rundown, no one's words."""
    text = context.text
    while start > 0:
        end = context.text_end(0, start - 1)
        if end == 0:
            return False
        start = context.paragraph_start(end - 1)
        line = text[start:end].strip()
        if not _LABELLED.match(line):
            words = line.split()
            return 0 < len(words) <= MAX_HEADING_WORDS and line.isupper() and line[-1].isalpha()
    return False


def _attributed_inside(context: ArticleContext, tokens: list[Token]) -> bool:
    """Whether the line's statement carries its own attribution: its main verb is a cue verb
    whose subject is in the statement and is not the label's own "I" or "we" (``Harmon State:
    The Cardinals ... could put them in the conversation, Kettering believes.``, a team's line in
    a wire rundown; not ``Rubio: I Still Believe Trump Can't Be Trusted``)."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.dep_ != "ROOT" or context.cue_verb(token) is None:
            continue
        source = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if source is not None and source.i in inside and source.lower_ not in FIRST_PERSON:
            return True
    return False


def _label_tokens(context: ArticleContext, start: int, end: int) -> list[Token] | None:
    """``tokens_between(start, end)``, or None as soon as they hold more words than a label may
    (so a colon deep in a long paragraph costs no more than one near its start)."""
    span = context.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    tokens, words = [], 0
    for token in span:
        tokens.append(token)
        words += not token.is_space
        if words > MAX_LABEL_WORDS:
            return None
    return tokens


def _is_label(tokens: list[Token]) -> bool:
    """A name or a speaker label: up to four words, each a proper noun, part of a name, or in
    capitals (``BOULDUAN``); the caller checks that one of them names a person or organisation
    of the article (not ``UPDATE:``, ``CORRECTION:``, ``Q:``)."""
    words = [t for t in tokens if not t.is_space]
    if not 0 < len(words) <= MAX_LABEL_WORDS or not words[-1].is_alpha:
        return False
    return all(
        t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTITIES or (t.is_alpha and t.is_upper) or t.text == "."
        for t in words
    )


CUE_FINDERS = (labelled_lines,)
