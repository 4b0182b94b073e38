"""The command line, through click's CliRunner: every command, formats, errors, help."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quotes.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
STORY = '"We will rebuild the harbor," said Mayor Elena Ruiz. She added that work would start in May.\n'


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: str | None = None):
    return runner.invoke(cli, [*args], input=input, catch_exceptions=False)


def test_extract_jsonl_to_stdout(runner, tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = invoke(runner, "extract", str(story), "--no-cache")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["id"].endswith("story.txt")
    first, second = record["quotes"]
    assert first["speaker_name"] == "Elena Ruiz" and first["kind"] == "direct"
    assert STORY[first["content"][0][0] : first["content"][0][1]] == '"We will rebuild the harbor,"'
    assert second["speaker_name"] == "Elena Ruiz" and second["kind"] == "indirect"
    for key in ("speaker", "cue", "text", "rule", "confidence", "tone", "frames", "stance", "cue_class"):
        assert key in first


def test_extract_writes_file_and_manifest(runner, tmp_path) -> None:
    out = tmp_path / "out" / "quotes.jsonl"
    result = invoke(runner, "extract", str(EXAMPLES), "-o", str(out), "--no-cache")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 17  # three files + two wire articles + twelve in harbor-desk.jsonl
    manifest = json.loads((tmp_path / "out" / "quotes.manifest.json").read_text(encoding="utf-8"))
    assert {entry["status"] for entry in manifest["inputs"]} == {"ok"}
    assert sum(entry["articles"] for entry in manifest["inputs"]) == 17


def test_extract_csv_table_and_explain(runner, tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    csv_out = invoke(runner, "extract", str(story), "--format", "csv", "--no-cache").stdout
    assert csv_out.splitlines()[0].startswith("id,kind,speaker_name")
    assert "Elena Ruiz" in invoke(runner, "extract", str(story), "--format", "table", "--no-cache").stdout
    explained = invoke(runner, "extract", str(story), "--explain", "--no-cache").stdout
    assert "rule cue-quote-after" in explained and "Elena Ruiz" in explained


def test_extract_reads_stdin(runner) -> None:
    result = invoke(runner, "extract", "-", "--no-cache", input=STORY)
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["quotes"]


def test_report_on_examples(runner, tmp_path) -> None:
    out = tmp_path / "reports"
    result = invoke(runner, "report", str(EXAMPLES), "--out", str(out), "--no-cache")
    assert result.exit_code == 0, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    names = {s["name"]: s for s in index["speakers"]}
    assert "Elena Ruiz" in names and names["Elena Ruiz"]["quotes"] >= 4
    assert names["Elena Ruiz"]["articles"] >= 2  # merged across articles and files
    for speaker in [s for s in index["speakers"] if s["has_page"]]:  # the rest are on others.html
        folder = out / speaker["slug"]
        assert (folder / "report.md").exists() and (folder / "report.html").exists()
        assert list(folder.glob("*.png"))
    assert list(out.glob("*.png")) and (out / "index.md").exists() and (out / "manifest.json").exists()


def test_speakers_lists_counts(runner) -> None:
    result = invoke(runner, "speakers", str(EXAMPLES), "--format", "jsonl", "--no-cache")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["quotes"] >= rows[-1]["quotes"]
    assert any(r["name"] == "Elena Ruiz" for r in rows)


def test_score_command(runner, tmp_path) -> None:
    texts = tmp_path / "texts.txt"
    texts.write_text("The economy is booming.\nThe attack killed twelve people.\n", encoding="utf-8")
    rows = [json.loads(line) for line in invoke(runner, "score", str(texts)).stdout.splitlines()]
    assert [r["id"] for r in rows] == ["texts:1", "texts:2"]  # the one id rule: FILE-STEM:LINE
    assert rows[0]["tone"]["compound"] > 0 > rows[1]["tone"]["compound"]
    assert rows[0]["codebook_frame"] == "economic"
    assert "codebook_frame" in invoke(runner, "score", str(texts), "--format", "table").stdout


def test_rules_check_good_and_bad(runner, tmp_path) -> None:
    from quotes.rules.ruleset import default_rules_dir

    assert invoke(runner, "rules", "check").exit_code == 0
    bad = tmp_path / "rules"
    import shutil

    shutil.copytree(default_rules_dir(), bad)
    text = (bad / "cues.yaml").read_text(encoding="utf-8")
    (bad / "cues.yaml").write_text(text.replace("class: evidence", "class: rumour", 1), encoding="utf-8")
    result = runner.invoke(cli, ["rules", "check", str(bad)])
    assert result.exit_code == 1
    line = result.output.strip().splitlines()[-1]
    assert line.startswith(str(bad / "cues.yaml") + ":") and "rumour" in line


def test_bad_rules_fail_before_any_work(runner, tmp_path) -> None:
    import shutil

    from quotes.rules.ruleset import default_rules_dir

    bad = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), bad)
    (bad / "cues.yaml").write_text("verbs: [\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(EXAMPLES), "--rules", str(bad), "--no-cache", "-o", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{bad / 'cues.yaml'}:2: invalid YAML" in result.output
    assert not out.exists()


def test_eval_prints_scores_and_rules(runner, tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    text = '"We will win," said Ana Torres.'
    quote = {"kind": "direct", "content": [[0, 14]], "speaker": [[20, 30]], "speaker_name": "Ana Torres"}
    gold.write_text(json.dumps({"id": "a", "text": text, "quotes": [quote]}) + "\n", encoding="utf-8")
    result = invoke(runner, "eval", str(gold), "--speaker-by", "name", "--no-cache")
    assert result.exit_code == 0
    assert "direct" in result.stdout and "cue-quote-after" in result.stdout
    report = json.loads(invoke(runner, "eval", str(gold), "--json", "--no-cache").stdout)
    assert report["kinds"]["all"]["end_to_end"]["f1"] == 1.0


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


@pytest.mark.parametrize("path", _commands(cli), ids=lambda path: " ".join(path) or "quotes")
def test_every_command_has_help_with_an_example(runner, path: tuple[str, ...]) -> None:
    result = invoke(runner, *path, "--help")
    assert result.exit_code == 0 and "Usage" in result.output
    assert "Example" in result.output and "  quotes " in result.output


def test_missing_input_is_reported_not_raised(runner, tmp_path) -> None:
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt"), "--no-cache"])
    assert result.exit_code == 1
    assert "nope.txt" in result.output and "Traceback" not in result.output


# -- exact output -------------------------------------------------------------------------------

CORPUS = [
    {
        "id": "2016/09/12/the-very-long-name-of-an-article-about-the-harbor",
        "text": '"We will rebuild the harbor," said Donald Trump. He added that work would start in May.',
    },
    {
        "id": "b-2",
        "text": 'The plan is "a disaster for taxpayers," Trump said on Tuesday. '
        '"We will win," said Mayor Elena Ruiz.',
    },
]


@pytest.fixture()
def corpus(tmp_path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(article) + "\n" for article in CORPUS), encoding="utf-8")
    return path


def test_speakers_table_exact(runner, corpus) -> None:
    result = invoke(runner, "speakers", str(corpus), "--no-cache")
    assert result.exit_code == 0
    assert result.stdout == (  # each join with its evidence (issue 19), and the gender columns (issue 20)
        "name          type    quotes  articles  evidence"
        "                                                      gender  gender_basis  gender_note\n"
        "Donald Trump  person  3       2         Trump (1 in b-2): the only person of the corpus named Trump"
        "   male    pronoun       male: pronoun in 1 article\n"
        "Elena Ruiz    person  1       1         Mayor Elena Ruiz (1 in b-2): an alias in rules/speakers.yaml"
        "  female  first_name    female: first name in 1 article\n"
    )


def test_extract_table_exact(runner, corpus) -> None:
    result = invoke(runner, "extract", str(corpus), "--format", "table", "--no-cache")
    assert result.exit_code == 0
    assert result.stdout == (
        "id                        kind      speaker                 cue           text\n"
        "…rticle-about-the-harbor  direct    Donald Trump            said          "
        '"We will rebuild the harbor,"\n'
        "…rticle-about-the-harbor  indirect  Donald Trump            added         "
        "that work would start in May\n"
        "b-2                       mixed     Trump                   said          "
        'The plan is "a disaster for taxpayers,"\n'
        "b-2                       direct    Elena Ruiz              said          "
        '"We will win,"\n'
    )


def test_speakers_and_report_agree(runner, corpus, tmp_path) -> None:
    listed = invoke(runner, "speakers", str(corpus), "--format", "jsonl", "--no-cache").stdout
    rows = [json.loads(line) for line in listed.splitlines()]
    out = tmp_path / "reports"
    assert invoke(runner, "report", str(corpus), "--out", str(out), "--no-cache").exit_code == 0
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    reported = [
        {**{k: s[k] for k in ("name", "type", "quotes", "articles")},
         "gender": s["gender"]["gender"], "gender_basis": s["gender"]["basis"],
         "gender_note": s["gender"]["explanation"]}
        for s in index["speakers"]
    ]  # fmt: skip
    assert [{k: v for k, v in row.items() if k != "evidence"} for row in rows] == reported
    assert rows[0]["name"] == "Donald Trump" and rows[0]["quotes"] == 3 and rows[0]["articles"] == 2
    assert rows[0]["evidence"] == "Trump (1 in b-2): the only person of the corpus named Trump"
    assert rows[0]["gender"] == "male"


def test_speakers_csv_to_a_file(runner, corpus, tmp_path) -> None:
    out = tmp_path / "speakers.csv"
    result = invoke(runner, "speakers", str(corpus), "--format", "csv", "-o", str(out), "--no-cache")
    assert result.exit_code == 0 and result.stdout == ""
    header = "name,type,quotes,articles,evidence,gender,gender_basis,gender_note"
    assert out.read_text(encoding="utf-8").splitlines()[0] == header


# -- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"id": "a", "text": "x", "quotes": [{"kind": "loud"}]}\n', ":1: each quote needs a kind"),
        ('{"id": "a", "text": "x"}\n{oops\n', ":2: invalid JSON"),
        ('{"id": "a", "text": "x", "quotes": [{"kind": "direct", "content": [[0]]}]}\n', ":1: 'content'"),
        ("", ": empty file"),
    ],
)
def test_bad_gold_file_is_one_clean_line(runner, tmp_path, content: str, reason: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), "--no-cache"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"Error: {gold}{reason}")


def test_unexpected_error_is_named_a_bug_and_debug_shows_it(runner, tmp_path, monkeypatch) -> None:
    import quotes.speakers.identity

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(quotes.speakers.identity, "count_speakers", broken)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(cli, ["speakers", str(story), "--no-cache"])
    assert result.exit_code == 1
    assert "internal error (a bug in quotescope): ZeroDivisionError: boom" in result.output
    assert "--debug" in result.output
    debug = runner.invoke(cli, ["--debug", "speakers", str(story), "--no-cache"])
    assert isinstance(debug.exception, ZeroDivisionError)


def test_unwritable_output_is_one_clean_line(runner, tmp_path) -> None:
    texts = tmp_path / "texts.txt"
    texts.write_text("The economy is booming.\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["score", str(texts), "-o", str(blocker / "out.jsonl")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_score_reports_bad_lines_and_exits_1(runner, tmp_path) -> None:
    texts = tmp_path / "texts.jsonl"
    texts.write_text('{"id": 3, "text": "Good."}\n{oops\n', encoding="utf-8")
    result = runner.invoke(cli, ["score", str(texts), "--format", "csv"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "id,compound,label,certainty,hype,codebook_frame,frames"
    assert result.stdout.splitlines()[1].startswith("3,")
    assert f"{texts}:2: invalid JSON" in result.stderr
