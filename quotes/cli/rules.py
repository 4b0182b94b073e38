"""``quotes score`` and ``quotes rules``: the commands that need the rules alone, not the
language model: score texts with the tone and frame lexicons, and validate a rules folder."""

from __future__ import annotations

import click

from quotes.cli.common import check_rules, finish, output_options, output_stream


@click.command()
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
    from quotes.io.manifest import Manifest
    from quotes.io.readers import read_texts
    from quotes.io.serialize import score_row, score_to_dict
    from quotes.io.writers import write_rows
    from quotes.scoring.scorer import score_text

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


@click.group()
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
    from quotes.pipeline.rules import load_rules
    from quotes.rules.ruleset import rule_files
    from quotes.rules.yamlfile import RuleError

    try:
        loaded = load_rules(directory)
    except RuleError as error:  # the finding is the output here, not a failure of the command
        click.echo(str(error), err=True)
        ctx.exit(1)
    files = rule_files(loaded.directory)
    click.echo(f"{loaded.directory}: {len(files)} rule files OK (fingerprint {loaded.fingerprint})")
