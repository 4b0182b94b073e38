"""Joining cue candidates with the quoted stretches their content touches, and keeping one
candidate per stretch of content.

A cue whose content lies inside one quotation (but for a word such as ``that``) makes a direct
quotation; one whose content holds quoted fragments, a mixed one; the rest stay indirect.
"""

from __future__ import annotations

from collections.abc import Mapping

from quotes.attribution.adjacency import absorb_split
from quotes.attribution.candidate import Candidate
from quotes.attribution.context import ArticleContext
from quotes.attribution.extent import extend_coordinated
from quotes.records import Span
from quotes.text.spans import overlap, word_count

MAX_DIRECT_OUTSIDE_WORDS = 1  # "that" before a quotation still makes it direct
DEDUP_BLOCK_CHARS = 2000


def merge_quotes(context: ArticleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Decide each cue candidate's kind from the quoted stretches its content touches (longest
    content first; each quotation goes to one candidate)."""
    claimed: set[int] = set()
    for candidate in candidates:
        extend_coordinated(context, candidate)
    for candidate in sorted(candidates, key=lambda c: -sum(e - s for s, e in c.content)):
        if candidate.rule == "transcript-line":
            claimed.update(candidate.quote_groups)
            continue  # a transcript turn is its own quotation, whatever its marks
        touched = context.groups_touching(candidate.content, claimed)
        if not touched:
            continue
        outside = words_outside(context.text, candidate.content, [p for g in touched for p in g.spans()])
        if outside <= MAX_DIRECT_OUTSIDE_WORDS and len(touched) == 1:
            group = touched[0]
            candidate.content = group.spans()
            candidate.kind = "direct"
            candidate.rule = "cue-quote-after" if group.end <= candidate.cue[0][0] else "cue-quote-before"
            candidate.quote_groups = [group.index]
            if candidate.rule == "cue-quote-after" and candidate.cue_token is not None:
                absorb_split(context, candidate, group.end, candidate.cue_token)
            claimed.update(candidate.quote_groups)
            continue
        if any(len(g.pieces) > 1 for g in touched):
            continue
        # mixed: widen the content to cover each quoted fragment it cuts
        if len(candidate.content) == 1:
            start = min(candidate.content[0][0], *(g.start for g in touched))
            end = max(candidate.content[0][1], *(g.end for g in touched))
            candidate.content = [(start, end)]
        candidate.kind = "mixed"
        candidate.quote_groups = [g.index for g in touched]
        claimed.update(candidate.quote_groups)
    for candidate in candidates:
        if candidate.kind != "direct" and _absorb_after_cue(context, candidate, claimed):
            candidate.kind = "mixed"
    return candidates


def _absorb_after_cue(context: ArticleContext, candidate: Candidate, claimed: set[int]) -> bool:
    """``The ACLU plans to watch the case, dos Santos says. "If the government ..."``: a reported
    statement followed by its attribution and then a quotation takes that quotation, as a
    quotation split by its attribution does (:func:`absorb_split`)."""
    cue = candidate.cue_token
    end = max(e for _, e in candidate.content)
    if cue is None or cue.idx < end or not context.starts_clause(candidate.start):
        return False
    following = context.next_group(end)
    if following >= len(context.groups) or following in claimed:
        return False
    before = len(candidate.quote_groups)
    absorb_split(context, candidate, end, cue)
    claimed.update(candidate.quote_groups)
    return len(candidate.quote_groups) > before


def words_outside(text: str, content: list[Span], quoted: list[Span]) -> int:
    """Words of ``content`` that lie outside every span of ``quoted``."""
    count = 0
    for start, end in content:
        position = start
        for q_start, q_end in sorted(quoted):
            if q_end <= position or q_start >= end:
                continue
            count += word_count(text, position, max(position, q_start))
            position = max(position, q_end)
        count += word_count(text, position, end) if position < end else 0
    return count


def deduplicate(candidates: list[Candidate], priorities: Mapping[str, int]) -> list[Candidate]:
    """Keep one candidate per stretch of content: the higher priority (lower number), then the
    earlier in the text. ``priorities`` must rank every rule the candidates carry."""
    kept: list[Candidate] = []
    by_block: dict[int, list[Candidate]] = {}  # kept candidates by the blocks of text they cover
    for candidate in sorted(candidates, key=lambda c: (priorities[c.rule], c.start)):
        blocks = _blocks(candidate)
        nearby = {id(o): o for block in blocks for o in by_block.get(block, ())}.values()
        if not any(clashes(candidate, other) for other in nearby):
            kept.append(candidate)
            for block in blocks:
                by_block.setdefault(block, []).append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _blocks(candidate: Candidate) -> range:
    start = min(s for s, _ in candidate.content)
    end = max(e for _, e in candidate.content)
    return range(start // DEDUP_BLOCK_CHARS, end // DEDUP_BLOCK_CHARS + 1)


_SPEAKING_PERSONS = frozenset({"i", "me", "we", "us", "you"})


def _reports(candidate: Candidate) -> bool:
    """Whether a cue inside someone's words reports a third party, not the speaker's own view or a
    question to the listener ("I think ...", "Do you think ...?")."""
    token = candidate.speaker_token
    if token is not None and token.lower_ in _SPEAKING_PERSONS:
        return False
    cue = candidate.cue_token
    return cue is None or not cue.sent.text.rstrip().rstrip("\"”'’").endswith("?")


SOURCE_OF_REPORTS = frozenset({"according-to"})
"""Rules whose source reports what another says ("according to CNN, Sanders said ...")."""
REPORTED_BY_A_SOURCE = frozenset({"cue-clause", "cue-quote-after", "cue-quote-before"})
"""Rules of a speaker's own words that such a source may report; both attributions stand."""


def clashes(candidate: Candidate, other: Candidate) -> bool:
    """Whether two candidates claim the same content or quotation marks. An attribution reported
    inside another's content (``X said Y told Z that ...``) clashes with it too: on polnear-train
    only 19% of such nested cue clauses were annotated on their own; but a cue clause inside an
    ``according to`` clause stands beside it, and so does any attribution a transcript turn reports
    (``IMOGEN THORPE: The Environment Agency says it has a legal duty ...``)."""
    rules = {candidate.rule, other.rule}
    if len(rules & SOURCE_OF_REPORTS) == 1 and rules & REPORTED_BY_A_SOURCE:
        inner, outer = (other, candidate) if candidate.rule in SOURCE_OF_REPORTS else (candidate, other)
        if inner.cue and any(s <= inner.cue[0][0] < e for s, e in outer.content):
            return False  # "According to X, Y said that ...": both are annotated (train: 22 more found)
    if "transcript-line" in (candidate.rule, other.rule) and candidate.rule != other.rule:
        inner, outer = (other, candidate) if candidate.rule == "transcript-line" else (candidate, other)
        if inner.cue and any(s <= inner.cue[0][0] < e for s, e in outer.content) and _reports(inner):
            return False  # (the turn is the speaker's; what it reports is its source's)
    length = sum(e - s for s, e in candidate.content)
    shared = sum(overlap(a, b) for a in candidate.content for b in other.content)
    return shared * 2 >= length or bool(set(candidate.quote_groups) & set(other.quote_groups))
