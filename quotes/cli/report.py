"""``quotes report`` and ``quotes speakers``: the speakers of a corpus, as per-speaker reports
(report) or as a list with counts (speakers), identified the same way by both."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from quotes.cli.common import (
    filter_options,
    filtered,
    finish,
    gender_option,
    gendered,
    output_options,
    output_stream,
    own_files,
    pipeline_options,
    report_inputs,
    report_results,
    results,
    run_options,
)


@click.command()
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
    "--min-quotes", type=click.IntRange(1), default=None,
    help="Named speakers with fewer quotations share one page, without charts. Default: every speaker "
         "of a report with at most 40 named speakers gets a page, else 5 (the fewest with an interval).",
)  # fmt: skip
@click.option("--compare", "compare_names", multiple=True, metavar="NAME",
              help="A speaker for the side-by-side page (repeat; default: the most quoted).")  # fmt: skip
@filter_options
@gender_option
@run_options
def report(
    inputs: tuple[str, ...],
    out_dir: str,
    title: str,
    min_quotes: int | None,
    compare_names: tuple[str, ...],
    gender_mode: str,
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
      quotes report news.jsonl --gender text
    """
    from quotes.io.files import display_name
    from quotes.io.manifest import Manifest
    from quotes.report import write_reports

    rules, options, selection = pipeline_options(run)
    book = Manifest()
    book.settings["cue_classes"] = list(selection.cues)
    book.settings["gender"] = gender_mode
    target = Path(out_dir)
    paths = report_inputs(inputs, book, own_files(options, [target]))  # never the report's own output
    found = gendered(filtered(report_results(paths, options, book), selection, rules.aliases), gender_mode)
    labels = {frame.id: frame.label for frame in rules.frames.frames}
    from quotes.report.writer import NothingRead

    with _terminated_as_interrupt(), _kept_when_nothing_read(book, NothingRead):
        index = write_reports(
            found, target, rules.aliases, title=title, jobs=_given(run["jobs"], "jobs"),
            min_quotes=min_quotes, compare=compare_names, frame_labels=labels, cue_classes=selection.cues,
            gender=gender_mode != "off", manifest=book,
        )  # fmt: skip
    for note in index.notes:
        click.echo(f"warning: {note}", err=True)
    for name in index.missing:
        click.echo(f"warning: --compare {name!r} matched no speaker", err=True)
    shown = display_name(str(target / "index.html"))
    click.echo(f"{index.speakers} speakers, {index.quotations} quotations: {shown}", err=True)
    finish(book, target / "manifest.json", written=True)


@contextlib.contextmanager
def _kept_when_nothing_read(book: Any, error: type[Exception]) -> Iterator[None]:
    """When no input could be read, print why (the manifest's messages) and fail, the previous
    report untouched."""
    try:
        yield
    except error as nothing:
        click.echo(f"quotes: {nothing}", err=True)
        finish(book, None)
        raise


@contextlib.contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill``) ends the report as Ctrl-C does, so its staging folder is removed and the
    previous report kept; only ``kill -9`` leaves the staging folder, for the next report to clear."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@output_options("table")
@filter_options
@gender_option
@run_options
def speakers(inputs: tuple[str, ...], fmt: str, output: str | None, gender_mode: str, **run: Any) -> None:
    """List the speakers quoted in INPUT files or folders, with counts.

    Speakers are identified as in `quotes report` (alias table, then a lone surname folded into
    the one full name of the corpus that ends with it), so the two always agree.

    \b
    Examples:
      quotes speakers examples/
      quotes speakers news.jsonl --format csv -o speakers.csv
      quotes speakers news.jsonl --cues speech
    """
    from quotes.io.manifest import Manifest
    from quotes.io.writers import write_rows
    from quotes.speakers.identity import count_speakers

    rules, options, selection = pipeline_options(run)
    book = Manifest()
    found = gendered(filtered(results(inputs, options, book), selection, rules.aliases), gender_mode)
    counts = count_speakers(found, rules.aliases)
    with output_stream(output) as out:
        write_rows((count.row(gender=gender_mode != "off") for count in counts), fmt, out)
    finish(book, None)


def _given(value: Any, name: str) -> Any:
    """``value`` when option ``name`` was given on the command line, else None (the command's own default)."""
    source = click.get_current_context().get_parameter_source(name)
    return value if source is click.core.ParameterSource.COMMANDLINE else None
