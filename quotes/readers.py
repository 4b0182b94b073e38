"""Input discovery and article reading.

Every input yields its articles and records every problem in a :class:`Manifest`; bad content
never raises. ``Article.text`` is the canonical text: newlines are normalised and control
characters (other than newline and tab) are dropped, whatever the source. JSONL and CSV inputs
are read line by line, so big files stream.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import BinaryIO, TextIO

import charset_normalizer

from quotes.htmltext import extract
from quotes.manifest import Manifest
from quotes.records import Article

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".csv"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
STDIN = "-"
STDIN_ID = "stdin"
METADATA = ("title", "date", "outlet", "url")
SAMPLE_BYTES = 64 * 1024  # what binary and encoding detection look at
BINARY_SHARE = 0.05  # more control bytes than this and it is not text

_UTF8_BOM = codecs.BOM_UTF8
_WIDE_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")  # run after \r is normalised
_ASCII_SPACE = " \t\n\r\x0b\x0c"
_WESTERN_SYMBOLS = set("“”‘’„‚‹›«»–—…•·€£¥¢°§©®™±×÷¡¿ªº½¼¾µ\xa0\xad´¨¸")


class InputError(Exception):
    """An input that cannot be read as a whole (or a problem at one of its lines)."""

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.reason = reason
        self.path = path
        self.line = line


class BinaryInputError(InputError):
    """Content that is not text (an image, an archive, random bytes)."""


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


# -- reading ----------------------------------------------------------------------------------------


def read_input(path: str, manifest: Manifest, *, stdin: TextIO | None = None) -> Iterator[Article]:
    """Yield the articles of one input, recording every article and problem in ``manifest``."""
    manifest.start(path)
    articles = _read_stdin(stdin or sys.stdin, manifest) if path == STDIN else _read_file(path, manifest)
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
        with open(path, "rb") as stream:
            lines = _decoded_lines(path, stream, manifest)
            yield from _jsonl(path, lines, manifest) if suffix == ".jsonl" else _csv(path, lines, manifest)
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
    lines: Iterator[str] = _decoded_lines(STDIN, binary, manifest) if binary is not None else iter(stream)
    first, lines = _sniff(lines)
    if first is None:
        raise InputError("empty input")
    if first == "{":
        yield from _jsonl(STDIN, lines, manifest, stem=STDIN_ID)
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


# -- Markdown --------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_MD_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_MD_QUOTE_MARK = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_MD_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MD_INLINE = (
    (re.compile(r"!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)"), ""),  # images
    (re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),  # <https://...>
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
_ESCAPE_BASE = 0xF0000  # supplementary private use: escaped characters hide here during cleaning


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def front_matter(text: str) -> tuple[dict[str, str | None], str]:
    """The ``title``, ``date``, ``outlet`` and ``url`` of a leading ``---`` front-matter block
    (simple ``key: value`` lines, quotes around values removed) and the text without the block.
    Text without a closed block comes back unchanged."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, text
    meta: dict[str, str | None] = {}
    for line in lines[1:end]:
        match = _FRONT_KEY.match(line)
        if match and match.group(1).lower() in METADATA:
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[match.group(1).lower()] = value or None
    return meta, "\n".join(lines[end + 1 :])


def markdown_title(text: str) -> str | None:
    """The first non-empty line when it is a heading (``# Title`` or underlined), else None."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            return _markdown_inline(heading.group(1)).strip() or None
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if _MD_SETEXT.match(following) and not _MD_RULE.match(line):
            return _markdown_inline(line).strip() or None
        return None
    return None


def markdown_to_text(text: str) -> str:
    """Strip the Markdown markup that would pollute quotations, keeping the prose."""
    return "\n".join(_markdown_line(line) for line in text.split("\n"))


def _markdown_line(line: str) -> str:
    if _MD_RULE.match(line) or _MD_SETEXT.match(line) or _MD_FENCE.match(line) or _MD_LINK_DEF.match(line):
        return ""
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _MD_QUOTE_MARK.sub("", line)
    line = _MD_BULLET.sub(r"\1", line)
    return _markdown_inline(line)


def _markdown_inline(line: str) -> str:
    line = _MD_ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), line)
    for pattern, replacement in _MD_INLINE:
        line = pattern.sub(replacement, line)
    return re.sub("[\U000f0000-\U000f007f]", lambda m: chr(ord(m.group()) - _ESCAPE_BASE), line)


# -- decoding --------------------------------------------------------------------------------------


def decode_bytes(data: bytes, path: str) -> tuple[str, str | None]:
    """Decode file content: UTF-8 first (BOM stripped), else a detected encoding with a warning.

    Returns the text and a warning (None for UTF-8). Raises BinaryInputError for content that is
    not text: many NUL or other control bytes, or no encoding that fits.
    """
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):  # the codec reads the byte order from the BOM and drops it
            return data.decode(codec, "replace"), f"decoded as {codec}"
    data = data.removeprefix(_UTF8_BOM)
    if looks_binary(data):
        raise BinaryInputError("binary content, not text", path=path)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    if encoding is None:
        raise BinaryInputError("not text: no character encoding fits", path=path)
    return data.decode(encoding, "replace"), f"not valid UTF-8; decoded as {encoding}"


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` has more control bytes (NUL, ...) than text ever has."""
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return False
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls / len(sample) > BINARY_SHARE


def detect_encoding(data: bytes) -> str | None:
    """The encoding of non-UTF-8 text, preferring cp1252 for plausible Western text; None if none fits.

    Only encodings that read ASCII as ASCII are considered (the text has no BOM and few NULs).
    """
    matches = [
        m for m in charset_normalizer.from_bytes(data[: SAMPLE_BYTES * 4]) if _ascii_compatible(m.encoding)
    ]
    best = matches[0] if matches else None
    if _plausible_cp1252(data) and (best is None or not _confidently_non_latin(best)):
        return "cp1252"
    return best.encoding if best is not None else None


def _ascii_compatible(encoding: str) -> bool:
    probe = b'{"id": "a-1", "text": "Hi."}\n'
    try:
        return probe.decode(encoding) == probe.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _plausible_cp1252(data: bytes) -> bool:
    """Short texts fool detectors; cp1252 is the likeliest legacy encoding of English news."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return all(ch.isascii() or ch in _WESTERN_SYMBOLS or _is_latin_letter(ch) for ch in set(text))


def _confidently_non_latin(match: charset_normalizer.CharsetMatch) -> bool:
    if match.coherence < 0.5:
        return False
    return any(ch.isalpha() and not ch.isascii() and not _is_latin_letter(ch) for ch in set(str(match)))


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def _decoded_lines(path: str, stream: BinaryIO, manifest: Manifest) -> Iterator[str]:
    """Decoded lines of a byte stream, read one at a time.

    The encoding is chosen from the first SAMPLE_BYTES; a later line that does not fit it is
    decoded on its own (cp1252 or replacement characters) and counted in one warning.
    """
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    for bom, codec in _WIDE_BOMS:
        if head.startswith(bom):
            yield from _wide_lines(path, stream, codec, manifest)
            return
    sample_lines = _take_sample(stream)
    if sample_lines:
        sample_lines[0] = sample_lines[0].removeprefix(_UTF8_BOM)
    encoding = _sample_encoding(path, sample_lines, manifest)
    odd_lines: list[int] = []
    for number, raw in enumerate(chain(sample_lines, stream), 1):
        try:
            yield raw.decode(encoding)
        except UnicodeDecodeError:
            odd_lines.append(number)
            yield _decode_odd_line(raw, encoding)
    if odd_lines:
        manifest.warning(
            path,
            f"{len(odd_lines)} line(s) not valid {encoding}, decoded as cp1252 or with replacement "
            f"characters (first at line {odd_lines[0]})",
        )


def _decode_odd_line(raw: bytes, encoding: str) -> str:
    if encoding == "utf-8" and _plausible_cp1252(raw):
        return raw.decode("cp1252")
    return raw.decode(encoding, "replace")


def _wide_lines(path: str, stream: BinaryIO, codec: str, manifest: Manifest) -> Iterator[str]:
    manifest.warning(path, f"decoded as {codec}")
    wrapper = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="\n")  # type: ignore[arg-type]
    try:
        yield from wrapper
    finally:
        wrapper.detach()  # leave the underlying stream to its owner


def _take_sample(stream: BinaryIO) -> list[bytes]:
    lines: list[bytes] = []
    size = 0
    for raw in stream:
        lines.append(raw)
        size += len(raw)
        if size >= SAMPLE_BYTES:
            break
    return lines


def _sample_encoding(path: str, lines: list[bytes], manifest: Manifest) -> str:
    """UTF-8 unless the sample's non-ASCII lines are mostly not UTF-8 and another encoding fits."""
    sample = b"".join(lines)
    if looks_binary(sample):
        raise BinaryInputError("binary content, not text", path=path)
    encoding = None if _mostly_utf8(lines) else detect_encoding(sample)
    if encoding is None:  # UTF-8, or lines too mixed to tell: each odd line is decoded on its own
        return "utf-8"
    manifest.warning(path, f"not valid UTF-8; decoded as {encoding}")
    return encoding


def _mostly_utf8(lines: list[bytes]) -> bool:
    fits = fails = 0
    for raw in lines:
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
            fits += 1
        except UnicodeDecodeError:
            fails += 1
    return fits >= fails


# -- records: JSONL and CSV ------------------------------------------------------------------------


def _is_blank(line: str) -> bool:
    return not line.strip(_ASCII_SPACE)


def _jsonl(
    path: str, lines: Iterable[str], manifest: Manifest, *, stem: str | None = None
) -> Iterator[Article]:
    """One article per non-blank line; a bad line is an error at its number, and reading goes on."""
    stem = stem or Path(path).stem
    seen: set[str] = set()
    content = False
    for number, line in enumerate(lines, 1):
        if _is_blank(line):
            continue
        content = True
        try:
            article = _article(_json_object(line), path, number, stem, lambda m: manifest.warning(path, m))
        except _RecordError as exc:
            manifest.error(path, number, str(exc))
            continue
        if _unique(article, seen, path, number, manifest):
            yield article
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


def _article(
    fields: Mapping[str, object], path: str, number: int, stem: str, warn: Callable[[str], None]
) -> Article:
    """An article from one record's fields; _RecordError when it has no usable text or id."""
    text = fields.get("text")
    if text is None:
        raise _RecordError("missing 'text'")
    if not isinstance(text, str):
        raise _RecordError(f"'text' is not a string (got {_json_type(text)})")
    text = clean_text(text)
    if not text.strip():
        raise _RecordError("empty 'text'")
    raw_id = fields.get("id")
    if raw_id is not None and not isinstance(raw_id, str):
        raise _RecordError(f"'id' is not a string (got {_json_type(raw_id)})")
    meta = {key: _metadata(fields, key, number, warn) for key in METADATA}
    article_id = _clean_field(raw_id) or f"{stem}:{number}"
    return Article(id=article_id, text=text, source=path, line=number, **meta)


def _metadata(fields: Mapping[str, object], key: str, number: int, warn: Callable[[str], None]) -> str | None:
    value = fields.get(key)
    if value is None or isinstance(value, str):
        return _clean_field(value)
    warn(f"line {number}: '{key}' is not a string (got {_json_type(value)}); ignored")
    return None


def _unique(article: Article, seen: set[str], path: str, number: int, manifest: Manifest) -> bool:
    if article.id in seen:
        manifest.error(path, number, f"duplicate id {article.id!r}")
        return False
    seen.add(article.id)
    return True


def _csv(path: str, lines: Iterable[str], manifest: Manifest) -> Iterator[Article]:
    """One article per CSV row under a header with a ``text`` column; bad rows are errors."""
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
            article = _csv_article(row, columns, width, path, number, stem, manifest)
        except _RecordError as exc:
            manifest.error(path, number, str(exc))
            continue
        if _unique(article, seen, path, number, manifest):
            yield article


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


def _csv_article(
    row: list[str], columns: dict[str, int], width: int, path: str, number: int, stem: str, manifest: Manifest
) -> Article:
    if len(row) != width:
        raise _RecordError(f"row has {len(row)} field(s) but the header has {width}")
    wanted = ("id", "text", *METADATA)
    fields = {key: row[columns[key]] for key in wanted if key in columns}
    return _article(fields, path, number, stem, lambda m: manifest.warning(path, m))


def _raise_field_limit() -> None:
    """Allow fields as long as a whole article (the default limit is 128 KiB)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
