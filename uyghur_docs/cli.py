"""The `udocs` command line: parses options, calls the library, hands results to render.

Library modules and rich are imported inside the commands that use them, so `udocs --help`
and `udocs --version` stay as light as click itself.
"""

import sys
from functools import cached_property
from pathlib import Path

import click

from . import __version__, config
from .errors import UdocsError
from .models import KINDS


class Settings:
    """The global options, resolved on first use."""

    def __init__(self, corpus_flag: str | None, index_flag: str | None, no_color: bool):
        self.corpus_flag = corpus_flag
        self.index_flag = index_flag
        self.no_color = no_color

    @cached_property
    def corpus(self) -> Path:
        return config.corpus_dir(self.corpus_flag)

    @cached_property
    def index(self) -> Path:
        return config.check_apart(config.index_dir(self.index_flag, self.corpus), self.corpus)

    @cached_property
    def out(self):
        from .render import Renderer

        return Renderer(no_color=self.no_color)


class UdocsGroup(click.Group):
    """Turns every UdocsError into one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UdocsError as exc:
            raise click.ClickException(str(exc)) from exc


def output_options(csv: bool = True):
    """--json (and --csv for flat listings), shared by every listing command."""

    def decorator(command):
        if csv:
            command = click.option("--csv", "as_csv", is_flag=True, help="Print CSV rows.")(command)
        return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)

    return decorator


def _warn_skipped(problem: str) -> None:
    click.echo(f"skipped: {problem}", err=True)


SIGNER_RECORDS = ("signatories", "issuers")


def _format(as_json: bool, as_csv: bool = False) -> str:
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "text"


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
    from .listing import DocumentRow, list_documents

    rows = list_documents(settings.corpus, settings.index, skip=_warn_skipped)
    columns = list(DocumentRow.__dataclass_fields__)
    fmt = _format(as_json, as_csv)
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
    from .corpus import get_document

    doc = get_document(settings.corpus, doc_id)
    if para is not None and para > len(doc.paragraphs):
        raise UdocsError(f"{doc.id} has {len(doc.paragraphs)} paragraphs; ¶{para} does not exist")
    numbers = [para] if para else range(1, len(doc.paragraphs) + 1)
    numbered = [(n, doc.paragraph(n)) for n in numbers]
    if as_json:
        meta = {k: v for k, v in vars(doc).items() if k != "paragraphs"}
        settings.out.json(
            {**meta, "paragraphs": [{"paragraph": n, "text": t} for n, t in numbered]}
        )
    else:
        settings.out.paragraphs(
            f"{doc.id} ({doc.date or 'undated'}, {doc.kind}): {doc.title}", numbered
        )


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Start from an empty index.")
@output_options(csv=False)
@click.pass_obj
def index_command(settings: Settings, rebuild: bool, as_json: bool):
    """Build or refresh the index (only new or changed files are read)."""
    import time

    from .index import update

    out = settings.out
    started = time.perf_counter()
    try:
        with out.progress("indexing") as advance:
            report = update(settings.corpus, settings.index, rebuild=rebuild, progress=advance)
    except KeyboardInterrupt:
        out.message("udocs index: interrupted; the index is as it was before this run")
        sys.exit(130)
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
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Only this kind (repeatable).")
@click.option("--since", metavar="DATE", help="Only documents dated on or after DATE.")
@click.option("--until", metavar="DATE", help="Only documents dated on or before DATE.")
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
    from . import search as s
    from .errors import IndexDamaged
    from .index import Filters, update

    s.check_query(query)
    out = settings.out
    s.ensure_current(settings.corpus, settings.index, out.message)
    filters = Filters(
        doc=doc_id,
        among=_letters_of(settings, signed_by) if signed_by else None,
        kinds=s.check_kinds(kinds),
        since=s.date_bound(since, "--since"),
        until=s.date_bound(until, "--until"),
    )
    try:
        result = s.search(settings.index, query, filters, limit=limit)
    except IndexDamaged:
        out.message(f"the index in {settings.index} is damaged; rebuilding it from the corpus")
        update(settings.corpus, settings.index, rebuild=True)
        result = s.search(settings.index, query, filters, limit=limit)
    if as_json:
        out.json(result)
    else:
        out.search(result)
    if not result.hits:
        hint = f"; did you mean: {result.suggestion}" if result.suggestion else ""
        out.message(f"no matches for {query!r}{hint}")
    elif not as_json:
        out.message(f"{len(result.hits)} of {result.total} matching documents shown")
    for doc_id in s.sources_gone(settings.index, result):
        out.message(f"note: the source file of {doc_id} is gone; `udocs index` drops it")


@cli.command()
@click.argument("keyword", required=False)
@click.option("--doc", "doc_id", metavar="ID", help="Only groups this document quotes.")
@click.option(
    "--min-docs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only words quoted by at least N documents.",
)
@click.option("--all", "include_all", is_flag=True, help="Quotations of every speaker, labelled.")
@click.option(
    "--against",
    metavar="REPORT.txt",
    help="Check each quotation against the report's text: verbatim, altered or not found.",
)
@output_options()
@click.pass_obj
def quotes(settings: Settings, keyword, doc_id, min_docs, include_all, against, as_json, as_csv):
    """What the statements quote from the OHCHR report, grouped, with citations.

    KEYWORD keeps the quotations whose words include it (folded like search). The same
    words quoted by several statements form one group, cited `id ¶N (date)` by date.
    """
    from .analysis import analysed_documents
    from .quote_groups import quote_report

    fmt = _format(as_json, as_csv)
    entries = [
        e
        for e, _ in analysed_documents(
            settings.corpus, settings.index, _warn_skipped, analyses=("quotes",)
        )
    ]
    report = quote_report(
        entries,
        keyword=keyword,
        doc_id=doc_id,
        min_docs=min_docs,
        include_all=include_all,
        extracted={e.id: e.quotes for e in entries},
    )
    if against:
        from .verify import verify_report

        report = verify_report(_read_text(against), report)
        rows = report.results
        columns = ["status", "paragraph", "text", "diff", "ids"]
    else:
        rows = [
            {"text": g.text, "attributed_to": g.attributed_to, "cue": g.cue, **vars(c)}
            for g in report.quotes
            for c in g.citations
        ]
        columns = ["text", "attributed_to", "cue", "id", "title", "date", "paragraph", "as_written"]
    if fmt == "json":
        settings.out.json(report)
    elif fmt == "csv":
        settings.out.csv(rows, columns)
    elif against:
        settings.out.table(rows, columns)
    else:
        settings.out.quotes(report)
    if not rows:
        settings.out.message("no quotations match")


@cli.command()
@click.option(
    "--org",
    "orgs",
    multiple=True,
    metavar="NAME",
    help="An organisation (full name, acronym or alias, any case); repeat for letters all signed.",
)
@click.option("--doc", "doc_id", metavar="ID", help="Who signed and issued this document.")
@click.option("--pairs", is_flag=True, help="Organisations that signed together most often.")
@click.option(
    "--limit",
    "-n",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Pairs to show with --pairs.",
)
@output_options()
@click.pass_obj
def signers(settings: Settings, orgs, doc_id, pairs, limit, as_json, as_csv):
    """Who signed or issued which letter, one name per organisation.

    With no option: every organisation and its number of letters, most first.
    """
    from . import signer_reports as reports
    from .analysis import analysed_documents, signer_records
    from .orgs import build_index, load_aliases

    if sum(map(bool, (orgs, doc_id, pairs and not orgs))) > 1:
        raise click.UsageError(
            "choose one of --org, --doc and --pairs (--pairs may take one --org)"
        )
    fmt = _format(as_json, as_csv)
    entries = [
        e
        for e, _ in analysed_documents(
            settings.corpus, settings.index, _warn_skipped, analyses=SIGNER_RECORDS
        )
    ]
    index = build_index(signer_records(entries), load_aliases(settings.corpus))
    if pairs:
        report = reports.cosigning_report(index, limit=limit, org=orgs[0] if orgs else None)
        rows, columns = report.pairs, ["first", "second", "count", "letters"]
    elif doc_id:
        report = reports.document_report(index, doc_id)
        rows = [{"role": "signatory", **vars(s)} for s in report.signatories] + [
            {"role": "issuer", "kind": "organisation", **vars(i)} for i in report.issuers
        ]
        columns = ["role", "kind", "name", "as_written", "paragraph"]
    elif len(orgs) > 1:
        report = reports.shared_report(index, orgs)
        rows = [
            {**vars(letter), "roles": [f"{r.name}: {r.role}" for r in letter.roles]}
            for letter in report.letters
        ]
        columns = ["id", "date", "title", "roles"]
    elif orgs:
        report = reports.organisation_report(index, orgs[0])
        rows, columns = report.letters, ["id", "date", "role", "as_written", "title"]
    else:
        report = reports.organisations_report(index)
        rows = [
            {"name": o.name, "letters": len({le.id for le in o.letters}), "aliases": o.aliases}
            for o in report.organisations
        ]
        columns = ["name", "letters", "aliases"]
    if fmt == "json":
        settings.out.json(report)
    elif fmt == "csv":
        settings.out.csv(rows, columns)
    else:
        settings.out.table(rows, columns)
    if not rows:
        settings.out.message("no signatories or issuers found")


def _letters_of(settings: Settings, org: str) -> tuple[str, ...]:
    """The ids of the documents an organisation signed or issued."""
    from .analysis import analysed_documents, signer_records
    from .orgs import build_index, load_aliases

    entries = [
        e for e, _ in analysed_documents(settings.corpus, settings.index, analyses=SIGNER_RECORDS)
    ]
    index = build_index(signer_records(entries), load_aliases(settings.corpus))
    return tuple(dict.fromkeys(letter.id for letter in index.letters(index.key_of(org))))


def _read_text(path: str) -> str:
    from .corpus import decode

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UdocsError(f"cannot read {path}: {exc.strerror}") from exc
    return decode(data, path)


def _date_option(ctx, param, value):
    from .dates import parse_date

    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date; try 2022-09-12 or 2022-09")
    return parsed


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--id", "doc_id", metavar="ID", help="Use this id instead of a generated one.")
@click.option("--title", help="The title, whatever the text says.")
@click.option("--date", metavar="DATE", callback=_date_option, help="The date (YYYY-MM[-DD]).")
@click.option("--kind", type=click.Choice(KINDS), help="The kind of statement.")
@click.option("--dry-run", is_flag=True, help="Say what would be added; change nothing.")
@output_options(csv=False)
@click.pass_obj
def add(settings: Settings, paths, doc_id, title, date, kind, dry_run: bool, as_json: bool):
    """Add .txt, .md, .html, .pdf and .docx files (or folders of them) to the corpus.

    Each good file is added whole and indexed at once; each refused one is reported, and
    then udocs exits 1.
    """
    from .ingest import AddOptions
    from .ingest import add as add_files

    options = AddOptions(id=doc_id, title=title, date=date, kind=kind)
    report = add_files(
        settings.corpus, list(paths), options, index_dir=settings.index, dry_run=dry_run
    )
    out = settings.out
    if as_json:
        out.json(report)
    verb = "would add" if dry_run else "added"
    for added in report.added:
        fields = {k: v for k, v in vars(added).items() if k != "id"}
        out.message(f"{verb} {added.id}", style="bold")
        for name, value in fields.items():
            out.message(f"  {name}: {'undated' if value is None else value}")
    for refused in report.refused:
        out.message(f"Error: {refused.error}", style="red")
    if report.refused:
        if report.added:
            out.message(f"{verb} {len(report.added)}; refused {len(report.refused)} (above)")
        sys.exit(1)


@cli.command()
@click.argument("doc_id", metavar="ID")
@output_options(csv=False)
@click.pass_obj
def remove(settings: Settings, doc_id: str, as_json: bool):
    """Take a document out of the corpus and the index."""
    from .ingest import remove as remove_document

    removed = remove_document(settings.corpus, doc_id, index_dir=settings.index)
    if as_json:
        settings.out.json(removed)
    settings.out.message(f"removed {removed.id}: {removed.title}")


def main() -> None:
    """The console-script entry point."""
    if sys.stdout is None:
        sys.stderr.write("udocs: standard output is closed; nothing to write to\n")
        sys.exit(1)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    cli(prog_name="udocs")
