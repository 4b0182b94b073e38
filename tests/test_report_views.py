"""The report on a small and on a real corpus (issue 23): pages for every speaker of a small one,
unnamed sources apart from people, a short index with searchable tables, readable time and outlet
views, quotation marks shown once, and the SQLite export. Hand-built records, no spaCy."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from quotes.records import Article, ArticleResult, Quotation
from quotes.report import write_reports
from quotes.report.chartkit import DPI, wrapped
from quotes.report.charts_views import ROW_INCHES, over_time_chart, period_labels
from quotes.report.display import shown_quotation
from quotes.report.outlets import Outlets
from quotes.report.views import outlet_columns
from quotes.rules.speakers import AliasTable
from tests.test_report import PNG, _png_height, by_name, quote, read_index


def dated(
    number: int, *quotes: Quotation, date: str | None = "2024-05-01", outlet: str | None = "Daily"
) -> ArticleResult:
    """An article result with its own date and outlet (None: without)."""
    return ArticleResult(
        Article(f"a{number}", "text", title=f"Article {number}", date=date, outlet=outlet), quotes
    )


def described(name: str, text: str = "It will rain.", **kwargs: Any) -> Quotation:
    """A quotation of an unnamed source ("officials")."""
    return dataclasses.replace(quote(name, text, **kwargs), speaker_type="description")


def table_rows(page: Path) -> list[list[Any]]:
    """The rows of a table page's data block."""
    html = page.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="table-data">(.*?)</script>', html, re.S)
    assert block is not None, page
    return json.loads(block.group(1))["rows"]


# -- a small corpus: every speaker gets a page ---------------------------------------------------------


def test_every_speaker_of_a_small_corpus_gets_a_page_with_charts(tmp_path: Path) -> None:
    openai = dataclasses.replace(quote("OpenAI"), speaker_type="organisation")
    said = [quote("Sam Altman"), quote("Sam Altman"), quote("Satya Nadella"), quote("Satya Nadella"), openai]
    results = [dated(1, *said)]
    write_reports(iter(results), tmp_path, AliasTable())  # no --min-quotes: a small report
    index = read_index(tmp_path)
    assert index["min_quotes"] == 1 and not (tmp_path / "others.html").exists()
    for slug in ("sam-altman", "satya-nadella", "openai"):
        for name in ("report.md", "report.html", "tone.png", "frames.png", "cues.png"):
            assert (tmp_path / slug / name).is_file(), (slug, name)
        assert not (tmp_path / slug / "timeline.png").exists()  # a chart over time needs 5 quotations
        page = (tmp_path / slug / "report.html").read_text(encoding="utf-8")
        assert 'id="few"' in page and "need at least 5 quotations" in page


def test_a_large_corpus_keeps_the_threshold(tmp_path: Path) -> None:
    results = [dated(i, quote(f"Person {i}"), quote(f"Person {i}")) for i in range(41)]
    results.append(dated(99, *(quote("Main Speaker") for _ in range(6))))
    write_reports(iter(results), tmp_path, AliasTable())
    assert read_index(tmp_path)["min_quotes"] == 5
    assert (tmp_path / "main-speaker" / "report.html").is_file() and not (tmp_path / "person-1").exists()
    assert "Person 1" in (tmp_path / "others.html").read_text(encoding="utf-8")


# -- unnamed sources ----------------------------------------------------------------------------------


def test_unnamed_sources_are_counted_apart_and_never_ranked_or_compared(tmp_path: Path) -> None:
    results = [
        dated(1, *[quote("Ana Torres")] * 6, *[described("officials")] * 8, outlet="Daily"),
        dated(2, *[quote("Ben Ode")] * 5, described("Officials"), described("aides"), outlet="Post"),
        dated(3, *[quote("Cy Lee")] * 5, outlet="Post"),
    ]
    write_reports(iter(results), tmp_path, AliasTable(), min_quotes=5)
    index = read_index(tmp_path)
    sources = index["unnamed_sources"]
    assert (sources["quotes"], sources["attributed"]) == (10, 26)
    assert sources["share"] == pytest.approx(10 / 26, abs=1e-4)
    by_description = {d["description"].casefold(): d for d in sources["descriptions"]}
    assert by_description["officials"]["quotes"] == 9 and by_description["officials"]["articles"] == 2
    outlets = {o["outlet"]: o for o in sources["outlets"]}
    assert (outlets["Daily"]["unnamed"], outlets["Daily"]["attributed"]) == (8, 14)
    officials = by_name(index)["officials"]
    assert not officials["has_page"] and officials["page"].startswith("unnamed.html#")
    assert not (tmp_path / officials["slug"]).exists()
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    ranked = html[html.index('id="speakers"') : html.index('id="unnamed"')]
    assert "Ana Torres" in ranked and "officials" not in ranked.casefold()
    assert "38%" in html[html.index('id="unnamed"') :]  # the share of quotations from unnamed sources
    compare = (tmp_path / "compare.html").read_text(encoding="utf-8")
    assert "Ana Torres" in compare and "officials" not in compare.casefold()
    assert [row[0] for row in table_rows(tmp_path / "speakers.html")] == ["Ana Torres", "Ben Ode", "Cy Lee"]
    unnamed = (tmp_path / "unnamed.html").read_text(encoding="utf-8")
    assert f'id="{officials["slug"]}"' in unnamed and "aides" in unnamed


# -- the index: the top speakers, every speaker and quotation in tables ----------------------------------


def test_the_index_lists_the_top_speakers_and_the_tables_hold_everyone(tmp_path: Path) -> None:
    results = [dated(i, *(quote(f"Person {i:02d}") for _ in range(5 + i % 3))) for i in range(60)]
    results.append(dated(99, quote(None, "Nobody said this.")))
    write_reports(iter(results), tmp_path, AliasTable())
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    start = html.index('id="speakers"')
    ranked = html[start : html.index("</table>", start)]
    assert len(re.findall(r'<td><a href="person-\d+/report.html">', ranked)) == 25
    assert 'href="speakers.html"' in html and 'href="quotations.html"' in html
    assert len(table_rows(tmp_path / "speakers.html")) == 60
    quotations = table_rows(tmp_path / "quotations.html")
    assert len(quotations) == sum(5 + i % 3 for i in range(60)) + 1  # the unattributed one too
    assert quotations[-1][:4] == ["", None, "no speaker found", "Nobody said this."]
    page = (tmp_path / "quotations.html").read_text(encoding="utf-8")
    assert "script-src &#39;sha256-" in page  # the one inline script, allowed by its hash


# -- over time and by outlet ------------------------------------------------------------------------


def test_a_long_span_runs_down_the_page_and_labels_every_month(tmp_path: Path) -> None:
    months = [f"{2022 + (m + 5) // 12}-{(m + 5) % 12 + 1:02d}-15" for m in range(28)]
    results = [dated(i, quote("Ana Torres"), quote("Ben Ode"), date=day) for i, day in enumerate(months)]
    write_reports(iter(results), tmp_path, AliasTable())
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    table = html[html.index('id="time"') : html.index("</table>", html.index('id="time"'))]
    assert len(re.findall(r"<tr><td>20\d\d-\d\d</td>", table)) == 28  # a row per month, not a column
    positions, labels = period_labels([d[:7] for d in months])
    assert positions == list(range(28)) and labels[0] == "Jun\n2022" and labels[7] == "Jan\n2023"
    one, two = (_png_height(over_time_chart([("A", [1] * 28), ("B", [2] * 28)][:k], [d[:7] for d in months],
                                            "month")) for k in (1, 2))  # fmt: skip
    assert two - one >= ROW_INCHES * DPI - 1  # each speaker's row is tall enough to read


def test_outlet_columns_keep_ties_drop_empty_outlets_and_leave_no_row_empty() -> None:
    outlets = Outlets()
    for i in range(10):  # Ana: three quotations in each of ten outlets, one in an eleventh
        for _ in range(3):
            outlets.add("ana", f"Outlet {i:02d}", 0.0, "neutral", [])
    outlets.add("ana", "Outlet 10", 0.0, "neutral", [])
    outlets.add("ben", "Outlet 11", 0.0, "neutral", [])  # Ben only in an outlet that is no column
    outlets.add("cy", "Outlet 99", 0.0, "neutral", [])  # Cy is not shown: Outlet 99 is no column
    shown, other = outlet_columns(outlets, ["ana", "ben"])
    assert shown == [f"Outlet {i:02d}" for i in range(10)]
    assert other == (1, 1)  # the other outlets' column: Ben's row is not empty
    for _ in range(2):
        outlets.add("ana", "Outlet 10", 0.0, "neutral", [])  # now Outlet 10 ties the tenth: kept
    shown, other = outlet_columns(outlets, ["ana", "ben"])
    assert shown == [f"Outlet {i:02d}" for i in range(11)] and other == (0, 1)


def test_undated_quotations_are_accounted_for_on_the_speaker_page(tmp_path: Path) -> None:
    results = [dated(1, *(quote("Ana Torres") for _ in range(3)), outlet="Daily"),
               dated(2, quote("Ana Torres"), quote("Ana Torres"), date=None, outlet=None),
               dated(3, quote("Ben Ode"), date="2024-06-01", outlet="Post")]  # fmt: skip
    write_reports(iter(results), tmp_path, AliasTable())
    page = (tmp_path / "ana-torres" / "report.html").read_text(encoding="utf-8")
    assert "in 2 articles from 1 outlet (1 article without an outlet) in May 2024 (1 article undated)" in page
    assert "2 quotations from 1 undated article are in no week" in page
    assert '<td>(no outlet)</td><td class="n">2</td>' in page


# -- the rest of the rough edges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('"We will win."', "“We will win.”"),
        ('"A," … "B."', '"A," … "B."'),  # carries its own marks: never wrapped again
        ('called it "a landmark"', 'called it "a landmark"'),
        ("the economy is strong", "the economy is strong"),  # reported speech: no marks added
    ],
)
def test_a_quotation_shows_one_pair_of_marks_at_most(text: str, shown: str) -> None:
    assert shown_quotation(text) == shown


def test_pages_never_wrap_a_quotation_that_carries_its_marks(tmp_path: Path) -> None:
    said = [quote("Ana Torres", '"A," … "B."'), quote("Ben Ode", '"C," … "D."')]
    write_reports(iter([dated(1, *said)]), tmp_path, AliasTable())
    for page in ("ana-torres/report.html", "ana-torres/report.md", "compare.html"):
        text = (tmp_path / page).read_text(encoding="utf-8")
        assert "“&#34;" not in text and '“"' not in text and "“&quot;" not in text, page


def test_frame_labels_are_wrapped_not_cut() -> None:
    label = wrapped("Legality, constitutionality and jurisprudence", 28)
    assert "…" not in label and label.replace("\n", " ") == "Legality, constitutionality and jurisprudence"


def test_the_comparison_says_what_every_cue_stance_share_is(tmp_path: Path) -> None:
    ana = [quote("Ana Torres", stance=s) for s in ("neutral", "neutral", "guilt", "other", "distancing")]
    ben = [quote("Ben Ode", stance="endorsing") for _ in range(5)]
    write_reports(iter([dated(1, *ana, *ben)]), tmp_path, AliasTable())
    html = (tmp_path / "compare.html").read_text(encoding="utf-8")
    for stance in ("neutral", "endorsing", "distancing", "guilt", "other (cue verb not in the stance list)"):
        assert f"<th>{stance}</th>" in html or f"<th>Cue stance: {stance}</th>" in html, stance
    row = re.search(r"<th>guilt</th><td class=\"n\">(\d+)%</td>", html)
    assert row is not None and row.group(1) == "20"


def test_sqlite_export_has_articles_speakers_quotations_frames_and_full_text(tmp_path: Path) -> None:
    results = [dated(1, quote("Ana Torres", "The bridge will open in May."), described("officials")),
               dated(2, quote(None, "Nobody said this."), outlet=None)]  # fmt: skip
    write_reports(iter(results), tmp_path, AliasTable())
    db = sqlite3.connect(tmp_path / "quotations.sqlite")
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert db.execute("SELECT name, named FROM speakers ORDER BY name").fetchall() == [
        ("Ana Torres", 1),
        ("officials", 0),
    ]
    assert db.execute("SELECT count(*) FROM quotations").fetchone() == (3,)
    assert db.execute("SELECT count(*) FROM frames").fetchone() == (3,)
    found = db.execute(
        "SELECT q.speaker_slug FROM quotations_fts JOIN quotations q ON q.id = quotations_fts.rowid "
        "WHERE quotations_fts MATCH 'bridge'"
    ).fetchall()
    assert found == [("ana-torres",)]
    assert "quotations.sqlite" in json.loads((tmp_path / "report-files.json").read_text())["files"]
    assert (tmp_path / "speakers.png").read_bytes().startswith(PNG)
