"""What every udocs command shares: the resolved global options and the output options."""

from functools import cached_property
from pathlib import Path

import click

from uyghur_docs.cli import paths as config
from uyghur_docs.cli.types import KIND, DateBound
from uyghur_docs.render.printable import printable


class Settings:
    """The global options, resolved on first use."""

    def __init__(self, corpus_flag: str | None, index_flag: str | None, no_color: bool):
        self.corpus_flag = corpus_flag
        self.index_flag = index_flag
        self.no_color = no_color
        self.quiet = False

    @cached_property
    def corpus(self) -> Path:
        return config.corpus_dir(self.corpus_flag)

    @cached_property
    def index(self) -> Path:
        return config.check_apart(config.index_dir(self.index_flag, self.corpus), self.corpus)

    @cached_property
    def library(self):
        from uyghur_docs.service import Library

        return Library(self.corpus, self.index)

    @cached_property
    def out(self):
        from uyghur_docs.render.output import Renderer

        return Renderer(no_color=self.no_color, quiet=self.quiet)


# The group's options, and whether each takes a value.
GLOBAL_OPTIONS = {"--corpus": True, "--index": True, "--no-color": False}


def global_options_first(args: list[str], commands) -> list[str]:
    """The command line with global options written after the command (`udocs search x
    --corpus D`) moved before it, where click looks for them; `--` ends the search."""
    args = list(args)
    at = _command_at(args, commands)
    if at is None:
        return args
    moved, kept, rest = [], [], iter(args[at + 1 :])
    for token in rest:
        if token == "--":
            kept.extend([token, *rest])
            break
        name = token.split("=", 1)[0]
        if name not in GLOBAL_OPTIONS:
            kept.append(token)
            continue
        if not GLOBAL_OPTIONS[name] or "=" in token:
            moved.append(token)
            continue
        value = next(rest, None)
        if value is None or value.startswith("-"):
            # No value to move with it: left where it is, for click to report.
            kept.extend(t for t in (token, value) if t is not None)
        else:
            moved.extend((token, value))
    return [*args[:at], *moved, args[at], *kept]


def _command_at(args: list[str], commands) -> int | None:
    """Where the command is: the first word that names one and is no option's value."""
    value_next = False
    for at, token in enumerate(args):
        if not value_next and token in commands:
            return at
        value_next = GLOBAL_OPTIONS.get(token, False)
    return None


def output_options(csv: bool = True):
    """--json (and --csv for flat listings), shared by every listing command."""

    def decorator(command):
        if csv:
            command = click.option("--csv", "as_csv", is_flag=True, help="Print CSV rows.")(command)
        return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)

    return decorator


def document_filters(
    kind: str = "Only this kind (repeatable).",
    since: str = "Only documents dated on or after DATE.",
    until: str = "Only documents dated on or before DATE.",
):
    """--kind (repeatable), --since and --until, shared by every command that narrows the
    documents; each command may word their help."""

    def decorator(command):
        command = click.option("--until", type=DateBound(), help=until)(command)
        command = click.option("--since", type=DateBound(), help=since)(command)
        return click.option("--kind", "kinds", multiple=True, type=KIND, help=kind)(command)

    return decorator


def quiet_option(command):
    """--quiet (-q): no progress bar and no messages on stderr; errors are still told."""
    return click.option(
        "--quiet",
        "-q",
        is_flag=True,
        expose_value=False,
        callback=_set_quiet,
        help="No progress or messages; errors still go to stderr.",
    )(command)


def _set_quiet(ctx: click.Context, param, value: bool) -> None:
    if value:
        ctx.find_object(Settings).quiet = True


def warn_skipped(problem: str) -> None:
    click.echo(printable(f"skipped: {problem}"), err=True)


def output_format(as_json: bool, as_csv: bool = False) -> str:
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "text"


def print_listing(settings: Settings, fmt: str, result, rows: list, columns: list[str]) -> None:
    """A listing in the format asked for: the result as JSON, its rows as CSV or a table."""
    if fmt == "json":
        settings.out.json(result)
    elif fmt == "csv":
        settings.out.csv(rows, columns)
    else:
        settings.out.table(rows, columns)
