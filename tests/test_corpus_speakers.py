"""Speakers across a corpus: several speakers per quotation, the report's quotation export and
the name-error breakdown of ``quotes eval`` (hand-built records; the eval test runs the model)."""

from __future__ import annotations

import csv
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.io.cache import ResultCache
from quotes.io.deserialize import quotation_from_dict
from quotes.io.serialize import quotation_row, quotation_to_dict
from quotes.records import Article, ArticleResult, Quotation
from quotes.report import write_reports
from quotes.report.exports import CSV_FIELDS
from quotes.rules.speakers import AliasTable
from quotes.speakers.identity import count_speakers

from .conftest import SHARED_BENCH

TEXT = '"We will win," said Ana Torres and Jo Bloggs.'


def said(name: str | None, names: tuple[str, ...] = (), text: str = TEXT) -> Quotation:
    """``"We will win," said NAME`` with its spans in ``TEXT``."""
    return Quotation(
        "direct", ((0, 14),), text[0:14], ((20, 44),), text[20:44], name, "person", ((15, 19),),  # type: ignore[arg-type]
        "said", "say", "speech", "neutral", "cue-quote-after", 0.9, "test", speaker_names=names,
    )  # fmt: skip


BOTH = said("Ana Torres and Jo Bloggs", ("Ana Torres", "Jo Bloggs"))


def result(article_id: str, *quotes: Quotation, text: str = TEXT) -> ArticleResult:
    return ArticleResult(Article(article_id, text, title=f"Title {article_id}", date="2016-10-01"), quotes)


# ----------------------------------------------------------------------------- records


def test_speakers_lists_each_name_and_falls_back_to_the_one_name() -> None:
    assert BOTH.speakers == ("Ana Torres", "Jo Bloggs")
    assert said("Ana Torres").speakers == ("Ana Torres",)  # a record from an older file
    assert said(None).speakers == ()


def test_speaker_names_round_trip_through_dicts_rows_and_the_cache(tmp_path: Path) -> None:
    data = quotation_to_dict(BOTH)
    assert data["speaker_names"] == ["Ana Torres", "Jo Bloggs"]
    assert list(data).index("speaker_names") == list(data).index("speaker_name") + 1
    assert quotation_from_dict(data) == BOTH
    older = {key: value for key, value in data.items() if key != "speaker_names"}
    assert quotation_from_dict(older).speakers == ("Ana Torres and Jo Bloggs",)
    assert quotation_row(Article("a", TEXT), BOTH)["speaker_names"] == "Ana Torres; Jo Bloggs"
    with ResultCache(tmp_path / "cache.sqlite3", "test") as cache:
        cache.put_many([(TEXT, (BOTH,))])
        assert list(cache.get_many([TEXT]).values()) == [(BOTH,)]


def test_the_pipeline_records_each_speaker(nlp, rules) -> None:
    from quotes.pipeline.extractor import Extractor

    text = 'Ana Torres and Jo Bloggs said on Monday that the plan would fail.'
    found = Extractor(rules, score=False).extract_doc(text, nlp(text))
    assert found and found[0].speaker_names in (("Ana Torres", "Jo Bloggs"), ("Ana Torres",))
    assert " and ".join(found[0].speaker_names) == found[0].speaker_name


# ----------------------------------------------------------------------------- counting


def test_a_quotation_of_two_speakers_counts_for_each_in_quotes_speakers() -> None:
    found = count_speakers([result("a1", BOTH, said("Ana Torres"))], AliasTable())
    counts = {c.name: c.quotes for c in found}
    assert counts == {"Ana Torres": 2, "Jo Bloggs": 1}


def test_a_quotation_of_two_speakers_counts_in_each_report(tmp_path: Path) -> None:
    index = write_reports([result("a1", BOTH), result("a2", said("Jo Bloggs"))], tmp_path, AliasTable(),
                          min_quotes=1)  # fmt: skip
    data = json.loads(index.index_json.read_text(encoding="utf-8"))
    assert {s["name"]: s["quotes"] for s in data["speakers"]} == {"Jo Bloggs": 2, "Ana Torres": 1}
    assert data["quotations"] == 2 and data["unattributed"] == 0


# ----------------------------------------------------------------------------- export


def _export(tmp_path: Path) -> list[dict]:
    results = [
        result("a1", BOTH, said(None)),
        result("a2", said("Trump")),
        result("a3", said("Donald Trump")),
    ]
    write_reports(results, tmp_path, AliasTable(), min_quotes=1)
    lines = (tmp_path / "quotations.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_export_lists_every_quotation_with_the_reports_speaker(tmp_path: Path) -> None:
    rows = _export(tmp_path)
    assert [(r["article_id"], r["quote_index"], r["speaker_slug"]) for r in rows] == [
        ("a1", 0, "ana-torres"),
        ("a1", 0, "jo-bloggs"),  # one row per speaker of "X and Y said"
        ("a1", 1, None),  # no speaker: null
        ("a2", 0, "donald-trump"),  # a lone surname folded into the one full name
        ("a3", 0, "donald-trump"),
    ]
    first = rows[0]
    assert first["content"] == [[0, 14]] and first["text"] == TEXT[0:14]
    assert first["speaker_name"] == "Ana Torres"
    assert first["article_speaker_name"] == "Ana Torres and Jo Bloggs"
    assert first["article_title"] == "Title a1" and first["date"] == "2016-10-01" and first["counted"]
    assert {"kind", "cue", "cue_text", "tone", "frames", "outlet", "url"} <= set(first)
    assert rows[2]["speaker_name"] is None and rows[2]["counted"] is False
    slugs = {s["slug"] for s in json.loads((tmp_path / "index.json").read_text())["speakers"]}
    assert {r["speaker_slug"] for r in rows} - {None} <= slugs
    files = json.loads((tmp_path / "report-files.json").read_text())["files"]
    assert {"quotations.jsonl", "quotations.csv"} <= set(files)


def test_the_csv_export_has_the_same_rows(tmp_path: Path) -> None:
    rows = _export(tmp_path)
    with open(tmp_path / "quotations.csv", encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert tuple(table[0]) == CSV_FIELDS
    assert [(r["article_id"], r["speaker_slug"]) for r in table] == [
        (r["article_id"], r["speaker_slug"] or "") for r in rows
    ]
    assert json.loads(table[0]["content"]) == [[0, 14]]


def test_a_repeat_is_exported_but_not_counted(tmp_path: Path) -> None:
    long = dataclasses.replace(said("Ana Torres"), text="We will win this election in every state there is")
    write_reports([result("a1", long), result("a2", long)], tmp_path, AliasTable(), min_quotes=1)
    rows = [json.loads(line) for line in (tmp_path / "quotations.jsonl").read_text().splitlines()]
    assert [(r["speaker_slug"], r["counted"]) for r in rows] == [("ana-torres", True), ("ana-torres", False)]


@pytest.mark.skipif(not (SHARED_BENCH / "speakers_score.py").exists(), reason="../shared/bench is absent")
def test_speakers_score_reads_the_export(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    quote = {"kind": "direct", "content": [[0, 14]], "speaker": [[20, 30]], "speaker_name": "Ana Torres"}
    lines = [json.dumps({"id": i, "text": TEXT, "quotes": [quote]}) for i in ("a1", "a2")]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_reports([result("a1", said("Ana Torres")), result("a2", said("Torres"))], tmp_path,
                  AliasTable(), min_quotes=1)  # fmt: skip
    done = subprocess.run(
        [sys.executable, str(SHARED_BENCH / "speakers_score.py"), str(gold),
         str(tmp_path / "quotations.jsonl"), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    scores = json.loads(done.stdout)
    assert scores["quotations"] == 2 and scores["pairwise_f1"] == 1.0


# ----------------------------------------------------------------------------- eval


def test_eval_by_name_breaks_name_errors_down_by_gold_mention(tmp_path: Path) -> None:
    text = 'Ana Torres spoke first. "We will win," she said. "We lost," the coach said.'
    quotes = [
        {"kind": "direct", "content": [[24, 38]], "speaker": [[39, 42]], "speaker_name": "Jo Bloggs"},
        {"kind": "direct", "content": [[49, 59]], "speaker": [[60, 69]], "speaker_name": "Ed Ames"},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": text, "quotes": quotes}) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["eval", str(gold), "--speaker-by", "name", "--no-cache"]
    report = json.loads(runner.invoke(cli, [*args, "--json"], catch_exceptions=False).stdout)
    rows = {row["mention_kind"]: row for row in report["name_errors"]}
    assert list(rows) == ["name", "pronoun", "description", "none"]
    assert rows["pronoun"]["matched"] == 1 and rows["pronoun"]["wrong"] == 1
    example = rows["pronoun"]["examples"][0]
    assert example["mention"] == "she" and example["gold_name"] == "Jo Bloggs"
    assert sum(row["matched"] for row in rows.values()) == report["kinds"]["all"]["matched"]
    printed = runner.invoke(cli, args, catch_exceptions=False).stdout
    assert "name errors by gold mention" in printed and "pronoun" in printed and "'she'" in printed
    spans = json.loads(runner.invoke(cli, ["eval", str(gold), "--json", "--no-cache"]).stdout)
    assert "name_errors" not in spans


CAUSES_TEXT = (
    "Demand has doubled, says the director, Ruth Amsel.\n\n"
    '"We run out by noon most days, and the line starts at seven."\n\n'
    '"We will win," said Ana Torres. She added that the polls were wrong. "We lost," the coach said.\n\n'
    "The report, released by the Halden Institute, found that rents rose by a third."
)


def _at(text: str, words: str, nth: int = 0) -> list[list[int]]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return [[start, start + len(words)]]


def test_eval_by_name_prints_name_errors_by_cause(tmp_path: Path) -> None:
    """Each gold name below is one the article cannot give, so each quotation's name is wrong
    whatever the rules predict; the cause comes from the gold and the text."""
    t = CAUSES_TEXT

    def quote(kind: str, content: str, speaker: str, cue: str, name: str, nth: int = 0) -> dict:
        return {"kind": kind, "content": _at(t, content), "speaker": _at(t, speaker) if speaker else [],
                "cue": _at(t, cue, nth) if cue else [], "speaker_name": name}  # fmt: skip

    quotes = [
        quote("direct", '"We run out by noon most days, and the line starts at seven."', "", "", "Ro Kerr"),
        quote("direct", '"We will win,"', "Ana Torres", "said", "Ana Torres Vidal"),
        quote("indirect", "that the polls were wrong", "She", "added", "Jo Bloggs"),
        quote("direct", '"We lost,"', "the coach", "said", "Ed Ames", nth=1),
        quote("indirect", "that rents rose by a third", "The report, released by the Halden Institute,",
              "found", "Halden Trust"),
    ]  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": t, "quotes": quotes}) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["eval", str(gold), "--speaker-by", "name", "--no-cache"]
    report = json.loads(runner.invoke(cli, [*args, "--json"], catch_exceptions=False).stdout)
    rows = {row["cause"]: row for row in report["name_error_causes"]}
    assert list(rows)[:4] == ["no cue", "document", "form", "wrong mention"]
    found = {cause: row["wrong"] for cause, row in rows.items() if row["wrong"]}
    assert found == {"no cue": 1, "form": 1, "pronoun": 1, "description, named": 1, "document": 1}
    assert rows["no cue"]["direct"] == 1 and rows["document"]["indirect"] == 1
    assert rows["form"]["examples"][0]["gold_name"] == "Ana Torres Vidal"
    assert rows["pronoun"]["examples"][0]["mention"] == "She"
    printed = runner.invoke(cli, args, catch_exceptions=False).stdout
    assert "name errors by cause" in printed and "no cue" in printed and "'Halden Trust'" in printed


def test_report_speaker_fields_are_the_export_contract() -> None:
    assert {"article_id", "content", "speaker_name", "speaker_slug"} <= set(CSV_FIELDS)
    names = [f.name for f in dataclasses.fields(Quotation)]  # new fields come last, with defaults
    gender = ["speaker_gender", "speaker_gender_basis", "speaker_gender_explanation"]
    assert names[-4:] == ["speaker_names", *gender]


# ----------------------------------------------------------------------------- identity


def _counts(*articles: tuple[str | None, ...]) -> dict[str, int]:
    results = [result(f"a{i}", *(said(name) for name in names)) for i, names in enumerate(articles)]
    return {c.name: c.quotes for c in count_speakers(results, AliasTable())}


def test_a_surname_takes_the_full_name_its_own_article_quotes() -> None:
    counts = _counts(("Gary Johnson",) * 5, ("Jeh Johnson", "Johnson"), ("Johnson",))
    assert counts == {"Gary Johnson": 6, "Jeh Johnson": 2}  # the corpus's "Johnson" is Gary's


def test_a_pronoun_is_no_speaker() -> None:
    assert _counts(("he", "She", "Ana Torres")) == {"Ana Torres": 1}


def test_a_word_before_a_full_name_does_not_split_the_person() -> None:
    counts = _counts(("Hillary Clinton",) * 3, ("Rival Hillary Clinton",), ("Bill Clinton",))
    assert counts == {"Hillary Clinton": 4, "Bill Clinton": 1}


def test_a_negated_report_is_no_speakers_words() -> None:
    denied = dataclasses.replace(said("Ana Torres"), negated=True)  # "Ana Torres has not said ..."
    results = [result("a0", said("Ana Torres"), denied)]
    assert {c.name: c.quotes for c in count_speakers(results, AliasTable())} == {"Ana Torres": 1}


def test_two_people_who_share_a_surname_stay_apart() -> None:
    counts = _counts(("Donald Trump",) * 2, ("Melania Trump",) * 2, ("Trump",))
    assert counts == {"Donald Trump": 2, "Melania Trump": 2, "Trump": 1}


def test_a_negated_report_stays_with_its_speaker_in_the_export_counted_for_no_one(tmp_path) -> None:
    denied = dataclasses.replace(said("Ana Torres"), negated=True)  # "Ana Torres has not said ..."
    index = write_reports([result("a0", said("Ana Torres"), denied)], tmp_path, AliasTable(), min_quotes=1)
    lines = (tmp_path / "quotations.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [(r["speaker_slug"], r["counted"]) for r in rows] == [("ana-torres", True), ("ana-torres", False)]
    assert index.speakers == 1
    summary = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))["speakers"][0]
    assert summary["quotes"] == 1
