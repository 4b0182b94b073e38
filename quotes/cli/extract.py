"""``quotes extract`` and ``quotes eval``: run the pipeline over articles, and write its records
(extract) or score them against annotated gold articles (eval)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from quotes.cli.common import (
    check_rules,
    filter_options,
    filtered,
    finish,
    gender_option,
    gendered,
    output_options,
    output_stream,
    pipeline_options,
    progress_stream,
    results,
    run_options,
    run_options_from,
    writes_in_place,
)
from quotes.io.files import display_name


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@output_options("jsonl")
@click.option(
    "--manifest", type=click.Path(dir_okay=False), help="Where to write manifest.json (default beside -o)."
)
@click.option("--explain", is_flag=True, help="Print each quotation with the rule that fired and why.")
@filter_options
@gender_option
@run_options
def extract(
    inputs: tuple[str, ...],
    fmt: str,
    output: str | None,
    manifest: str | None,
    explain: bool,
    gender_mode: str,
    **run: Any,
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
      quotes extract news.jsonl --gender text
    """
    from quotes.io.manifest import Manifest
    from quotes.io.writers import write_results

    rules, options, selection = pipeline_options(run)
    book = Manifest()
    book.settings["cue_classes"] = list(selection.cues)
    book.settings["gender"] = gender_mode
    manifest_path = _manifest_path(output, manifest)
    own = [output, manifest_path]
    found = gendered(filtered(results(inputs, options, book, own=own), selection, rules.aliases), gender_mode)
    with output_stream(output, keep=lambda: _read_any(book)) as out:
        count = write_results(found, fmt, out, explain, gender=gender_mode != "off")
    if output and output != "-":
        if _read_any(book):
            click.echo(f"{count} quotations written to {display_name(output)}", err=True)
        else:
            click.echo(f"no input could be read: {display_name(output)} not written", err=True)
    finish(book, manifest_path)


def _read_any(book: Any) -> bool:
    """Whether the output is worth writing: some input was read, or none failed."""
    return book.ok or book.to_dict()["summary"]["articles"] > 0


@click.command(name="eval")
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
    from quotes.evaluate.scorer import evaluate, format_report, read_gold
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


def _manifest_path(output: str | None, manifest: str | None) -> Path | None:
    if manifest:
        return Path(manifest)
    if output and output != "-" and not writes_in_place(output):
        return Path(output).with_name(Path(output).stem + ".manifest.json")
    return None
