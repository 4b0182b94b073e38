"""The report as one SQLite database: ``quotations.sqlite`` in the report folder.

Tables: ``articles`` (id, title, date, outlet, url), ``speakers`` (slug, name, type, whether the
speaker is named or an unnamed source, counts, mean tone and interval, page), ``quotations``
(one row per quotation and speaker, as ``quotations.csv``: the article, the speaker's slug, the
text, kind, cue, rule, tone), ``frames`` (quotation id, frame id, weight), and the full-text index
``quotations_fts`` on the quotation text (FTS5, an external-content table as Datasette expects).
It opens in Datasette, DB Browser for SQLite and pandas (``pd.read_sql("select * from
quotations", sqlite3.connect(path))``). The file appears whole or not at all.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from quotes.report.sources import is_unnamed
from quotes.report.summaries import SpeakerSummary

SQLITE = "quotations.sqlite"
SCHEMA = """
CREATE TABLE articles (
  id TEXT PRIMARY KEY, title TEXT, date TEXT, outlet TEXT, url TEXT
);
CREATE TABLE speakers (
  slug TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
  named INTEGER NOT NULL,  -- 1: a person or organisation; 0: an unnamed source ("officials")
  quotations INTEGER NOT NULL, articles INTEGER NOT NULL,
  mean_tone REAL, ci95_low REAL, ci95_high REAL, page TEXT NOT NULL
);
CREATE TABLE quotations (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  quote_index INTEGER NOT NULL,  -- the quotation's place in its article
  speaker_slug TEXT REFERENCES speakers(slug),  -- null: no speaker found
  counted INTEGER NOT NULL,  -- 0: a repeat of a quotation already counted for this speaker
  speaker_text TEXT, speaker_type TEXT, title TEXT,
  kind TEXT NOT NULL, text TEXT NOT NULL, content TEXT NOT NULL,  -- content: JSON [[start, end], ...]
  cue_text TEXT, cue_lemma TEXT, cue_class TEXT, stance TEXT, rule TEXT, confidence REAL,
  tone_label TEXT, tone_compound REAL, certainty REAL, hype REAL, codebook_frame TEXT,
  explanation TEXT
);
CREATE TABLE frames (
  quotation_id INTEGER NOT NULL REFERENCES quotations(id), frame TEXT NOT NULL, weight REAL NOT NULL
);
CREATE INDEX quotations_article ON quotations (article_id);
CREATE INDEX quotations_speaker ON quotations (speaker_slug);
CREATE INDEX frames_quotation ON frames (quotation_id);
"""
_QUOTATION_COLUMNS = (
    "id", "article_id", "quote_index", "speaker_slug", "counted", "speaker_text", "speaker_type", "title",
    "kind", "text", "content", "cue_text", "cue_lemma", "cue_class", "stance", "rule", "confidence",
    "tone_label", "tone_compound", "certainty", "hype", "codebook_frame", "explanation",
)  # fmt: skip


def write_sqlite(
    folder: Path, rows: Iterable[Mapping[str, Any]], summaries: Sequence[SpeakerSummary]
) -> Path:
    """Write ``quotations.sqlite`` into ``folder`` from the export rows (see
    :func:`quotes.report.exports.speaker_rows`) and every speaker's summary; returns its path."""
    path = folder / SQLITE
    temporary = path.with_name(f".{SQLITE}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        db = sqlite3.connect(temporary)
        try:
            db.executescript(SCHEMA)
            db.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _speakers(summaries))
            _quotations(db, rows)
            _full_text(db)
            db.commit()
        finally:
            db.close()
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _speakers(summaries: Sequence[SpeakerSummary]) -> Iterable[tuple[Any, ...]]:
    for s in summaries:
        ci = s.tone.ci95
        named = int(not is_unnamed(s.type))
        low, high = ci if ci else (None, None)
        yield (s.slug, s.name, s.type, named, s.quotes, s.articles, s.tone.mean_compound, low, high, s.page)


def _quotations(db: sqlite3.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    insert = f"INSERT INTO quotations VALUES ({', '.join('?' * len(_QUOTATION_COLUMNS))})"
    seen: set[str] = set()
    for number, row in enumerate(rows, 1):
        if row["article_id"] not in seen:
            seen.add(row["article_id"])
            article = (row["article_id"], row["article_title"], row["date"], row["outlet"], row["url"])
            db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?)", article)
        tone = row.get("tone") or {}
        values = {
            **row,
            "id": number,
            "counted": int(bool(row["counted"])),
            "content": json.dumps(row["content"]),
            "tone_label": tone.get("label"),
            "tone_compound": tone.get("compound"),
            "certainty": tone.get("certainty"),
            "hype": tone.get("hype"),
        }
        db.execute(insert, [values.get(column) for column in _QUOTATION_COLUMNS])
        frames = [(number, frame["id"], frame["weight"]) for frame in row.get("frames") or ()]
        db.executemany("INSERT INTO frames VALUES (?, ?, ?)", frames)


def _full_text(db: sqlite3.Connection) -> None:
    """The full-text index on quotation text, FTS5 where SQLite has it, else FTS4, else none."""
    for module in ("fts5", "fts4"):
        try:
            db.execute(f'CREATE VIRTUAL TABLE quotations_fts USING {module}(text, content="quotations"'
                       + (', content_rowid="id")' if module == "fts5" else ")"))  # fmt: skip
        except sqlite3.OperationalError:
            continue
        db.execute("INSERT INTO quotations_fts(quotations_fts) VALUES ('rebuild')")
        return
