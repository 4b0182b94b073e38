"""Rule files are validated by a schema (issue 24, item 7): unknown and misspelt keys, a missing
required file, and regular expressions that could hang a run are refused, with ``file:line`` and
the nearest known key, by ``quotes rules check`` and by every command that loads the rules."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.pipeline.rules import load_rules
from quotes.rules.regex_safety import regex_problem
from quotes.rules.ruleset import default_rules_dir
from quotes.rules.yamlfile import RuleError


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    return folder


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) in ``path``; returns the line where ``new`` starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def check(folder: Path) -> str:
    """What ``quotes rules check`` says of ``folder``: one line, and exit status 1."""
    result = CliRunner().invoke(cli, ["rules", "check", str(folder)])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def test_the_bundled_rules_pass() -> None:
    result = CliRunner().invoke(cli, ["rules", "check"])
    assert result.exit_code == 0 and "rule files OK" in result.output


def test_a_misspelt_key_is_refused_with_its_line_and_the_known_key(rules_copy: Path) -> None:
    """``alias:`` for ``aliases:`` silently dropped every alias."""
    path = rules_copy / "speakers.yaml"
    line = edit(path, "    aliases: [Donald J. Trump", "    alias: [Donald J. Trump")
    assert check(rules_copy) == f"{path}:{line}: speakers: unknown key 'alias'; did you mean 'aliases'?"


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("tone/hype.yaml", "kind: hype\n", "colour: red\nkind: hype\n", "unknown key 'colour'; known keys:"),
        ("tone/negation.yaml", "    factor: 1.5\n", "    facter: 1.5\n", "did you mean 'factor'"),
        ("frames/codebook.yaml", "    weak_cues: [", "    weak_cue: [", "did you mean 'weak_cues'"),
        ("cues.yaml", "verbs:\n", "verb:\n", "unknown key 'verb'; did you mean 'verbs'"),
        ("mentions.yaml", "honorifics:\n", "honorific:\n", "did you mean 'honorifics'"),
        ("stance.yaml", "  - stance: neutral\n", "  - stnace: neutral\n", "did you mean 'stance'"),
        ("attribution.yaml", "rules:\n", "rule:\n", "did you mean 'rules'"),
        ("cues.yaml", "  speaker_pronouns:", "  speaker_pronoun:", "did you mean 'speaker_pronouns'"),
    ],
)
def test_unknown_keys_are_refused_everywhere(
    rules_copy: Path, name: str, old: str, new: str, message: str
) -> None:
    line = edit(rules_copy / name, old, new)
    said = check(rules_copy)
    assert said.startswith(f"{rules_copy / name}:{line}: ") and message in said, said


def test_a_missing_required_file_is_refused(rules_copy: Path) -> None:
    """Without stance.yaml every stance became ``other`` and the check said OK."""
    (rules_copy / "stance.yaml").unlink()
    expected = f"{rules_copy / 'stance.yaml'}: missing rule file: every rules folder needs it"
    assert check(rules_copy) == expected


def test_a_missing_tone_kind_or_frame_family_is_refused(rules_copy: Path) -> None:
    (rules_copy / "tone" / "combine.yaml").unlink()
    assert "no file of tone kind combine" in check(rules_copy)
    shutil.copy(default_rules_dir() / "tone" / "combine.yaml", rules_copy / "tone")
    (rules_copy / "frames" / "codebook.yaml").unlink()
    assert "no file of frame family codebook" in check(rules_copy)


def test_a_misnamed_rule_file_is_refused(rules_copy: Path) -> None:
    shutil.copy(rules_copy / "stance.yaml", rules_copy / "stances.yaml")
    said = check(rules_copy)
    assert said.endswith("stances.yaml: not a rule file quotescope reads; did you mean stance.yaml?")


@pytest.mark.parametrize(
    "pattern",
    ["(?:a+)+$", "(?:a*)*b", "(?:\\w+\\s?)+$", "(?:\\w+\\s){0,3}x", "^(?:a|a?)+x", "(?:a|aa)*b", "(?:a|a)*b"],
)
def test_patterns_that_could_hang_a_run_are_refused(rules_copy: Path, pattern: str) -> None:
    """``(?:a+)+$`` in a tone pattern ran past 60 s on 34 characters."""
    path = rules_copy / "tone" / "hedges.yaml"
    line = edit(path, "    patterns:\n", f"    patterns:\n      - '{pattern}'\n") + 1
    start = time.perf_counter()
    said = check(rules_copy)
    assert time.perf_counter() - start < 30
    assert said.startswith(f"{path}:{line}: pattern {pattern!r} "), said
    assert re.search("nests a quantifier|alternatives that can match|took over", said)


@pytest.mark.parametrize(
    "pattern",
    ["(?:\\w++\\s){0,3}x", "(?>a+)+$", "\\b(?:the|its)\\s+\\w+est\\b", "(?<!\\w)too(?=\\s+\\w)",
     "(?:ab|a)*$"],
)
def test_safe_patterns_pass(pattern: str) -> None:
    assert regex_problem(pattern) is None


def test_a_bad_rule_fails_every_command_before_any_work(rules_copy: Path, tmp_path: Path) -> None:
    edit(rules_copy / "speakers.yaml", "    aliases: [Donald J. Trump", "    alias: [Donald J. Trump")
    story = tmp_path / "story.txt"
    story.write_text('"We will win," said Ana Torres.\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(story), "--rules", str(rules_copy), "--no-cache"])
    assert result.exit_code == 1 and "unknown key 'alias'" in result.output
    with pytest.raises(RuleError, match="did you mean 'aliases'"):
        load_rules(rules_copy)
