"""The `udocs` command line: parses options, calls the library, hands results to render.

Library modules and rich are imported inside the commands that use them, so `udocs --help`
and `udocs --version` stay as light as click itself.
"""

import sys

import click

from uyghur_docs import __version__
from uyghur_docs.cli.analyses import quotes, signers
from uyghur_docs.cli.corpus import add, remove
from uyghur_docs.cli.documents import docs, show
from uyghur_docs.cli.ends import MIN_OPEN_FILES, discard_output, open_files, output_errors
from uyghur_docs.cli.freshness import built_anew
from uyghur_docs.cli.notes import folded, searched, tell_cut, tell_elsewhere
from uyghur_docs.cli.options import (
    GLOBAL_OPTIONS,
    Settings,
    document_filters,
    global_options_first,
    output_format,
    output_options,
    quiet_option,
)
from uyghur_docs.cli.plots import plot
from uyghur_docs.cli.status import ExitStatus
from uyghur_docs.cli.types import ROLES, PassageCount, document_ids
from uyghur_docs.cli.where import status
from uyghur_docs.cli.words import QueryCommand
from uyghur_docs.errors import UdocsError

# Each worker holds a pool of postings of its own (up to about 130 MB) and all share one
# disk: more than this is a mistake, not a speed-up.
MAX_JOBS = 32


class UdocsGroup(click.Group):
    """The one place a library error becomes a message and an exit status, and where
    every command meets the end of its output: a reader that stops reading (`| head`) ends
    the command quietly with status 0, a full disk is a one-line error, Ctrl-C is 130.
    Global options are taken after the command too."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --version and --help print while the arguments are parsed.
        with output_errors():
            return super().parse_args(ctx, global_options_first(args, self.commands))

    def invoke(self, ctx: click.Context):
        from uyghur_docs.cli.errors import message

        try:
            with output_errors():
                try:
                    return super().invoke(ctx)
                finally:
                    # Output still buffered fails here, not after exit where none can word it.
                    sys.stdout.flush()
        except UdocsError as exc:
            raise click.ClickException(message(exc)) from exc
        except click.NoSuchOption as exc:
            if exc.option_name not in GLOBAL_OPTIONS:
                raise
            exc.message = (
                f"{exc.option_name} needs a value; it is a global option, written before"
                f" or after the command: udocs {exc.option_name} DIR COMMAND ..."
            )
            raise
        except KeyboardInterrupt:
            click.echo("udocs: interrupted", err=True)
            raise click.exceptions.Exit(ExitStatus.INTERRUPTED) from None


@click.group(cls=UdocsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    metavar="DIR",
    help="Corpus folder [env UDOCS_CORPUS; default: the bundled statements].",
)
@click.option(
    "--index",
    metavar="DIR",
    help="Index folder [env UDOCS_INDEX; default: beside the corpus, else the user cache].",
)
@click.option("--no-color", is_flag=True, help="No colour (also NO_COLOR=1 or TERM=dumb).")
@click.version_option(__version__, "--version", prog_name="udocs", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, corpus: str | None, index: str | None, no_color: bool):
    """Search civil society's statements on the 2022 OHCHR Xinjiang assessment.

    Every citation is `id ¶N`: a document id and a paragraph number from 1.
    """
    ctx.obj = Settings(corpus, index, no_color)


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Start from an empty index.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1, max=MAX_JOBS),
    metavar="N",
    help=f"Worker processes for a large run, at most {MAX_JOBS} (default: one per core, up to"
    " 4; 1: none).",
)
@quiet_option
@output_options(csv=False)
@click.pass_obj
def index_command(settings: Settings, rebuild: bool, jobs: int | None, as_json: bool):
    """Build or refresh the index (only new or changed files are read)."""
    import time

    out = settings.out
    started = time.perf_counter()
    try:
        with out.progress("indexing") as advance:
            report = settings.library.update(rebuild=rebuild, progress=advance, jobs=jobs)
    except KeyboardInterrupt:
        out.message("udocs index: interrupted; the index is as it was before this run")
        sys.exit(ExitStatus.INTERRUPTED)
    for warning in report.skipped:
        out.problem(f"skipped: {warning}", style="yellow")
    if report.set_aside:
        out.message(f"the damaged index folder was moved to {report.set_aside}")
    for line in built_anew(report):
        out.message(line)
    if as_json:
        out.json(report)
    out.message(
        f"indexed {settings.index}: {report.added} added, {report.updated} updated,"
        f" {report.removed} removed, {report.unchanged} unchanged, {len(report.skipped)}"
        f" skipped ({report.paragraphs} paragraphs) in {time.perf_counter() - started:.1f}s"
    )


@cli.command(cls=QueryCommand)
@click.argument("words", nargs=-1, required=True, metavar="QUERY...")
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--doc", "doc_id", metavar="ID", shell_complete=document_ids, help="Only this document."
)
@document_filters()
@click.option(
    "--signed-by",
    metavar="ORG",
    multiple=True,
    help="Only letters this organisation signed or issued (repeated: all of them).",
)
@click.option("--paragraph", is_flag=True, help="All words in one paragraph, not anywhere.")
@click.option("--exact", is_flag=True, help="Every word as written, not stemmed (as =word).")
@click.option(
    "--in",
    "within",
    type=click.Choice(list(ROLES)),
    default="prose",
    show_default=True,
    help="Search prose, signature lists, contact lines, page boilerplate, or all.",
)
@click.option(
    "--passages",
    type=PassageCount(),
    metavar="N|all",
    help="Matching paragraphs per document: N or all [default: 3; all with --doc].",
)
@click.option(
    "--sort",
    type=click.Choice(["score", "date"]),
    default="score",
    show_default=True,
    help="Documents best first, or by date (oldest first, undated last).",
)
@click.option("--reverse", is_flag=True, help="With --sort date: newest first.")
@click.option(
    "--ids",
    "-l",
    "ids_only",
    is_flag=True,
    help="Only the ids of the matching documents, one a line (all of them unless --limit).",
)
@click.option(
    "--context",
    "-C",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Show N paragraphs before and after each passage.",
)
@click.option("--count", "count_only", is_flag=True, help="Only count documents and paragraphs.")
@quiet_option
@click.option(
    "--copies",
    is_flag=True,
    help="List and count every copy of a statement (default: its canonical copy, once).",
)
@output_options()
@click.pass_obj
def search(
    settings: Settings,
    words,
    doc_id,
    signed_by,
    passages,
    count_only,
    ids_only,
    as_json,
    as_csv,
    **how,
):
    """Search the statements; hits are cited as `id ¶N`.

    A document matches when it has every word, in any paragraphs. QUERY also takes
    "a phrase", OR, NOT or -word (exclude), +word, =word (as written), title:word, wild*,
    fuzzy~ and (groups). Curly quotes make phrases too. A statement republished in several
    documents is one hit, its canonical copy, unless --copies.
    """
    from uyghur_docs.cli.freshness import describe
    from uyghur_docs.models import Filters, Matching

    out, query, fmt = settings.out, " ".join(words), output_format(as_json, as_csv)

    def tell(event) -> None:
        for line in describe(event):
            out.message(line)

    filters = Filters(doc_id, None, how["kinds"], how["since"], how["until"], ROLES[how["within"]])
    if how["reverse"] and how["sort"] != "date":
        raise click.UsageError("--reverse goes with --sort date")
    sort = "newest" if how["reverse"] else how["sort"]
    matching = Matching(how["paragraph"], how["exact"], sort)
    library = settings.library
    asked = {"signed_by": signed_by, "tell": tell, "copies": how["copies"]}
    if count_only:
        counted = library.count(query, filters, matching=matching, **asked)
        if fmt == "json":
            return out.json(counted)
        out.count(counted)
        if counted.copies:
            out.message(f"the copies of one statement count once{folded(counted.copies)}")
        tell_cut(out, counted.cut)
        return tell_elsewhere(out, counted.elsewhere, how["within"])
    per_doc = None if passages == "all" or (passages is None and doc_id) else passages or 3
    limit = how["limit"]
    if ids_only and _default(click.get_current_context(), "limit"):
        limit, per_doc = EVERY, 1
    result = library.search(
        query,
        filters,
        limit,
        per_doc=per_doc,
        matching=matching,
        context=how["context"],
        **asked,
    )
    if ids_only:
        out.lines(hit.id for hit in result.hits)
    elif fmt == "json":
        out.json(result)
    elif fmt == "csv":
        out.passages_csv(result)
    else:
        out.search(result)
    if not result.hits:
        hint = f"; did you mean: {result.suggestion}" if result.suggestion else ""
        where = searched(how["within"]) if result.elsewhere else ""
        out.message(f"no matches for {query!r}{where}{hint}")
    elif fmt == "text":
        shown = f"{len(result.hits)} of {result.total} matching documents shown"
        out.message(shown + folded(result.copies))
    tell_cut(out, result.cut)
    tell_elsewhere(out, result.elsewhere, how["within"])
    for gone in library.sources_gone(result):
        out.message(f"note: the source file of {gone} is gone; `udocs index` drops it")


# `search -l` lists every matching document unless --limit says otherwise.
EVERY = 1 << 31


def _default(ctx: click.Context, name: str) -> bool:
    return ctx.get_parameter_source(name) is click.core.ParameterSource.DEFAULT


for command in (docs, show, quotes, signers, plot, add, remove, status):
    cli.add_command(command)


def main() -> None:
    """The console-script entry point."""
    if sys.stdout is None:
        sys.stderr.write("udocs: standard output is closed; nothing to write to\n")
        sys.exit(ExitStatus.ERROR)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    allowed = open_files()
    if allowed < MIN_OPEN_FILES:
        sys.stderr.write(
            f"Error: udocs needs {MIN_OPEN_FILES} open files and `ulimit -n` allows {allowed};"
            " raise it and run again\n"
        )
        sys.exit(ExitStatus.ERROR)
    try:
        cli(prog_name="udocs")
    except BrokenPipeError:
        # A message written after the reader left, outside a command (click's own errors).
        discard_output(sys.stderr)
        sys.exit(ExitStatus.SUCCESS)
