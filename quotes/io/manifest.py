"""Accounting of every input: what was read, what failed and why.

Every input gets a record; nothing is skipped silently. An input is ``ok`` without errors,
``partial`` with errors and at least one article, ``failed`` with errors and no article, and
``skipped`` when it was deliberately not read (a FIFO or device found in a folder, the run's own
output), with the reason. Paths are shown through :func:`quotes.io.files.display_name`, so an odd file
name (an undecodable byte, a line break) can neither break the JSON nor forge a message line.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from quotes.io.files import atomic_write_text, display_name

Status = Literal["ok", "partial", "failed", "skipped"]


@dataclass(frozen=True)
class ErrorRecord:
    """One problem in an input, at a line when known."""

    line: int | None
    message: str


@dataclass
class InputRecord:
    """What happened to one input."""

    path: str
    status: Status = "ok"
    articles: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None  # why the input was deliberately not read

    def refresh(self) -> None:
        """Recompute ``status`` from the errors and the article count."""
        if self.skipped is not None and not self.errors and not self.articles:
            self.status = "skipped"
        elif not self.errors:
            self.status = "ok"
        else:
            self.status = "partial" if self.articles else "failed"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        self.refresh()
        reason = {"reason": self.skipped} if self.status == "skipped" else {}
        return {
            "path": display_name(self.path),
            "status": self.status,
            **reason,
            "articles": self.articles,
            "errors": [{"line": e.line, "message": display_name(e.message)} for e in self.errors],
            "warnings": [display_name(w) for w in self.warnings],
            **({"reason": self.skipped} if self.skipped else {}),
        }


class Manifest:
    """The record of every input of a run, in the order they were registered."""

    def __init__(self) -> None:
        self._records: dict[str, InputRecord] = {}
        self._lock = threading.Lock()
        self.settings: dict[str, Any] = {}  # what the run counted (e.g. the cue classes), when it matters

    # -- recording ----------------------------------------------------------------------------
    def start(self, path: str) -> None:
        """Register an input (idempotent)."""
        with self._lock:
            self._record(path)

    def article(self, path: str) -> None:
        """Count one article read from ``path``."""
        with self._lock:
            record = self._record(path)
            record.articles += 1
            record.refresh()

    def error(self, path: str, line: int | None, message: str) -> None:
        """Record a problem in ``path`` (at ``line`` when known)."""
        with self._lock:
            record = self._record(path)
            record.errors.append(ErrorRecord(line, message))
            record.refresh()

    def warning(self, path: str, message: str) -> None:
        """Record something worth knowing that did not stop reading."""
        with self._lock:
            self._record(path).warnings.append(message)

    def skip(self, path: str, reason: str) -> None:
        """Record an input deliberately not read (a FIFO, a device, the run's own output) and why."""
        with self._lock:
            record = self._record(path)
            record.skipped = reason
            record.refresh()

    def article_failed(self, path: str, article_id: str, message: str, *, line: int | None = None) -> None:
        """Record a later processing error for one article; it counts as an error of its input."""
        self.error(path, line, f"article {article_id}: {message}")

    def _record(self, path: str) -> InputRecord:
        record = self._records.get(path)
        if record is None:
            record = self._records[path] = InputRecord(path)
        return record

    # -- reading ------------------------------------------------------------------------------
    def __contains__(self, path: object) -> bool:
        return path in self._records

    def __len__(self) -> int:
        return len(self._records)

    @property
    def inputs(self) -> list[InputRecord]:
        """The input records, in registration order."""
        with self._lock:
            return list(self._records.values())

    def record(self, path: str) -> InputRecord:
        """The record of ``path``; KeyError when it was never registered."""
        return self._records[path]

    def status(self, path: str) -> Status:
        """``ok``, ``partial`` or ``failed`` (KeyError for an unknown input)."""
        record = self._records[path]
        record.refresh()
        return record.status

    @property
    def ok(self) -> bool:
        """True when no input failed or was only partly read."""
        return all(self.status(path) in ("ok", "skipped") for path in list(self._records))

    def to_dict(self) -> dict[str, Any]:
        """``{"inputs": [...], "summary": {...}}``, ready for JSON."""
        inputs = [record.to_dict() for record in self.inputs]
        summary = {
            "inputs": len(inputs),
            "ok": sum(1 for i in inputs if i["status"] == "ok"),
            "partial": sum(1 for i in inputs if i["status"] == "partial"),
            "failed": sum(1 for i in inputs if i["status"] == "failed"),
            "articles": sum(i["articles"] for i in inputs),
            "errors": sum(len(i["errors"]) for i in inputs),
        }
        skipped = sum(1 for i in inputs if i["status"] == "skipped")
        if skipped:  # only then, so the summary of an ordinary run keeps its shape
            summary["skipped"] = skipped
        settings = {"settings": dict(self.settings)} if self.settings else {}
        return {"inputs": inputs, "summary": summary, **settings}

    def write(self, path: Path) -> None:
        """Write the manifest as JSON, atomically."""
        text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        # Anything else with an undecodable byte (an article id): visible, not fatal.
        atomic_write_text(Path(path), text.encode("utf-8", "backslashreplace").decode("utf-8"))

    def messages(self) -> Iterator[str]:
        """One line per problem: ``FILE:LINE: message``, ``FILE: message``, ``FILE: warning: ...``
        or ``FILE: skipped: reason``."""
        for record in self.inputs:
            path = display_name(record.path)
            for error in record.errors:
                where = path if error.line is None else f"{path}:{error.line}"
                yield f"{where}: {display_name(error.message)}"
            for warning in record.warnings:
                yield f"{path}: warning: {display_name(warning)}"
            if record.skipped is not None and not record.articles:
                yield f"{path}: skipped: {record.skipped}"
