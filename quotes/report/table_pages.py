"""The report's searchable, sortable tables: every named speaker (``speakers.html``) and every
quotation (``quotations.html``).

Each page carries its rows as JSON in a ``<script type="application/json">`` block and one small
inline script (``templates/table.js``) that searches, sorts and pages them in the browser: no
server, so the pages work opened from disk (``file://``). The page's Content-Security-Policy
allows that one script by its SHA-256 hash and nothing else. ``speakers.md`` holds the speaker
table too; the quotations are in ``quotations.csv``, ``quotations.jsonl`` and ``quotations.sqlite``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from quotes.report.display import cue_name, frame_label, shown_quotation, signed
from quotes.report.exports import speaker_rows
from quotes.report.pages import Pages
from quotes.report.render import render_table, safe_url
from quotes.report.sources import is_unnamed
from quotes.report.speaker_stats import SpeakerStats
from quotes.report.spool import Spool
from quotes.report.summaries import SpeakerSummary

PAGE_ROWS = 100
"""Rows a table shows at first; "show more" adds as many again."""


@dataclass(frozen=True)
class Column:
    """A column of a table: its header, how it sorts (``num`` or ``text``), and the column that
    holds its cells' links, if any."""

    label: str
    sort: str = "text"
    link: int | None = None
    hidden: bool = False  # a column of links, not shown
    wide: bool = False  # long text that wraps
    signed: bool = False  # a tone: shown with its sign and two decimals
    short: bool = False  # short values (dates, kinds, numbers): kept on one line

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "sort": self.sort, "link": self.link, "hidden": self.hidden,
                "wide": self.wide, "signed": self.signed, "short": self.short}  # fmt: skip


SPEAKER_COLUMNS = (
    Column("Speaker", link=1),
    Column("page", hidden=True),
    Column("Type", short=True),
    Column("Title"),
    Column("Quotations", "num", short=True),
    Column("Articles", "num", short=True),
    Column("Mean tone", "num", signed=True, short=True),
    Column("95% interval", short=True),
    Column("Positive", "num", short=True),
    Column("Neutral", "num", short=True),
    Column("Negative", "num", short=True),
    Column("Top frame"),
    Column("Top cue"),
    Column("First date", short=True),
    Column("Last date", short=True),
)
QUOTATION_COLUMNS = (
    Column("Speaker", link=1),
    Column("page", hidden=True),
    Column("Source", short=True),
    Column("Quotation", wide=True),
    Column("Kind", short=True),
    Column("Cue"),
    Column("Tone", "num", signed=True, short=True),
    Column("Article", link=8),
    Column("url", hidden=True),
    Column("Date", short=True),
    Column("Outlet"),
)


@cache
def table_script() -> str:
    """The table's script (``templates/table.js``)."""
    return files("quotes.report").joinpath("templates", "table.js").read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source that allows exactly ``script`` inline: ``'sha256-...'``."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def table_json(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> Markup:
    """The table's data for a ``<script type="application/json">`` block: no ``<`` inside, so no
    text can close the block."""
    data = {"columns": [c.to_json() for c in columns], "rows": rows, "page": PAGE_ROWS}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def speaker_table(summaries: Sequence[SpeakerSummary], labels: Mapping[str, str]) -> list[list[Any]]:
    """One row per named speaker (SPEAKER_COLUMNS), most quoted first."""
    rows = []
    for s in summaries:
        tone = s.tone
        top_frame = next(iter(s.frames), None)
        top_cue = next(iter(s.cues), None)
        ci = tone.ci95
        rows.append([
            s.name, s.page, s.type, s.title or "", s.quotes, s.articles, tone.mean_compound,
            "" if ci is None else f"[{signed(ci[0])}, {signed(ci[1])}]",
            tone.labels.get("positive", 0), tone.labels.get("neutral", 0), tone.labels.get("negative", 0),
            "" if top_frame is None else f"{frame_label(top_frame, labels)} ({s.frames[top_frame]:.0%})",
            "" if top_cue is None else f"{cue_name(top_cue)} ({s.cues[top_cue]})",
            s.first_date or "", s.last_date or "",
        ])  # fmt: skip
    return rows


def quotation_table(
    exported: Iterator[tuple[dict[str, Any], list[str], list[str]]],
    speakers: Sequence[tuple[SpeakerStats, SpeakerSummary]],
    merged: Mapping[str, str],
) -> list[list[Any]]:
    """One row per quotation and speaker (QUOTATION_COLUMNS), in corpus order, as the export has
    them; a quotation without a speaker has one row with an empty speaker."""
    names = {stats.key: (summary.slug, summary.name) for stats, summary in speakers}
    by_slug = {summary.slug: summary for _, summary in speakers}
    rows = []
    for row in speaker_rows(exported, names, merged):
        summary = by_slug.get(row["speaker_slug"] or "")
        if summary is None:
            source = "no speaker found"
        elif is_unnamed(summary.type):
            source = "unnamed"
        else:
            source = summary.type
        tone = row.get("tone") or {}
        page = summary.page if summary else None
        rows.append([
            row["speaker_name"] or "", page, source, shown_quotation(row["text"]), row["kind"],
            cue_name(row["cue_text"]), tone.get("compound"), row["article_title"] or row["article_id"],
            safe_url(row["url"]), row["date"] or "", row["outlet"] or "",
        ])  # fmt: skip
    return rows


def table_pages(
    pages: Pages,
    spool: Spool,
    speakers: Sequence[tuple[SpeakerStats, SpeakerSummary]],
    merged: Mapping[str, str],
) -> None:
    """Write ``speakers.html``/``.md`` (every named speaker) and ``quotations.html``/``.md`` (every
    quotation)."""
    named = [summary for _, summary in speakers if not is_unnamed(summary.type)]
    script = table_script()
    common = {"script": Markup(script), "script_hash": script_hash(script)}
    pages.page("speakers", render_table, kind="speakers", title="Every speaker", summaries=named,
               data=table_json(SPEAKER_COLUMNS, speaker_table(named, pages.settings.labels)),
               columns=SPEAKER_COLUMNS, count=len(named), **common)  # fmt: skip
    rows = quotation_table(spool.exported(), speakers, merged)
    pages.page("quotations", render_table, kind="quotations", title="Every quotation", summaries=(),
               data=table_json(QUOTATION_COLUMNS, rows), columns=QUOTATION_COLUMNS, count=len(rows),
               **common)  # fmt: skip
