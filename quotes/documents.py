"""Article text from real article formats: news pages (HTML), ``.docx`` and ``.pdf`` files, and a
URL the user gives.

News pages go through ``trafilatura``, made for them: the article's own text, title, date, author
and site name, with navigation, captions, photo credits, related links and comments left out.
A page too small for it (a fragment) falls back to :mod:`quotes.htmltext`. ``.docx`` press releases
and transcripts are read with ``python-docx`` and ``.pdf`` ones with ``pypdf``, both install
extras (``pip install "quotescope[docx,pdf]"``); without them, or when a file cannot be read, the
reason is an :class:`~quotes.errors.InputError` that the manifest records. A URL is fetched only
when it is given as an input: the one use of the network.
"""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from quotes.errors import InputError
from quotes.htmltext import extract as extract_fragment

FETCH_TIMEOUT = 30.0
FETCH_MAX_BYTES = 20_000_000
USER_AGENT = "quotescope (+https://pypi.org/project/quotescope/)"
_URL = re.compile(r"https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """The text and metadata of one document."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


def is_url(given: str) -> bool:
    """True for an ``http://`` or ``https://`` input."""
    return bool(_URL.match(given))


# -- news pages -------------------------------------------------------------------------------------


def html_document(html: str) -> Document:
    """A news page's own text and metadata (trafilatura), or a fragment's text (htmltext)."""
    found = _trafilatura(html)
    if found is None:
        page = extract_fragment(html)
        return Document(page.text, page.title, page.date, page.outlet, page.url)
    return found


def _trafilatura(html: str) -> Document | None:
    try:
        import trafilatura
    except ImportError:  # a broken install: the fragment reader still gives the text
        return None
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        favor_precision=True,
    )  # fmt: skip
    if result is None:
        return None
    data: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = getattr(result, "body", None)
    paragraphs = _paragraphs(body) if body is not None else [data.get("text") or ""]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return None
    title, author = data.get("title"), data.get("author")
    if title and paragraphs[0] != title.strip():
        paragraphs.insert(0, title.strip())
    if author and not any(author in p for p in paragraphs[:3]):
        paragraphs.insert(1, f"By {author}")  # the byline the page shows: it names the writer's "I"
    return Document("\n\n".join(paragraphs), title, data.get("date"), data.get("sitename"), data.get("url"))


_BLOCKS = frozenset({"p", "head", "item", "row"})


def _paragraphs(body: Any) -> list[str]:
    """The paragraphs of trafilatura's XML body (``p``, ``head``, list ``item``, table ``row``), each
    with its line breaks (``lb``) kept and its spaces collapsed."""
    found: list[str] = []
    for element in body.iter():
        if element.tag in _BLOCKS and not any(a.tag in _BLOCKS for a in element.iterancestors()):
            lines = _block_text(element).split("\n")
            found.append("\n".join(text for line in lines if (text := " ".join(line.split()))))
    return found


def _block_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag == "cell":
            parts.append(" " + _block_text(child) + " ")
        else:
            parts.append(_block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# -- .docx and .pdf ---------------------------------------------------------------------------------


def docx_document(data: bytes) -> Document:
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
    return Document(text, title)


def _text_of(element: Any) -> str:
    """The text of a Word XML element: its ``w:t`` runs joined."""
    return "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))


def pdf_document(data: bytes) -> Document:
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
    return Document(text, (title or "").strip() or None)


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


# -- a URL ------------------------------------------------------------------------------------------


def fetch(url: str) -> tuple[bytes, str]:
    """The body of ``url`` and its content type; an InputError says why it could not be fetched."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # http(s) only: is_url
            body = response.read(FETCH_MAX_BYTES + 1)
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise InputError(f"cannot fetch: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise InputError(f"cannot fetch: {getattr(exc, 'reason', exc)}") from None
    if len(body) > FETCH_MAX_BYTES:
        raise InputError(f"cannot fetch: larger than {FETCH_MAX_BYTES // 1_000_000} MB")
    return body, kind
