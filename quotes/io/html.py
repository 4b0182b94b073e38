"""Article text from HTML with the standard library parser.

Text comes from paragraphs, headings, list items and block quotations; scripts, styles and page
furniture (navigation, headers, footers, asides) are dropped. Paragraphs are separated by blank
lines and entities are decoded. When a page has none of those blocks, all visible text is used.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quotes.io.page import Page

SKIPPED = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "math", "iframe"}
)
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"})
FALLBACK_BREAKS = frozenset(
    {"div", "section", "article", "main", "td", "th", "tr", "table", "ul", "ol", "dl", "dd", "dt",
     "pre", "figure", "figcaption", "body", "form"}
)  # fmt: skip
_BR = "\ue000"  # private-use stand-in for <br> while whitespace is collapsed
_SPACE = re.compile(r"\s+")
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "pubdate", "publish-date")


def collapse(text: str) -> str:
    """Collapse HTML whitespace to single spaces, keeping <br> breaks as newlines."""
    lines = (_SPACE.sub(" ", piece).strip() for piece in text.split(_BR))
    return "\n".join(line for line in lines if line)


class _ArticleParser(HTMLParser):
    """Collects block text, title candidates and metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.fallback: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_text: list[str] = []
        self.first_h1: str | None = None
        self._buffer: list[str] = []
        self._loose: list[str] = []
        self._open_blocks: list[str] = []
        self._skip = 0
        self._in_title = False

    # -- tags -----------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skip += 1
        elif tag == "title":
            self._in_title = not self._skip and not self.title_text
        elif tag in ("meta", "link"):
            self._read_meta(tag, dict(attrs))
        elif tag == "br":
            self._break_line()
        elif tag in BLOCKS and not self._skip:
            self._flush()
            self._open_blocks.append(tag)
        elif tag in FALLBACK_BREAKS:
            self._flush_loose()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._read_meta(tag, dict(attrs))
        elif tag == "br":
            self._break_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in BLOCKS and tag in self._open_blocks and not self._skip:
            self._flush(closing=tag)
            index = len(self._open_blocks) - 1 - self._open_blocks[::-1].index(tag)
            del self._open_blocks[index:]
        elif tag in FALLBACK_BREAKS:
            self._flush_loose()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_text.append(data)
        elif not self._skip:
            (self._buffer if self._open_blocks else self._loose).append(data)

    def close(self) -> None:
        super().close()
        self._flush()
        self._flush_loose()

    # -- helpers --------------------------------------------------------------------------------
    def _break_line(self) -> None:
        if not self._skip:
            (self._buffer if self._open_blocks else self._loose).append(_BR)

    def _flush(self, closing: str | None = None) -> None:
        text = collapse("".join(self._buffer))
        self._buffer.clear()
        if not text:
            return
        self.blocks.append(text)
        if closing == "h1" and self.first_h1 is None:
            self.first_h1 = text.replace("\n", " ")

    def _flush_loose(self) -> None:
        text = collapse("".join(self._loose))
        self._loose.clear()
        if text:
            self.fallback.append(text)

    def _read_meta(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "link":
            if (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
                self.meta.setdefault("url", attrs["href"] or "")
            return
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = (attrs.get("content") or "").strip()
        if not key or not content:
            return
        if key == "og:site_name":
            self.meta.setdefault("outlet", content)
        elif key == "og:url":
            self.meta.setdefault("url", content)
        elif key == "og:title":
            self.meta.setdefault("og:title", content)
        elif key in _DATE_META:
            self.meta.setdefault("date", content)


def extract(html: str) -> Page:
    """The article text, title and metadata of an HTML page; never raises on malformed markup."""
    parser = _ArticleParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError, IndexError):  # pragma: no cover - defensive: keep what we have
        parser._flush()
        parser._flush_loose()
    paragraphs = parser.blocks or parser.fallback
    title = (
        _SPACE.sub(" ", "".join(parser.title_text)).strip() or parser.first_h1 or parser.meta.get("og:title")
    )
    return Page(
        text="\n\n".join(paragraphs),
        title=title or None,
        date=parser.meta.get("date"),
        outlet=parser.meta.get("outlet"),
        url=parser.meta.get("url"),
    )
