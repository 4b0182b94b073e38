"""Safe output: atomic writes inside an output folder, and file-name-safe slugs."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from quotes.records.errors import QuotesError

MAX_SLUG_LENGTH = 60
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "index",
    "assets",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


class UnsafePathError(QuotesError, ValueError):
    """A path that would land outside the output folder."""


_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_name(name: str) -> str:
    """``name`` (a path or an id made from one) safe to print or write as UTF-8 on one line.

    An undecodable byte of a file name becomes ``\\xff``; a line break, tab or other control
    character, a line or paragraph separator and a bidirectional override become ``\\n``,
    ``\\t``, ``\\x1b``, ``\\u2028``, ``\\u202e``: a name can neither break a message in two
    (and so forge a line) nor make a UTF-8 stream fail. Other names are returned unchanged."""
    return _UNPRINTABLE.sub(_escape, name)


def slugify(name: str, taken: set[str] | None = None) -> str:
    """A lowercase ASCII slug for a file or folder name, unique among ``taken``.

    No separators, no dots, no reserved device names, at most MAX_SLUG_LENGTH characters;
    a clash gets ``-2``, ``-3``, ... The slug is added to ``taken``.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-")
    if not slug:
        slug = "speaker"
    if slug in _RESERVED:
        slug = f"{slug}-speaker"
    if taken is None:
        return slug
    unique, number = slug, 2
    while unique in taken:
        suffix = f"-{number}"
        unique = slug[: MAX_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(unique)
    return unique


def inside(root: Path, *parts: str) -> Path:
    """``root/parts...``, refusing any result that escapes ``root``."""
    base = root.resolve()
    target = base.joinpath(*parts).resolve()
    if target != base and base not in target.parents:
        raise UnsafePathError(f"{target} is outside the output folder {base}")
    return target


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` atomically (see atomic_write_bytes)."""
    atomic_write_bytes(path, text.encode("utf-8"))


class AtomicFile:
    """A text file written in place of ``path`` only when :meth:`commit` is called.

    The temporary file is made beside ``path`` at once, so a target that cannot be written (a
    read-only folder or file, a file where a folder should be) fails before any work is done; what is written
    streams to disk, never held in memory. Leaving the ``with`` block without :meth:`commit` (an
    error, an interrupt, or a run that decided against it) removes the temporary file and leaves
    ``path`` as it was."""

    def __init__(self, path: Path, *, newline: str | None = None) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(self.path))
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise PermissionError(13, "Permission denied", str(self.path))
        folder = self.path.parent if str(self.path.parent) else Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        self.temporary = Path(temporary)
        try:
            os.chmod(temporary, 0o666 & ~_UMASK)
            self.stream = os.fdopen(handle, "w", encoding="utf-8", newline=newline)
        except BaseException:
            os.close(handle)
            self.temporary.unlink(missing_ok=True)
            raise
        self.committed = False

    def commit(self) -> None:
        """Put the written file in place of ``path``."""
        self.stream.close()
        os.replace(self.temporary, self.path)
        self.committed = True

    def discard(self) -> None:
        """Drop what was written; ``path`` stays as it was."""
        self.stream.close()
        self.temporary.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            self.discard()
