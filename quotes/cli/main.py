"""The ``quotes`` command line: a thin click layer over the library.

Every command reads its inputs through :mod:`quotes.io.readers`, accounts for each input in a
:class:`~quotes.io.manifest.Manifest`, and turns library errors into one clear line (``--debug``
shows the traceback). This module is the entry point and the group; the commands are in
:mod:`quotes.cli.extract` (extract, eval), :mod:`quotes.cli.report` (report, speakers) and
:mod:`quotes.cli.rules` (score, rules check), their shared options and helpers in
:mod:`quotes.cli.common`.
"""

from __future__ import annotations

import sys

import click

from quotes.cli.common import QuotesGroup
from quotes.cli.extract import eval_command, extract
from quotes.cli.report import report, speakers
from quotes.cli.rules import rules, score
from quotes.io.cache import package_version


@click.group(cls=QuotesGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_version(), prog_name="quotes")
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
