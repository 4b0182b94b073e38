"""An incremental result cache in SQLite: unchanged articles are not analysed twice.

An entry is keyed by the SHA-256 of the article text and a *context*: the rules fingerprint
(one hash over every rule file, so editing any rule file invalidates every entry made with
the old rules — coarse, but never stale), the model name and version, the quotescope version
and whether scores were computed. The value is the JSON of the quotations' ``quotation_to_dict``,
rebuilt into records by :func:`quotes.io.deserialize.quotation_from_dict`.

The database runs in WAL mode, so readers never block each other or the writer; only the
process that owns the :class:`ResultCache` writes (worker processes never touch it). A file
that is not a readable cache is moved aside and recreated, with a :class:`CacheWarning`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import sys
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from quotes.io.deserialize import quotation_from_dict
from quotes.io.serialize import quotation_to_dict
from quotes.records import Quotation

SCHEMA_VERSION = 1
_LOOKUP_CHUNK = 500  # SQLite's default limit on bound parameters is 999 (older builds)


class CacheWarning(UserWarning):
    """The cache could not be used as it was (corrupt, unwritable): the run goes on."""


def default_cache_path() -> Path:
    """``$QUOTESCOPE_CACHE``, else the platform cache folder: ``$XDG_CACHE_HOME/quotescope``
    (``~/.cache/quotescope``) on Linux, ``~/Library/Caches/quotescope`` on macOS,
    ``%LOCALAPPDATA%\\quotescope\\Cache`` on Windows; the file is ``cache.sqlite3``."""
    explicit = os.environ.get("QUOTESCOPE_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "quotescope" / "Cache" / "cache.sqlite3"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "quotescope" / "cache.sqlite3"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "quotescope" / "cache.sqlite3"


def package_version() -> str:
    """quotescope's version (``quotes.__version__``), part of every cache key. Read from the
    package metadata here, so that this module does not import the package facade."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version("quotescope")
    except PackageNotFoundError:  # running from a source tree, as quotes.__version__ says
        return "0.0.0"


def cache_context(rules_fingerprint: str, model: str, *, score: bool = True, version: str | None = None) \
        -> str:
    """The part of a cache key that is not the article: rules, model, package (version and
    code), options. Hashing the code means an edited checkout never reads stale results."""
    version = version or package_version()
    package = f"{version}+{code_fingerprint()}"
    return f"rules={rules_fingerprint};model={model};quotescope={package};score={int(score)}"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 (16 hex digits) of the package's Python sources."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent  # quotes/, from quotes/io/cache.py
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_key(text: str) -> str:
    """SHA-256 (hex) of an article text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ResultCache:
    """Quotations by (article text, context), in one SQLite file. Use as a context manager."""

    def __init__(self, path: str | Path, context: str) -> None:
        self.path = Path(path)
        self.context = context
        self.hits = 0
        self.misses = 0
        self.conn: sqlite3.Connection | None = self._open()

    # -- opening ------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except sqlite3.OperationalError as error:  # locked, unwritable folder, ...
            self._warn(f"cannot open the cache {self.path}: {error}; running without it")
            return None
        except sqlite3.DatabaseError as error:  # not a database, or a damaged one
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self._warn(f"the cache {self.path} is unreadable ({error}); "
                       f"moved it to {aside.name} and started afresh")
        except OSError as error:
            self._warn(f"cannot open the cache {self.path}: {error}; running without it")
            return None
        try:
            for suffix in ("", "-wal", "-shm"):
                old = Path(f"{self.path}{suffix}")
                if old.exists():
                    old.replace(Path(f"{aside}{suffix}"))
            return self._connect()
        except (sqlite3.Error, OSError) as error:
            self._warn(f"cannot recreate the cache {self.path}: {error}; running without it")
            return None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS results (text_sha256 TEXT NOT NULL, context TEXT NOT NULL, "
                "quotes TEXT NOT NULL, created REAL NOT NULL, PRIMARY KEY (text_sha256, context)) "
                "WITHOUT ROWID"
            )
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                conn.execute("DELETE FROM results")
                conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))
            conn.execute("SELECT count(*) FROM results WHERE text_sha256 = ''").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _warn(self, message: str) -> None:
        warnings.warn(message, CacheWarning, stacklevel=3)

    def _fail(self, error: Exception) -> None:
        """A database error mid-run: warn once and go on without the cache."""
        self._warn(f"the cache {self.path} failed ({error}); going on without it")
        self.close()

    # -- use ------------------------------------------------------------------------------

    def get_many(self, texts: Sequence[str]) -> dict[str, tuple[Quotation, ...]]:
        """Cached quotations by text key (see :func:`text_key`) for those of ``texts`` cached."""
        keys = sorted({text_key(text) for text in texts})
        found: dict[str, tuple[Quotation, ...]] = {}
        if self.conn is None:
            self.misses += len(texts)
            return found
        try:
            for i in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[i : i + _LOOKUP_CHUNK]
                rows = self.conn.execute(
                    f"SELECT text_sha256, quotes FROM results WHERE context = ? AND text_sha256 IN "
                    f"({','.join('?' * len(chunk))})",
                    (self.context, *chunk),
                ).fetchall()
                for key, payload in rows:
                    try:
                        found[key] = tuple(quotation_from_dict(item) for item in json.loads(payload))
                    except (ValueError, TypeError, KeyError):
                        continue  # an unreadable entry is a miss; the fresh result replaces it
        except sqlite3.Error as error:
            self._fail(error)
        hits = sum(1 for text in texts if text_key(text) in found)
        self.hits += hits
        self.misses += len(texts) - hits
        return found

    def put_many(self, items: Iterable[tuple[str, Sequence[Quotation]]]) -> None:
        """Store quotations by article text, in one transaction. Entries whose records do not
        survive the JSON round trip unchanged are not stored."""
        rows = []
        for text, quotations in items:
            payload = [quotation_to_dict(q) for q in quotations]
            if tuple(quotation_from_dict(item) for item in payload) != tuple(quotations):
                self._warn("a result does not survive serialisation; it is not cached")
                continue
            rows.append((text_key(text), self.context, json.dumps(payload, ensure_ascii=False), time.time()))
        if not rows or self.conn is None:
            return
        try:
            with _transaction(self.conn):
                self.conn.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as error:
            self._fail(error)

    def prune(self) -> int:
        """Delete every entry made under another context (old rules, model or version)."""
        if self.conn is None:
            return 0
        with _transaction(self.conn):
            cursor = self.conn.execute("DELETE FROM results WHERE context != ?", (self.context,))
        return cursor.rowcount

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")
