"""Input discovery and article reading.

Every input yields its articles and records every problem in a :class:`Manifest`; bad content
never raises. ``Article.text`` is the canonical text: newlines are normalised and control
characters (other than newline and tab) are dropped, whatever the source. JSONL and CSV inputs
are read line by line, so big files stream, as records with one id rule
(:mod:`quotes.io.tabular`), which gold files (:mod:`quotes.evaluate.scorer`) and texts to score share.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TextIO

from quotes.io.decoding import BinaryInputError as BinaryInputError  # re-exported
from quotes.io.decoding import decode_bytes, decoded_lines
from quotes.io.formats import PLAIN_TEXT, InputFormat, input_format, is_records
from quotes.io.manifest import Manifest
from quotes.io.tabular import (
    ASCII_SPACE,
    METADATA,
    Record,
    clean_field,
    clean_text,
    default_id,
    json_type,
    jsonl_records,
    read_records,
)
from quotes.records import Article
from quotes.records.errors import InputError as InputError  # re-exported

STDIN = "-"
STDIN_ID = "stdin"


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
        elif input_format(entry.name) is not None:
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
    if path == STDIN or is_records(path):
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
    found = input_format(path)
    if found is not None and found.records:
        yield from _articles(read_records(path, manifest), manifest)
        return
    with open(path, "rb") as stream:
        data = stream.read()
    if found is None:  # only once the file could be read
        suffix = os.path.splitext(path)[1].lower()
        manifest.warning(path, f"unknown suffix {suffix or '(none)'!r}: read as plain text")
    yield _document(path, data, found or PLAIN_TEXT, manifest)


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
        yield from _articles(jsonl_records(STDIN, lines, manifest, stem=STDIN_ID), manifest)
    else:
        yield Article(id=STDIN_ID, text=clean_text("".join(lines)), source=STDIN)


def _sniff(lines: Iterator[str]) -> tuple[str | None, Iterator[str]]:
    """The first non-blank character, and the lines with the ones read to find it put back."""
    consumed: list[str] = []
    for line in lines:
        if not consumed:
            line = line.removeprefix("\ufeff")
        consumed.append(line)
        content = line.lstrip(ASCII_SPACE)
        if content:
            return content[0], chain(consumed, lines)
    return None, iter(consumed)


# -- whole documents: text, Markdown, HTML, e-mail --------------------------------------------------


def _document(path: str, data: bytes, form: InputFormat, manifest: Manifest) -> Article:
    if not data.strip():
        raise InputError("empty file")
    text, warning = decode_bytes(data, path)
    if warning:
        manifest.warning(path, warning)
    if not text.strip():
        raise InputError("empty file")
    assert form.parse is not None  # (a document format)
    page = form.parse(clean_text(text))
    text = clean_text(page.text)
    if not text.strip():
        raise InputError("no article text found")
    return Article(
        id=path,
        text=text,
        title=clean_field(page.title),
        date=clean_field(page.date),
        outlet=clean_field(page.outlet),
        url=clean_field(page.url),
        source=path,
    )


def _articles(records: Iterable[Record], manifest: Manifest) -> Iterator[Article]:
    """Articles from records: cleaned text and the metadata fields that are strings."""
    for record in records:
        meta = {key: _metadata(record, key, manifest) for key in METADATA}
        yield Article(
            id=record.id, text=clean_text(record.text), source=record.path, line=record.line, **meta
        )


def _metadata(record: Record, key: str, manifest: Manifest) -> str | None:
    value = record.fields.get(key)
    if value is None or isinstance(value, str):
        return clean_field(value)
    manifest.warning(
        record.path, f"line {record.line}: '{key}' is not a string (got {json_type(value)}); ignored"
    )
    return None
