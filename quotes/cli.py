"""The ``quotes`` command line: a thin click layer over the library.

Every command reads its inputs through :mod:`quotes.readers`, accounts for each input in a
:class:`~quotes.manifest.Manifest`, and turns library errors into one clear line (``--debug``
shows the traceback).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from quotes import __version__
from quotes.errors import QuotesError

FORMATS = ("jsonl", "csv", "table")  # quotes.output.FORMATS, kept here so --help needs no import


class Failure(click.ClickException):
    """An error shown as one line, exit status 1."""


def _debug_enabled(ctx: click.Context | None) -> bool:
    while ctx is not None:
        if ctx.obj and ctx.obj.get("debug"):
            return True
        ctx = ctx.parent
    return False


class QuotesGroup(click.Group):
    """The command group; the one place where errors become messages.

    A library error (:class:`~quotes.errors.QuotesError`) or a file the system refuses
    (``OSError``) is the expected path: one line, exit 1. Anything else is a bug in quotescope and
    says so. ``--debug`` shows the traceback instead."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except BrokenPipeError:
            raise
        except QuotesError as error:
            if _debug_enabled(ctx):
                raise
            raise Failure(str(error)) from None
        except OSError as error:
            if _debug_enabled(ctx):
                raise
            where = f"{error.filename}: " if error.filename else ""
            raise Failure(f"{where}{error.strerror or error}") from None
        except Exception as error:
            if _debug_enabled(ctx):
                raise
            raise Failure(
                f"internal error (a bug in quotescope): {type(error).__name__}: {error}; "
                "run with --debug for the traceback"
            ) from None


def output_options(default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` and ``-o/--output``: the options of every command that prints rows."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, allow_dash=True),
            help="Write here instead of stdout (the file appears only when the command succeeds).",
        )(command)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default=default,
            show_default=True,
            help="JSON lines, CSV, or an aligned table with a header row.",
        )(command)

    return decorate


@contextlib.contextmanager
def _output(output: str | None) -> Iterator[TextIO]:
    """Stdout, or a buffer written atomically to ``output`` when the block succeeds."""
    if not output or output == "-":
        yield sys.stdout
        return
    from quotes.fsutil import atomic_write_text

    buffer = io.StringIO()
    yield buffer
    atomic_write_text(Path(output), buffer.getvalue())


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
        click.get_current_context().exit(1)


# ----------------------------------------------------------------------------- group


@click.group(cls=QuotesGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


def _manifest_path(output: str | None, manifest: str | None) -> Path | None:
    if manifest:
        return Path(manifest)
    if output and output != "-":
        return Path(output).with_name(Path(output).stem + ".manifest.json")
    return None


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@output_options("jsonl")
@click.option(
    "--manifest", type=click.Path(dir_okay=False), help="Where to write manifest.json (default beside -o)."
)
@click.option("--explain", is_flag=True, help="Print each quotation with the rule that fired and why.")
@run_options
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
    from quotes.manifest import Manifest
    from quotes.output import write_results

    _check_rules(run["rules_dir"])
    options = _options(**run)
    book = Manifest()
    with _output(output) as out:
        count = write_results(_results(inputs, options, book), fmt, out, explain)
    if output and output != "-":
        click.echo(f"{count} quotations written to {output}", err=True)
    _finish(book, _manifest_path(output, manifest))


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
@run_options
def report(inputs: tuple[str, ...], out_dir: str, title: str, **run: Any) -> None:
    """Write per-speaker reports (Markdown, HTML, PNG charts) for INPUT files or folders.

    \b
    Examples:
      quotes report examples/
      quotes report news.jsonl --out reports/news
    """
    from quotes.manifest import Manifest
    from quotes.report import write_reports

    rules = _check_rules(run["rules_dir"])
    options = _options(**run)
    book = Manifest()
    target = Path(out_dir)
    index = write_reports(
        _results(inputs, options, book), target, rules.aliases, title=title, jobs=run["jobs"]
    )
    click.echo(f"{index.speakers} speakers, {index.quotations} quotations: {target / 'index.html'}", err=True)
    _finish(book, target / "manifest.json")


# ----------------------------------------------------------------------------- speakers


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@output_options("table")
@run_options
def speakers(inputs: tuple[str, ...], fmt: str, output: str | None, **run: Any) -> None:
    """List the speakers quoted in INPUT files or folders, with counts.

    Speakers are identified as in `quotes report` (alias table, then a lone surname folded into
    the one full name of the corpus that ends with it), so the two always agree.

    \b
    Examples:
      quotes speakers examples/
      quotes speakers news.jsonl --format csv -o speakers.csv
    """
    from quotes.manifest import Manifest
    from quotes.output import write_rows
    from quotes.speakers.identity import count_speakers

    rules = _check_rules(run["rules_dir"])
    book = Manifest()
    counts = count_speakers(_results(inputs, _options(**run), book), rules.aliases)
    with _output(output) as out:
        write_rows((count.row() for count in counts), fmt, out)
    _finish(book, None)


# ----------------------------------------------------------------------------- score


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@output_options("jsonl")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Use another rules folder.")
def score(input_path: str, fmt: str, output: str | None, rules_dir: str | None) -> None:
    """Score the tone and framing of texts: a .txt (one text per line) or .jsonl/.csv (id, text).

    Ids follow the input rule: the record's id, else FILE-STEM:LINE.

    \b
    Examples:
      quotes score sentences.txt --format table
      quotes score texts.jsonl -o scores.jsonl
    """
    from quotes.manifest import Manifest
    from quotes.output import write_rows
    from quotes.readers import read_texts
    from quotes.scoring import score_text
    from quotes.serialize import score_row, score_to_dict

    rules = _check_rules(rules_dir)
    book = Manifest()
    shape = score_to_dict if fmt == "jsonl" else score_row
    rows = (
        shape(text.id, score_text(text.text, None, rules.tone, rules.frames))
        for text in read_texts(input_path, book)
    )
    with _output(output) as out:
        write_rows(rows, fmt, out)
    _finish(book, None)


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
def eval_command(gold: str, speaker_by: str, as_json: bool, **run: Any) -> None:
    """Run the pipeline on an annotated GOLD.jsonl and print precision, recall and F1 per kind,
    and true/false positives per rule.

    \b
    Example:
      quotes eval my-annotations.jsonl --speaker-by name
    """
    from quotes.evaluate import evaluate, format_report, read_gold
    from quotes.records import Article
    from quotes.runner import run_articles

    _check_rules(run["rules_dir"])
    gold_articles = read_gold(gold)

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
    """Inspect and validate rule folders.

    \b
    Example:
      quotes rules check my-rules/
    """


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.pass_context
def rules_check(ctx: click.Context, directory: str | None) -> None:
    """Validate a rules folder (default: the bundled rules); report file:line: reason.

    \b
    Example:
      quotes rules check my-rules/
    """
    from quotes.ruleset import load_rules, rule_files
    from quotes.yamlfile import RuleError

    try:
        loaded = load_rules(directory)
    except RuleError as error:  # the finding is the output here, not a failure of the command
        click.echo(str(error), err=True)
        ctx.exit(1)
    files = rule_files(loaded.directory)
    click.echo(f"{loaded.directory}: {len(files)} rule files OK (fingerprint {loaded.fingerprint})")


def main() -> None:
    """Entry point of the ``quotes`` console script."""
    try:
        cli(obj={})
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        sys.exit(0)
