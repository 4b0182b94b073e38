"""The gender of quoted people: golden cases for each basis and the traps, the decision, the corpus
view, the rules it reads, the records and the outputs.

Golden cases are ``tests/cases/gender/NAME.txt`` beside ``NAME.expected.json`` (each quotation's
speaker as written, its name, gender and basis); ``pytest tests/test_gender.py --update-golden``
rewrites them from today's output.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli.main import cli
from quotes.io.deserialize import quotation_from_dict
from quotes.io.serialize import quotation_row, quotation_to_dict
from quotes.records import Article, ArticleResult, Quotation
from quotes.report.gender_shares import gender_shares
from quotes.rules.first_name_genders import load_first_name_genders
from quotes.rules.speakers import load_aliases
from quotes.rules.yamlfile import RuleError
from quotes.speakers.gender import (
    corpus_gender,
    decide,
    first_name,
    noun_cue,
    with_mode,
)
from quotes.speakers.identity import count_speakers
from quotes.speakers.records import GenderCue

RULES = Path(__file__).resolve().parent.parent / "rules"
CASES = sorted((Path(__file__).parent / "cases" / "gender").glob("*.txt"))
ROLES = {"spokeswoman": "female", "wife": "female", "daughter": "female", "businessman": "male"}


def summarise(quotations) -> list[dict]:
    return [
        {
            "speaker_text": q.speaker_text,
            "speaker_name": q.speaker_name,
            "speaker_gender": q.speaker_gender,
            "speaker_gender_basis": q.speaker_gender_basis,
        }
        for q in quotations
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_gender_case(case: Path, analyzer, update_golden: bool) -> None:
    found = summarise(analyzer.analyze(case.read_text(encoding="utf-8")))
    expected_file = case.with_suffix(".expected.json")
    if update_golden:
        expected_file.write_text(json.dumps({"quotes": found}, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert found == json.loads(expected_file.read_text(encoding="utf-8"))["quotes"]


def test_every_basis_and_trap_has_a_case() -> None:
    names = {c.stem for c in CASES}
    assert {"pronoun", "honorific", "noun", "declared", "first-name", "override"} <= names
    assert {"quoted-he", "wife", "shared-names", "unnamed-spokeswoman"} <= names


def _genders(analyzer, text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(q.speaker_name, q.speaker_gender, q.speaker_gender_basis) for q in analyzer.analyze(text)]


def test_a_he_inside_her_own_quotation_is_no_evidence(analyzer) -> None:
    text = '"He never came to see us," said Robin Fisher, a nurse, of the governor. "He should."'
    assert {g for _, g, _ in _genders(analyzer, text)} == {"unknown"}


def test_the_text_overrides_the_first_name_and_says_so(analyzer) -> None:
    text = "Ashley Cole, a businessman from Leeds, said the academy would open in May."
    [quotation] = analyzer.analyze(text)
    assert (quotation.speaker_gender, quotation.speaker_gender_basis) == ("male", "noun")
    assert "overrides the first name 'Ashley' (female)" in quotation.speaker_gender_explanation


def test_organisations_and_joined_speakers_have_no_gender(analyzer) -> None:
    text = "The ministry said exams would change. Ana Ruiz and Tom Berg said they agreed."
    found = _genders(analyzer, text)
    assert [g for _, g, _ in found] == [None, None]


# ----------------------------------------------------------------------------- the decision


def cue(basis: str, gender: str, word: str, offset: int) -> GenderCue:
    return GenderCue(basis, gender, word, offset)


def test_noun_cue_takes_the_head_noun_only() -> None:
    assert noun_cue("a spokeswoman for the campaign", 5, ROLES) == cue("noun", "female", "spokeswoman", 5)
    assert noun_cue("Mr. Smith's wife", 0, ROLES).gender == "female"
    assert noun_cue("the daughter's lawyer", 0, ROLES) is None
    assert noun_cue("chief executive", 0, ROLES) is None


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Hillary Clinton", "Hillary"),
        ("Clinton", None),
        ("J. Smith", None),
        ("Park Geun-hye", None),
        ("Ban Ki-moon", None),
        ("Jean-Marc Ayrault", "Jean-Marc"),
        ("spokeswoman", None),
    ],
)
def test_first_name_is_never_a_surname(name: str, first: str | None) -> None:
    assert first_name(name) == first


def test_first_name_after_a_title() -> None:
    assert first_name("Del. Stacey Plaskett", lambda w: w.endswith(".")) == "Stacey"


def pair(decided) -> tuple[str, str]:
    return decided.gender, decided.basis


def test_decide_in_order_text_declared_first_name_unknown() -> None:
    names = {"jordan": "male", "hillary": "female"}
    she = [cue("pronoun", "female", "she", 10), cue("pronoun", "female", "she", 50)]
    assert decide(she, "Jordan Lee", None, names).gender == "female"
    assert "overrides the first name 'Jordan' (male)" in decide(she, "Jordan Lee", None, names).explanation
    assert pair(decide([], "Jordan Lee", "female", names)) == ("female", "declared")
    assert pair(decide([], "Hillary Doe", None, names)) == ("female", "first_name")
    assert pair(decide([], "Leslie Doe", None, names)) == ("unknown", "none")
    tied = [cue("pronoun", "female", "she", 1), cue("honorific", "male", "Mr.", 9)]
    assert pair(decide(tied, "Hillary Doe", None, names)) == ("female", "first_name")


def test_decide_names_the_basis_most_cues_have() -> None:
    cues = [cue("honorific", "male", "Mr.", 1), cue("honorific", "male", "Mr.", 20),
            cue("pronoun", "male", "he", 30), cue("pronoun", "female", "she", 40)]  # fmt: skip
    found = decide(cues, "Al Doe", None, {})
    assert pair(found) == ("male", "honorific")
    assert "against it 'she'" in found.explanation


def test_corpus_gender_text_anywhere_beats_first_names_and_conflicts_show() -> None:
    assert pair(corpus_gender(Counter({("female", "pronoun"): 1, ("male", "first_name"): 4}))) == (
        "female", "pronoun")  # fmt: skip
    conflict = corpus_gender(Counter({("female", "pronoun"): 2, ("male", "honorific"): 1}))
    assert conflict.gender == "female" and conflict.conflict
    assert "1 article(s) say male" in conflict.explanation
    assert corpus_gender(Counter({("female", "noun"): 1, ("male", "pronoun"): 1})).gender == "unknown"
    assert corpus_gender(Counter()) is None


# ----------------------------------------------------------------------------- rules


def test_first_name_statistics_leave_shared_names_out() -> None:
    names = load_first_name_genders(RULES)
    assert names["hillary"] == "female" and names["donald"] == "male"
    for shared in ("leslie", "jordan", "kelly", "taylor", "jean", "andrea"):
        assert shared not in names


def test_speakers_yaml_declares_a_gender(tmp_path: Path) -> None:
    (tmp_path / "speakers.yaml").write_text(
        "version: 1\nspeakers:\n  - name: Ana Ruiz\n    gender: female\n    aliases: [Mayor Ruiz]\n"
    )
    assert load_aliases(tmp_path).declared_gender("Mayor Ruiz") == "female"
    (tmp_path / "speakers.yaml").write_text("version: 1\nspeakers:\n  - name: Acme\n    type: organisation\n"
                                            "    gender: female\n")  # fmt: skip
    with pytest.raises(RuleError, match=r"speakers\.yaml:3"):
        load_aliases(tmp_path)


# ----------------------------------------------------------------------------- records and outputs


def quotation(name: str | None, gender: str | None, basis: str | None = "pronoun") -> Quotation:
    return Quotation(
        kind="direct", content=((0, 5),), text="Hello", speaker=((6, 9),), speaker_text=name or "",
        speaker_name=name, speaker_type="person" if gender else "organisation", cue=(), cue_text="",
        cue_lemma="say", cue_class="speech", stance="neutral", rule="cue-quote-after", confidence=0.9,
        explanation="", speaker_names=(name,) if name else (), speaker_gender=gender,
        speaker_gender_basis=basis if gender else None,
        speaker_gender_explanation=f"{gender}: the article says so" if gender else None,
    )  # fmt: skip


def test_a_quotation_with_its_gender_round_trips() -> None:
    original = quotation("Ana Ruiz", "female")
    assert quotation_from_dict(json.loads(json.dumps(quotation_to_dict(original)))) == original
    row = quotation_row(Article("a1", "Hello Ana"), original)
    assert (row["speaker_gender"], row["speaker_gender_basis"]) == ("female", "pronoun")


def pair_of(q: Quotation) -> tuple[str | None, str | None]:
    return q.speaker_gender, q.speaker_gender_basis


def test_gender_modes() -> None:
    guessed = quotation("Ana Ruiz", "female", "first_name")
    assert with_mode(guessed, "all") == guessed
    assert pair_of(with_mode(guessed, "text")) == ("unknown", "none")
    assert with_mode(quotation("Ana Ruiz", "female"), "text").speaker_gender == "female"
    assert with_mode(guessed, "off").speaker_gender_basis is None


def test_quotes_speakers_lists_gender_per_corpus_speaker() -> None:
    results = [
        ArticleResult(Article("a1", "x"), (quotation("Ana Ruiz", "female", "first_name"),)),
        ArticleResult(Article("a2", "x"), (quotation("Ana Ruiz", "male", "pronoun"),)),
    ]
    [ana] = count_speakers(results, load_aliases(RULES))
    assert (ana.gender, ana.gender_basis) == ("male", "pronoun")
    assert "overrides the first name (female)" in ana.gender_note
    assert "gender" not in ana.row(gender=False)


def test_gender_shares_count_sources_once_and_unknowns_apart() -> None:
    keys = ("speaker_slug", "speaker_gender", "counted", "outlet", "date")
    rows = [
        dict(zip(keys, values, strict=True))
        for values in [
            ("ana", "female", True, "Post", "2024-01-02"),
            ("ana", "female", True, "Post", "2024-02-02"),
            ("tom", "male", True, "Wire", "2024-01-09"),
            ("kim", "unknown", True, "Wire", None),
            ("acme", None, True, "Wire", None),
        ]
    ]
    shares = gender_shares(rows).to_json()
    assert shares["overall"]["sources"] == {"female": 1, "male": 1, "unknown": 1, "share_women": 0.5}
    assert shares["overall"]["quotations"]["share_women"] == round(2 / 3, 4)
    assert [m["month"] for m in shares["by_month"]] == ["2024-01", "2024-02"]
    assert gender_shares([{"speaker_slug": "acme", "speaker_gender": None, "counted": True}]) is None


@pytest.mark.parametrize("mode", ["all", "off"])
def test_extract_and_report_gender_option(tmp_path: Path, mode: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text('"We will win," said Ana Torres. She added that the polls were wrong.\n', "utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["extract", str(story), "--no-cache", "--gender", mode])
    assert out.exit_code == 0, out.output
    quotes = json.loads(out.output.splitlines()[0])["quotes"]
    assert ("speaker_gender" in quotes[0]) == (mode != "off")
    if mode == "all":
        assert quotes[0]["speaker_gender"] == "female"
    args = ["report", str(story), "--out", str(tmp_path / "rep"), "--no-cache", "--gender", mode]
    report = runner.invoke(cli, args)
    assert report.exit_code == 0, report.output
    rows = [json.loads(line) for line in (tmp_path / "rep" / "quotations.jsonl").read_text().splitlines()]
    index = json.loads((tmp_path / "rep" / "index.json").read_text())
    assert ("speaker_gender" in rows[0]) == (mode != "off") == ("gender" in index)
    header = (tmp_path / "rep" / "quotations.csv").read_text().splitlines()[0]
    assert ("speaker_gender" in header) == (mode != "off")


def test_the_report_shows_whose_voices_by_outlet_and_month_and_each_speakers_gender(tmp_path: Path) -> None:
    articles = [
        {"id": "a1", "outlet": "Post", "date": "2024-01-05",
         "text": '"We will reopen the ward," said Dr. Ana Torres. She added that staff were ready.'},
        {"id": "a2", "outlet": "Wire", "date": "2024-02-07",
         "text": '"The budget is short," said Mr. Tom Reyes, the finance chair.'},
    ]  # fmt: skip
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    out = tmp_path / "report"
    result = CliRunner().invoke(cli, ["report", str(corpus), "--out", str(out), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="gender"' in index and "women_by_month.png" in index
    assert (out / "women_by_month.png").read_bytes().startswith(b"\x89PNG")
    shares = json.loads((out / "index.json").read_text(encoding="utf-8"))["gender"]
    assert shares["overall"]["sources"] == {"female": 1, "male": 1, "unknown": 0, "share_women": 0.5}
    assert [m["month"] for m in shares["by_month"]] == ["2024-01", "2024-02"]
    page = (out / "ana-torres" / "report.html").read_text(encoding="utf-8")
    assert "Gender: <strong>female</strong>" in page
    assert "Gender: **male**" in (out / "tom-reyes" / "report.md").read_text(encoding="utf-8")


def test_a_month_chart_with_no_known_gender_says_so() -> None:
    from quotes.report.charts_views import women_share_chart
    from quotes.report.gender_shares import GenderCounts, GenderRow

    nobody = GenderCounts(0, 0, 2, None)
    png = women_share_chart([GenderRow("2024-01", nobody, nobody)])
    assert png.startswith(b"\x89PNG")


def test_a_first_word_the_article_uses_as_a_place_tells_no_gender(analyzer) -> None:
    text = (
        "Protests went on in Charlotte for a third night.\n\n"
        '"The city is hurting," the Charlotte Observer wrote in an editorial on Friday.\n\n'
        "Charlotte Observer said the police should release the video."
    )
    found = _genders(analyzer, text)
    assert found and all(basis != "first_name" for name, _, basis in found if name == "Charlotte Observer")
