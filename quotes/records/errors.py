"""The library's exception family: every error quotescope raises on purpose derives from
:class:`QuotesError`, and ``str()`` of one is a single line a user can act on.

The CLI turns a ``QuotesError`` into one message and exit status 1 (in one place,
:meth:`quotes.cli.common.QuotesGroup.invoke`); anything else escaping the library is a bug.

The members: :class:`~quotes.nlp.model.ModelError` (the spaCy model), defined beside the code
that raises it; :class:`RuleError` (a rule file, ``file:line: reason``, raised by the rule loaders
and the rule schema, re-exported by :mod:`quotes.rules.yamlfile`), :class:`InputError` (an input
file or one of its lines) and :class:`GoldError` (an annotated gold file), defined here.
"""

from __future__ import annotations

from pathlib import Path


class QuotesError(Exception):
    """Base of every error the library raises on purpose; ``str()`` is one line for the user."""


class RuleError(QuotesError, ValueError):
    """A rule file that cannot be used; ``str()`` is ``file:line: reason``."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class InputError(QuotesError):
    """An input that cannot be read as a whole (or a problem at one of its lines)."""

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None) -> None:
        where = f"{path}:{line}" if path and line is not None else path
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason = reason
        self.path = path
        self.line = line


class GoldError(QuotesError, ValueError):
    """A malformed gold file; the message names the file and line."""
