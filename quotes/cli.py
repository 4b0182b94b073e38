"""The ``quotes`` command line: a thin click layer over the library.

Every command reads its inputs through :mod:`quotes.readers`, accounts for each input in a
:class:`~quotes.manifest.Manifest`, and turns library errors into one clear line (``--debug``
shows the traceback). This module is the entry point and the group; the commands are in
:mod:`quotes.cli_extract` (extract, eval), :mod:`quotes.cli_report` (report, speakers) and
:mod:`quotes.cli_rules` (score, rules check), their shared options and helpers in
:mod:`quotes.cliutil`.
"""

from __future__ import annotations

import sys

import click

from quotes import __version__
from quotes.cli_extract import eval_command, extract
from quotes.cli_report import report, speakers
from quotes.cli_rules import rules, score
from quotes.cliutil import QuotesGroup


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


for command in (extract, report, speakers, score, eval_command, rules):
    cli.add_command(command)


def main() -> None:
    """Entry point of the ``quotes`` console script."""
    try:
        cli(obj={})
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        sys.exit(0)
