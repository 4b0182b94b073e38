"""The record of what a report wrote, so a re-run removes exactly that and nothing else.

``report-files.json`` in the output folder lists every file the report wrote, relative to the
folder. A later run into the same folder writes its own files, then deletes the files of the
earlier record that it did not write again, and the folders that this leaves empty. Files a user
put there, or any path outside the folder, are never touched.
"""

from __future__ import annotations

import json
from pathlib import Path

from quotes.io.files import UnsafePathError, atomic_write_text, inside

RECORD = "report-files.json"


class Written:
    """Paths written during one run, relative to ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: set[str] = set()

    def add(self, path: Path) -> Path:
        """Note ``path`` (inside root) as written; returns it."""
        self.files.add(path.relative_to(self.root).as_posix())
        return path

    def previous(self) -> set[str]:
        """The files the last report into this folder recorded (empty if none or unreadable)."""
        try:
            data = json.loads((self.root / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        files = data.get("files") if isinstance(data, dict) else None
        return {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()

    def finish(self, previous: set[str]) -> list[str]:
        """Delete the stale files of ``previous``, write the new record; returns what was removed."""
        removed = []
        for name in sorted(previous - self.files - {RECORD}):
            try:
                path = inside(self.root, name)
            except UnsafePathError:
                continue
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(name)
                _prune(path.parent, self.root)
        files = sorted(self.files | {RECORD})
        atomic_write_text(self.root / RECORD, json.dumps({"files": files}, indent=1) + "\n")
        return removed


def _prune(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents up to ``root`` while they are empty."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
