"""Quotation marks: find the quoted stretches of an article, from the text alone.

Handles straight and curly double quotes, ``''`` and ````` used as double quotes, guillemets,
and single quotes used as quotation marks (told apart from apostrophes). Quotations are
bounded: one never crosses a paragraph unless the next paragraph opens with a mark (a
quotation running over paragraphs), and an unclosed mark closes at the end of its paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_CHAIN_PARAGRAPHS = 12
"""A quotation may run over at most this many paragraphs."""

MAX_QUOTE_CHARS = 6000
"""A quotation longer than this (across paragraphs) is cut at a paragraph boundary."""

_OPENERS = {"“", "„", "«", "``"}
_SYMMETRIC = {'"', "''"}
_DOUBLE_CLOSERS = {"”", '"', "''", "’’"}  # "’’": two right single marks close a '' quotation
_CLOSER_OF = {"“": "”", "„": "”", "«": "»", "``": "''", '"': '"', "''": "''"}
_SINGLE_OPENERS = re.compile("[‘'‚‹]")
_RIGHT_SINGLE = re.compile("[’']")
_RIGHT_GUILLEMET = re.compile("›")
_MARK = re.compile(r"``|''|’’|[\"“”„«»‘’'‚‹›]")
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Quoted:
    """A stretch of text between quotation marks (marks included)."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark
    single: bool  # quoted with single marks
    continues: bool = False  # the quotation goes on in the next paragraph (a chain)

    @property
    def inner(self) -> tuple[int, int]:
        return self.start, self.end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line-delimited paragraph."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


def _is_word(char: str) -> bool:
    return bool(char) and bool(_WORD.match(char))


def _opening_context(text: str, i: int, start: int) -> bool:
    """A mark at i can open: at paragraph start, or after space or opening punctuation."""
    return i == start or text[i - 1].isspace() or text[i - 1] in "([{—–-/:;,"


def _closing_context(text: str, j: int, end: int) -> bool:
    """A mark ending at j can close: at paragraph end, or before space or punctuation."""
    return j >= end or text[j].isspace() or text[j] in ".,;:!?)]}—–-…'’\"”"


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), m.group())
        for m in _MARK.finditer(text, start, end)
        if m.group() in ('"', "“", "”", "„", "«", "»", "``", "''", "’’")
    ]


def _scan_double(text: str, start: int, end: int) -> list[Quoted]:
    """Top-level double-quoted stretches in one paragraph."""
    found: list[Quoted] = []
    open_at: int | None = None
    closer = ""
    nested = ""  # the closing mark of a quotation inside the open one, while it is open
    marks = _double_marks(text, start, end)
    where: dict[str, list[int]] = {}  # each mark's indices in ``marks``, for _nests
    for index, (_, _, mark) in enumerate(marks):
        where.setdefault(mark, []).append(index)
    for index, (i, j, mark) in enumerate(marks):
        can_open = _opening_context(text, i, start)
        if nested:
            nested = "" if mark == nested else nested
            continue
        if open_at is None:
            if mark in _OPENERS or (mark in _SYMMETRIC and (can_open or not _closing_context(text, j, end))):
                open_at, closer = i, _CLOSER_OF.get(mark, mark)
            elif mark == "”" and can_open and _is_word(text[j : j + 1]):
                open_at, closer = i, "”"  # some texts open with a right mark: ”Fear. I am ...”
            continue  # otherwise a stray closing mark
        if mark == closer or (mark in _DOUBLE_CLOSERS and closer in _DOUBLE_CLOSERS):
            found.append(Quoted(open_at, j, closed=True, single=False))
            open_at = None
        elif mark in _OPENERS and can_open and _nests(where, index, _CLOSER_OF[mark], closer):
            nested = _CLOSER_OF[mark]  # "... the question: “As you know ...?” Forty-three, yes."
        elif mark in _OPENERS and can_open:
            # a new opening mark while open: the previous quotation never closed
            found.append(Quoted(open_at, _rstrip(text, open_at, i), closed=False, single=False))
            open_at, closer = i, _CLOSER_OF.get(mark, mark)
    if open_at is not None:
        closed_at = _single_closer(text, open_at, end)
        if closed_at is not None:  # ("That was a close one,' said the coach.": a typo'd closer)
            found.append(Quoted(open_at, closed_at, closed=True, single=False))
        else:
            found.append(Quoted(open_at, _rstrip(text, open_at, end), closed=False, single=False))
    return found


def _single_closer(text: str, open_at: int, end: int) -> int | None:
    """Where a double quotation left open in its paragraph closes with a single mark by mistake:
    ``"That was a close one, back and forth,' said Cougars head coach Don Gaboury.`` A single mark
    right after a comma, full stop, question or exclamation mark, with words of the paragraph
    after it, and no single quotation opened before it inside."""
    for k in range(open_at + 1, end - 1):
        char = text[k]
        if char in "'‘" and _opening_context(text, k, open_at + 1) and _is_word(text[k + 1 : k + 2]):
            return None  # a quotation inside it opens: its closing mark is its own
        if char in "'’" and text[k - 1] in ",.?!" and text[k + 1] in " \t" and _is_word(
            text[k + 2 : k + 3]
        ):
            return k + 1
    return None


def _nests(where: dict[str, list[int]], index: int, inner: str, outer: str) -> bool:
    """Whether the opening mark at ``index`` starts a quotation inside the open one: its marks are
    of another style than the open one's, and the open one's own closing mark comes after its end.
    ``where`` holds each mark's indices in the paragraph's marks, so this is two look-ups."""
    if inner == outer:
        return False
    closes = _next_index(where.get(inner, []), index)
    return closes is not None and _next_index(where.get(outer, []), closes) is not None


def _next_index(indices: list[int], after: int) -> int | None:
    """The first of the sorted ``indices`` greater than ``after``."""
    found = bisect.bisect_right(indices, after)
    return indices[found] if found < len(indices) else None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _scan_single(text: str, start: int, end: int, taken: list[Quoted]) -> list[Quoted]:
    """Single-quoted stretches outside double quotes: an opening mark before a word, a closing
    mark after a word and before a non-word, and never an apostrophe inside a word."""

    starts = [q.start for q in taken]  # the paragraph's double-quoted stretches: sorted, disjoint

    def free(k: int) -> bool:
        last = bisect.bisect_right(starts, k) - 1
        return last < 0 or k >= taken[last].end

    def double_between(i: int, k: int) -> bool:
        following = bisect.bisect_right(starts, i)
        return following < len(starts) and starts[following] < k

    found: list[Quoted] = []
    position = start
    for opening in _SINGLE_OPENERS.finditer(text, start, end):
        i = opening.start()
        if i < position or not free(i):
            continue
        if not _opening_context(text, i, start) or not _is_word(text[i + 1 : i + 2]):
            continue
        opener = text[i]
        closers = _RIGHT_SINGLE if opener in "‘'‚" else _RIGHT_GUILLEMET
        # a closing mark within MAX_QUOTE_CHARS: an unclosed mark never costs a scan of the paragraph
        for m in closers.finditer(text, i + 2, min(end, i + MAX_QUOTE_CHARS)):
            k = m.start()
            if not free(k) or double_between(i, k):
                break  # a single-quoted stretch never holds a double-quoted one
            before, after = text[k - 1], text[k + 1 : k + 2]
            if _is_word(after):
                continue  # an apostrophe inside a word: don't, Trump’s
            if before == "s" and opener != "‹" and after.strip(".,;:!?") != "":
                continue
            if before.isspace():
                continue
            found.append(Quoted(i, k + 1, closed=True, single=True))
            position = k + 1
            break
    return found


def _scan_paragraph(text: str, start: int, end: int) -> list[Quoted]:
    doubles = _scan_double(text, start, end)
    singles = _scan_single(text, start, end, doubles)
    return sorted(doubles + singles, key=lambda q: q.start)


def find_quoted(text: str) -> list[Quoted]:
    """Every top-level quoted stretch, in order; a quotation over paragraphs is one item per
    paragraph with ``continues=True`` on all but its last piece."""
    spans = list(paragraphs(text))
    per_paragraph = [_scan_paragraph(text, s, e) for s, e in spans]
    result: list[Quoted] = []
    chain_length = 0
    chain_chars = 0
    for index, quoted in enumerate(per_paragraph):
        for position, q in enumerate(quoted):
            is_last = position == len(quoted) - 1
            nxt = per_paragraph[index + 1] if index + 1 < len(per_paragraph) else []
            opens_next = bool(nxt) and nxt[0].start == _lstrip(text, spans[index + 1][0])
            chain_length = chain_length + 1 if result and result[-1].continues else 1
            chain_chars = (chain_chars if result and result[-1].continues else 0) + (q.end - q.start)
            continues = (
                is_last
                and not q.closed
                and not q.single
                and opens_next
                and chain_length < MAX_CHAIN_PARAGRAPHS
                and chain_chars < MAX_QUOTE_CHARS
            )
            result.append(Quoted(q.start, q.end, q.closed, q.single, continues))
    return result


def _lstrip(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def group_chains(quoted: list[Quoted]) -> list[list[Quoted]]:
    """Group pieces joined by ``continues`` into one list per quotation."""
    groups: list[list[Quoted]] = []
    for q in quoted:
        if groups and groups[-1][-1].continues:
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups
