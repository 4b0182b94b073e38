"""Tests of the per-speaker report writer (hand-built records, no spaCy)."""

from __future__ import annotations

import json
import re
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quotes.records import Article, ArticleResult, Evidence, Frame, Quotation, Scores, Tone
from quotes.report import ReportIndex, chartkit, charts, write_reports
from quotes.report.aggregate import Aggregator, Spool
from quotes.report.render import md_escape, safe_url
from quotes.report.table_pages import table_script
from quotes.rules.speakers import AliasTable

PNG = b"\x89PNG\r\n\x1a\n"
SPEAKER_FILES = ("report.md", "report.html", "tone.png", "frames.png", "cues.png")
INDEX_FILES = ("index.json", "index.md", "index.html", "speakers.png", "tone_by_speaker.png",
               "frames_by_speaker.png")  # fmt: skip
TRUMP = AliasTable({"donald trump": "Donald Trump", "trump": "Donald Trump"}, {"Donald Trump": "person"})


def quote(
    name: str | None, text: str = "We will win.", *, compound: float = 0.5,
    frames: tuple[str, ...] = ("economic",), kind: str = "direct", cue: str = "say",
    stance: str = "neutral", scored: bool = True,
) -> Quotation:  # fmt: skip
    """One quotation with a tone and the given frames (equal weights)."""
    label = "positive" if compound > 0.05 else "negative" if compound < -0.05 else "neutral"
    evidence = (Evidence("tone/boosters", "clearly", (0, 7), "clearly", 0.5),)
    tone = Tone(compound, label, 0.3, 0.6, 0.1, 1.0 if compound > 0 else -1.0, 0.0, evidence)  # type: ignore[arg-type]
    fired = tuple(
        Frame(f, "codebook", f, 1 / len(frames), (Evidence(f"frames/{f}", f, (0, 3), f, 1.0),))
        for f in frames
    )
    scores = Scores(tone, fired, frames[0] if frames else "other") if scored else None
    return Quotation(
        kind, ((0, len(text)),), text, ((0, 5),), name or "", name, "person", ((6, 10),),  # type: ignore[arg-type]
        f"{cue}s", cue, "speech", stance, "R1", 0.9, "Subject of the cue.", scores=scores,
    )  # fmt: skip


def article(number: int, *quotes: Quotation, **meta: Any) -> ArticleResult:
    """An article result holding ``quotes``."""
    return ArticleResult(Article(f"a{number}", "text", title=f"Article {number}", date="2024-05-01",
                                 outlet="Daily", **meta), quotes)  # fmt: skip


@pytest.fixture
def fast_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace chart drawing with a stub PNG where a test is about text, not charts."""
    for name in ("tone_histogram", "frames_chart", "cues_chart", "speakers_chart", "tone_by_speaker_chart",
                 "frames_heatmap"):  # fmt: skip
        monkeypatch.setattr(charts, name, lambda *args, **kwargs: PNG + b"stub")


def read_index(out: Path) -> dict[str, Any]:
    """The parsed index.json."""
    return json.loads((out / "index.json").read_text(encoding="utf-8"))


def by_name(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Index speakers keyed by name."""
    return {s["name"]: s for s in index["speakers"]}


@pytest.mark.usefixtures("fast_charts")
def test_index_counts_and_alias_merges(tmp_path: Path) -> None:
    results = [
        article(1, quote("Trump", compound=0.6), quote("Ada Lovelace", kind="indirect", cue="argue")),
        article(2, quote("Donald Trump", compound=-0.4, cue="claim", stance="distancing"), quote(None)),
        article(3, quote("DONALD TRUMP", frames=("economic", "morality")), quote("Donald J. Tusk")),
    ]
    report = write_reports(iter(results), tmp_path / "out", TRUMP, title="Test", min_quotes=1)
    index = read_index(tmp_path / "out")
    assert isinstance(report, ReportIndex)
    assert (report.speakers, report.quotations, report.articles, report.unattributed) == (3, 6, 3, 1)
    assert report.paths == tuple((tmp_path / "out" / n).resolve() for n in INDEX_FILES[:3])
    assert (index["articles"], index["quotations"], index["unattributed"]) == (3, 6, 1)
    assert [s["name"] for s in index["speakers"]] == ["Donald Trump", "Ada Lovelace", "Donald J. Tusk"]
    trump = by_name(index)["Donald Trump"]
    assert (trump["quotes"], trump["articles"], trump["type"]) == (3, 3, "person")
    assert trump["slug"] == "donald-trump"
    assert trump["cues"] == {"say": 2, "claim": 1}
    assert trump["stance"] == {"neutral": 2, "distancing": 1}
    assert trump["tone"]["labels"] == {"positive": 2, "neutral": 0, "negative": 1}
    assert trump["tone"]["mean_compound"] == pytest.approx(0.7 / 3, abs=1e-4)
    assert trump["tone"]["ci95"] is None
    assert trump["frames"] == pytest.approx({"economic": 2.5 / 3, "morality": 0.5 / 3}, abs=1e-4)
    assert sum(trump["codebook_frames"].values()) == pytest.approx(1.0)
    assert by_name(index)["Ada Lovelace"]["kinds"] == {"indirect": 1}


def test_all_files_written_pngs_valid_and_spool_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    results = [article(1, quote("Ada Lovelace"), quote("Grace Hopper", frames=()))]
    write_reports(iter(results), out, AliasTable(), min_quotes=1)
    for name in INDEX_FILES:
        assert (out / name).is_file()
    for slug in ("ada-lovelace", "grace-hopper"):
        for name in SPEAKER_FILES:
            assert (out / slug / name).is_file()
    for png in out.rglob("*.png"):
        assert png.read_bytes().startswith(PNG), png
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]  # no spool, no temp files


@pytest.mark.usefixtures("fast_charts")
def test_script_is_escaped_in_every_html_and_markdown_file(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>"
    results = [article(1, quote(f"{evil} Smith", f"He said {evil} & more"), quote("Ada", evil),
                       url="javascript:alert(1)")]  # fmt: skip
    out = tmp_path / "out"
    write_reports(iter(results), out, AliasTable(), min_quotes=1)
    pages = [*out.rglob("*.html"), *out.rglob("*.md")]
    # index, two speakers, the comparison and the tables of speakers and quotations, in HTML and Markdown
    assert len(pages) == 12
    for page in pages:
        content = page.read_text(encoding="utf-8")
        if page.name in ("speakers.html", "quotations.html"):  # the table's own data block and script
            data = re.search(r'<script type="application/json" id="table-data">(.*?)</script>', content, re.S)
            assert data is not None and "<" not in data.group(1) and "\\u003cscript" in data.group(1)
            content = content.replace(data.group(0), "")
            content = content.replace(f"<script>{table_script()}</script>", "")
        assert "<script" not in content, page
        assert "javascript:" not in content, page
    slug = by_name(read_index(out))[f"{evil} Smith"]["slug"]
    assert re.fullmatch(r"[a-z0-9-]+", slug)
    speaker_html = (out / slug / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Smith" in speaker_html
    assert "He said &lt;script&gt;" in speaker_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Smith" in (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in (out / slug / "report.md").read_text(encoding="utf-8")


@pytest.mark.usefixtures("fast_charts")
def test_markdown_text_cannot_break_structure(tmp_path: Path) -> None:
    text = "a | b\n# not a heading\n- not a list [link](http://x) *em* $x$"
    out = tmp_path / "out"
    write_reports(iter([article(1, quote("Pipe | Name", text))]), out, AliasTable(), min_quotes=1)
    index_md = (out / "index.md").read_text(encoding="utf-8")
    assert "[Pipe \\| Name](pipe-name/report.md)" in index_md
    report = (out / "pipe-name" / "report.md").read_text(encoding="utf-8")
    assert not [line for line in report.splitlines() if line.startswith(("# not", "- not"))]
    assert "a \\| b \\# not a heading - not a list \\[link\\](http://x) \\*em\\* \\$x\\$" in report
    assert md_escape("1. item") == "1\\. item"
    assert md_escape("> quote") == "&gt; quote"
    assert md_escape("-x") == "\\-x"


def test_safe_url() -> None:
    assert safe_url("https://example.com/a b?q=1") == "https://example.com/a%20b?q=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JaVaScRiPt:alert(1)") is None
    assert safe_url(None) is None


@pytest.mark.usefixtures("fast_charts")
def test_unsafe_speaker_names_get_safe_unique_slugs(tmp_path: Path) -> None:
    names = ["../../etc/passwd", "CON", "..", "index", "/", "Name", "NAME.", "李明"]
    out = tmp_path / "out"
    # "Name" and "NAME." in one article: one-word names of two articles join only on evidence (issue 19)
    results = [article(i, quote(n)) for i, n in enumerate(names) if n != "NAME."]
    results[5] = article(5, quote("Name"), quote("NAME."))
    write_reports(iter(results), out, AliasTable(), min_quotes=1)
    index = read_index(out)
    slugs = [s["slug"] for s in index["speakers"]]
    assert len(slugs) == len(set(slugs)) == len(names) - 1  # "Name" and "NAME." merge by name key
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug), slug
        assert slug not in {"con", "index", "etc", "passwd"}
        assert (out / slug / "report.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    root = out.resolve()
    assert all(root in p.resolve().parents for p in out.rglob("*"))
    assert not (tmp_path / "etc").exists()


def test_one_and_five_hundred_quotation_speakers(tmp_path: Path) -> None:
    many = [quote("Busy Speaker", f"Quote {i}", compound=((i % 21) - 10) / 10) for i in range(500)]
    fives = (quote("Five Times", compound=c) for c in (-0.5, 0.0, 0.2, 0.4, 0.9))
    results = [article(0, quote("Solo Speaker"), *(quote("Four Times", compound=0.1) for _ in range(4))),
               article(1, *fives)]  # fmt: skip
    results += [article(2 + i, *many[i * 50 : (i + 1) * 50]) for i in range(10)]
    out = tmp_path / "out"
    write_reports(iter(results), out, AliasTable(), min_quotes=1)
    speakers = by_name(read_index(out))
    assert [s["quotes"] for s in speakers.values()] == [500, 5, 4, 1]
    assert speakers["Solo Speaker"]["tone"]["ci95"] is None
    assert speakers["Four Times"]["tone"]["ci95"] is None
    for name in ("Five Times", "Busy Speaker"):
        tone = speakers[name]["tone"]
        low, high = tone["ci95"]
        assert -1 <= low <= tone["mean_compound"] <= high <= 1
    busy = (out / "busy-speaker" / "report.md").read_text(encoding="utf-8")
    assert "Showing the first 200 of 500 quotations" in busy and "300 more" in busy
    assert "Quote 199" in busy and "Quote 200" not in busy
    solo = (out / "solo-speaker" / "report.html").read_text(encoding="utf-8")
    assert "The only quotation." in solo and "No interval" in solo
    assert "Bootstrap 95% interval" in (out / "five-times" / "report.html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("fast_charts")
def test_interval_is_deterministic(tmp_path: Path) -> None:
    def run(name: str) -> list[float]:
        results = [article(0, *(quote("S", compound=c / 10) for c in range(-5, 8)))]
        write_reports(iter(results), tmp_path / name, AliasTable(), min_quotes=1)
        return read_index(tmp_path / name)["speakers"][0]["tone"]["ci95"]

    assert run("a") == run("b")


def test_unscored_quotations_and_empty_corpus(tmp_path: Path) -> None:
    write_reports(
        iter([article(1, quote("Plain", scored=False))]), tmp_path / "one", AliasTable(), min_quotes=1
    )
    plain = read_index(tmp_path / "one")["speakers"][0]
    assert plain["tone"]["mean_compound"] is None and plain["frames"] == {}
    assert "not scored" in (tmp_path / "one" / "plain" / "report.md").read_text(encoding="utf-8")
    report = write_reports(iter([]), tmp_path / "none", AliasTable(), min_quotes=1)
    assert (report.speakers, report.quotations) == (0, 0)
    for name in INDEX_FILES[3:]:
        assert (tmp_path / "none" / name).read_bytes().startswith(PNG)


def test_spool_removed_when_the_stream_fails(tmp_path: Path) -> None:
    def failing() -> Iterator[ArticleResult]:
        yield article(1, quote("Ada"))
        raise RuntimeError("reader broke")

    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="reader broke"):
        write_reports(failing(), out, AliasTable(), min_quotes=1)
    # staged beside the folder and swapped in only at the end (issue 24): no folder, no spool left
    assert list(tmp_path.iterdir()) == []


def _peak_memory(articles: int, spool_path: Path) -> int:
    """Peak traced memory while aggregating ``articles`` articles of 8 quotations each."""
    speakers = [f"Speaker {i}" for i in range(8)]

    def stream() -> Iterator[ArticleResult]:
        for n in range(articles):
            yield article(n, *(quote(s, f"Quote {n} of {s}", compound=(n % 20 - 10) / 10) for s in speakers))

    spool = Spool(spool_path)
    try:
        tracemalloc.start()
        Aggregator(AliasTable(), spool).consume(stream())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        spool.close()


def test_memory_stays_flat_as_the_corpus_grows(tmp_path: Path) -> None:
    _peak_memory(20, tmp_path / "warm.sqlite")  # first-call allocations (imports, caches) aside
    small = _peak_memory(150, tmp_path / "small.sqlite")
    large = _peak_memory(600, tmp_path / "large.sqlite")
    assert large <= small * 1.15 + 32_000, (small, large)


def test_a_surname_alone_merges_into_the_one_full_name(tmp_path: Path) -> None:
    results = [
        _surname_result("a1", "Donald Trump"),
        _surname_result("a2", "Trump"),
        _surname_result("a3", "Hillary Clinton"),
        _surname_result("a4", "Bill Clinton"),
        _surname_result("a5", "Clinton"),
    ]
    write_reports(results, tmp_path, AliasTable(), min_quotes=1)
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    counts = {s["name"]: (s["quotes"], s["articles"]) for s in index["speakers"]}
    assert counts["Donald Trump"] == (2, 2) and "Trump" not in counts
    assert counts["Clinton"] == (1, 1)  # two Clintons: ambiguous, left alone


def _surname_result(article_id: str, name: str) -> ArticleResult:
    text = f'"We will win," said {name}.'
    quotation = Quotation(
        kind="direct",
        content=((0, 14),),
        text=text[0:14],
        speaker=((20, 20 + len(name)),),
        speaker_text=name,
        speaker_name=name,
        speaker_type="person",
        cue=((15, 19),),
        cue_text="said",
        cue_lemma="say",
        cue_class="speech",
        stance="neutral",
        rule="cue-quote-after",
        confidence=0.9,
        explanation="test",
    )
    return ArticleResult(Article(id=article_id, text=text), (quotation,))


def test_charts_drawn_by_worker_processes_match(tmp_path: Path) -> None:
    results = [
        _surname_result(f"a{i}", name) for i, name in enumerate(["Ana Torres", "Jo Bloggs", "Ana Torres"])
    ]
    write_reports(results, tmp_path / "one", AliasTable(), min_quotes=1)
    write_reports(results, tmp_path / "two", AliasTable(), jobs=2, min_quotes=1)
    assert (tmp_path / "one" / "index.json").read_text() == (tmp_path / "two" / "index.json").read_text()
    for slug in ("ana-torres", "jo-bloggs"):
        for chart in ("tone.png", "frames.png", "cues.png"):
            assert (tmp_path / "two" / slug / chart).read_bytes().startswith(b"\x89PNG")


def test_chart_processes_default_to_one_per_core_for_larger_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.report import chartpool as writer

    assert writer.chart_jobs(3, 100) == 3 and writer.chart_jobs(1, 100) == 1
    monkeypatch.setattr(writer.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    assert writer.chart_jobs(None, 50) == 2
    assert writer.chart_jobs(None, writer.AUTO_JOBS_MIN_SPEAKERS - 1) == 1
    monkeypatch.setattr(writer.os, "sched_getaffinity", lambda _: set(range(16)), raising=False)
    assert writer.chart_jobs(None, 50) == writer.AUTO_JOBS_MAX
    monkeypatch.setattr(writer.os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert writer.chart_jobs(None, 50) == 1


def test_signed_values_never_show_minus_zero() -> None:
    from quotes.report.display import signed
    from quotes.report.render import fmt_ci, fmt_signed

    assert signed(-0.001) == "+0.00" and signed(-0.004) == "+0.00"
    assert signed(-0.11) == "-0.11" and signed(0.2) == "+0.20"
    # the pages' filters too: a mean tone of -0.001 was shown as "-0.00"
    assert fmt_signed(-0.001) == "+0.00" and fmt_ci((-0.004, 0.2)) == "[+0.00, +0.20]"


def _png_height(png: bytes) -> int:
    assert png.startswith(PNG)
    return int.from_bytes(png[20:24], "big")  # IHDR: width at 16, height at 20


def test_over_time_chart_gives_every_speaker_a_row_even_with_identical_counts() -> None:
    from quotes.report import charts_views

    periods = ["2025-10", "2025-11", "2025-12"]
    same = [(f"Speaker {i}", [0, 0, 2]) for i in range(4)]  # lines would lie on top of each other
    heights = [_png_height(charts_views.over_time_chart(same[:k], periods, "month")) for k in (1, 2, 4)]
    assert heights[0] < heights[1] < heights[2]


def test_speaker_charts_draw_bars_as_one_collection() -> None:
    """Speed: one artist for all bars, not a patch each (each patch costs milliseconds)."""
    from matplotlib.collections import PolyCollection

    charts.frames_chart({"economic": 0.6, "morality": 0.4}, "Ada")
    charts.tone_histogram(Counter({0.5: 3, -0.5: 2}), 0.1, (0.0, 0.2), "Ada")
    for kind in ("bar", "histogram"):
        _, (ax,) = chartkit.CANVASES[kind]
        assert not ax.patches and len([c for c in ax.collections if isinstance(c, PolyCollection)]) == 1
