"""``--cues``: which quotations count, by the class of their cue (extract, report, speakers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quotes.cli import cli
from quotes.records import Article, ArticleResult, Quotation
from quotes.report.filters import FilterError, ResultFilter, filter_results, parse_cues
from quotes.rules.speakers import AliasTable

STORY = """Mayor Ana Diaz said the bridge would open in May. "We are ready," Diaz said.

Diaz believes the budget is too small. Tom Ellis thinks the plan will fail.

A city audit found that the project ran over budget. "It is late," Ellis said.
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*args], catch_exceptions=False)


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cues") / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _classes(output: str) -> list[str]:
    [line] = output.splitlines()
    return [q["cue_class"] for q in json.loads(line)["quotes"]]


def test_parse_cues() -> None:
    assert parse_cues("all") == parse_cues(None) == ("speech", "cognition", "evidence")
    assert parse_cues("evidence, Speech") == parse_cues("speech,evidence,") == ("speech", "evidence")
    for bad in ("speach", ",", "speech;evidence"):
        with pytest.raises(FilterError):
            parse_cues(bad)


def test_a_quotation_without_a_known_class_counts_as_speech() -> None:
    def quotation(cue_class: str) -> Quotation:
        return Quotation("direct", ((0, 5),), "Hello", (), "", None, "unknown", (), "", "", cue_class,  # type: ignore[arg-type]
                         "neutral", "unattributed", 0.3, "no cue")  # fmt: skip

    result = ArticleResult(Article("a", "Hello"), (quotation(""), quotation("cognition")))
    [kept] = filter_results([result], ResultFilter(cues=("speech",)), AliasTable())
    assert [q.cue_class for q in kept.quotations] == [""]


@pytest.mark.slow
def test_extract_keeps_the_chosen_classes(story: Path) -> None:
    everything = _classes(run("extract", str(story), "--no-cache").output)
    assert {"speech", "cognition", "evidence"} <= set(everything)
    assert _classes(run("extract", str(story), "--no-cache", "--cues", "all").output) == everything
    assert set(_classes(run("extract", str(story), "--no-cache", "--cues", "speech").output)) == {"speech"}
    both = _classes(run("extract", str(story), "--no-cache", "--cues", "speech,evidence").output)
    assert set(both) == {"speech", "evidence"}
    assert len(both) == len(everything) - everything.count("cognition")


@pytest.mark.slow
def test_an_unknown_class_is_one_line_and_exit_1(story: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(story), "--no-cache", "--cues", "beliefs"])
    assert result.exit_code == 1
    assert "--cues 'beliefs'" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_speakers_counts_only_the_chosen_classes(story: Path) -> None:
    rows = run("speakers", str(story), "--no-cache", "--format", "jsonl", "--cues", "cognition").output
    counts = {r["name"]: r["quotes"] for r in map(json.loads, rows.splitlines())}
    assert counts == {"Ana Diaz": 1, "Tom Ellis": 1}


@pytest.mark.slow
def test_report_says_which_classes_it_counts_and_labels_each_quotation(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "all"
    run("report", str(story), "--no-cache", "--out", str(out), "--min-quotes", "1")
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["cue_classes"] == ["speech", "cognition", "evidence"]
    assert json.loads((out / "manifest.json").read_text())["settings"]["cue_classes"] == index["cue_classes"]
    assert "every cue class" in (out / "index.html").read_text(encoding="utf-8")
    diaz = next(s for s in index["speakers"] if s["name"] == "Ana Diaz")
    assert diaz["cue_classes"] == {"speech": 2, "cognition": 1}
    page = (out / diaz["slug"] / "report.md").read_text(encoding="utf-8")
    assert "| By cue class | speech (said) 2, cognition (thinks or believes) 1 |" in page
    assert page.count("[cognition (thinks or believes)]") == 1  # the belief is marked in its heading
    assert 'class="cue-class"' in (out / diaz["slug"] / "report.html").read_text(encoding="utf-8")

    out = tmp_path / "speech"
    run("report", str(story), "--no-cache", "--out", str(out), "--min-quotes", "1", "--cues", "speech")
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["cue_classes"] == ["speech"]
    assert "left out: cognition, evidence" in (out / "index.md").read_text(encoding="utf-8")
    diaz = next(s for s in index["speakers"] if s["name"] == "Ana Diaz")
    assert diaz["cue_classes"] == {"speech": 2} and diaz["quotes"] == 2
