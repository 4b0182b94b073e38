"""Writing rows and article results as JSON lines, CSV, or an aligned table with a header row.

Rows are dicts of plain values (see :mod:`quotes.io.serialize`); every command that prints rows
writes them through :func:`write_rows` or :func:`write_results`, so the formats behave alike.

Every CSV file quotescope writes goes through :func:`csv_writer`, which neutralises spreadsheet
formulas as OWASP recommends: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return (or their full-width forms) gets a leading apostrophe, so ``=HYPERLINK(...)`` in a
quotation, a title or a speaker's name is shown as text, never run. Numbers (a tone of -0.5) are
written as numbers: they are quotescope's own values, not text from an article, and a spreadsheet
reads ``-0.5`` as a number, not a formula; an apostrophe would make every negative score text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from quotes.io.serialize import (
    GENDER_COLUMNS,
    QUOTATION_ROW_FIELDS,
    quotation_row,
    result_to_dict,
    without_gender,
)
from quotes.records import ArticleResult, Quotation

FORMATS = ("jsonl", "csv", "table")
ELLIPSIS = "…"
GAP = "  "
QUOTATION_TABLE = (("id", 24), ("kind", 8), ("speaker", 22), ("cue", 12), ("text", 70))
"""The columns of ``quotes extract --format table`` and their widths."""
_SEPARATORS = "/\\:"


def clip_start(text: str, width: int) -> str:
    """The end of ``text`` in at most ``width`` characters, "…" marking the cut.

    Ids differ at their ends (file names, numbered lines), so that is the part kept; the cut
    moves to just after a ``/``, ``\\`` or ``:`` when one falls in the first half of what is kept.
    """
    if len(text) <= width:
        return text
    kept = text[-(width - 1) :]
    for index, char in enumerate(kept[: len(kept) // 2]):
        if char in _SEPARATORS:
            return ELLIPSIS + kept[index:]
    return ELLIPSIS + kept


def clip_end(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` characters, "…" marking the cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What a spreadsheet may read as the start of a formula (OWASP's list, plus full-width forms)."""


def safe_cell(value: Any) -> Any:
    """``value`` for a CSV cell: text that a spreadsheet would run as a formula gets a leading
    apostrophe; numbers and other text are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeDictWriter(csv.DictWriter):  # type: ignore[type-arg]
    """:class:`csv.DictWriter` whose cells pass through :func:`safe_cell`."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({key: safe_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)


def csv_writer(out: TextIO, fields: Sequence[str]) -> SafeDictWriter:
    """The one CSV writer of quotescope: a header of ``fields`` written, formulas neutralised."""
    writer = SafeDictWriter(out, fieldnames=list(fields))
    writer.writeheader()
    return writer


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write rows of plain values as JSON lines, CSV (header from the first row) or an aligned
    table with a header row ("(none)" when there are no rows); returns the number of rows."""
    if fmt == "jsonl":
        count = 0
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":
        return _write_csv(rows, out)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    table = [{key: _cell(value) for key, value in row.items()} for row in rows]
    if not table:
        out.write("(none)\n")
        return 0
    widths = [max(len(key), *(len(row[key]) for row in table)) for key in table[0]]
    out.write(_line(list(table[0]), widths))
    for row in table:
        out.write(_line(list(row.values()), widths))
    return len(table)


def _write_csv(rows: Iterable[dict[str, Any]], out: TextIO, fields: Sequence[str] | None = None) -> int:
    writer = csv_writer(out, fields) if fields is not None else None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv_writer(out, list(row))
        writer.writerow(row)
        count += 1
    return count


def _cell(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    """Cells padded to their widths, two spaces apart; the last one is not padded."""
    padded = [cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=False)]
    return GAP.join([*padded, cells[-1]]).rstrip() + "\n"


def table_row(article_id: str, quotation: Quotation) -> list[str]:
    """One quotation as the cells of :data:`QUOTATION_TABLE`."""
    widths = dict(QUOTATION_TABLE)
    return [
        clip_start(article_id, widths["id"]),
        quotation.kind,
        clip_end(quotation.speaker_name or "?", widths["speaker"]),
        clip_end(quotation.cue_text, widths["cue"]),
        clip_end(quotation.text, widths["text"]),
    ]


def write_results(
    results: Iterable[ArticleResult], fmt: str, out: TextIO, explain: bool = False, gender: bool = True
) -> int:
    """Write article results in ``fmt`` (or, with ``explain``, as readable explanations) to
    ``out``: one JSON line per article, one CSV row or table row per quotation; without
    ``gender``, no speaker gender fields at all. Results stream: nothing is held back. Returns the
    number of quotations written."""
    count = 0

    def counted() -> Iterator[ArticleResult]:
        nonlocal count
        for result in results:
            count += len(result.quotations)
            yield result

    stream = counted()
    if explain:
        for result in stream:
            out.writelines(line + "\n" for line in explain_lines(result))
    elif fmt == "jsonl":
        lines = (result_to_dict(result) for result in stream)
        if not gender:
            lines = ({**line, "quotes": [without_gender(q) for q in line["quotes"]]} for line in lines)
        write_rows(lines, "jsonl", out)
    elif fmt == "csv":
        rows = (quotation_row(r.article, q) for r in stream for q in r.quotations)
        if not gender:
            rows = (without_gender(row) for row in rows)
        _write_csv(rows, out, tuple(f for f in QUOTATION_ROW_FIELDS if gender or f not in GENDER_COLUMNS))
    else:
        widths = [width for _, width in QUOTATION_TABLE]
        out.write(_line([name for name, _ in QUOTATION_TABLE], widths))
        for result in stream:
            for quotation in result.quotations:
                out.write(_line(table_row(result.article.id, quotation), widths))
    return count


def explain_lines(result: ArticleResult) -> Iterator[str]:
    """Each quotation of ``result`` with its speaker, cue, the rule that fired and its scores."""
    for q in result.quotations:
        yield f"[{result.article.id}] {q.kind} quotation by {q.speaker_name or 'unknown'} ({q.speaker_type})"
        yield f"    text: {clip_end(q.text, 160)}"
        cue = f"{q.cue_text or '-'} ({q.cue_class}, stance {q.stance})"
        yield f"    speaker as written: {q.speaker_text or '-'}; cue: {cue}"
        yield f"    rule {q.rule} (confidence {q.confidence}): {q.explanation}"
        if q.speaker_gender_explanation is not None:
            basis = f"{q.speaker_gender} ({q.speaker_gender_basis})"
            yield f"    speaker gender {basis}: {q.speaker_gender_explanation}"
        if q.scores is not None:
            tone = q.scores.tone
            fired = ", ".join(f"{e.entry}" for e in tone.evidence[:6]) or "nothing"
            frames = ", ".join(f"{f.id} {f.weight:.2f}" for f in q.scores.frames[:3]) or "none"
            yield f"    tone {tone.label} {tone.compound:+.3f} (evidence: {fired}); frames: {frames}"
