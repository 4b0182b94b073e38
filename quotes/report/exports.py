"""The data behind a report: ``quotations.jsonl`` and ``quotations.csv`` in the report folder.

Every quotation of the corpus, in corpus order, with its article's id and metadata, its spans,
text, kind, cue, tone and frames, and the report's speaker for it (``speaker_slug`` is the
folder and anchor of that speaker's report, ``speaker_name`` its display name). A quotation
with no named speaker has one row whose speaker fields are null. A quotation of several
speakers ("X and Y said") has one row per speaker, so that counting rows by ``speaker_slug``
gives each report's quotations; ``quote_index`` (the quotation's place in its article) tells the
rows of one quotation apart from those of another. ``counted`` is false for a row the report
did not count because it repeats a quotation already counted for that speaker.

``speaker_gender``, ``speaker_gender_basis`` and ``speaker_gender_explanation`` are the report
speaker's gender across the corpus (:func:`quotes.speakers.gender.corpus_gender`: the text of
any article outranks a declaration or a first name elsewhere; a conflict between articles is
named in the explanation); ``article_speaker_gender`` is what the quotation's own article says.
With ``--gender off`` none of them is written.

Spans are ``[start, end]`` character offsets into the article text, as ``quotes extract``
writes them; the CSV holds them as JSON text, tone as four columns and frames as
``id:weight;...``. This is what ``../shared/bench/speakers_score.py`` reads.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from quotes.io.serialize import (
    ARTICLE_COLUMNS,
    CUE_COLUMNS,
    GENDER_COLUMNS,
    SCORE_COLUMNS,
    article_columns,
    flat_cells,
    quotation_to_dict,
    tone_summary,
    without_gender,
)
from quotes.io.writers import csv_writer
from quotes.records import Article, Quotation
from quotes.report.spool import Spool
from quotes.report.summaries import SpeakerSummary
from quotes.speakers.gender import CorpusGender

JSONL = "quotations.jsonl"
CSV = "quotations.csv"
SPEAKER_FIELDS = ("speaker_slug", "speaker_name", "counted")
"""The fields a row takes from the report's speaker (null, and counted false, when none)."""
CSV_FIELDS = (
    "article_id",
    "quote_index",
    *SPEAKER_FIELDS,
    "speaker_type",
    *GENDER_COLUMNS,
    "kind",
    "content",
    "text",
    "speaker",
    "speaker_text",
    "article_speaker_name",
    "article_speaker_gender",
    "speaker_names",
    "title",
    "cue",
    *CUE_COLUMNS,
    *SCORE_COLUMNS,
    *ARTICLE_COLUMNS,
)
"""The columns of ``quotations.csv``, in order."""


def export_row(article: Article, position: int, quotation: Quotation) -> dict[str, Any]:
    """The speaker-independent part of one quotation's export row (JSON-ready values).

    ``article_speaker_name`` and ``speaker_names`` are the names found within the article; the
    report's speaker (``speaker_slug``, ``speaker_name``) is added by :func:`speaker_rows`."""
    data = quotation_to_dict(quotation)
    data["article_speaker_name"] = data.pop("speaker_name")
    data["article_speaker_gender"] = data["speaker_gender"]
    data["speaker_names"] = list(quotation.speakers)
    data["tone"] = tone_summary(quotation.scores)
    data["frames"] = [{"id": frame["id"], "weight": frame["weight"]} for frame in data["frames"]]
    return {"article_id": article.id, "quote_index": position, **data, **article_columns(article)}


def speaker_rows(
    exported: Iterable[tuple[dict[str, Any], list[str], list[str]]],
    speakers: Mapping[str, tuple[str, str]],
    merged: Mapping[str, str],
    genders: Mapping[str, CorpusGender | None] | None = None,
) -> Iterator[dict[str, Any]]:
    """The rows of the export: each quotation once per report speaker (once, with null speaker
    fields, when it has none).

    Args:
        exported: (row, speaker keys, keys it was counted for) per quotation, in corpus order.
        speakers: every final speaker key with its (slug, display name).
        merged: speaker keys folded into another (a lone surname into the full name).
        genders: every final speaker key's gender across the corpus (None: no person).
    """
    genders = genders or {}
    for row, keys, counted in exported:
        final_counted = {merged.get(key, key) for key in counted}
        finals = list(dict.fromkeys(merged.get(key, key) for key in keys if merged.get(key, key) in speakers))
        if not finals:
            yield {**_first(row), "speaker_slug": None, "speaker_name": None, "counted": False, **_rest(row),
                   **_gender(None)}  # fmt: skip
        for key in finals:
            slug, name = speakers[key]
            yield {**_first(row), "speaker_slug": slug, "speaker_name": name,
                   "counted": key in final_counted, **_rest(row), **_gender(genders.get(key))}  # fmt: skip


def _gender(decided: CorpusGender | None) -> dict[str, Any]:
    """The gender fields of a row for its report speaker."""
    if decided is None:
        return dict.fromkeys(GENDER_COLUMNS)
    return dict(zip(GENDER_COLUMNS, (decided.gender, decided.basis, decided.explanation), strict=True))


def _first(row: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": row["article_id"], "quote_index": row["quote_index"]}


def _rest(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key not in ("article_id", "quote_index")}


def csv_row(row: Mapping[str, Any], fields: Iterable[str] = CSV_FIELDS) -> dict[str, Any]:
    """An export row as flat CSV cells (:data:`CSV_FIELDS`; empty cells for nulls)."""
    return flat_cells(dict(row), tuple(fields))


def write_exports(folder: Path, rows: Iterable[dict[str, Any]], gender: bool = True) -> tuple[Path, Path]:
    """Write ``rows`` (see :func:`speaker_rows`) to ``quotations.jsonl`` and ``quotations.csv`` in
    ``folder``, streaming, without the gender fields unless ``gender``; each file appears whole or
    not at all. Returns the two paths."""
    fields = [f for f in CSV_FIELDS if gender or f not in (*GENDER_COLUMNS, "article_speaker_gender")]
    paths = (folder / JSONL, folder / CSV)
    temporary = [path.with_name(f".{path.name}.tmp") for path in paths]
    try:
        with (
            open(temporary[0], "w", encoding="utf-8") as jsonl,
            open(temporary[1], "w", encoding="utf-8", newline="") as table,
        ):
            writer = csv_writer(table, fields)  # formulas neutralised (quotes.io.writers)
            for row in rows:
                if not gender:
                    row = without_gender(row)
                    row.pop("article_speaker_gender", None)
                jsonl.write(json.dumps(row, ensure_ascii=False) + "\n")
                writer.writerow(csv_row(row, fields))
        for done, path in zip(temporary, paths, strict=True):
            os.replace(done, path)
    finally:
        for leftover in temporary:
            leftover.unlink(missing_ok=True)
    return paths


def export_quotations(
    folder: Path,
    spool: Spool,
    speakers: Mapping[str, tuple[str, str]],
    merged: Mapping[str, str],
    genders: Mapping[str, CorpusGender | None] | None = None,
    gender: bool = True,
    summaries: Sequence[SpeakerSummary] = (),
) -> tuple[Path, ...]:
    """Write the report's export from its spool (see :func:`speaker_rows` for the arguments;
    without ``gender``, no gender fields), and with the speakers' ``summaries``,
    ``quotations.sqlite``; returns the paths written."""
    paths = write_exports(folder, speaker_rows(spool.exported(), speakers, merged, genders), gender)
    if not summaries:
        return paths
    from quotes.report.sqlite_export import write_sqlite

    rows = speaker_rows(spool.exported(), speakers, merged, genders)
    return (*paths, write_sqlite(folder, rows, summaries))
