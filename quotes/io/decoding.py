"""Decoding input bytes: UTF-8 first, a detected legacy encoding with a warning, binary refused."""

from __future__ import annotations

import codecs
import io
import unicodedata
from collections.abc import Iterator
from itertools import chain
from typing import BinaryIO

import charset_normalizer

from quotes.io.manifest import Manifest
from quotes.records.errors import InputError

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
_WESTERN_SYMBOLS = set("“”‘’„‚‹›«»–—…•·€£¥¢°§©®™±×÷¡¿ªº½¼¾µ\xa0\xad´¨¸")


class BinaryInputError(InputError):
    """Content that is not text (an image, an archive, random bytes)."""


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


def decoded_lines(path: str, stream: BinaryIO, manifest: Manifest) -> Iterator[str]:
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
