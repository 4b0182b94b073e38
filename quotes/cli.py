"""The ``quotes`` command line: a thin click layer over the library.

Every command reads its inputs through :mod:`quotes.readers`, accounts for each input in a
:class:`~quotes.manifest.Manifest`, and turns library errors into one clear line (``--debug``
shows the traceback).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from quotes import __version__
from quotes.cliutil import (
    QuotesGroup,
    check_rules,
    filter_options,
    filtered,
    finish,
    output_options,
    output_stream,
    progress_stream,
    report_inputs,
    report_results,
    results,
    run_options,
    run_options_from,
    split_filters,
    writes_in_place,
)

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


def _given(value: Any, name: str) -> Any:
    """``value`` when option ``name`` was given on the command line, else None (the command's own default)."""
    source = click.get_current_context().get_parameter_source(name)
    return value if source is click.core.ParameterSource.COMMANDLINE else None


def _manifest_path(output: str | None, manifest: str | None) -> Path | None:
    if manifest:
        return Path(manifest)
    if output and output != "-" and not writes_in_place(output):
        return Path(output).with_name(Path(output).stem + ".manifest.json")
    return None


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@output_options("jsonl")
@click.option(
    "--manifest", type=click.Path(dir_okay=False), help="Where to write manifest.json (default beside -o)."
)
@click.option("--explain", is_flag=True, help="Print each quotation with the rule that fired and why.")
@filter_options
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
      quotes extract news.jsonl --speaker "Donald Trump" --since 2016-01-01 --format table
      quotes extract news.jsonl --cues speech,evidence
    """
    from quotes.manifest import Manifest
    from quotes.output import write_results

    rules = check_rules(run["rules_dir"])
    run, selection = split_filters(run)
    book = Manifest()
    book.settings["cue_classes"] = list(selection.cues)
    found = filtered(results(inputs, run_options_from(**run), book), selection, rules.aliases)
    with output_stream(output) as out:
        count = write_results(found, fmt, out, explain)
    if output and output != "-":
        click.echo(f"{count} quotations written to {output}", err=True)
    finish(book, _manifest_path(output, manifest))


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
def report(
    inputs: tuple[str, ...],
    out_dir: str,
    title: str,
    min_quotes: int,
    compare_names: tuple[str, ...],
    **run: Any,
) -> None:
    """Write per-speaker reports (Markdown, HTML, PNG charts) for INPUT files or folders.

    Without --jobs, the charts are drawn by one process per core (up to 4) for larger reports.

    \b
    Examples:
      quotes report examples/
      quotes report news.jsonl --out reports/news --min-quotes 10
      quotes report news.jsonl --compare "Donald Trump" --compare "Hillary Clinton"
      quotes report news.jsonl --since 2024-01-01 --outlet Reuters
      quotes report news.jsonl --cues speech
    """
    from quotes.manifest import Manifest
    from quotes.report import write_reports

    rules = check_rules(run["rules_dir"])
    run, selection = split_filters(run)
    paths = report_inputs(inputs)
    book = Manifest()
    book.settings["cue_classes"] = list(selection.cues)
    target = Path(out_dir)
    found = filtered(report_results(paths, run_options_from(**run), book), selection, rules.aliases)
    labels = {frame.id: frame.label for frame in rules.frames.frames}
    index = write_reports(
        found, target, rules.aliases, title=title, jobs=_given(run["jobs"], "jobs"), min_quotes=min_quotes,
        compare=compare_names, frame_labels=labels, cue_classes=selection.cues,
    )  # fmt: skip
    for name in index.missing:
        click.echo(f"warning: --compare {name!r} matched no speaker", err=True)
    click.echo(f"{index.speakers} speakers, {index.quotations} quotations: {target / 'index.html'}", err=True)
    finish(book, target / "manifest.json")


# ----------------------------------------------------------------------------- speakers


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@output_options("table")
@filter_options
@run_options
def speakers(inputs: tuple[str, ...], fmt: str, output: str | None, **run: Any) -> None:
    """List the speakers quoted in INPUT files or folders, with counts.

    Speakers are identified as in `quotes report` (alias table, then a lone surname folded into
    the one full name of the corpus that ends with it), so the two always agree.

    \b
    Examples:
      quotes speakers examples/
      quotes speakers news.jsonl --format csv -o speakers.csv
      quotes speakers news.jsonl --cues speech
    """
    from quotes.manifest import Manifest
    from quotes.output import write_rows
    from quotes.speakers.identity import count_speakers

    rules = check_rules(run["rules_dir"])
    run, selection = split_filters(run)
    book = Manifest()
    found = filtered(results(inputs, run_options_from(**run), book), selection, rules.aliases)
    counts = count_speakers(found, rules.aliases)
    with output_stream(output) as out:
        write_rows((count.row() for count in counts), fmt, out)
    finish(book, None)


# ----------------------------------------------------------------------------- score


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
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

    rules = check_rules(rules_dir)
    book = Manifest()
    shape = score_to_dict if fmt == "jsonl" else score_row
    rows = (
        shape(text.id, score_text(text.text, None, rules.tone, rules.frames))
        for text in read_texts(input_path, book)
    )
    with output_stream(output) as out:
        write_rows(rows, fmt, out)
    finish(book, None)


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
    and true/false positives per rule. With --speaker-by name, also the name errors by kind of
    gold mention (name, pronoun, description, none), with counts and examples.

    \b
    Example:
      quotes eval my-annotations.jsonl --speaker-by name
    """
    from quotes.evaluate import evaluate, format_report, read_gold
    from quotes.execution.runner import run_articles
    from quotes.records import Article

    check_rules(run["rules_dir"])
    gold_articles = read_gold(gold)

    articles = (Article(id=a.id, text=a.text, source=gold) for a in gold_articles)
    results = {
        r.article.id: r.quotations
        for r in progress_stream(run_articles(articles, run_options_from(**run)), "articles")
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
