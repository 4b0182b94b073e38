"""The ``quotes`` command line: a thin click layer over the library.

Every command reads its inputs through :mod:`quotes.readers`, accounts for each input in a
:class:`~quotes.manifest.Manifest`, and turns library errors into one clear line (``--debug``
shows the traceback).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from quotes import __version__

FORMATS = ("jsonl", "csv", "table")
CSV_FIELDS = (
    "id",
    "kind",
    "speaker_name",
    "speaker_type",
    "speaker_text",
    "title",
    "cue_text",
    "cue_lemma",
    "cue_class",
    "stance",
    "rule",
    "confidence",
    "inherited",
    "tone_compound",
    "tone_label",
    "certainty",
    "hype",
    "codebook_frame",
    "frames",
    "content",
    "text",
    "date",
    "outlet",
    "article_title",
    "url",
)


class Failure(click.ClickException):
    """An error shown as one line, exit status 1."""


def _debug_enabled() -> bool:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.obj and ctx.obj.get("debug"):
            return True
        ctx = ctx.parent
    return False


def friendly(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn any library error into a one-line message (a traceback only with --debug)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from quotes.model import ModelError
        from quotes.yamlfile import RuleError

        try:
            return command(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (RuleError, ModelError) as error:
            if _debug_enabled():
                raise
            raise Failure(str(error)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None
        except BrokenPipeError:
            raise
        except Exception as error:
            if _debug_enabled():
                raise
            raise Failure(f"{type(error).__name__}: {error} (run with --debug for details)") from None

    return wrapper


def run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that runs the pipeline shares."""
    decorators = [
        click.option(
            "--rules", "rules_dir", type=click.Path(file_okay=False), help="Use another rules folder."
        ),
        click.option("--model", help="spaCy model package or path (default: en_core_web_sm if installed)."),
        click.option(
            "--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes."
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache."),
        click.option(
            "--cache",
            "cache_path",
            type=click.Path(dir_okay=False),
            help="Cache file (default: $QUOTESCOPE_CACHE or ~/.cache/quotescope/cache.sqlite3).",
        ),
        click.option("--dask-scheduler", metavar="ADDRESS", help="Run on a dask.distributed cluster."),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that pick speakers, dates and outlets (report, speakers, extract)."""
    decorators = [
        click.option("--speaker", "speaker_filter", multiple=True, metavar="NAME",
                     help="Only this speaker's quotations (repeatable; aliases apply)."),
        click.option("--since", metavar="YYYY-MM-DD", help="Only articles dated on or after this day."),
        click.option("--until", metavar="YYYY-MM-DD", help="Only articles dated on or before this day."),
        click.option("--outlet", "outlet_filter", multiple=True, metavar="NAME",
                     help="Only articles from this outlet (repeatable)."),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _filtered(results: Iterator[Any], rules: Any, run: dict[str, Any]) -> Iterator[Any]:
    """``results`` through the --speaker/--since/--until/--outlet filters (popped from ``run``)."""
    from quotes.report.filters import FilterError, ResultFilter, filter_results

    try:
        selection = ResultFilter(tuple(run.pop("speaker_filter", ())), run.pop("since", None),
                                 run.pop("until", None), tuple(run.pop("outlet_filter", ())))  # fmt: skip
    except FilterError as error:
        raise Failure(str(error)) from None
    return filter_results(results, selection, rules.aliases)


def _writes_in_place(output: str) -> bool:
    """True for an existing path that is not a regular file (``/dev/null``, a pipe): written
    directly, with no temporary file beside it and no manifest."""
    path = Path(output)
    return path.exists() and not path.is_file()


def _options(
    rules_dir: str | None,
    model: str | None,
    jobs: int,
    no_cache: bool,
    cache_path: str | None,
    dask_scheduler: str | None,
) -> Any:
    from quotes.runner import RunOptions

    return RunOptions(
        model=model,
        rules_dir=rules_dir,
        jobs=jobs,
        use_cache=not no_cache,
        cache_path=Path(cache_path) if cache_path else None,
        dask_scheduler=dask_scheduler,
    )


def _check_rules(rules_dir: str | None) -> Any:
    """Load the rules before any work starts, so a bad rule file fails fast."""
    from quotes.ruleset import load_rules

    return load_rules(rules_dir)


def _articles(inputs: Sequence[str], manifest: Any) -> Iterator[Any]:
    from quotes.readers import discover, read_input

    for path in discover(inputs):
        manifest.start(path)
        yield from read_input(path, manifest)


def _progress_stream(results: Iterator[Any], label: str) -> Iterator[Any]:
    """A running count on stderr when it is a terminal (inputs stream, so no total is known)."""
    if not sys.stderr.isatty():
        yield from results
        return
    count, quotations, last = 0, 0, 0.0
    for result in results:
        count += 1
        quotations += len(result.quotations)
        now = time.monotonic()
        if now - last > 0.2:
            click.echo(f"\r{label}: {count}, quotations: {quotations}", err=True, nl=False)
            last = now
        yield result
    click.echo(f"\r{label}: {count}, quotations: {quotations}", err=True)


def _results(inputs: Sequence[str], options: Any, manifest: Any) -> Iterator[Any]:
    from quotes.runner import run_articles

    for result in _progress_stream(run_articles(_articles(inputs, manifest), options), "articles"):
        if result.error:
            manifest.article_failed(result.article.source or "-", result.article.id, result.error)
        yield result


def _finish(manifest: Any, manifest_path: Path | None) -> None:
    """Write the manifest, print every problem on stderr, exit non-zero if any input failed."""
    if manifest_path is not None:
        manifest.write(manifest_path)
    for message in manifest.messages():
        click.echo(f"warning: {message}" if message.startswith("warning") else message, err=True)
    if not manifest.ok:
        summary = manifest.to_dict()["summary"]
        click.echo(
            f"quotes: {summary['failed']} input(s) failed, {summary['partial']} partial; "
            f"details in {manifest_path or 'the messages above'}",
            err=True,
        )
        sys.exit(1)


# ----------------------------------------------------------------------------- group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotes")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Find quotations in news, attribute them to speakers, score tone and framing.

    \b
    Examples:
      quotes extract examples/ -o quotes.jsonl
      quotes report examples/ --out reports/
      quotes speakers articles.jsonl
      quotes score sentences.txt --format table
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


# ----------------------------------------------------------------------------- extract


def _explain_lines(result: Any) -> Iterator[str]:
    for q in result.quotations:
        yield f"[{result.article.id}] {q.kind} quotation by {q.speaker_name or 'unknown'} ({q.speaker_type})"
        yield f"    text: {_shorten(q.text, 160)}"
        cue = f"{q.cue_text or '-'} ({q.cue_class}, stance {q.stance})"
        yield f"    speaker as written: {q.speaker_text or '-'}; cue: {cue}"
        yield f"    rule {q.rule} (confidence {q.confidence}): {q.explanation}"
        if q.scores is not None:
            tone = q.scores.tone
            fired = ", ".join(f"{e.entry}" for e in tone.evidence[:6]) or "nothing"
            frames = ", ".join(f"{f.id} {f.weight:.2f}" for f in q.scores.frames[:3]) or "none"
            yield f"    tone {tone.label} {tone.compound:+.3f} (evidence: {fired}); frames: {frames}"


def _tail(text: str, width: int) -> str:
    """The end of ``text`` (where file names differ), at most ``width`` characters."""
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _csv_row(result: Any, q: Any) -> dict[str, Any]:
    tone = q.scores.tone if q.scores else None
    return {
        "id": result.article.id,
        "kind": q.kind,
        "speaker_name": q.speaker_name or "",
        "speaker_type": q.speaker_type,
        "speaker_text": q.speaker_text,
        "title": q.title or "",
        "cue_text": q.cue_text,
        "cue_lemma": q.cue_lemma,
        "cue_class": q.cue_class,
        "stance": q.stance,
        "rule": q.rule,
        "confidence": q.confidence,
        "inherited": q.inherited,
        "tone_compound": tone.compound if tone else "",
        "tone_label": tone.label if tone else "",
        "certainty": tone.certainty if tone else "",
        "hype": tone.hype if tone else "",
        "codebook_frame": q.scores.codebook_frame if q.scores else "",
        "frames": ";".join(f"{f.id}:{f.weight:.2f}" for f in q.scores.frames) if q.scores else "",
        "content": json.dumps([list(s) for s in q.content]),
        "text": q.text,
        "date": result.article.date or "",
        "outlet": result.article.outlet or "",
        "article_title": result.article.title or "",
        "url": result.article.url or "",
    }


def write_results(results: Iterator[Any], fmt: str, out: TextIO, explain: bool = False) -> int:
    """Write results in ``fmt`` to ``out``; returns the number of quotations written."""
    count = 0
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
    for result in results:
        count += len(result.quotations)
        if explain:
            for line in _explain_lines(result):
                out.write(line + "\n")
        elif fmt == "jsonl":
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif writer is not None:
            for q in result.quotations:
                writer.writerow(_csv_row(result, q))
        else:
            for q in result.quotations:
                out.write(
                    f"{_tail(result.article.id, 24):24}  {q.kind:8}  {(q.speaker_name or '?')[:22]:22}  "
                    f"{q.cue_text[:12]:12}  {_shorten(q.text, 70)}\n"
                )
    return count


def _manifest_path(output: str | None, manifest: str | None) -> Path | None:
    if manifest:
        return Path(manifest)
    if output and output != "-" and not _writes_in_place(output):
        return Path(output).with_name(Path(output).stem + ".manifest.json")
    return None


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here (default stdout)."
)
@click.option(
    "--manifest", type=click.Path(dir_okay=False), help="Where to write manifest.json (default beside -o)."
)
@click.option("--explain", is_flag=True, help="Print each quotation with the rule that fired and why.")
@filter_options
@run_options
@friendly
def extract(
    inputs: tuple[str, ...], fmt: str, output: str | None, manifest: str | None, explain: bool, **run: Any
) -> None:
    """Find and attribute the quotations of INPUT files or folders (- for stdin).

    One JSONL line per article: {"id": ..., "quotes": [...]} with character offsets.

    \b
    Examples:
      quotes extract articles/ -o quotes.jsonl
      quotes extract news.jsonl --format csv -o quotes.csv
      quotes extract story.txt --explain
    """
    from quotes.fsutil import atomic_write_text
    from quotes.manifest import Manifest

    rules = _check_rules(run["rules_dir"])
    book = Manifest()
    results = _filtered(_results(inputs, _options(**_run_only(run)), book), rules, run)
    if output and output != "-" and _writes_in_place(output):
        with open(output, "w", encoding="utf-8") as stream:
            write_results(results, fmt, stream, explain)
    elif output and output != "-":
        buffer = io.StringIO()
        count = write_results(results, fmt, buffer, explain)
        atomic_write_text(Path(output), buffer.getvalue())
        click.echo(f"{count} quotations written to {output}", err=True)
    else:
        write_results(results, fmt, sys.stdout, explain)
    _finish(book, _manifest_path(output, manifest))


def _run_only(run: dict[str, Any]) -> dict[str, Any]:
    """The pipeline options of ``run`` (without the filter options)."""
    return {k: v for k, v in run.items() if k not in ("speaker_filter", "since", "until", "outlet_filter")}


# ----------------------------------------------------------------------------- report


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="reports",
    show_default=True,
    help="Folder to write the reports into.",
)
@click.option("--title", default="quotescope report", show_default=True, help="Title of the index page.")
@click.option(
    "--min-quotes", type=click.IntRange(1), default=5, show_default=True,
    help="Speakers with fewer quotations share one page, without charts (5: the fewest with an interval).",
)  # fmt: skip
@click.option("--compare", "compare_names", multiple=True, metavar="NAME",
              help="A speaker for the side-by-side page (repeat; default: the most quoted).")  # fmt: skip
@filter_options
@run_options
@friendly
def report(inputs: tuple[str, ...], out_dir: str, title: str, min_quotes: int, compare_names: tuple[str, ...],
           **run: Any) -> None:  # fmt: skip
    """Write per-speaker reports (Markdown, HTML, PNG charts) for INPUT files or folders.

    \b
    Examples:
      quotes report examples/
      quotes report news.jsonl --out reports/news --min-quotes 10
      quotes report news.jsonl --compare "Donald Trump" --compare "Hillary Clinton"
      quotes report news.jsonl --since 2024-01-01 --outlet Reuters
    """
    from quotes.manifest import Manifest
    from quotes.report import write_reports

    rules = _check_rules(run["rules_dir"])
    paths = _report_inputs(inputs)
    options = _options(**_run_only(run))
    book = Manifest()
    target = Path(out_dir)
    results = _filtered(_report_results(paths, options, book), rules, run)
    labels = {frame.id: frame.label for frame in rules.frames.frames}
    index = write_reports(
        results, target, rules.aliases, title=title, jobs=run["jobs"], min_quotes=min_quotes,
        compare=compare_names, frame_labels=labels,
    )  # fmt: skip
    for name in index.missing:
        click.echo(f"warning: --compare {name!r} matched no speaker", err=True)
    click.echo(f"{index.speakers} speakers, {index.quotations} quotations: {target / 'index.html'}", err=True)
    _finish(book, target / "manifest.json")


def _report_inputs(inputs: Sequence[str]) -> list[str]:
    """The input paths, or a Failure before anything is written: a missing path, or no input."""
    from quotes.readers import discover

    for given in inputs:
        if given != "-" and not Path(given).exists():
            raise Failure(f"{given}: no such file or folder")
    paths = list(discover(inputs))
    if not paths:
        looked = ".txt, .md, .html, .jsonl, .csv"
        raise Failure(f"no input files found in {', '.join(inputs)} (looked for {looked})")
    return paths


def _report_results(paths: list[str], options: Any, manifest: Any) -> Iterator[Any]:
    """Results of ``paths`` with a progress line (total, percentage, time left) on a terminal."""
    from quotes.readers import read_input
    from quotes.report.progress import Progress, count_articles
    from quotes.runner import run_articles

    def articles() -> Iterator[Any]:
        for path in paths:
            yield from read_input(path, manifest)

    progress = Progress("reading and analysing", count_articles(paths))
    for result in progress.wrap(run_articles(articles(), options)):
        if result.error:
            manifest.article_failed(result.article.source or "-", result.article.id, result.error)
        yield result


# ----------------------------------------------------------------------------- speakers


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@filter_options
@run_options
@friendly
def speakers(inputs: tuple[str, ...], fmt: str, **run: Any) -> None:
    """List the speakers quoted in INPUT files or folders, with counts.

    \b
    Example:
      quotes speakers examples/
    """
    from quotes.manifest import Manifest

    rules = _check_rules(run["rules_dir"])
    book = Manifest()
    quotes_by: Counter[tuple[str, str]] = Counter()
    articles_by: dict[tuple[str, str], set[str]] = {}
    for result in _filtered(_results(inputs, _options(**_run_only(run)), book), rules, run):
        for q in result.quotations:
            if q.speaker_name is None:
                continue
            key = (
                rules.aliases.canonical(q.speaker_name),
                rules.aliases.speaker_type(q.speaker_name) or q.speaker_type,
            )
            quotes_by[key] += 1
            articles_by.setdefault(key, set()).add(result.article.id)
    rows = [
        {"name": name, "type": kind, "quotes": n, "articles": len(articles_by[(name, kind)])}
        for (name, kind), n in sorted(quotes_by.items(), key=lambda item: (-item[1], item[0][0]))
    ]
    _print_rows_to(rows, fmt, sys.stdout)
    _finish(book, None)


# ----------------------------------------------------------------------------- score


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default stdout).")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Use another rules folder.")
@friendly
def score(input_path: str, fmt: str, output: str | None, rules_dir: str | None) -> None:
    """Score the tone and framing of texts: a .txt (one text per line) or .jsonl (id, text).

    \b
    Examples:
      quotes score sentences.txt --format table
      quotes score texts.jsonl -o scores.jsonl
    """
    from quotes.fsutil import atomic_write_text
    from quotes.scoring import read_score_inputs, score_record, score_text

    rules = _check_rules(rules_dir)
    problems: list[str] = []
    rows = (
        score_record(text_id, score_text(text, None, rules.tone, rules.frames))
        for text_id, text in read_score_inputs(input_path, problems)
    )
    buffer = io.StringIO()
    target: TextIO = buffer if output else sys.stdout
    if fmt == "jsonl":
        for row in rows:
            target.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        _print_rows_to([_flat_score(row) for row in rows], fmt, target)
    if output:
        atomic_write_text(Path(output), buffer.getvalue())
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(1)


def _flat_score(row: dict[str, Any]) -> dict[str, Any]:
    tone = row["tone"]
    return {
        "id": row["id"],
        "compound": tone["compound"],
        "label": tone["label"],
        "certainty": tone["certainty"],
        "hype": tone["hype"],
        "codebook_frame": row["codebook_frame"],
        "frames": ";".join(f"{f['id']}:{f['weight']:.2f}" for f in row["frames"]),
    }


def _print_rows_to(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Rows of plain values as JSON lines, CSV, or an aligned table."""
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif not rows:
        out.write("(none)\n")
    else:
        widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in rows[0]}
        out.write("  ".join(k.ljust(widths[k]) for k in rows[0]) + "\n")
        for row in rows:
            out.write("  ".join(str(row[k]).ljust(widths[k]) for k in row) + "\n")


# ----------------------------------------------------------------------------- eval


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--speaker-by",
    type=click.Choice(("span", "name")),
    default="span",
    show_default=True,
    help="Judge speakers by overlapping mention spans or by canonical name.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@run_options
@friendly
def eval_command(gold: str, speaker_by: str, as_json: bool, **run: Any) -> None:
    """Run the pipeline on an annotated GOLD.jsonl and print precision, recall and F1 per kind,
    and true/false positives per rule.

    \b
    Example:
      quotes eval my-annotations.jsonl --speaker-by name
    """
    from quotes.evaluate import GoldError, evaluate, format_report, read_gold

    _check_rules(run["rules_dir"])
    try:
        gold_articles = read_gold(gold)
    except GoldError as error:
        raise Failure(str(error)) from None
    from quotes.records import Article
    from quotes.runner import run_articles

    articles = (Article(id=a.id, text=a.text, source=gold) for a in gold_articles)
    results = {
        r.article.id: r.quotations
        for r in _progress_stream(run_articles(articles, _options(**run)), "articles")
    }
    report = evaluate(gold_articles, results, speaker_by)
    click.echo(json.dumps(report) if as_json else format_report(report))


# ----------------------------------------------------------------------------- rules


@cli.group()
def rules() -> None:
    """Inspect and validate rule folders."""


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@friendly
def rules_check(directory: str | None) -> None:
    """Validate a rules folder (default: the bundled rules); report file:line: reason.

    \b
    Example:
      quotes rules check my-rules/
    """
    from quotes.ruleset import load_rules, rule_files
    from quotes.yamlfile import RuleError

    try:
        loaded = load_rules(directory)
    except RuleError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    files = rule_files(loaded.directory)
    click.echo(f"{loaded.directory}: {len(files)} rule files OK (fingerprint {loaded.fingerprint})")


def main() -> None:
    """Entry point of the ``quotes`` console script."""
    try:
        cli(obj={})
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        sys.exit(0)
