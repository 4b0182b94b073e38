"""Shared fixtures: the model and rules load once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = ROOT.parent / "shared" / "bench"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/cases/*.expected.json from today's output (review with git diff)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files are rewritten rather than compared (``pytest --update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def rules():
    from quotes.pipeline.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def nlp():
    from quotes.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def analyzer(rules, nlp):
    from quotes.execution.analyzers import Analyzer

    return Analyzer(rules, nlp)


@pytest.fixture(scope="session")
def seed_article() -> dict:
    path = SHARED_BENCH / "seed.jsonl"
    if not path.exists():
        pytest.skip("../shared/bench is not available")
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])
