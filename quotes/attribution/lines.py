"""An article's lines: paragraph bounds by bisection, headlines, teasers, captions and subheads.

A paragraph is a line of text. :class:`ArticleLines` finds where the paragraph holding a
position starts and ends (logarithmic: articles can be megabytes long), whether a line is a
short unpunctuated headline, and which lines are page furniture whose cues are no one's report:
links elsewhere (``READ MORE: ...``), photo captions closed by a credit, and subheads.
"""

from __future__ import annotations

import bisect
import itertools
import re

HEADLINE_ENDS = ".!?:;\"'”’)"
HEADLINE_MAX_WORDS = 15
# a caption closed by a photo credit: "(Jacques Boivin/CBC)", "THE CANADIAN PRESS/Kelly Clark",
# "(Photo: Jane Doe/Reuters)"; after a closed sentence, a credit of capitalised words or one
# that says where the photo came from: "... next month. (CBC)", "(Submitted by the Department of
# Health)", "... ignored. Photo by Jane Ng" (not an aside: "(Fingers crossed.)")
PHOTO_CREDIT = re.compile(
    r"(?:\((?:Photo:\s*)?[A-Z][\w.'’ -]{1,40}/[A-Z][\w.'’ &-]{1,40}\)"
    r"|\b[A-Z]{2,}[A-Z .]*/[A-Z][\w.'’ -]{0,40}[A-Za-z]"
    r"|[.!?”\"][ \t]*\((?:(?:Submitted|Supplied|Handout|File|Photo|Courtesy)\b[^()\n]{0,60}"
    r"|(?:[A-Z][\w'’&./-]*[ \t]*){1,5})\)"
    r"|[.!?][ \t]+(?:Photo|Photograph|Image)s?(?: courtesy of| by|:)[ \t]+[A-Z][^\n.]{0,60})\s*$"
)
_NON_SPACE = re.compile(r"\S+")


class ArticleLines:
    """The lines of one article's text."""

    def __init__(self, text: str, teaser_prefixes: tuple[str, ...]) -> None:
        self.text = text
        self.teaser_prefixes = teaser_prefixes  # lines that link elsewhere start so (lower case)
        self.newlines = [m.start() for m in re.finditer("\n", text)]  # paragraph bounds by bisection

    def furniture(self) -> set[int]:
        """Starts of the lines no cue of the article's own is on: teasers, captions, subheads."""
        return self._teaser_lines() | self._subhead_lines()

    def _teaser_lines(self) -> set[int]:
        """Starts of the lines that link elsewhere (``READ MORE: ...``) or caption a photo
        (``Image caption ...``, a line closed by a credit: ``... (Jacques Boivin/CBC)``,
        ``... THE CANADIAN PRESS/Kelly Clark``): no cue there is the article's."""
        prefixes = self.teaser_prefixes
        starts = set()
        position = 0
        for line in self.text.split("\n"):
            if (prefixes and line.lstrip().lower().startswith(prefixes)) or PHOTO_CREDIT.search(line):
                starts.add(position)
            position += len(line) + 1
        return starts

    def _subhead_lines(self) -> set[int]:
        """Starts of the short lines after the first with no closing punctuation: subheads
        (``What York1 says it's proposing``), teasers for other stories (``Justice system needs
        work, says councillor``) and labels. The headline, the first line, is the article's own
        (PolNeAR annotates headlines); a subhead names a section, no one's report (polnear-dev and
        train-named hold one quotation in such a line, a quotation signed after a dash, which
        no cue word finds)."""
        return {start + 1 for start in self.newlines if self.is_headline(start + 1)}

    def is_headline(self, position: int) -> bool:
        """Whether ``position`` lies in a short line with no closing punctuation (a headline).

        Counts the line's words only up to HEADLINE_MAX_WORDS, so a long line (a one-line article)
        costs no more than a short one."""
        text = self.text
        start, end = self.paragraph_start(position), self.paragraph_end(position)
        last = end - 1
        while last >= start and text[last].isspace():
            last -= 1
        if last < start or text[last] in HEADLINE_ENDS:
            return False
        words = _NON_SPACE.finditer(text, start, end)
        return next(itertools.islice(words, HEADLINE_MAX_WORDS, None), None) is None

    def has_text(self, start: int, end: int) -> bool:
        """Whether ``text[start:end].strip()`` is not empty, found at its first non-space."""
        return _NON_SPACE.search(self.text, start, end) is not None

    def text_end(self, start: int, end: int) -> int:
        """Where ``text[start:end].rstrip()`` ends, found from ``end`` back (``start`` if blank)."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return end

    def paragraph_start(self, position: int) -> int:
        """Where the paragraph holding ``position`` starts (after the last line break before it)."""
        if position < 0:  # as str.rfind reads a negative end
            position = max(0, position + len(self.text))
        before = bisect.bisect_left(self.newlines, position)
        return self.newlines[before - 1] + 1 if before else 0

    def paragraph_end(self, position: int) -> int:
        """Where the paragraph holding ``position`` ends (its line break, or the end of the text)."""
        if position < 0:  # as str.find reads a negative start
            position = max(0, position + len(self.text))
        after = bisect.bisect_left(self.newlines, position)
        return self.newlines[after] if after < len(self.newlines) else len(self.text)
