"""A parsed article's text, built once per Doc.

spaCy's ``Doc.text`` joins every token's text at each call: on a 1,000-token article about as
much work as reading the tokens' attributes once. The speaker resolver needs the text in
several places; :func:`doc_text` builds it once per Doc and keeps it for as long as the Doc lives.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built on the first call for this Doc (or given by :func:`know_text`)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def know_text(doc: Doc, text: str) -> None:
    """Record that ``doc`` was parsed from ``text`` (which is then its ``doc.text``)."""
    _TEXTS[doc] = text
