"""The input formats quotescope reads, in one table: each with its file suffixes and how a file
of it becomes articles. Whole documents give one article each: text formats (plain text,
Markdown, HTML news pages, e-mail) through ``parse`` from the file's decoded text, binary ones
(.docx, .pdf) through ``parse_bytes`` from its bytes; record files (JSON lines, CSV) give one
article per line or row (:mod:`quotes.io.tabular`). A new format is one row here and, for a
document format, one function to a :class:`~quotes.io.page.Page`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from quotes.io.mail import email_page
from quotes.io.markdown import front_matter, markdown_title, markdown_to_text
from quotes.io.news import news_page
from quotes.io.office import docx_page, pdf_page
from quotes.io.page import Page


@dataclass(frozen=True)
class InputFormat:
    """A kind of input file: its name, suffixes, and how it is read."""

    name: str
    suffixes: tuple[str, ...]
    parse: Callable[[str], Page] | None = None  # a document's decoded text -> its article
    parse_bytes: Callable[[bytes], Page] | None = None  # a binary document's bytes -> its article

    @property
    def records(self) -> bool:
        """One article per line or row (JSONL, CSV), not one per file."""
        return self.parse is None and self.parse_bytes is None


def _plain(text: str) -> Page:
    return Page(text)


def _markdown(text: str) -> Page:
    meta, text = front_matter(text)
    title = meta.get("title") or markdown_title(text)
    return Page(markdown_to_text(text), title, meta.get("date"), meta.get("outlet"), meta.get("url"))


FORMATS: tuple[InputFormat, ...] = (
    InputFormat("plain text", (".txt",), _plain),
    InputFormat("Markdown", (".md", ".markdown"), _markdown),
    InputFormat("HTML", (".html", ".htm"), news_page),
    InputFormat("e-mail", (".eml",), email_page),
    InputFormat("Word", (".docx",), parse_bytes=docx_page),
    InputFormat("PDF", (".pdf",), parse_bytes=pdf_page),
    InputFormat("JSON lines", (".jsonl",)),
    InputFormat("CSV", (".csv",)),
)
PLAIN_TEXT, HTML, PDF = FORMATS[0], FORMATS[2], FORMATS[5]
_BY_SUFFIX = {suffix: f for f in FORMATS for suffix in f.suffixes}


def input_format(path: str) -> InputFormat | None:
    """The format of a file, by its suffix; None for a suffix of no format."""
    return _BY_SUFFIX.get(os.path.splitext(path)[1].lower())


def is_records(path: str) -> bool:
    """Whether ``path`` is a file of records (one article per line or row)."""
    found = input_format(path)
    return found is not None and found.records


def suffix_list() -> str:
    """The main suffix of every format, for messages: ``.txt, .md, .html, ...``."""
    return ", ".join(f.suffixes[0] for f in FORMATS)
