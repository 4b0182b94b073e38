"""Safe output: atomic writes inside an output folder, and file-name-safe slugs."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

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


class UnsafePathError(ValueError):
    """A path that would land outside the output folder."""


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
