"""The report's quotations on disk: a SQLite file read back per speaker, and the export list.

Two tables: ``q`` holds the compact row of each counted quotation under its speaker (read back
one speaker at a time for the pages); ``export`` holds every quotation once, in corpus order,
with the keys of its speakers (read back for ``quotations.jsonl`` and ``quotations.csv``).
Memory stays flat: rows go to disk as they come.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

_COMMIT_EVERY = 2000


class Spool:
    """Quotations spooled to a SQLite file, read back per speaker in corpus order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("PRAGMA cache_size=-8000")  # at most ~8 MB of page cache
        self._db.execute(
            "CREATE TABLE q (seq INTEGER PRIMARY KEY, speaker TEXT NOT NULL, article INTEGER NOT NULL, "
            "row TEXT NOT NULL)"
        )
        self._db.execute(
            "CREATE TABLE export (seq INTEGER PRIMARY KEY, speakers TEXT NOT NULL, counted TEXT NOT NULL, "
            "row TEXT NOT NULL)"
        )
        self._pending = 0
        self._indexed = False

    def add(self, speaker: str, row: dict[str, Any], article: int = 0) -> None:
        """Append one quotation row for ``speaker``, from the corpus's ``article``-th article."""
        self._db.execute(
            "INSERT INTO q (speaker, article, row) VALUES (?, ?, ?)", (speaker, article, json.dumps(row))
        )
        self._written()

    def export(self, row: dict[str, Any], speakers: Sequence[str], counted: Sequence[str]) -> None:
        """Append one quotation of the corpus (any, attributed or not) with its speakers' keys and
        those it was counted for (a repeat is not)."""
        self._db.execute(
            "INSERT INTO export (speakers, counted, row) VALUES (?, ?, ?)",
            (json.dumps(list(speakers)), json.dumps(list(counted)), json.dumps(row)),
        )
        self._written()

    def _written(self) -> None:
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self._db.commit()
            self._pending = 0

    def rows(self, speaker: str, limit: int) -> Iterator[dict[str, Any]]:
        """Up to ``limit`` rows of ``speaker``, in the order they were added."""
        if not self._indexed:
            self._db.commit()
            self._db.execute("CREATE INDEX q_speaker ON q (speaker, seq)")
            self._indexed = True
        cursor = self._db.execute(
            "SELECT row FROM q WHERE speaker = ? ORDER BY seq LIMIT ?", (speaker, limit)
        )
        for (row,) in cursor:
            yield json.loads(row)

    def exported(self) -> Iterator[tuple[dict[str, Any], list[str], list[str]]]:
        """Every exported quotation in corpus order: (row, speaker keys, keys it was counted for)."""
        self._db.commit()
        cursor = self._db.cursor()  # its own cursor: reading while other queries run
        query = "SELECT speakers, counted, row FROM export ORDER BY seq"
        for speakers, counted, row in cursor.execute(query):
            yield json.loads(row), json.loads(speakers), json.loads(counted)

    def rename(self, old: str, new: str) -> None:
        """Move every row of speaker ``old`` to speaker ``new``, keeping corpus order (the export
        keeps the old key: resolve it through the aggregator's ``merged``)."""
        self._db.execute("UPDATE q SET speaker = ? WHERE speaker = ?", (new, old))

    def articles(self, speaker: str) -> int:
        """How many distinct articles the rows of ``speaker`` come from."""
        query = "SELECT COUNT(DISTINCT article) FROM q WHERE speaker = ?"
        return int(self._db.execute(query, (speaker,)).fetchone()[0])

    def close(self) -> None:
        """Close the database (the caller removes the file)."""
        self._db.close()
