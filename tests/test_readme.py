"""The README's Python code blocks run word for word (with the installed model)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.S | re.M)


def test_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_readme_python_block_runs_as_written(number: int) -> None:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(
            compile(BLOCKS[number], f"README.md python block {number + 1}", "exec"),
            {"__name__": "__readme__"},
        )
    assert "Ana Torres" in output.getvalue()
