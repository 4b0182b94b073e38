"""One document read from a file: its article text and the metadata the file gives."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """The article text of a document and its title, date, outlet and url where it has them."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
