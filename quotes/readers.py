"""Input discovery and article reading.

Every input yields its articles and records every problem in a :class:`Manifest`; bad content
never raises. ``Article.text`` is the canonical text: newlines are normalised and control
characters (other than newline and tab) are dropped, whatever the source. JSONL and CSV inputs
are read line by line, so big files stream, as :class:`Record` s with one id rule
(:func:`record_id`), which gold files (:mod:`quotes.evaluate`) and texts to score share.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TextIO

from quotes.decoding import BinaryInputError as BinaryInputError  # re-exported
from quotes.decoding import decode_bytes, decoded_lines
from quotes.errors import InputError as InputError  # re-exported
from quotes.htmltext import extract
from quotes.manifest import Manifest
from quotes.markdown import front_matter, markdown_title, markdown_to_text
from quotes.records import Article

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".csv"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
STDIN = "-"
STDIN_ID = "stdin"
METADATA = ("title", "date", "outlet", "url")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")  # run after \r is normalised
_ASCII_SPACE = " \t\n\r\x0b\x0c"


class _RecordError(Exception):
    """One malformed JSONL line or CSV row."""


# -- discovery --------------------------------------------------------------------------------------


def discover(inputs: Sequence[str]) -> Iterator[str]:
    """Expand files and folders into input paths; ``-`` is stdin.

    Folders are walked recursively in sorted order, keeping supported suffixes and skipping hidden
    files and folders. Paths given explicitly are yielded as given, even if missing (reading them
    records the failure). Each input is yielded once.
    """
    seen: set[str] = set()
    for given in inputs:
        for path in _expand(given):
            key = path if path == STDIN else os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path


def _expand(given: str) -> Iterator[str]:
    if given != STDIN and os.path.isdir(given):
        yield from _walk(given, set())
    else:
        yield given


def _walk(folder: str, visited: set[str]) -> Iterator[str]:
    real = os.path.realpath(folder)
    if real in visited:  # a symlink loop
        return
    visited.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder  # reading it records why it could not be listed
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        if _is_dir(entry):
            yield from _walk(path, visited)
        elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES:
            yield path


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_inputs(inputs: Sequence[str], manifest: Manifest) -> Iterator[Article]:
    """The articles of every input that :func:`discover` finds in ``inputs``."""
    for path in discover(inputs):
        yield from read_input(path, manifest)


# -- reading ----------------------------------------------------------------------------------------


def read_input(path: str, manifest: Manifest, *, stdin: TextIO | None = None) -> Iterator[Article]:
    """Yield the articles of one input, recording every article and problem in ``manifest``."""
    manifest.start(path)
    articles = _read_stdin(stdin or sys.stdin, manifest) if path == STDIN else _read_file(path, manifest)
    yield from _accounted(path, articles, manifest)


def read_texts(path: str, manifest: Manifest) -> Iterator[Article]:
    """Texts to score: the records of a ``.jsonl`` or ``.csv`` input (or JSONL on stdin), else one
    text per non-blank line with the id ``{file stem}:{line}``; problems go to ``manifest``."""
    if path == STDIN or os.path.splitext(path)[1].lower() in (".jsonl", ".csv"):
        yield from read_input(path, manifest)
        return
    manifest.start(path)
    yield from _accounted(path, _text_lines(path, manifest), manifest)


def _text_lines(path: str, manifest: Manifest) -> Iterator[Article]:
    stem = Path(path).stem
    with open(path, "rb") as stream:
        for number, line in enumerate(decoded_lines(path, stream, manifest), 1):
            text = clean_text(line.rstrip("\r\n"))
            if text.strip():
                yield Article(id=default_id(stem, number), text=text, source=path, line=number)


def _accounted(path: str, articles: Iterator[Article], manifest: Manifest) -> Iterator[Article]:
    """``articles`` counted in ``manifest``; a failure of the whole input is recorded, not raised."""
    try:
        for article in articles:
            manifest.article(path)
            yield article
    except InputError as exc:
        manifest.error(path, exc.line, exc.reason)
    except OSError as exc:
        manifest.error(path, None, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # never let one odd input stop a run
        manifest.error(path, None, f"unexpected error while reading: {type(exc).__name__}: {exc}")


def _read_file(path: str, manifest: Manifest) -> Iterator[Article]:
    if os.path.isdir(path):
        raise InputError(_folder_problem(path))
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".jsonl", ".csv"):
        yield from _articles(read_records(path, manifest), manifest)
        return
    with open(path, "rb") as stream:
        data = stream.read()
    if suffix not in SUPPORTED_SUFFIXES:  # only once the file could be read
        manifest.warning(path, f"unknown suffix {suffix or '(none)'!r}: read as plain text")
    yield _document(path, data, suffix, manifest)


def _folder_problem(path: str) -> str:
    try:
        os.listdir(path)
    except OSError as exc:
        return f"cannot read folder: {exc.strerror or exc}"
    return "is a folder, not a file"


def _read_stdin(stream: TextIO, manifest: Manifest) -> Iterator[Article]:
    """Stdin is JSONL when its first non-blank character is ``{``, else one plain-text article."""
    binary = getattr(stream, "buffer", None)
    lines: Iterator[str] = decoded_lines(STDIN, binary, manifest) if binary is not None else iter(stream)
    first, lines = _sniff(lines)
    if first is None:
        raise InputError("empty input")
    if first == "{":
        yield from _articles(_jsonl(STDIN, lines, manifest, stem=STDIN_ID), manifest)
    else:
        yield Article(id=STDIN_ID, text=clean_text("".join(lines)), source=STDIN)


def _sniff(lines: Iterator[str]) -> tuple[str | None, Iterator[str]]:
    """The first non-blank character, and the lines with the ones read to find it put back."""
    consumed: list[str] = []
    for line in lines:
        if not consumed:
            line = line.removeprefix("\ufeff")
        consumed.append(line)
        content = line.lstrip(_ASCII_SPACE)
        if content:
            return content[0], chain(consumed, lines)
    return None, iter(consumed)


# -- whole documents: text, Markdown, HTML ---------------------------------------------------------


def _document(path: str, data: bytes, suffix: str, manifest: Manifest) -> Article:
    if not data.strip():
        raise InputError("empty file")
    text, warning = decode_bytes(data, path)
    if warning:
        manifest.warning(path, warning)
    if not text.strip():
        raise InputError("empty file")
    title: str | None = None
    meta: dict[str, str | None] = {}
    if suffix in HTML_SUFFIXES:
        page = extract(clean_text(text))
        text, title = page.text, page.title
        meta = {"date": page.date, "outlet": page.outlet, "url": page.url}
    elif suffix in MARKDOWN_SUFFIXES:
        text = clean_text(text)
        meta, text = front_matter(text)
        title = meta.get("title") or markdown_title(text)
        text = markdown_to_text(text)
    text = clean_text(text)
    if not text.strip():
        raise InputError("no article text found")
    return Article(
        id=path,
        text=text,
        title=_clean_field(title),
        date=_clean_field(meta.get("date")),
        outlet=_clean_field(meta.get("outlet")),
        url=_clean_field(meta.get("url")),
        source=path,
    )


def clean_text(text: str) -> str:
    """Normalise newlines to ``\\n`` and drop control characters other than newline and tab."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", text)


def _clean_field(value: str | None) -> str | None:
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
    """The id of a record that gives none: ``{file stem}:{line}``."""
    return f"{stem}:{line}"


def record_id(fields: Mapping[str, object], stem: str, line: int) -> str:
    """A record's id by the one id rule; _RecordError when ``id`` is neither string nor integer."""
    raw = fields.get("id")
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if raw is not None and not isinstance(raw, str):
        raise _RecordError(f"'id' is not a string or an integer (got {_json_type(raw)})")
    return _clean_field(raw) or default_id(stem, line)


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
        yield from _csv(path, lines, manifest) if suffix == ".csv" else _jsonl(path, lines, manifest)


def _is_blank(line: str) -> bool:
    return not line.strip(_ASCII_SPACE)


def _articles(records: Iterable[Record], manifest: Manifest) -> Iterator[Article]:
    """Articles from records: cleaned text and the metadata fields that are strings."""
    for record in records:
        meta = {key: _metadata(record, key, manifest) for key in METADATA}
        yield Article(
            id=record.id, text=clean_text(record.text), source=record.path, line=record.line, **meta
        )


def _jsonl(
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
        raise _RecordError(f"not a JSON object (got {_json_type(value)})")
    return value


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _record(fields: Mapping[str, object], path: str, number: int, stem: str, seen: set[str]) -> Record:
    """A record from one line's fields; _RecordError when it has no usable text or id, or a repeated id."""
    text = fields.get("text")
    if text is None:
        raise _RecordError("missing 'text'")
    if not isinstance(text, str):
        raise _RecordError(f"'text' is not a string (got {_json_type(text)})")
    if not clean_text(text).strip():
        raise _RecordError("empty 'text'")
    record = Record(path, number, record_id(fields, stem, number), text, fields)
    if record.id in seen:
        raise _RecordError(f"duplicate id {record.id!r}")
    seen.add(record.id)
    return record


def _metadata(record: Record, key: str, manifest: Manifest) -> str | None:
    value = record.fields.get(key)
    if value is None or isinstance(value, str):
        return _clean_field(value)
    manifest.warning(
        record.path, f"line {record.line}: '{key}' is not a string (got {_json_type(value)}); ignored"
    )
    return None


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
