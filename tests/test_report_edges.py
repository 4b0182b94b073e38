"""Rough edges of the report and the commands around it, each of which failed before its fix."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.pipeline.rules import load_rules
from quotes.records import Article, ArticleResult
from quotes.report import write_reports
from quotes.report.display import bare_quotation, cue_name, frame_label
from quotes.rules.speakers import AliasTable
from tests.test_report import article, fast_charts, quote  # noqa: F401 (fast_charts is a fixture)

STORY = '"We will rebuild the harbor," said Mayor Elena Ruiz. She added that work would start in May.\n'


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, [*args], input=input, catch_exceptions=False)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


# -- re-running into the same folder -------------------------------------------------------------


@pytest.mark.usefixtures("fast_charts")
def test_rerun_removes_what_the_earlier_report_wrote_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_reports(
        iter([article(1, quote("Ada Lovelace"), quote("Grace Hopper"))]), out, AliasTable(), min_quotes=1
    )
    assert (out / "grace-hopper" / "report.html").is_file()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "grace-hopper" / "my-notes.txt").write_text("mine too", encoding="utf-8")
    write_reports(iter([article(1, quote("Ada Lovelace"))]), out, AliasTable(), min_quotes=1)
    assert (out / "ada-lovelace" / "report.html").is_file()
    assert not (out / "grace-hopper" / "report.html").exists()
    assert not (out / "grace-hopper" / "tone.png").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "grace-hopper" / "my-notes.txt").is_file()  # not ours: the folder stays with it
    write_reports(iter([article(1, quote("Ada Lovelace"))]), tmp_path / "other", AliasTable(), min_quotes=1)
    recorded = json.loads((out / "report-files.json").read_text(encoding="utf-8"))["files"]
    assert "ada-lovelace/report.html" in recorded and "notes.txt" not in recorded


@pytest.mark.usefixtures("fast_charts")
def test_a_forged_record_cannot_delete_outside_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (out / "report-files.json").write_text(json.dumps({"files": ["../victim.txt", "/etc/hostname"]}))
    write_reports(iter([article(1, quote("Ada"))]), out, AliasTable(), min_quotes=1)
    assert victim.read_text(encoding="utf-8") == "keep"


# -- display forms -------------------------------------------------------------------------------


def test_frames_show_their_labels_from_the_rules() -> None:
    labels = {f.id: f.label for f in load_rules().frames.frames}
    assert frame_label("quality_of_life", labels) == "Quality of life"
    assert frame_label("unheard_of", {}) == "Unheard of"


def test_colon_cue_has_a_name() -> None:
    assert cue_name(":") == "colon (headline)"
    assert cue_name("said") == "said"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('"This bridge will open in May."', "This bridge will open in May."),
        ("“This bridge will open.”", "This bridge will open."),
        ("'We don't know yet'", "We don't know yet"),
        ('"A," … "B."', '"A," … "B."'),  # two pieces: the marks are not one enclosing pair
        ('called it "a landmark"', 'called it "a landmark"'),
    ],
)
def test_quotation_text_loses_only_its_enclosing_marks(text: str, shown: str) -> None:
    assert bare_quotation(text) == shown


@pytest.mark.usefixtures("fast_charts")
def test_pages_show_labels_cue_names_and_single_marks(tmp_path: Path) -> None:
    q = quote("Ana Torres", '"This bridge will open in May."', frames=("quality_of_life",), cue=":")
    out = tmp_path / "out"
    labels = {f.id: f.label for f in load_rules().frames.frames}
    write_reports(iter([article(1, q)]), out, AliasTable(), min_quotes=1, frame_labels=labels)
    for page in (out / "ana-torres" / "report.html", out / "ana-torres" / "report.md", out / "index.html"):
        # evidence lines name the rule file (frames/quality_of_life.yaml entries): not a display label
        text = "\n".join(
            line for line in page.read_text(encoding="utf-8").splitlines() if "Evidence" not in line
        )
        assert "quality_of_life" not in text and "Quality of life" in text, page
        assert "“:”" not in text and "(:" not in text, page
    html = (out / "ana-torres" / "report.html").read_text(encoding="utf-8")
    assert "“This bridge will open in May.”" in html and "“&#34;" not in html and "“&quot;" not in html


@pytest.mark.usefixtures("fast_charts")
def test_index_footnote_names_the_combined_score(tmp_path: Path) -> None:
    write_reports(iter([article(1, quote("Ana"))]), tmp_path, AliasTable())
    for name in ("index.html", "index.md"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "Tone is VADER's compound score" not in text and "combined score" in text


# -- inputs and outputs of the commands ----------------------------------------------------------


def test_report_on_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("report", str(tmp_path / "empty"), "--out", str(tmp_path / "out"), "--no-cache")
    assert result.exit_code == 1
    assert "no input files" in result.output
    assert not (tmp_path / "out").exists()


def test_report_on_a_missing_path_is_one_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    result = run("report", str(tmp_path / "missing.txtx"), "--out", str(tmp_path / "out"), "--no-cache")
    assert result.exit_code == 1
    assert "no such file" in result.output and "unknown suffix" not in result.output
    assert not (tmp_path / "out").exists()


def test_extract_of_a_missing_path_does_not_warn_about_its_suffix(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "missing.weird"), "--no-cache")
    assert result.exit_code == 1
    assert "unknown suffix" not in result.output


def test_eval_without_gold_is_an_error(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({"id": "a", "text": STORY}) + "\n", encoding="utf-8")
    result = run("eval", str(plain), "--no-cache")
    assert result.exit_code == 1
    assert "no gold annotations" in result.output and "docs/gold-format.md" in result.output
    assert (Path(__file__).resolve().parent.parent / "docs" / "gold-format.md").is_file()


def test_score_of_a_missing_file_is_a_clean_message(tmp_path: Path) -> None:
    result = run("score", str(tmp_path / "nonexistent.txt"))
    assert result.exit_code != 0
    assert "Errno" not in result.output and "FileNotFoundError" not in result.output
    assert "does not exist" in result.output


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_output_to_dev_null_writes_no_manifest_beside_it(story: Path) -> None:
    before = os.stat("/dev/null")
    result = run("extract", str(story), "-o", "/dev/null", "--no-cache")
    assert result.exit_code == 0, result.output
    assert not os.path.exists("/dev/null.manifest.json")
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)  # still the device


def test_csv_carries_the_article_metadata(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    record = {"id": "n1", "text": STORY, "date": "2024-05-02", "outlet": "Harbor Times", "title": "Bridge",
              "url": "https://example.com/n1"}  # fmt: skip
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run("extract", str(source), "--format", "csv", "--no-cache")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["date"] == "2024-05-02" and rows[0]["outlet"] == "Harbor Times"
    assert rows[0]["article_title"] == "Bridge" and rows[0]["url"] == "https://example.com/n1"


def test_markdown_front_matter_gives_date_outlet_and_title(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: Bridge opens\ndate: 2024-03-05\noutlet: 'Harbor Times'\n---\n\n" + STORY)
    result = run("extract", str(page), "--no-cache")
    record = json.loads(result.stdout.splitlines()[0])
    assert (record["date"], record["outlet"], record["title"]) == (
        "2024-03-05",
        "Harbor Times",
        "Bridge opens",
    )
    assert record["quotes"] and "title:" not in json.dumps(record["quotes"])


def test_filters_pick_speakers_dates_and_outlets(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": STORY, "date": "2024-01-10", "outlet": "Daily"},
        {
            "id": "b",
            "text": '"Taxes must fall," said Senator Mark Devlin.',
            "date": "2024-03-01",
            "outlet": "Post",
        },
    ]
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def names(*args: str) -> set[str]:
        result = run("speakers", str(source), "--format", "jsonl", "--no-cache", *args)
        assert result.exit_code == 0, result.output
        return {json.loads(line)["name"] for line in result.stdout.splitlines()}

    assert names() == {"Elena Ruiz", "Mark Devlin"}
    assert names("--speaker", "Ruiz") == {"Elena Ruiz"}
    assert names("--since", "2024-02-01") == {"Mark Devlin"}
    assert names("--until", "2024-02-01") == {"Elena Ruiz"}
    assert names("--outlet", "post") == {"Mark Devlin"}
    assert run("speakers", str(source), "--since", "May", "--no-cache").exit_code != 0


# -- repeated quotations -------------------------------------------------------------------------


@pytest.mark.usefixtures("fast_charts")
def test_a_quotation_in_several_articles_counts_once_with_its_spread(tmp_path: Path) -> None:
    said = '"The new bridge will carry ten thousand cars a day," said Ana Ruiz.'
    results = [  # a full name: a one-word name joins across articles only on evidence (issue 19)
        ArticleResult(Article(f"a{i}", "t", date=f"2024-0{i}-01", outlet=o), (quote("Ana Ruiz", said),))
        for i, o in ((1, "Daily"), (2, "Post"), (3, "Daily"))
    ]
    results.append(article(9, quote("Ana Ruiz", "Short one.")))
    write_reports(iter(results), tmp_path, AliasTable(), min_quotes=1)
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert index["speakers"][0]["quotes"] == 2 and index["repeated"] == 2
    spread = index["repeats"][0]
    assert spread["articles"] == 3 and spread["outlets"] == ["Daily", "Post"]
    assert (spread["first_date"], spread["last_date"]) == ("2024-01-01", "2024-03-01")
    assert "Most repeated quotations" in (tmp_path / "index.html").read_text(encoding="utf-8")


# -- progress: a total, a percentage and the time left; quiet when not a terminal ---------------


def test_progress_shows_total_percentage_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.report import progress

    clock = iter([100.0, 110.0, 110.0, 120.0, 120.0, 140.0])
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    bar = progress.Progress("writing", 4, stream, enabled=True)
    bar.step()  # 1 of 4 after 10 s: 30 s left
    assert stream.getvalue().endswith("writing: 1/4 (25%), 0:30 left\x1b[K")
    bar.step(3)
    bar.done()
    assert stream.getvalue().endswith("writing: 4/4 (100%), 0:40\x1b[K\n")


def test_progress_is_quiet_when_not_a_terminal(tmp_path: Path) -> None:
    from quotes.report import progress

    stream = io.StringIO()  # isatty() is False
    bar = progress.Progress("reading", 2, stream)
    list(bar.wrap(["a", "b"]))
    assert stream.getvalue() == ""
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"id": "1"}\n\n{"id": "2"}\n', encoding="utf-8")
    assert progress.count_articles([str(lines), str(tmp_path / "missing.txt")]) == 2


def test_report_passes_jobs_only_when_given(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quotes.report

    seen: list[int | None] = []

    def fake(results, out_dir, aliases, **options):  # type: ignore[no-untyped-def]
        seen.append(options["jobs"])
        return write_reports([], out_dir, aliases)

    monkeypatch.setattr(quotes.report, "write_reports", fake)
    out = story.parent / "reports"
    run("report", str(story), "--out", str(out), "--no-cache")
    run("report", str(story), "--out", str(out), "--no-cache", "--jobs", "1")
    assert seen == [None, 1]
