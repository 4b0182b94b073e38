"""Who is one speaker across a corpus, end to end: small multi-article corpora in
tests/cases/identity/NAME.jsonl (written for these tests, in several house styles) run through
``quotes speakers``; NAME.expected.jsonl is the output (``pytest --update-golden`` rewrites it,
review with ``git diff tests/cases``), NAME.speakers.yaml entries are added to the alias table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.rules.ruleset import default_rules_dir

CASES = Path(__file__).parent / "cases" / "identity"
CORPORA = sorted(p for p in CASES.glob("*.jsonl") if not p.name.endswith(".expected.jsonl"))


def speakers(corpus: Path, tmp_path: Path, *extra: str) -> list[dict]:
    """``quotes speakers --format jsonl`` of ``corpus``, with its alias entries when it has some."""
    args = ["speakers", str(corpus), "--format", "jsonl", "--no-cache", *extra]
    aliases = corpus.with_suffix(".speakers.yaml")
    if aliases.exists():
        rules = tmp_path / "rules"
        shutil.copytree(default_rules_dir(), rules)
        with (rules / "speakers.yaml").open("a", encoding="utf-8") as table:
            table.write(aliases.read_text(encoding="utf-8"))
        args += ["--rules", str(rules)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.stem)
def test_golden_speakers(corpus: Path, tmp_path: Path, update_golden: bool) -> None:
    rows = speakers(corpus, tmp_path)
    expected = corpus.with_name(f"{corpus.stem}.expected.jsonl")
    if update_golden:
        expected.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    wanted = [json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines()]
    assert rows == wanted


def _by_name(rows: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["name"], []).append(row)
    return found


def test_surname_kim_in_unrelated_articles_is_one_person_each(tmp_path: Path) -> None:
    rows = _by_name(speakers(CASES / "kim.jsonl", tmp_path))
    assert sorted(rows) == ["Jane Kim", "Kim", "Kim Jong Un"]
    assert [r["articles"] for r in rows["Kim"]] == [1, 1]  # the clinic's doctor, the adoptive mother
    assert all(r["articles"] == 1 for r in rows["Jane Kim"] + rows["Kim Jong Un"])
    assert rows["Kim Jong Un"][0]["quotes"] == 2  # "Kim" in his own article is him (resolved there or joined)


def test_torres_joins_the_ana_torres_her_articles_name(tmp_path: Path) -> None:
    rows = _by_name(speakers(CASES / "torres.jsonl", tmp_path))
    assert rows["Ana Torres"][0]["articles"] == 2
    assert rows["Ana Torres"][0]["quotes"] == 3  # her "Torres" too, resolved in its article or joined to it
    assert rows["Carlos Torres"][0]["articles"] == 1  # the footballer's "Torres" stays his


def test_unnamed_sources_are_never_pooled(tmp_path: Path) -> None:
    rows = speakers(CASES / "unnamed.jsonl", tmp_path)
    assert rows and all(r["articles"] == 1 and r["type"] == "description" for r in rows)
    assert {r["name"].casefold() for r in rows} >= {"officials", "police spokesman"}
    assert all("unnamed source of article" in r["evidence"] for r in rows)


def test_an_alias_in_the_rules_joins_with_its_evidence(tmp_path: Path) -> None:
    rows = speakers(CASES / "alias.jsonl", tmp_path)
    assert [(r["name"], r["quotes"], r["articles"]) for r in rows] == [("Robert Fontaine", 2, 2)]
    assert "Bob Fontaine (1 in mill): an alias in rules/speakers.yaml" in rows[0]["evidence"]


@pytest.mark.parametrize("name", ["kim", "unnamed"])
def test_the_report_groups_as_quotes_speakers_does(name: str, tmp_path: Path) -> None:
    corpus = CASES / f"{name}.jsonl"
    rows = speakers(corpus, tmp_path)
    out = tmp_path / "report"
    args = ["report", str(corpus), "--out", str(out), "--no-cache"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    listed = sorted((s["name"], s["quotes"], s["articles"]) for s in index["speakers"])
    assert listed == sorted((r["name"], r["quotes"], r["articles"]) for r in rows)
