"""News pages (HTML) through ``trafilatura``, made for them: the article's own text, title, date,
author and site name, with navigation, captions, photo credits, related links and comments left
out. A page too small for it (a fragment) falls back to the standard-library reader
(:func:`quotes.io.html.extract`)."""

from __future__ import annotations

from typing import Any

from quotes.io.html import extract
from quotes.io.page import Page


def news_page(html: str) -> Page:
    """A news page's own text and metadata (trafilatura), or a fragment's text (:mod:`.html`)."""
    found = _trafilatura(html)
    return extract(html) if found is None else found


def _trafilatura(html: str) -> Page | None:
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
    return Page("\n\n".join(paragraphs), title, data.get("date"), data.get("sitename"), data.get("url"))


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
