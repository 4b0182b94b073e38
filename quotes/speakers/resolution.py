"""What resolving one speaker mention gives: :class:`Resolution`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Resolution:
    """A speaker mention's canonical name; ``names`` lists each speaker of ``X and Y said``."""

    name: str | None
    kind: str  # person | organisation | description | unknown
    how: str
    title: str | None = None
    names: tuple[str, ...] = ()


def _unknown(how: str) -> Resolution:
    return Resolution(None, "unknown", how)


def unknown(how: str) -> Resolution:
    """An honest unknown, with the reason."""
    return Resolution(None, "unknown", how)
