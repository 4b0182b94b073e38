"""Quotations with no cue of their own: they continue a speaker introduced just before them
(continuation) or stand with no speaker (unattributed).

A full quoted statement (it opens its paragraph or a sentence, and closes its sentence) that no
cue claimed takes, in this order (:func:`_source_before`):

- the speaker of the nearest attributed quotation before it in its own or the previous
  paragraph (``... says the clinic's director, Ruth Amsel.`` / ``"We run out by noon."``);
- the subject of a speech verb in the sentence right before it (``Amsel spoke to reporters
  on Tuesday. "We run out by noon."``);

unless another person is named in between, and never from a cue after it (``... he said. While
some residents say ...`` does not give the quotation to the residents). Otherwise a long
statement stands with no speaker (unattributed).

(A ``previous-sentence`` rule once gave such a paragraph to any person named in the sentence
before it; on polnear-train its speaker was right 4 times of 22: a name is no speaker unless it
is the subject of a speech verb or of an attributed quotation.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from quotes.attribution.candidate import Candidate, QuoteGroup
from quotes.attribution.context import ArticleContext
from quotes.attribution.introduced import (
    BACKGROUND_PEOPLE,
    PERSON_ENTITY,
    PERSON_PRONOUNS,
    QUOTE_MARKS,
    SCOPE_CHARS,
    is_relative,
    names_another,
    profiled_person,
    quotation_end,
    speech_subject_before,
)
from quotes.text.spans import has_word, inner_span, word_count

RULE_IDS = ("continuation", "unattributed")
MIN_UNATTRIBUTED_WORDS = 8
MIN_QUOTATION_WORDS = 3
MAX_SIGNATURE_WORDS = 5
SENTENCE_ENDS = ".!?"
TITLE_WORD_CHARS = 3
TITLE_SHARE = 0.6
SIGNED_RULES = ("dash-quote",)  # a list of reactions, each signed by its own name
_SIGNATURE = re.compile(r"\s*\n[ \t]*[-—–―]+[ \t]*([^,.\n]+)")
_NON_SPACE = re.compile(r"\S")


def orphan_candidates(
    context: ArticleContext, claimed: set[int], found: list[Candidate]
) -> Iterator[Candidate]:
    """A candidate for each unclaimed quoted statement; ``found`` are the candidates so far."""
    text = context.text
    turns = [span for c in found if c.rule == "transcript-line" for span in c.content]
    attributed = sorted((c for c in found if c.content), key=quotation_end)
    single_style = _single_style(context, found)
    for group in context.groups:
        if group.index in claimed or any(s < group.end and group.start < e for s, e in turns):
            continue  # (a transcript's turns are quotations of their own)
        words = word_count(text, *inner_span(text, group.start, group.end))
        if words < MIN_QUOTATION_WORDS or not _is_statement(context, group, single_style):
            continue  # scare quotes, titles and quoted phrases inside a sentence
        candidate = _orphan(context, group, attributed, words)
        if candidate is None:
            continue
        if candidate.quote_groups[0] != group.index:  # joined to a quotation before it
            attributed.sort(key=quotation_end)
            continue
        attributed.append(candidate)
        attributed.sort(key=quotation_end)
        yield candidate


def _is_statement(context: ArticleContext, group: QuoteGroup, single_style: bool) -> bool:
    """A quotation that stands as a statement: it opens its paragraph, or a sentence after a full
    stop, and nothing of its sentence follows it. A single-quoted one must open its paragraph
    (British style quotes with single marks; elsewhere they mark titles and phrases)."""
    text = context.text
    paragraph = context.paragraph_start(group.start)
    before = context.has_text(paragraph, group.start)
    if group.pieces[0].single and (before or not single_style):
        return False
    if before and _last_char(context, paragraph, group.start) not in SENTENCE_ENDS:
        return False
    inside = text[group.start : group.end].rstrip().rstrip(QUOTE_MARKS).rstrip()
    if _title_case(inside):
        return False  # "'All Bets Are Off.'", "“DIVISIVE, STUPID AND WRONG”": a subhead or a title
    after = _first_char(context, group.end, context.paragraph_end(group.end))
    return not after or inside[-1:] in SENTENCE_ENDS or after in SENTENCE_ENDS


def _last_char(context: ArticleContext, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that is neither a space nor a quotation mark."""
    text = context.text
    at = context.text_end(start, end)
    while at > start and text[at - 1] in QUOTE_MARKS:
        at = context.text_end(start, at - 1)
    return text[at - 1] if at > start else ""


def _first_char(context: ArticleContext, start: int, end: int) -> str:
    """The first character of ``text[start:end]`` that is not a space ("" when blank)."""
    found = _NON_SPACE.search(context.text, start, end)
    return found.group()[0] if found else ""


def _single_style(context: ArticleContext, found: list[Candidate]) -> bool:
    """Whether the article quotes with single marks (British style): most of the quotations its
    cues attribute are single-quoted. Elsewhere a single-quoted line is a subhead or a title
    (``'A Really Tough Decision.'`` in The New York Times)."""
    claimed = {g for c in found for g in c.quote_groups}
    single = [context.groups[g].pieces[0].single for g in claimed]
    return sum(single) * 2 > len(single)


def _title_case(words: str) -> bool:
    """Whether most words of four letters or more are capitalised (a title or a subhead)."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", words) if len(w) > TITLE_WORD_CHARS]
    return bool(long) and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


def _orphan(
    context: ArticleContext, group: QuoteGroup, attributed: list[Candidate], words: int
) -> Candidate | None:
    signed = _signature_line(context, group)
    if signed is not None:
        return signed
    # ('"...," Bennett shot back': words after it in its sentence name its own speaker)
    source = None if _words_after(context, group) else _source_before(context, group, attributed)
    if source is not None:
        return source
    if words >= MIN_UNATTRIBUTED_WORDS and context.starts_clause(group.start):
        return Candidate(
            group.spans(), "direct", [], "", "speech", "unattributed", quote_groups=[group.index]
        )
    return None


def _signature_line(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """A quotation paragraph signed on the next line after a dash (``"..."`` / ``- Sanders.``,
    ``-Michelle Marks, Philadelphia.``): the name up to the first comma or full stop."""
    text = context.text
    end = context.paragraph_end(group.end)
    if context.has_text(group.end, end):
        return None
    line = _SIGNATURE.match(text, end)
    if line is None:
        return None
    words = [t for t in context.tokens_between(*line.span(1)) if not (t.is_punct or t.is_space)]
    if not 0 < len(words) <= MAX_SIGNATURE_WORDS or not all(t.pos_ == "PROPN" for t in words):
        return None
    candidate = context.quoted_candidate(group, words[-1], "speech", "dash-quote", words[-1])
    candidate.speaker = (max(words[0].idx, line.start(1)), words[-1].idx + len(words[-1].text))
    candidate.cue, candidate.cue_lemma = [], ""
    candidate.quote_groups = [group.index]
    return candidate


def _words_after(context: ArticleContext, group: QuoteGroup) -> bool:
    """Whether words follow the quotation in its sentence (its own attribution, usually)."""
    text = context.text
    end = context.paragraph_end(group.end)
    inside = text[group.start : group.end].rstrip().rstrip(QUOTE_MARKS).rstrip()
    if inside[-1:] in SENTENCE_ENDS and _first_char(context, group.end, end).isupper():
        return False  # '"We run out by noon." The clinic ...': the next sentence is not its cue
    return has_word(text, group.end, end)


def _source_before(
    context: ArticleContext, group: QuoteGroup, attributed: list[Candidate]
) -> Candidate | None:
    """The quotation's speaker from before it: the nearest attributed quotation in its own or the
    previous paragraph, else the subject of a speech verb in the sentence before it; None when
    another person is named in between."""
    # (at most SCOPE_CHARS back: a text without paragraph breaks stays linear)
    scope = max(_previous_paragraph_start(context, group.start), group.start - SCOPE_CHARS)
    scope = max(min(scope, _past_background(context, group, scope)), group.start - SCOPE_CHARS)
    previous = None
    for candidate in reversed(attributed):
        end = quotation_end(candidate)
        if end > group.start:
            continue
        if end < scope:
            break
        if candidate.rule in SIGNED_RULES:
            break  # (the next reaction of the list is signed by its own name)
        if candidate.speaker is not None and candidate.speaker_token is not None and not candidate.negated:
            if _in_relative_clause(candidate) and candidate.speaker_token.lower_ not in PERSON_PRONOUNS:
                continue  # (a report in a clause about a noun is background: "emails, which included
            previous = candidate  # staff members suggesting ...": the next quotation is not theirs;
            # but "Something he adds is ..." speaks of the speaker it names by a pronoun)
            break
    if previous is not None:
        after = max(quotation_end(previous), previous.speaker[1] if previous.speaker else 0)
        cue = previous.cue_token
        if cue is not None and cue.sent.end_char <= group.start:
            after = max(after, cue.sent.end_char)  # (a name in the attribution's own sentence is no
            # new speaker: '"...," a staff member said in reply to Coun. Caron. "..."')
        if names_another(context, after, group.start, previous.speaker_token):
            return None
        if _joins(context, previous, group):
            previous.content.extend(group.spans())
            previous.quote_groups.append(group.index)
            return previous
        return replace(
            previous,
            content=group.spans(),
            quote_groups=[group.index],
            rule="continuation",
            kind="direct",
            inherited=True,
        )
    return speech_subject_before(context, group, attributed) or profiled_person(context, group)


def _past_background(context: ArticleContext, group: QuoteGroup, scope: int) -> int:
    """``"We kept the increase under three per cent," Mayor Ann Brody said.`` / ``The budget
    includes $2 million for road repairs.`` / ``"Nobody likes paying more ..."``: when the paragraph
    between a quotation paragraph and the one before is background (no quotation, no person, no
    he, she, they or his), the speaker is looked for one paragraph further back. Else ``scope``."""
    if group.start != context.paragraph_start(group.start) or scope >= group.start:
        return scope
    end = context.text_end(scope, group.start)
    if end <= scope or context.quoted.overlapping(scope, end):
        return scope
    span = context.doc.char_span(scope, end, alignment_mode="expand")
    if span is None or any(t.ent_type_ == PERSON_ENTITY or t.lower_ in BACKGROUND_PEOPLE for t in span):
        return scope
    return _previous_paragraph_start(context, scope)


def _in_relative_clause(candidate: Candidate) -> bool:
    """Whether the candidate's cue verb sits inside a relative clause (``which included staff
    members suggesting ...``)."""
    cue = candidate.cue_token
    return cue is not None and is_relative(cue)


def _joins(context: ArticleContext, previous: Candidate, group: QuoteGroup) -> bool:
    """``"A," Woolson said. They also lie in a dead zone. "B."``: a quotation of the same
    speaker's in the paragraph of a direct one is part of it (one quotation, as a quotation split
    by its attribution is; PolNeAR annotates it so). In the next paragraph it is one of its own
    (joining those too leaves polnear-train end-to-end F1 as it is)."""
    if previous.kind != "direct" or previous.inherited:
        return False
    return context.paragraph_start(quotation_end(previous)) == context.paragraph_start(group.start)


def _previous_paragraph_start(context: ArticleContext, position: int) -> int:
    """The start of the non-blank paragraph before the one at ``position`` (or of its own)."""
    start = context.paragraph_start(position)
    end = start - 1
    while end > 0:
        previous = context.paragraph_start(end - 1) if end > 0 else 0
        if context.has_text(previous, end):
            return previous
        end = previous - 1
    return start
