"""The report in a real browser: headless Chromium opens the index, a speaker page and the
comparison page, and every image must load, every local link resolve, and the console stay clean.

Needs Debian's ``chromium`` (``.ci/run`` installs it) and the ``playwright`` Python package
(the ``test`` extra); without either the test is skipped and says which is missing.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from quotes.execution.options import RunOptions
from quotes.execution.runner import run_articles
from quotes.pipeline.rules import load_rules
from quotes.report import write_reports

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report of the bundled examples, written once."""
    from quotes.io.manifest import Manifest
    from quotes.io.readers import discover, read_input

    out = tmp_path_factory.mktemp("browser") / "reports"
    manifest = Manifest()
    articles = (a for path in discover([str(ROOT / "examples")]) for a in read_input(path, manifest))
    rules = load_rules()
    labels = {f.id: f.label for f in rules.frames.frames}
    write_reports(
        run_articles(articles, RunOptions(use_cache=False)), out, rules.aliases, frame_labels=labels
    )
    return out


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    required = os.environ.get("QUOTESCOPE_REQUIRE_BROWSER") == "1"  # set by .ci/run
    if CHROMIUM is None:
        reason = "chromium is not installed (apt-get install chromium; .ci/run installs it)"
        pytest.fail(reason) if required else pytest.skip(reason)
    try:
        from playwright import sync_api
    except ImportError:
        reason = "the playwright package is not installed (pip install -e '.[test]')"
        pytest.fail(reason) if required else pytest.skip(reason)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


def pages(report: Path) -> list[Path]:
    """The index, the most quoted speaker's page, the comparison page, the page of a speaker with
    too few quotations for an interval (a small corpus gives every speaker a page), the unnamed
    sources, and the tables of every speaker and every quotation."""
    index = json.loads((report / "index.json").read_text(encoding="utf-8"))
    first = next(s for s in index["speakers"] if s["has_page"])
    few = next(s for s in index["speakers"] if s["has_page"] and s["quotes"] < 5)
    return [report / "index.html", report / first["slug"] / "report.html", report / "compare.html",
            report / few["slug"] / "report.html", report / "unnamed.html", report / "speakers.html",
            report / "quotations.html"]  # fmt: skip


WITH_IMAGES = 4
"""The first pages of :func:`pages` show charts; the others are tables and lists."""


def open_page(browser, path: Path, problems: list[str]):  # type: ignore[no-untyped-def]
    """``path`` loaded in a new page whose console errors (a script the page's policy blocks
    among them) go to ``problems``."""
    page = browser.new_page()
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize(
    "which", range(7), ids=["index", "speaker", "compare", "few", "unnamed", "speakers", "quotations"]
)
def test_page_loads_cleanly_in_chromium(browser, report: Path, which: int) -> None:  # type: ignore[no-untyped-def]
    path = pages(report)[which]
    assert path.is_file(), path
    problems: list[str] = []
    page = open_page(browser, path, problems)
    images = page.eval_on_selector_all(
        "img", "imgs => imgs.map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])"
    )
    if which < WITH_IMAGES:
        assert images, f"{path.name} shows no image"
    broken = [src for src, complete, width in images if not complete or width <= 0]
    assert not broken, f"images that did not load in {path}: {broken}"
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    missing = []
    for href in links:
        parts = urlsplit(href)
        if parts.scheme != "file":
            continue
        target = Path(unquote(parts.path))
        if not target.exists():
            missing.append(href)
        elif parts.fragment and target.suffix == ".html":
            anchors = f'id="{parts.fragment}"'
            if anchors not in target.read_text(encoding="utf-8"):
                missing.append(href)
    assert not missing, f"local links that do not resolve in {path}: {missing}"
    page.close()
    assert not problems, f"console errors on {path}: {problems}"


def _column(page, number: int) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        f"#table tbody tr td:nth-child({number})", "cells => cells.map(c => c.textContent)"
    )


def test_the_speaker_table_searches_and_sorts_in_chromium(browser, report: Path) -> None:  # type: ignore[no-untyped-def]
    index = json.loads((report / "index.json").read_text(encoding="utf-8"))
    named = [s for s in index["speakers"] if s["type"] != "description"]
    problems: list[str] = []
    page = open_page(browser, report / "speakers.html", problems)
    assert len(_column(page, 1)) == len(named), "every named speaker has a row"
    page.click("#table thead th:nth-child(4) button")  # Quotations: most first
    counts = [int(n) for n in _column(page, 4)]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(s["quotes"] for s in named)
    page.click("#table thead th:nth-child(4) button")  # again: fewest first
    counts = [int(n) for n in _column(page, 4)]
    assert counts == sorted(counts)
    page.click("#table thead th:nth-child(1) button")  # by name
    names = _column(page, 1)
    assert names == sorted(names, key=str.casefold)
    page.fill("#search", "ruiz")
    assert _column(page, 1) == ["Elena Ruiz"]
    assert page.text_content("#status") == f"1 of {len(named)} rows match"
    page.fill("#search", "")
    assert len(_column(page, 1)) == len(named)
    page.close()
    assert not problems, problems


def test_the_quotation_table_searches_and_sorts_in_chromium(browser, report: Path) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    page = open_page(browser, report / "quotations.html", problems)
    total = len(_column(page, 3))
    assert total > 20
    page.fill("#search", "bridge ruiz")  # every word, in any column
    rows = page.eval_on_selector_all("#table tbody tr", "rows => rows.map(r => r.textContent.toLowerCase())")
    assert rows and all("bridge" in r and "ruiz" in r for r in rows) and len(rows) < total
    page.fill("#search", "")
    page.click("#table thead th:nth-child(6) button")  # Tone: highest first
    tones = [float(t.replace("−", "-")) for t in _column(page, 6) if t != "–"]
    assert tones == sorted(tones, reverse=True)
    page.close()
    assert not problems, problems


def test_the_index_shows_unnamed_sources_apart_in_chromium(browser, report: Path) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    page = open_page(browser, report / "index.html", problems)
    ranked = page.eval_on_selector_all(
        "#speakers + div table td:nth-child(3)", "cells => cells.map(c => c.textContent)"
    )
    assert ranked and "description" not in ranked
    share = page.text_content("#unnamed + p")
    assert share is not None and "of the quotations with a speaker" in share
    page.click("#unnamed ~ div a")  # a description leads to its quotations on the unnamed page
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith("/unnamed.html")
    page.close()
    assert not problems, problems


def test_examples_show_time_outlet_comparison_and_repeat_views(report: Path) -> None:
    """``quotes report examples/`` has every view the bundled dated corpus is there for."""
    index = json.loads((report / "index.json").read_text(encoding="utf-8"))
    html = (report / "index.html").read_text(encoding="utf-8")
    for chart in ("over_time.png", "outlets.png", "compare_tone.png", "compare_frames.png"):
        assert (report / chart).is_file(), chart
        assert chart in html or chart.startswith("compare_"), chart
    assert 'href="compare.html"' in html
    assert index["repeats"], "no repeated quotation in the examples"
    first = next(s for s in index["speakers"] if s["has_page"])
    assert (report / first["slug"] / "timeline.png").is_file()
    assert len({o for s in index["speakers"] for o in s["outlets"]}) >= 3
