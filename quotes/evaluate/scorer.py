"""Measure quotescope against annotated news: ``quotes eval GOLD.jsonl``.

Gold lines are ``{"id", "text", "quotes": [{"kind", "content", "speaker", "speaker_name"}]}``
with character spans, the format of the PolNeAR-derived benchmark. A prediction matches a
gold quotation when, after trimming white space, punctuation and quotation marks from both
ends of every content span, their overlap covers at least half of each; matches are one to
one, largest overlap first. A speaker is right when the mention spans overlap (or, by name,
when the canonical names agree as the benchmark's scorer compares them:
:func:`quotes.text.names.names_match`). By name, the report also breaks the name errors down
by the kind of gold mention (name, pronoun, description, none) and by cause (no cue, document,
form, wrong mention, pronoun, description; :mod:`quotes.evaluate.name_errors`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quotes.evaluate.name_errors import (
    CauseErrors,
    KindErrors,
    NameCase,
    breakdown,
    by_cause,
    error_cause,
    format_breakdown,
    format_causes,
)
from quotes.io.manifest import Manifest
from quotes.io.tabular import read_records
from quotes.records import Quotation, Span
from quotes.records.errors import GoldError, InputError
from quotes.text.names import names_match
from quotes.text.spans import total_overlap, trim_spans

KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class GoldQuote:
    kind: str
    content: tuple[Span, ...]
    speaker: tuple[Span, ...]
    speaker_name: str | None
    cue: tuple[Span, ...] | None = None  # None when the gold gives no cue


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    quotes: tuple[GoldQuote, ...]


def _spans(value: object, where: str, field: str, text: str) -> tuple[Span, ...]:
    """The spans of one field, each inside the text; its ``FIELD_text``, when the gold gives one,
    must be the text at the spans, pieces joined by a space (the benchmark's convention)."""
    if not isinstance(value, list) or not all(
        isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) for s in value
    ):
        raise GoldError(f"{where}: '{field}' must be a list of [start, end] pairs")
    for start, end in value:
        if not 0 <= start <= end <= len(text):
            raise GoldError(f"{where}: '{field}' span [{start}, {end}] is outside the text (0-{len(text)})")
    return tuple((s[0], s[1]) for s in value)


def _check_text(
    raw: Mapping[str, object], field: str, spans: tuple[Span, ...], text: str, where: str
) -> None:
    """A ``FIELD_text`` the gold gives must be the text at the field's spans."""
    written, at = raw.get(f"{field}_text"), " ".join(text[s:e] for s, e in spans)
    if written is not None and written != at:
        raise GoldError(f"{where}: '{field}_text' {written!r} is not the text at its spans ({at!r})")


def read_gold(path: str) -> list[GoldArticle]:
    """Read a gold JSONL file through :func:`quotes.io.tabular.read_records` (the one id rule).

    Raises:
        GoldError: the file cannot be read, or a line is malformed (``file:line: reason``).
    """
    manifest = Manifest()
    manifest.start(path)
    try:
        records = list(read_records(path, manifest))
    except InputError as error:
        where = path if error.line is None else f"{path}:{error.line}"
        raise GoldError(f"{where}: {error.reason}") from None
    except OSError as error:
        raise GoldError(f"{path}: cannot read: {error.strerror or error}") from None
    problems = manifest.record(path).errors
    if problems:
        first = problems[0]
        raise GoldError(f"{path}:{first.line}: {first.message}")
    if not any(isinstance(r.fields.get("quotes"), list) for r in records):
        raise GoldError(f"{path}: no gold annotations (no line has a 'quotes' list); "
                        "the format is described in docs/gold-format.md")  # fmt: skip
    return [GoldArticle(r.id, r.text, _gold_quotes(r.fields, r.text, f"{path}:{r.line}")) for r in records]


def _gold_quotes(fields: Mapping[str, object], text: str, where: str) -> tuple[GoldQuote, ...]:
    raw_quotes = fields.get("quotes", [])
    if not isinstance(raw_quotes, list):
        raise GoldError(f"{where}: 'quotes' must be a list")
    quotes = []
    for raw in raw_quotes:
        if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
            raise GoldError(f"{where}: each quote needs a kind of {', '.join(KINDS)}")
        name = raw.get("speaker_name")
        if name is not None and not isinstance(name, str):
            raise GoldError(f"{where}: 'speaker_name' must be a string or null")
        spans = {
            field: _spans(raw.get(field, []), where, field, text)
            for field in ("content", "speaker", "cue")
            if field in raw or field != "cue"
        }
        for field, found in spans.items():
            _check_text(raw, field, found, text, where)
        quotes.append(GoldQuote(raw["kind"], spans["content"], spans["speaker"], name, spans.get("cue")))
    return tuple(quotes)


def _length(spans: Sequence[Span]) -> int:
    return sum(e - s for s, e in spans)


def match(gold: Sequence[tuple[Span, ...]], predicted: Sequence[tuple[Span, ...]]) -> dict[int, int]:
    """One-to-one matches {gold index: predicted index}, largest overlap first."""
    pairs = []
    for g, gold_spans in enumerate(gold):
        for p, pred_spans in enumerate(predicted):
            shared = total_overlap(gold_spans, pred_spans)
            if shared and 2 * shared >= _length(gold_spans) and 2 * shared >= _length(pred_spans):
                pairs.append((-shared, g, p))
    matches: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in sorted(pairs):
        if g not in matches and p not in used:
            matches[g] = p
            used.add(p)
    return matches


def names_agree(gold: str | None, predicted: str | None) -> bool:
    """Whether two canonical names agree, as the benchmark's scorer judges them (case, periods,
    possessives, honorifics and middle initials set aside; or one a whole-word suffix of the other)."""
    return names_match(gold, predicted)


def speaker_right(gold: GoldQuote, predicted: Quotation, by: str) -> bool:
    if by == "name":
        return names_agree(gold.speaker_name, predicted.speaker_name)
    if not gold.speaker:
        return not predicted.speaker
    return total_overlap(gold.speaker, predicted.speaker) > 0


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float | None]:
    precision = hits / predicted if predicted else None
    recall = hits / gold if gold else None
    if not precision or not recall:
        f1 = 0.0 if precision == 0 or recall == 0 else None
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1}


def evaluate(
    gold: Sequence[GoldArticle], predictions: Mapping[str, Sequence[Quotation]], speaker_by: str = "span"
) -> dict:
    """Scores per kind (detection and end to end) and true/false positives per rule."""
    counts = {k: Counter() for k in (*KINDS, "all")}
    per_rule: dict[str, Counter] = {}
    cases: list[NameCase] = []
    for article in gold:
        predicted = list(predictions.get(article.id, ()))
        gold_spans = [trim_spans(article.text, q.content) for q in article.quotes]
        pred_spans = [trim_spans(article.text, q.content) for q in predicted]
        matches = match(gold_spans, pred_spans)
        for quote in article.quotes:
            for key in (quote.kind, "all"):
                counts[key]["gold"] += 1
        matched = set(matches.values())
        for p, quote in enumerate(predicted):
            rule = per_rule.setdefault(quote.rule, Counter())
            if p not in matched:
                rule["false_positive"] += 1
                for key in (quote.kind, "all"):
                    counts[key]["pred"] += 1
        for g, p in matches.items():
            gold_quote, quote = article.quotes[g], predicted[p]
            right = speaker_right(gold_quote, quote, speaker_by)
            cases.append(name_case(article, gold_quote, quote))
            per_rule[quote.rule]["true_positive" if right else "wrong_speaker"] += 1
            for key in (gold_quote.kind, "all"):
                counts[key]["pred"] += 1
                counts[key]["matched"] += 1
                counts[key]["right"] += right
    kinds = {
        key: {
            "gold": c["gold"],
            "pred": c["pred"],
            "matched": c["matched"],
            "detection": _prf(c["matched"], c["pred"], c["gold"]),
            "end_to_end": _prf(c["right"], c["pred"], c["gold"]),
            "attribution_accuracy": c["right"] / c["matched"] if c["matched"] else None,
        }
        for key, c in counts.items()
    }
    rules = {rule: dict(c) for rule, c in sorted(per_rule.items(), key=lambda item: -sum(item[1].values()))}
    report = {"articles": len(gold), "speaker_by": speaker_by, "kinds": kinds, "rules": rules}
    if speaker_by == "name":
        report["name_errors"] = [_kind_errors(row) for row in breakdown(cases)]
        report["name_error_causes"] = [_cause_errors(row) for row in by_cause(cases)]
    return report


def name_cases(gold: Sequence[GoldArticle], predictions: Mapping[str, Sequence[Quotation]]) -> list[NameCase]:
    """Every matched quotation as a :class:`NameCase` (for the name-error tables)."""
    cases = []
    for article in gold:
        predicted = list(predictions.get(article.id, ()))
        matches = match(
            [trim_spans(article.text, q.content) for q in article.quotes],
            [trim_spans(article.text, q.content) for q in predicted],
        )
        cases += [name_case(article, article.quotes[g], predicted[p]) for g, p in sorted(matches.items())]
    return cases


def name_case(article: GoldArticle, gold: GoldQuote, predicted: Quotation) -> NameCase:
    """One matched quotation for the name-error tables, with the cause of a wrong name."""
    text = article.text
    cause = error_cause(
        text,
        content=gold.content,
        speaker=gold.speaker,
        cue=gold.cue,
        gold_name=gold.speaker_name,
        predicted_name=predicted.speaker_name,
        predicted_speaker=predicted.speaker,
        predicted_content=predicted.content,
    )
    mention = " ".join(text[s:e] for s, e in gold.speaker)
    predicted_mention = " ".join(text[s:e] for s, e in predicted.speaker)
    return NameCase(article.id, gold.kind, mention, gold.speaker_name, predicted.speaker_name, cause,
                    predicted_mention)  # fmt: skip


def _case(case: NameCase) -> dict:
    return {
        "article_id": case.article_id, "kind": case.kind, "mention": case.mention,
        "gold_name": case.gold_name, "predicted_name": case.predicted_name, "cause": case.cause,
        "predicted_mention": case.predicted_mention,
    }  # fmt: skip


def _cause_errors(row: CauseErrors) -> dict:
    """One row of the name errors by cause as JSON-ready values."""
    return {"cause": row.cause, "wrong": row.wrong, **dict(row.by_kind),
            "examples": [_case(c) for c in row.examples]}  # fmt: skip


def _kind_errors(row: KindErrors) -> dict:
    """One row of the name-error breakdown as JSON-ready values."""
    return {
        "mention_kind": row.mention_kind,
        "matched": row.total,
        "wrong": row.wrong,
        "accuracy": 1 - row.wrong / row.total if row.total else None,
        "examples": [_case(c) for c in row.examples],
    }


def format_report(report: dict) -> str:
    """The scores as a plain-text table, then the per-rule breakdown."""

    def cell(value: float | None) -> str:
        return "    -" if value is None else f"{value:.3f}"

    lines = [
        f"{report['articles']} articles, speakers judged by {report['speaker_by']}",
        "",
        f"{'':9}{'gold':>6}{'pred':>6} | detection P/R/F1  | attr  | end-to-end P/R/F1",
    ]
    for kind, r in report["kinds"].items():
        d, e = r["detection"], r["end_to_end"]
        lines.append(
            f"{kind:9}{r['gold']:>6}{r['pred']:>6} | {cell(d['precision'])} {cell(d['recall'])} "
            f"{cell(d['f1'])} | {cell(r['attribution_accuracy'])} | {cell(e['precision'])} "
            f"{cell(e['recall'])} {cell(e['f1'])}"
        )
    lines += ["", f"{'rule':20}{'right':>8}{'wrong speaker':>15}{'false pos.':>12}{'precision':>11}"]
    for rule, c in report["rules"].items():
        right, wrong, false = c.get("true_positive", 0), c.get("wrong_speaker", 0), c.get("false_positive", 0)
        total = right + wrong + false
        lines.append(f"{rule:20}{right:>8}{wrong:>15}{false:>12}{cell(right / total if total else None):>11}")
    if "name_errors" in report:
        rows = [
            KindErrors(r["mention_kind"], r["matched"], r["wrong"],
                       tuple(NameCase(**example) for example in r["examples"]))
            for r in report["name_errors"]
        ]  # fmt: skip
        title = "name errors by gold mention (matched quotations with a gold name):"
        lines += ["", title, format_breakdown(rows)]
    if "name_error_causes" in report:
        causes = [
            CauseErrors(r["cause"], r["wrong"], tuple((k, r[k]) for k in KINDS),
                        tuple(NameCase(**example) for example in r["examples"]))
            for r in report["name_error_causes"]
        ]  # fmt: skip
        lines += ["", "name errors by cause:", format_causes(causes)]
    return "\n".join(lines)
