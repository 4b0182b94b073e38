"""Start-up and per-process loading: what a command imports and how the rules and model load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from quotes.rules import yamlfile
from quotes.rules.ruleset import default_rules_dir, rule_files

REPORT_ONLY = ("matplotlib", "quotes.report.writer", "quotes.report.charts")


def test_extract_imports_no_report_or_chart_code(tmp_path: Path) -> None:
    """``quotes extract`` uses the report package's filters only: the writer and its charts
    (matplotlib, a second of start-up) stay unloaded."""
    story = tmp_path / "one.txt"
    story.write_text('"We will open the bridge in May," the mayor said.\n', encoding="utf-8")
    out = tmp_path / "q.jsonl"
    probe = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print(sorted(m for m in {REPORT_ONLY!r} if m in sys.modules)))\n"
        "from quotes.cli.main import main\n"
        f"sys.argv = ['quotes', 'extract', {str(story)!r}, '--no-cache', '-o', {str(out)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert out.read_text(encoding="utf-8").count('"speaker_name": "mayor"') == 1


def test_report_names_still_import_from_the_package() -> None:
    from quotes import report
    from quotes.report.writer import ReportIndex, write_reports

    assert report.write_reports is write_reports and report.ReportIndex is ReportIndex


def _lines(value: object) -> list[object]:
    if isinstance(value, dict):
        return [value.line, *(line for item in value.values() for line in _lines(item))]  # type: ignore[attr-defined]
    if isinstance(value, list):
        return [value.line, value.item_lines, *(line for item in value for line in _lines(item))]  # type: ignore[attr-defined]
    return []


def test_the_fast_yaml_reader_reads_every_rule_file_as_the_pure_python_one() -> None:
    for path in rule_files(default_rules_dir()):
        text = path.read_text(encoding="utf-8")
        slow = yaml.load(text, Loader=yamlfile._LineLoader)
        fast = yamlfile.read_yaml(path)
        assert fast == slow, path
        assert _lines(fast) == _lines(slow), path


def test_a_bad_rule_file_keeps_the_pure_python_parsers_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs:\n  - say\n  - 'unclosed\n", encoding="utf-8")
    try:
        yamlfile.read_yaml(bad)
    except yamlfile.RuleError as error:
        assert str(error) == f"{bad}:4: invalid YAML: found unexpected end of stream"
    else:  # pragma: no cover - the assertion below says what went wrong
        raise AssertionError("a bad YAML file was read")
    dupe = tmp_path / "dupe.yaml"
    dupe.write_text("a: 1\nb: 2\na: 3\n", encoding="utf-8")
    try:
        yamlfile.read_yaml(dupe)
    except yamlfile.RuleError as error:
        assert str(error) == f"{dupe}:3: invalid YAML: duplicate key 'a'"
    else:  # pragma: no cover
        raise AssertionError("a duplicate key was read")


def test_the_lemma_index_answers_as_its_list(nlp) -> None:
    """The accelerated lemmatizer's word index answers ``in`` as the stock list does."""
    from quotes.nlp.model import load_model

    stock = load_model(fast=False).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    fast = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert list(stock.keys()) == list(fast.keys())
    for key, words in stock.items():
        index = fast[key]
        assert list(index) == words
        probes = [*words[::97], "zzqx", "", "runned", *(w.upper() for w in words[:5])]
        assert [p in index for p in probes] == [p in words for p in probes]


def _probe_run(arguments: list[str], modules: tuple[str, ...]) -> list[str]:
    """Run ``quotes ARGUMENTS`` in a fresh process; the ``modules`` it imported."""
    probe = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print(sorted(m for m in {modules!r} if m in sys.modules)))\n"
        "from quotes.cli.main import main\n"
        f"sys.argv = ['quotes', *{arguments!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    import ast

    return ast.literal_eval(done.stdout.strip().splitlines()[-1])


def test_a_fully_cached_extract_loads_no_spacy(tmp_path: Path) -> None:
    story = tmp_path / "one.txt"
    story.write_text('"We will open the bridge in May," the mayor said.\n', encoding="utf-8")
    cache = str(tmp_path / "cache.sqlite3")
    cold = _probe_run(["extract", str(story), "--cache", cache, "-o", str(tmp_path / "a.jsonl")], ("spacy",))
    warm = _probe_run(["extract", str(story), "--cache", cache, "-o", str(tmp_path / "b.jsonl")], ("spacy",))
    assert cold == ["spacy"] and warm == []
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_rules_that_disagree_with_the_code_still_stop_extract(tmp_path: Path) -> None:
    """The check against the attribution code comes when the pipeline first runs: still one
    clear ``file:line`` error and no output."""
    import shutil

    from click.testing import CliRunner

    from quotes.cli.main import cli

    bad = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), bad)
    table = bad / "attribution.yaml"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("rules:")) + 1
    lines.insert(at, '  - {id: made-up-rule, priority: 9, confidence: 0.5, description: "None."}\n')
    table.write_text("".join(lines), encoding="utf-8")
    story = tmp_path / "one.txt"
    story.write_text('"We will open the bridge in May," the mayor said.\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    arguments = ["extract", str(story), "--rules", str(bad), "--no-cache", "-o", str(out)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 1
    assert f"{table}:{at + 1}: rule 'made-up-rule' is produced by no attribution rule module" in result.output
    assert "Traceback" not in result.output and not out.exists()
