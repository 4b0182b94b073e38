"""Per-speaker reports: aggregation, charts, Markdown/HTML rendering and the writer.

Names are imported lazily: ``quotes extract`` uses the filters of this package
(:mod:`quotes.report.filters`) and must not pay for the writer's charts (matplotlib) at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotes.report.writer import ReportIndex, write_reports

__all__ = ["ReportIndex", "write_reports"]

_LAZY = {"ReportIndex": "quotes.report.writer", "write_reports": "quotes.report.writer"}


def __getattr__(name: str) -> Any:
    """Import a public name on first use, so importing the package stays cheap."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
