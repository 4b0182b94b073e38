"""The article's writer: who its own "I" is, when the article names them.

A byline or tagline (:mod:`quotes.speakers.author`), else a columnist named alone before the
headline's colon (``Ann Coulter: And Then There Was the One.``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.nlp.doctext import doc_text
from quotes.speakers.author import article_author
from quotes.speakers.records import Resolution

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from quotes.speakers.article_entities import ArticleEntities

FIRST_PERSON = frozenset(["i", "me", "my", "we", "us", "our"])
QUOTE_MARKS = ('"', "“", "”", "‘", "'")


def article_writer(doc: Doc, entities: ArticleEntities) -> Resolution | None:
    """The article's writer, when it names them (:mod:`quotes.speakers.author`)."""
    found = article_author(doc_text(doc), entities.words.first_names)
    if found is None:
        return _columnist(entities)
    entity = entities.lookup(found.name)  # "Gaudiano" of a tagline: "Nicole Gaudiano"
    name = entity.name if entity is not None and entity.kind == "person" else found.name
    return Resolution(name, "person", f"the writer, named in the {found.source} as '{found.name}'")


def _columnist(entities: ArticleEntities) -> Resolution | None:
    """``Ann Coulter: And Then There Was the One.``: a person of the article named alone before a
    headline's colon, the headline after it neither quoted nor in the first person (``Kasich: We
    Are Going All the Way`` is Kasich speaking), is the writer of the article's own "I"."""
    headline = entities.text[: max(0, entities.first_line_end)]
    name, colon, rest = headline.partition(":")
    words = rest.replace("’", "'").split()
    if not colon or any(mark in rest for mark in QUOTE_MARKS) or any(
        w.lower().split("'")[0].strip(",.!?") in FIRST_PERSON for w in words
    ):
        return None
    entity = entities.lookup(name.strip())
    if entity is None or entity.kind != "person" or entity.name.split()[-1] != name.split()[-1]:
        return None
    return Resolution(entity.name, "person", f"the writer, named before the headline's colon as '{name}'")
