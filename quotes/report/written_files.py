"""The record of what a report wrote, so a re-run removes exactly that and nothing else.

``report-files.json`` in the output folder lists every file the report wrote, relative to the
folder (itself included). The report is built in a staging folder and swapped in whole
(:mod:`quotes.report.staging`): the files the earlier record lists are left behind with the old
folder, and every other entry of the old folder (a user's files) is carried over into the new one.
A record is never used to reach a path outside the folder.
"""

from __future__ import annotations

import json
from pathlib import Path

from quotes.io.files import atomic_write_text

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

    def finish(self) -> set[str]:
        """Write the record (listing itself); returns every file written."""
        self.files.add(RECORD)
        atomic_write_text(self.root / RECORD, json.dumps({"files": sorted(self.files)}, indent=1) + "\n")
        return set(self.files)
