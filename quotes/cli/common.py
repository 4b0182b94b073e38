"""The machinery the ``quotes`` commands share: the error boundary, the common options, where
output goes, progress on stderr and the closing account of the inputs."""

from __future__ import annotations

import contextlib
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from quotes.records.errors import QuotesError

FORMATS = ("jsonl", "csv", "table")  # quotes.io.writers.FORMATS, kept here so --help needs no import


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

    A library error (:class:`~quotes.records.errors.QuotesError`) or a file the system refuses
    (``OSError``) is the expected path: one line, exit 1. Anything else is a bug in quotescope and
    says so. ``--debug`` shows the traceback instead."""

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings():
            warnings.showwarning = _one_line_warning
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
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


def _one_line_warning(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
    """Show a warning (a cache set aside, say) as ``warning: message`` on one line of stderr, not
    as Python's two lines with the source line that raised it."""
    from quotes.io.files import display_name

    click.echo(f"warning: {display_name(' '.join(str(message).split()))}", err=True)


def output_options(default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` and ``-o/--output``: the options of every command that prints rows."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, allow_dash=True),
            help="Write here instead of stdout (the file appears only when the command has finished "
            "and read some input; an unwritable target fails at the start).",
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
def output_stream(output: str | None, keep: Callable[[], bool] = lambda: True) -> Iterator[TextIO]:
    """Stdout, or a file that takes the place of ``output`` when the block succeeds and ``keep()``
    says so (an extract whose every input failed writes none). The file is made beside ``output``
    before the block runs, so an unwritable target fails at once, and is written as rows come."""
    if not output or output == "-":
        yield sys.stdout
        return
    if writes_in_place(output):  # /dev/null, a pipe: no temporary file beside it
        with open(output, "w", encoding="utf-8") as stream:
            yield stream
        return
    from quotes.io.files import AtomicFile

    with AtomicFile(Path(output), newline="") as target:
        yield target.stream
        if keep():
            target.commit()


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


def run_options_from(
    rules_dir: str | None,
    model: str | None,
    jobs: int,
    no_cache: bool,
    cache_path: str | None,
    dask_scheduler: str | None,
) -> Any:
    from quotes.execution.options import RunOptions

    return RunOptions(
        model=model,
        rules_dir=rules_dir,
        jobs=jobs,
        use_cache=not no_cache,
        cache_path=Path(cache_path) if cache_path else None,
        dask_scheduler=dask_scheduler,
    )


def check_rules(rules_dir: str | None) -> Any:
    """Read and validate the rule files before any work starts, so a bad rule file fails fast.

    Their check against the attribution code (which loads spaCy) comes when the pipeline first
    runs: a fully cached run and ``quotes score`` never load spaCy, and ``--jobs`` workers start
    while this process reads on."""
    from quotes.execution.analyzers import shared_rules

    return shared_rules(rules_dir, against_code=False)


def pipeline_options(run: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The rules (checked first), the :class:`RunOptions` and the :class:`ResultFilter` of the options
    of a command that runs the pipeline over filtered inputs (``run_options`` and ``filter_options``)."""
    rules = check_rules(run["rules_dir"])
    run, selection = split_filters(run)
    return rules, run_options_from(**run), selection


def progress_stream(results: Iterator[Any], label: str) -> Iterator[Any]:
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


def results(inputs: Sequence[str], options: Any, manifest: Any, own: Sequence[Path] = ()) -> Iterator[Any]:
    """The results of every article of ``inputs``, failures recorded in ``manifest``; ``own`` are
    the run's outputs, never read as input (nor is the cache)."""
    from quotes.execution.runner import run_articles
    from quotes.io.readers import read_inputs

    articles = read_inputs(inputs, manifest, exclude=own_files(options, own))
    yield from _accounted(progress_stream(run_articles(articles, options), "articles"), manifest)


def own_files(options: Any, outputs: Sequence[Path | str | None]) -> list[Path]:
    """What a run writes and must never read as input: its ``outputs`` and the result cache (with
    SQLite's companion files)."""
    from quotes.io.cache import default_cache_path

    found = [Path(path) for path in outputs if path and path != "-"]
    if options.use_cache:
        cache = options.cache_path or default_cache_path()
        found += [Path(f"{cache}{suffix}") for suffix in ("", "-wal", "-shm")]
    return found


def _accounted(results: Iterator[Any], manifest: Any) -> Iterator[Any]:
    """``results``, each failed article recorded in ``manifest`` as it passes."""
    for result in results:
        if result.error:
            manifest.article_failed(result.article.source or "-", result.article.id, result.error)
        yield result


def finish(manifest: Any, manifest_path: Path | None, *, written: bool = False) -> None:
    """Write the manifest (unless ``written`` already, as a report does), print every problem on
    stderr, exit non-zero if any input failed."""
    if manifest_path is not None and not written:
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


GENDER_MODES = ("all", "text", "off")


def gender_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--gender all|text|off``: what the speakers' gender rests on (extract, report, speakers)."""
    return click.option(
        "--gender", "gender_mode", type=click.Choice(GENDER_MODES), default="all", show_default=True,
        help="Speaker gender: 'all' (the article's own words, then a declaration in speakers.yaml, then a "
             "first name one sex holds), 'text' (the article's words and declarations only), 'off' (no "
             "gender in any output).",
    )(command)  # fmt: skip


def gendered(results: Iterator[Any], mode: str) -> Iterator[Any]:
    """``results`` with each quotation's gender as ``--gender`` ``mode`` shows it."""
    from dataclasses import replace

    from quotes.speakers.gender import with_mode

    for result in results:
        yield result if mode == "all" else replace(
            result, quotations=tuple(with_mode(q, mode) for q in result.quotations)
        )


FILTER_KEYS = ("speaker_filter", "since", "until", "outlet_filter", "cues")


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that pick speakers, dates, outlets and cue classes (report, speakers, extract)."""
    decorators = [
        click.option("--speaker", "speaker_filter", multiple=True, metavar="NAME",
                     help="Only this speaker's quotations (repeatable; aliases apply)."),
        click.option("--since", metavar="YYYY-MM-DD", help="Only articles dated on or after this day."),
        click.option("--until", metavar="YYYY-MM-DD", help="Only articles dated on or before this day."),
        click.option("--outlet", "outlet_filter", multiple=True, metavar="NAME",
                     help="Only articles from this outlet (repeatable)."),
        click.option("--cues", default="all", show_default=True, metavar="CLASSES",
                     help="Which quotations count, by the class of their cue: 'all', or a comma-separated "
                          "list of speech (said), cognition (believes, thinks), evidence (according to, "
                          "showed), e.g. speech or speech,evidence. Quotations without a cue count as "
                          "speech; a negated report ('has not said') counts under no class."),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def split_filters(run: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """``run`` without the filter options, and the :class:`ResultFilter` they describe."""
    from quotes.report.filters import ResultFilter, parse_cues

    selection = ResultFilter(
        tuple(run.get("speaker_filter", ())),
        run.get("since"),
        run.get("until"),
        tuple(run.get("outlet_filter", ())),
        parse_cues(run.get("cues")),
    )
    return {k: v for k, v in run.items() if k not in FILTER_KEYS}, selection


def filtered(results: Iterator[Any], selection: Any, aliases: Any) -> Iterator[Any]:
    """``results`` through the --speaker/--since/--until/--outlet/--cues filters."""
    from quotes.report.filters import filter_results

    return filter_results(results, selection, aliases)


def writes_in_place(output: str | None) -> bool:
    """True for an existing path that is not a regular file (``/dev/null``, a pipe): written
    directly, with no temporary file beside it and no manifest."""
    if not output or output == "-":
        return False
    path = Path(output)
    return path.exists() and not path.is_file()


def report_inputs(inputs: Sequence[str], manifest: Any, exclude: Sequence[Path] = ()) -> list[str]:
    """The input paths, without ``exclude`` (the report's own folder and the cache; what is
    skipped is recorded in ``manifest``); an InputError before anything is written for a missing
    path or no input."""
    from quotes.io.fetch import is_url
    from quotes.io.files import display_name
    from quotes.io.formats import suffix_list
    from quotes.io.readers import discover
    from quotes.records.errors import InputError

    for given in inputs:
        if given != "-" and not is_url(given) and not Path(given).exists():
            raise InputError("no such file or folder", path=display_name(given))
    paths = list(discover(inputs, manifest, exclude=exclude))
    if not paths:
        raise InputError(f"no input files found in {', '.join(inputs)} (looked for {suffix_list()})")
    return paths


def report_results(paths: list[str], options: Any, manifest: Any) -> Iterator[Any]:
    """Results of ``paths`` with a progress line (total, percentage, time left) on a terminal."""
    from quotes.execution.runner import run_articles
    from quotes.io.readers import read_input
    from quotes.report.progress import Progress, count_articles

    def articles() -> Iterator[Any]:
        for path in paths:
            yield from read_input(path, manifest)

    progress = Progress("reading and analysing", count_articles(paths))
    yield from _accounted(progress.wrap(run_articles(articles(), options)), manifest)
