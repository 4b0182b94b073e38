"""The execution layer: how the pipeline runs over many articles, and where.

One module, one job; each imports only those above it in this list, so there is no cycle:

- :mod:`~quotes.execution.options`: the description of a run (``RunOptions``, resolved into a
  picklable ``WorkSpec``) and the ``Backend`` protocol;
- :mod:`~quotes.execution.analyzers`: the ``Analyzer`` and the one process-wide cache of
  models, rules and analyzers, keyed by the ``WorkSpec``;
- backends, which import only the two above: :mod:`~quotes.execution.local` (this process),
  :mod:`~quotes.execution.processes` (worker processes, ``--jobs``) and
  :mod:`~quotes.execution.dask` (a Dask cluster, and ``analyze_bag``);
- :mod:`~quotes.execution.runner`: ``run_articles``, streaming with the result cache, which
  picks a backend. A new backend is a new module here and one branch in ``make_backend``.

Names are imported lazily, so ``import quotes.execution`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotes.execution.analyzers import Analyzer, analyze
    from quotes.execution.options import RunOptions, WorkSpec, work_spec
    from quotes.execution.runner import run_articles

__all__ = ["Analyzer", "RunOptions", "WorkSpec", "analyze", "run_articles", "work_spec"]

_LAZY = {
    "Analyzer": "quotes.execution.analyzers",
    "analyze": "quotes.execution.analyzers",
    "RunOptions": "quotes.execution.options",
    "WorkSpec": "quotes.execution.options",
    "work_spec": "quotes.execution.options",
    "run_articles": "quotes.execution.runner",
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use, so importing the package stays cheap."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
