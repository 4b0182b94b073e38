"""The house-styles set: short news articles in styles other than PolNeAR's, scored like PolNeAR.

    python benchmarks/styles.py                      # run the pipeline on tests/cases/styles and score
    python benchmarks/styles.py PRED.jsonl           # score predictions (quotes extract on the built gold)
    python benchmarks/styles.py --build GOLD.jsonl   # write the gold JSONL only
    python benchmarks/styles.py --check              # every case well-formed? (exit 1 naming the file)
    python benchmarks/styles.py --fill NAME...       # fill the spans of quotations written as text only
    python benchmarks/styles.py --show NAME          # print each gold quotation with its spans marked

Each case is ``tests/cases/styles/NAME.txt`` (the article) beside ``NAME.gold.json`` (its
quotations in the shared bench format: content, speaker and cue spans with their ``*_text``,
kind and canonical ``speaker_name``; conventions in ``tests/cases/styles/README.md``). To add
one, write the two files with each quotation's ``content_text`` (a list of pieces when split),
``speaker_text`` and ``cue_text`` but no spans, run ``--fill NAME`` and review ``--show NAME``.

Scores come from the shared scorer (``../shared/bench/score.py``, or ``--scorer``) by mention and
by name: names right (all/direct/mixed/indirect), end-to-end F1, detection precision and recall;
then the name errors by cause (quotes.evaluate.name_errors). Without the scorer the scores are skipped
with a message; the causes are still printed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "styles"
SCORER = ROOT.parent / "shared" / "bench" / "score.py"
FIELDS = ("content", "speaker", "cue")
MIN_WORDS, MAX_WORDS = 150, 450
DOUBLE_MARKS = '"“”«»„'
OPENING_MARKS = "\"“‘«'"
CLOSING_MARKS = "\"”’»'"
_BREAK = re.compile(r"[.!?][\"”’']?\s|\n")


class CaseError(Exception):
    """A malformed case; the message names its file."""


# ----------------------------------------------------------------------------- reading and checking


def case_names(cases: Path) -> list[str]:
    return sorted(p.name.removesuffix(".txt") for p in cases.glob("*.txt"))


def _joined(text: str, spans: list[list[int]]) -> str:
    return " ".join(text[s:e] for s, e in spans)


def check_quote(text: str, quote: dict, where: str) -> None:
    """Spans inside the text, ``*_text`` equal to the text at the spans, a kind the marks bear out."""
    if quote.get("kind") not in ("direct", "mixed", "indirect"):
        raise CaseError(f"{where}: kind must be direct, mixed or indirect")
    for field in FIELDS:
        spans = quote.get(field)
        if not isinstance(spans, list) or not all(
            isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) for s in spans
        ):
            raise CaseError(f"{where}: '{field}' must be a list of [start, end] pairs")
        for start, end in spans:
            if not 0 <= start < end <= len(text):
                raise CaseError(f"{where}: '{field}' span [{start}, {end}] is outside the text")
        if quote.get(f"{field}_text") != _joined(text, spans):
            raise CaseError(
                f"{where}: '{field}_text' {quote.get(f'{field}_text')!r} is not the text at its spans "
                f"({_joined(text, spans)!r})"
            )
    if not quote["content"]:
        raise CaseError(f"{where}: no content")
    name = quote.get("speaker_name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise CaseError(f"{where}: speaker_name must be a name or null")
    pieces = [text[s:e].strip(" ,.;:?!—–-") for s, e in quote["content"]]
    quoted = [p[:1] in OPENING_MARKS and p[-1:] in CLOSING_MARKS for p in pieces]
    marked = any(ch in DOUBLE_MARKS or ch == "‘" for p in pieces for ch in p)
    if quote["kind"] == "direct" and not all(quoted):
        raise CaseError(f"{where}: a direct quotation must be all inside quotation marks")
    if quote["kind"] == "mixed" and (all(quoted) or not marked):
        raise CaseError(f"{where}: a mixed quotation must hold a quoted fragment and unquoted words")
    if quote["kind"] == "indirect" and marked:
        raise CaseError(f"{where}: an indirect quotation holds no quotation marks")


def load_case(cases: Path, name: str) -> dict:
    """One case as a gold JSONL record, checked."""
    text_path, gold_path = cases / f"{name}.txt", cases / f"{name}.gold.json"
    if not gold_path.exists():
        raise CaseError(f"{gold_path}: missing (every NAME.txt needs NAME.gold.json)")
    text = text_path.read_text(encoding="utf-8")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CaseError(f"{gold_path}: invalid JSON ({error})") from None
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise CaseError(f"{text_path}: {words} words; a case has {MIN_WORDS} to {MAX_WORDS}")
    if not isinstance(gold.get("style"), str) or not isinstance(gold.get("quotes"), list):
        raise CaseError(f"{gold_path}: needs a 'style' string and a 'quotes' list")
    if name.endswith("-negative") and gold["quotes"]:
        raise CaseError(f"{gold_path}: a -negative case has no quotations")
    seen = set()
    for number, quote in enumerate(gold["quotes"], 1):
        check_quote(text, quote, f"{gold_path}: quote {number}")
        key = tuple(map(tuple, quote["content"]))
        if key in seen:
            raise CaseError(f"{gold_path}: quote {number} repeats the content of an earlier one")
        seen.add(key)
    return {"id": name, "source": gold["style"], "text": text, "quotes": gold["quotes"]}


def load_cases(cases: Path) -> list[dict]:
    names = case_names(cases)
    golds = (p.name for p in cases.glob("*.gold.json"))
    orphans = sorted(g for g in golds if g.removesuffix(".gold.json") not in names)
    if orphans:
        raise CaseError(f"{cases}: gold without an article: {', '.join(orphans)}")
    return [load_case(cases, name) for name in names]


# ----------------------------------------------------------------------------- filling spans


def _occurrences(text: str, needle: str, within: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Where ``needle`` is written, as a whole word when it starts or ends with a word character."""
    start, end = within or (0, len(text))
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    pattern = re.compile(left + re.escape(needle) + right)
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def _context(text: str, quote: dict, field: str) -> tuple[int, int] | None:
    hint = quote.get(f"{field}_in")
    if not hint:
        return None
    found = _occurrences(text, hint)
    if len(found) != 1:
        raise CaseError(f"'{field}_in' {hint!r} is written {len(found)} times; it must be once")
    return found[0]


def _content_spans(text: str, quote: dict) -> list[list[int]]:
    pieces = quote["content_text"]
    pieces = [pieces] if isinstance(pieces, str) else pieces
    spans: list[list[int]] = []
    within = _context(text, quote, "content")
    for piece in pieces:
        found = _occurrences(text, piece, within)
        if spans:
            found = [f for f in found if f[0] >= spans[-1][1]][:1]
        if len(found) != 1:
            raise CaseError(f"content {piece[:40]!r} is written {len(found)} times; add 'content_in'")
        spans.append(list(found[0]))
    return spans


def _nearest(text: str, quote: dict, field: str, content: list[list[int]]) -> list[list[int]]:
    """The occurrences of the field's text (pieces when a list) nearest the content, outside it,
    in its sentence when one is."""
    written = quote.get(f"{field}_text") or []
    pieces = [written] if isinstance(written, str) else written
    within = _context(text, quote, field)
    spans = []
    for piece in pieces:
        found = [
            f for f in _occurrences(text, piece, within)
            if not any(f[0] < e and s < f[1] for s, e in content)
        ]  # fmt: skip
        if not found:
            raise CaseError(f"{field} {piece!r} is not written outside the content")

        def rank(span: tuple[int, int]) -> tuple[bool, int]:
            gaps = []
            for s, e in content:
                lo, hi = (span[1], s) if span[1] <= s else (e, span[0])
                gaps.append((bool(_BREAK.search(text[lo:hi])), abs(hi - lo)))
            return min(gaps)

        spans.append(list(min(found, key=rank)))
    return spans


def fill_quote(text: str, quote: dict) -> dict:
    """A quotation written as text (``content_text``, ``speaker_text``, ``cue_text``; optional
    ``FIELD_in`` context strings) with its spans found; spans already given are kept."""
    if all(field in quote for field in FIELDS):
        return quote
    content = _content_spans(text, quote)
    filled = {"kind": quote["kind"], "content": content}
    filled["speaker"] = _nearest(text, quote, "speaker", content)
    filled["cue"] = _nearest(text, quote, "cue", content)
    filled["speaker_name"] = quote.get("speaker_name")
    for field in FIELDS:
        filled[f"{field}_text"] = _joined(text, filled[field])
    return filled


def fill(cases: Path, name: str) -> None:
    gold_path = cases / f"{name}.gold.json"
    text = (cases / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    quotes = []
    for number, quote in enumerate(gold["quotes"], 1):
        try:
            quotes.append(fill_quote(text, quote))
        except CaseError as error:
            raise CaseError(f"{gold_path}: quote {number}: {error}") from None
    gold["quotes"] = quotes
    gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def show(cases: Path, name: str) -> str:
    """Each gold quotation in its sentence: [content], {speaker}, <cue>."""
    record = load_case(cases, name)
    text, lines = record["text"], []
    for number, quote in enumerate(record["quotes"], 1):
        marks = sorted(
            [(s, "[") for s, _ in quote["content"]] + [(e, "]") for _, e in quote["content"]]
            + [(s, "{") for s, _ in quote["speaker"]] + [(e, "}") for _, e in quote["speaker"]]
            + [(s, "<") for s, _ in quote["cue"]] + [(e, ">") for _, e in quote["cue"]],
            key=lambda m: (m[0], m[1] in "]}>"), reverse=True,
        )  # fmt: skip
        spans = [s for f in FIELDS for s in quote[f]]
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        marked = text[max(0, lo - 30) : hi + 30]
        for at, mark in marks:
            offset = at - max(0, lo - 30)
            marked = marked[:offset] + mark + marked[offset:]
        lines.append(f"{number:>2} {quote['kind']:8} {quote['speaker_name']!r}\n   {marked!r}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- scoring


def _predict(gold: list[dict]) -> list[dict]:
    from quotes.execution.analyzers import Analyzer
    from quotes.io.serialize import result_to_dict
    from quotes.records import Article

    analyzer = Analyzer(score=False)
    return [result_to_dict(r) for r in analyzer.run(Article(id=a["id"], text=a["text"]) for a in gold)]


def _score(scorer: Path, gold_path: Path, pred_path: Path, by: str) -> tuple[str, dict]:
    args = [sys.executable, str(scorer), str(gold_path), str(pred_path), "--speaker-by", by]
    table = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    scores = json.loads(subprocess.run([*args, "--json"], capture_output=True, text=True, check=True).stdout)
    return table, scores["subsets"]


def _summary(by_mention: dict, by_name: dict) -> str:
    def cell(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    kinds = ("all", "direct", "mixed", "indirect")
    names = " ".join(f"{k} {cell(by_name[k]['name_accuracy'])} ({by_name[k]['named_matches']})"
                     for k in kinds)  # fmt: skip
    lines = [f"names right: {names}"]
    for label, scores in (("by mention", by_mention), ("by name", by_name)):
        f1 = " ".join(f"{k} {cell(scores[k]['end_to_end']['f1'])}" for k in kinds)
        lines.append(f"end-to-end F1 {label}: {f1}")
    detection = " ".join(
        f"{k} {cell(by_mention[k]['detection']['precision'])}/{cell(by_mention[k]['detection']['recall'])}"
        for k in kinds
    )
    lines.append(f"detection P/R: {detection}")
    return "\n".join(lines)


def _causes(gold_path: Path, predictions: list[dict], examples: int) -> str:
    from quotes.evaluate.name_errors import by_cause, format_causes
    from quotes.evaluate.scorer import name_cases, read_gold
    from quotes.io.deserialize import result_from_dict

    gold = read_gold(str(gold_path))
    results = (result_from_dict(p) for p in predictions)
    cases = name_cases(gold, {r.article.id: r.quotations for r in results})
    return format_causes(by_cause(cases, examples))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred", nargs="?", help="predictions JSONL (quotes extract on the built gold)")
    parser.add_argument("--cases", default=str(CASES), help="folder of NAME.txt + NAME.gold.json")
    parser.add_argument("--scorer", default=str(SCORER), help="the shared scorer, score.py")
    parser.add_argument("--build", metavar="GOLD", help="write the gold JSONL and stop")
    parser.add_argument("--check", action="store_true", help="check every case and stop")
    parser.add_argument("--fill", nargs="+", metavar="NAME", help="fill the spans of these cases")
    parser.add_argument("--show", nargs="+", metavar="NAME", help="print these cases' quotations")
    parser.add_argument("--examples", type=int, default=5, help="examples per cause")
    args = parser.parse_args(argv)
    cases = Path(args.cases)
    try:
        if args.fill:
            for name in args.fill:
                fill(cases, name)
            return 0
        if args.show:
            print("\n\n".join(f"== {name}\n{show(cases, name)}" for name in args.show))
            return 0
        gold = load_cases(cases)
    except CaseError as error:
        print(f"styles: {error}", file=sys.stderr)
        return 1
    quotes = [q for a in gold for q in a["quotes"]]
    counts = {k: sum(q["kind"] == k for q in quotes) for k in ("direct", "mixed", "indirect")}
    print(f"{len(gold)} articles, {len(quotes)} quotations "
          f"({counts['direct']} direct, {counts['mixed']} mixed, {counts['indirect']} indirect)")  # fmt: skip
    if args.check:
        return 0
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in gold)
    if args.build:
        Path(args.build).write_text(lines, encoding="utf-8")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        gold_path, pred_path = Path(folder) / "styles.jsonl", Path(folder) / "pred.jsonl"
        gold_path.write_text(lines, encoding="utf-8")
        if args.pred:
            written = Path(args.pred).read_text(encoding="utf-8").splitlines()
            predictions = [json.loads(line) for line in written if line.strip()]
        else:
            predictions = _predict(gold)
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
        scorer = Path(args.scorer)
        if scorer.exists():
            mention_table, by_mention = _score(scorer, gold_path, pred_path, "span")
            name_table, by_name = _score(scorer, gold_path, pred_path, "name")
            print(f"\n== by mention\n{mention_table}\n== by name\n{name_table}")
            print(_summary(by_mention, by_name))
        else:
            print(f"shared scorer not found at {scorer}; scores skipped (pass --scorer PATH)")
        print("\n== name errors by cause")
        print(_causes(gold_path, predictions, args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
