"""The `udocs` command line: parses options, calls the library, hands results to render.

Library modules and rich are imported inside the commands that use them, so `udocs --help`
and `udocs --version` stay as light as click itself.
"""

import sys

import click

from uyghur_docs import __version__
from uyghur_docs.cli.analyses import quotes, signers
from uyghur_docs.cli.corpus import add, remove
from uyghur_docs.cli.options import Settings, output_format, output_options, warn_skipped
from uyghur_docs.cli.status import ExitStatus
from uyghur_docs.cli.types import KIND, DateBound
from uyghur_docs.errors import UdocsError


class UdocsGroup(click.Group):
    """The one place a library error becomes a message and an exit status."""

    def invoke(self, ctx: click.Context):
        from uyghur_docs.cli.errors import message

        try:
            return super().invoke(ctx)
        except UdocsError as exc:
            raise click.ClickException(message(exc)) from exc


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


@cli.command()
@output_options()
@click.pass_obj
def docs(settings: Settings, as_json: bool, as_csv: bool):
    """List the documents: id, date, kind, title, counts, source format, index status.

    The index column says whether the search index holds the document as it is now
    ("current"), an older version of it ("stale") or not at all ("missing").
    """
    from uyghur_docs.store.listing import DocumentRow

    rows = settings.library.documents(skip=warn_skipped)
    columns = list(DocumentRow.__dataclass_fields__)
    fmt = output_format(as_json, as_csv)
    if fmt == "json":
        settings.out.json({"documents": rows})
    elif fmt == "csv":
        settings.out.csv(rows, columns)
    else:
        settings.out.table(rows, columns)


@cli.command()
@click.argument("doc_id", metavar="ID")
@click.option("--para", "-p", type=click.IntRange(min=1), metavar="N", help="Only paragraph N.")
@output_options(csv=False)
@click.pass_obj
def show(settings: Settings, doc_id: str, para: int | None, as_json: bool):
    """Show a document's text with its paragraph numbers."""
    doc = settings.library.text(doc_id, para)
    if as_json:
        settings.out.json(doc)
    else:
        settings.out.paragraphs(
            f"{doc.id} ({doc.date or 'undated'}, {doc.kind}): {doc.title}",
            [(p.paragraph, p.text) for p in doc.paragraphs],
        )


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Start from an empty index.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes for a large run (default: one per core, up to 4; 1: none).",
)
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
        out.message(f"skipped: {warning}", style="yellow")
    if as_json:
        out.json(report)
    out.message(
        f"indexed {settings.index}: {report.added} added, {report.updated} updated,"
        f" {report.removed} removed, {report.unchanged} unchanged, {len(report.skipped)}"
        f" skipped ({report.paragraphs} paragraphs) in {time.perf_counter() - started:.1f}s"
    )


@cli.command()
@click.argument("query")
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--doc", "doc_id", metavar="ID", help="Only this document.")
@click.option("--kind", "kinds", multiple=True, type=KIND, help="Only this kind (repeatable).")
@click.option("--since", type=DateBound(), help="Only documents dated on or after DATE.")
@click.option("--until", type=DateBound(), help="Only documents dated on or before DATE.")
@click.option("--signed-by", metavar="ORG", help="Only letters this organisation signed or issued.")
@output_options(csv=False)
@click.pass_obj
def search(
    settings: Settings, query: str, limit: int, doc_id, kinds, since, until, signed_by, as_json
):
    """Search the statements; hits are cited as `id ¶N`.

    QUERY uses whoosh syntax: words (all must match), OR, NOT, "a phrase", title:word,
    wild*, fuzzy~ . Curly quotes make phrases too.
    """
    from uyghur_docs.cli.freshness import describe
    from uyghur_docs.models import Filters

    out = settings.out

    def tell(event) -> None:
        for line in describe(event):
            out.message(line)

    filters = Filters(doc=doc_id, kinds=kinds, since=since, until=until)
    result = settings.library.search(query, filters, limit=limit, signed_by=signed_by, tell=tell)
    if as_json:
        out.json(result)
    else:
        out.search(result)
    if not result.hits:
        hint = f"; did you mean: {result.suggestion}" if result.suggestion else ""
        out.message(f"no matches for {query!r}{hint}")
    elif not as_json:
        out.message(f"{len(result.hits)} of {result.total} matching documents shown")
    for doc_id in settings.library.sources_gone(result):
        out.message(f"note: the source file of {doc_id} is gone; `udocs index` drops it")


for command in (quotes, signers, add, remove):
    cli.add_command(command)


def main() -> None:
    """The console-script entry point."""
    if sys.stdout is None:
        sys.stderr.write("udocs: standard output is closed; nothing to write to\n")
        sys.exit(ExitStatus.ERROR)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    cli(prog_name="udocs")
