"""Records from JSONL and CSV files: one id rule, line-by-line reading, and an error per bad line.

Articles to analyse (:mod:`quotes.io.readers`), gold files (:mod:`quotes.evaluate.scorer`) and texts to
score share :func:`read_records`, so a record's id means the same everywhere.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from quotes.io.decoding import decoded_lines
from quotes.io.files import display_name
from quotes.io.manifest import Manifest
from quotes.records.errors import InputError

METADATA = ("title", "date", "outlet", "url")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")  # run after \r is normalised
ASCII_SPACE = " \t\n\r\x0b\x0c"


class _RecordError(Exception):
    """One malformed JSONL line or CSV row."""


def clean_text(text: str) -> str:
    """Normalise newlines to ``\\n`` and drop control characters other than newline and tab."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", text)


def clean_field(value: str | None) -> str | None:
    """A metadata value on one line, or None when empty."""
    if value is None:
        return None
    return " ".join(clean_text(value).split()) or None


# -- records: JSONL and CSV ------------------------------------------------------------------------
#
# The one id rule: a record's id is its ``id`` field, a string (stripped, on one line) or an
# integer (written in decimal); when the field is absent, null or blank the id is
# ``{file stem}:{line}``. Ids are unique within a file: a repeat is an error at its line.


@dataclass(frozen=True)
class Record:
    """One JSONL line or CSV row with a usable text: where it stands, its id and its fields.

    ``text`` is as written (not cleaned), so character offsets in the record (gold spans) hold."""

    path: str
    line: int
    id: str
    text: str
    fields: Mapping[str, object]


def default_id(stem: str, line: int) -> str:
    """The id of a record that gives none: ``{file stem}:{line}`` (an odd byte or line break of
    the file name escaped, see :func:`quotes.io.files.display_name`)."""
    return f"{display_name(stem)}:{line}"


def record_id(fields: Mapping[str, object], stem: str, line: int) -> str:
    """A record's id by the one id rule; _RecordError when ``id`` is neither string nor integer."""
    raw = fields.get("id")
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if raw is not None and not isinstance(raw, str):
        raise _RecordError(f"'id' is not a string or an integer (got {json_type(raw)})")
    return clean_field(raw) or default_id(stem, line)


def read_records(path: str, manifest: Manifest) -> Iterator[Record]:
    """The records of a ``.jsonl`` or ``.csv`` file, decoded like every input.

    A bad line or row is an error at its number in ``manifest`` and reading goes on.

    Raises:
        InputError: the file cannot be read as a whole (empty, binary, CSV without ``text``).
        OSError: it cannot be opened.
    """
    suffix = os.path.splitext(path)[1].lower()
    with open(path, "rb") as stream:
        lines = decoded_lines(path, stream, manifest)
        yield from _csv(path, lines, manifest) if suffix == ".csv" else jsonl_records(path, lines, manifest)


def _is_blank(line: str) -> bool:
    return not line.strip(ASCII_SPACE)


def jsonl_records(
    path: str, lines: Iterable[str], manifest: Manifest, *, stem: str | None = None
) -> Iterator[Record]:
    """One record per non-blank line; a bad line is an error at its number, and reading goes on."""
    stem = stem or Path(path).stem
    seen: set[str] = set()
    content = False
    for number, line in enumerate(lines, 1):
        if _is_blank(line):
            continue
        content = True
        try:
            record = _record(_json_object(line), path, number, stem, seen)
        except _RecordError as exc:
            manifest.error(path, number, str(exc))
            continue
        yield record
    if not content:
        raise InputError("empty file")


def _json_object(line: str) -> Mapping[str, object]:
    try:
        value = json.loads(line, strict=False)
    except json.JSONDecodeError as exc:
        raise _RecordError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        raise _RecordError(f"invalid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise _RecordError(f"not a JSON object (got {json_type(value)})")
    return value


def json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _record(fields: Mapping[str, object], path: str, number: int, stem: str, seen: set[str]) -> Record:
    """A record from one line's fields; _RecordError when it has no usable text or id, or a repeated id."""
    text = fields.get("text")
    if text is None:
        raise _RecordError("missing 'text'")
    if not isinstance(text, str):
        raise _RecordError(f"'text' is not a string (got {json_type(text)})")
    if not clean_text(text).strip():
        raise _RecordError("empty 'text'")
    record = Record(path, number, record_id(fields, stem, number), text, fields)
    if record.id in seen:
        raise _RecordError(f"duplicate id {record.id!r}")
    seen.add(record.id)
    return record


def _csv(path: str, lines: Iterable[str], manifest: Manifest) -> Iterator[Record]:
    """One record per CSV row under a header with a ``text`` column; bad rows are errors."""
    _raise_field_limit()
    reader = csv.reader((line.replace("\x00", "") for line in lines), strict=True)
    columns, width = _csv_header(reader)
    stem = Path(path).stem
    seen: set[str] = set()
    while True:
        number = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            manifest.error(path, number, f"malformed CSV: {exc}")
            if reader.line_num < number:
                return
            continue
        if len(row) <= 1 and _is_blank("".join(row)):
            continue
        try:
            record = _csv_record(row, columns, width, path, number, stem, seen)
        except _RecordError as exc:
            manifest.error(path, number, str(exc))
            continue
        yield record


def _csv_header(reader: Iterator[list[str]]) -> tuple[dict[str, int], int]:
    """Column positions by lower-cased name, and the row width; InputError without ``text``."""
    for row in reader:
        if len(row) <= 1 and _is_blank("".join(row)):
            continue
        columns: dict[str, int] = {}
        for index, name in enumerate(row):
            columns.setdefault(name.strip().lower(), index)
        if "text" not in columns:
            shown = ", ".join(repr(name) for name in row[:10])
            line = getattr(reader, "line_num", None)
            raise InputError(f"CSV header has no 'text' column (columns: {shown})", line=line)
        return columns, len(row)
    raise InputError("empty file")


def _csv_record(
    row: list[str], columns: dict[str, int], width: int, path: str, number: int, stem: str, seen: set[str]
) -> Record:
    if len(row) != width:
        raise _RecordError(f"row has {len(row)} field(s) but the header has {width}")
    wanted = ("id", "text", *METADATA)
    fields = {key: row[columns[key]] for key in wanted if key in columns}
    return _record(fields, path, number, stem, seen)


def _raise_field_limit() -> None:
    """Allow fields as long as a whole article (the default limit is 128 KiB)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
