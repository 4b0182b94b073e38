"""Input discovery and article reading.

Every input yields its articles and records every problem in a :class:`Manifest`; bad content
never raises. ``Article.text`` is the canonical text: newlines are normalised and control
characters (other than newline and tab) are dropped, whatever the source. JSONL and CSV inputs
are read line by line, so big files stream, as records with one id rule
(:mod:`quotes.io.tabular`), which gold files (:mod:`quotes.evaluate.scorer.scorer`) and texts to score
share. Which suffix is which format, and how a document of it is read, is the table of
:mod:`quotes.io.formats`.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TextIO

from quotes.io.decoding import BinaryInputError as BinaryInputError  # re-exported
from quotes.io.decoding import decode_bytes, decoded_lines
from quotes.io.fetch import fetch, is_url
from quotes.io.files import display_name
from quotes.io.formats import HTML, PDF, PLAIN_TEXT, InputFormat, input_format, is_records, suffix_list
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

REPORT_RECORD = "report-files.json"
"""The record every report folder holds (:data:`quotes.report.written_files.RECORD`): a folder
with it is a report's output, never read as input."""


class InputPath(str):
    """A path found by :func:`discover`, with the article id a whole-document file gets: the path
    relative to the folder the given input sits in (``examples/story.txt`` for a file found in the
    folder ``examples`` given as ``../news/examples``; ``story.txt`` for a file given itself), so
    that ids do not change with the working directory."""

    article_id: str

    def __new__(cls, path: str, given: str) -> InputPath:
        self = super().__new__(cls, path)
        self.article_id = document_id(path, given)
        return self

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        """A plain path once pickled (an article's ``source`` sent to a worker process)."""
        return (str, (str(self),))


def document_id(path: str, given: str) -> str:
    """The id of a whole-document article: ``path`` relative to the parent of the input ``given``
    (with / separators); a URL or stdin is its own id."""
    if path == STDIN or is_url(path):
        return path
    parent = os.path.dirname(os.path.abspath(given))
    try:
        relative = os.path.relpath(os.path.abspath(path), parent)
    except ValueError:  # another drive (Windows)
        relative = os.path.basename(path)
    return relative.replace(os.sep, "/")


def discover(
    inputs: Sequence[str], manifest: Manifest | None = None, *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[str]:
    """Expand files and folders into input paths; ``-`` is stdin, a URL is fetched when read.

    Folders are walked recursively in sorted order, keeping regular files of an input format
    (:mod:`quotes.io.formats`) and skipping hidden files and folders. A file of no input format,
    a FIFO, socket or device met in a folder (a FIFO with no writer would block forever), a
    folder in ``exclude`` (the run's own output and cache) and a report's output folder (it holds
    ``report-files.json``) are never opened, so a run never reads what it or an earlier report
    wrote; each is recorded in ``manifest`` as skipped, with the reason. Paths given explicitly
    are yielded as given, even if missing (reading them records the failure), except a socket or
    device, which is skipped. Each input is yielded once, as an :class:`InputPath` that knows its
    article id.
    """
    seen: set[str] = set()
    walk = _Walk(manifest, {os.path.realpath(path) for path in exclude})
    for given in inputs:
        for path in walk.expand(given):
            key = path if path == STDIN or is_url(path) else os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield InputPath(path, given)


class _Walk:
    """One discovery: what to leave out, and where to record it."""

    def __init__(self, manifest: Manifest | None, exclude: set[str]) -> None:
        self.manifest = manifest
        self.exclude = exclude
        self.visited: set[str] = set()

    def skip(self, path: str, reason: str) -> None:
        if self.manifest is not None:
            self.manifest.skip(path, reason)

    def expand(self, given: str) -> Iterator[str]:
        if given == STDIN or is_url(given):
            yield given
        elif os.path.isdir(given):
            yield from self.folder(given)
        else:
            kind = _special_kind(given, fifo_ok=True)
            if kind is None:
                yield given
            else:
                self.skip(given, f"not a regular file ({kind})")

    def folder(self, folder: str) -> Iterator[str]:
        real = os.path.realpath(folder)
        if real in self.visited:  # a symlink loop
            return
        self.visited.add(real)
        if real in self.exclude:
            self.skip(folder, "this run's own output")
            return
        if os.path.isfile(os.path.join(folder, REPORT_RECORD)):
            self.skip(folder, f"a report's output folder (it holds {REPORT_RECORD})")
            return
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
                yield from self.folder(path)
            elif input_format(entry.name) is None:
                suffix = os.path.splitext(entry.name)[1].lower() or "no suffix"
                self.skip(path, f"not read: {suffix} is not an input type ({suffix_list()})")
            elif os.path.realpath(path) in self.exclude:
                self.skip(path, "this run's own output")
            elif (kind := _special_kind(path)) is not None:
                self.skip(path, f"not a regular file ({kind})")
            else:
                yield path


def _special_kind(path: str, *, fifo_ok: bool = False) -> str | None:
    """What ``path`` is when it is neither a regular file nor a folder (a FIFO unless ``fifo_ok``:
    one named on the command line is read, as ``<(zcat news.jsonl.gz)`` is); None otherwise, or
    when it cannot be looked at (reading it records why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or (fifo_ok and stat.S_ISFIFO(mode)):
        return None
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"))  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "a special file")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_inputs(
    inputs: Sequence[str], manifest: Manifest, *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[Article]:
    """The articles of every input that :func:`discover` finds in ``inputs`` (``exclude``: the
    run's own output and cache, never read); what it leaves out is recorded as skipped."""
    for path in discover(inputs, manifest, exclude=exclude):
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
    if is_url(path):
        yield _fetched(path, manifest)
        return
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


# -- whole documents: text, Markdown, HTML, e-mail, .docx, .pdf, a URL ------------------------------


def _fetched(url: str, manifest: Manifest) -> Article:
    """The article at ``url`` (a news page, or a PDF when the server says so)."""
    data, kind = fetch(url)
    article = _document(url, data, PDF if kind == "application/pdf" else HTML, manifest)
    return article if article.url else dataclasses.replace(article, url=url)


def _document(path: str, data: bytes, form: InputFormat, manifest: Manifest) -> Article:
    if not data.strip():
        raise InputError("empty file")
    if form.parse_bytes is not None:
        page = form.parse_bytes(data)
    else:
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
        id=display_name(getattr(path, "article_id", None) or document_id(path, path)),
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
