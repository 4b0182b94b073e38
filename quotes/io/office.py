""".docx and .pdf files: press releases and transcripts as their publishers send them, read with
``python-docx`` and ``pypdf``, both install extras (``pip install "quotescope[docx,pdf]"``);
without them, or when a file cannot be read (damaged, encrypted, a scanned image), the reason is
an :class:`~quotes.records.errors.InputError` that the manifest records."""

from __future__ import annotations

import io
from typing import Any

from quotes.io.page import Page
from quotes.records.errors import InputError


def docx_page(data: bytes) -> Page:
    """The paragraphs and tables of a ``.docx`` file, in order, and its title property."""
    try:
        import docx
    except ImportError:
        raise InputError('reading .docx files needs python-docx: pip install "quotescope[docx]"') from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a damaged file
        raise InputError(f"cannot read this .docx file: {type(exc).__name__}: {exc}") from None
    blocks: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_text_of(element))
        elif tag == "tbl":
            for row in element.iter():
                if row.tag.endswith("}tr"):
                    cells = [_text_of(cell) for cell in row if cell.tag.endswith("}tc")]
                    blocks.append(" ".join(c for c in cells if c.strip()))
    text = "\n\n".join(b.strip() for b in blocks if b.strip())
    title = (document.core_properties.title or "").strip() or None
    return Page(text, title)


def _text_of(element: Any) -> str:
    """The text of a Word XML element: its ``w:t`` runs joined."""
    return "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))


def pdf_page(data: bytes) -> Page:
    """The text of a ``.pdf`` file, page by page, and its title property."""
    try:
        import pypdf
    except ImportError:
        raise InputError('reading .pdf files needs pypdf: pip install "quotescope[pdf]"') from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("this .pdf file is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except InputError:
        raise
    except Exception as exc:  # pypdf raises several kinds on a damaged file
        raise InputError(f"cannot read this .pdf file: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(_pdf_paragraphs(page) for page in pages if page.strip())
    if not text.strip():
        raise InputError("no text in this .pdf file (a scanned image needs OCR first)")
    return Page(text, (title or "").strip() or None)


def _pdf_paragraphs(page: str) -> str:
    """A page's lines joined into paragraphs: a line break inside a sentence is a space."""
    lines = [line.strip() for line in page.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("")
        elif out and out[-1] and not out[-1].endswith((".", "?", "!", ":", '"', "”")):
            out[-1] = out[-1].removesuffix("-") + ("" if out[-1].endswith("-") else " ") + line
        else:
            out.append(line)
    return "\n\n".join(p for p in out if p)
