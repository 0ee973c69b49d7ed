"""`udocs add` and `udocs remove`: growing and shrinking the corpus."""

import shlex
import sys
from pathlib import Path

import click

from uyghur_docs.cli.analyses import unread_signatures
from uyghur_docs.cli.freshness import built_anew
from uyghur_docs.cli.options import Settings, output_options, quiet_option
from uyghur_docs.cli.status import ExitStatus
from uyghur_docs.cli.types import KIND, DocumentDate, WebUrl, document_ids
from uyghur_docs.errors import AddInterrupted
from uyghur_docs.render.printable import printable


def unsealed_told(out):
    """What `add` and `remove` say of indexing: only that an index not sealed for the user
    was built anew, not read."""

    def tell(event) -> None:
        for line in built_anew(event.result):
            out.message(line)

    return tell


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--id", "doc_id", metavar="ID", help="Use this id instead of a generated one.")
@click.option("--title", help="The title, whatever the text says.")
@click.option("--date", type=DocumentDate(), help="The date (YYYY-MM[-DD]).")
@click.option("--kind", type=KIND, help="The kind of statement.")
@click.option(
    "--encoding",
    metavar="NAME",
    help="The text encoding of the files (e.g. cp1252); detected if not given.",
)
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    metavar="MB",
    help="Refuse files larger than this [default: 16 MB for .txt, .md, .html; 64 for .pdf, .docx].",
)
@click.option(
    "--url", type=WebUrl(), help="Where it was published (default: the page's canonical link)."
)
@click.option(
    "--replace",
    is_flag=True,
    help="A newer version of a document: the one with this --id, source URL, or title and"
    " date is replaced, keeping its id.",
)
@click.option("--dry-run", is_flag=True, help="Say what would be added; change nothing.")
@quiet_option
@output_options(csv=False)
@click.pass_obj
def add(
    settings: Settings,
    paths,
    doc_id,
    title,
    date,
    kind,
    encoding,
    max_size,
    url,
    replace: bool,
    dry_run: bool,
    as_json: bool,
):
    """Add .txt, .md, .html, .pdf and .docx files (or folders of them) to the corpus.

    Each document is printed as it lands (id, kind, title, file: tab-separated) and
    indexed at the end; each refused file is reported, and then udocs exits 1.
    """
    from uyghur_docs.corpus.bounded import Limits
    from uyghur_docs.corpus.ingest import AddOptions

    limits = Limits(file_mb=max_size)
    options = AddOptions(doc_id, title, date, kind, encoding, limits, url, replace)
    out = settings.out
    new = not settings.corpus.exists()
    landed = None if as_json or out.quiet else _print_landed(out)
    try:
        with out.progress("adding") as advance:
            report = settings.library.add(
                paths,
                options,
                dry_run=dry_run,
                tell=unsealed_told(out),
                progress=advance,
                landed=landed,
            )
    except AddInterrupted as exc:
        _interrupted(out, paths, exc.added)
        sys.exit(ExitStatus.INTERRUPTED)
    if new and not dry_run:
        out.message(f"made the corpus folder {settings.corpus}")
    if as_json:
        out.json(report)
    _tell_added(settings, paths, report)
    if report.refused:
        sys.exit(ExitStatus.ERROR)


def _tell_added(settings: Settings, paths, report) -> None:
    """On stderr: what was decided for each file named, the warnings and refusals, and
    a folder's summary."""
    out, dry_run = settings.out, report.dry_run
    verb = "would add" if dry_run else "added"
    folders = any(Path(path).is_dir() for path in paths)
    for added in report.added:
        if not folders:
            _details(out, verb, added)
        if not dry_run:
            unread_signatures(settings, added.id)
    for skipped in report.skipped:
        out.problem(f"skipped: {skipped}", style="yellow")
    _tell_unindexed(settings, report.indexed)
    for refused in report.refused:
        out.problem(f"Error: {refused.error}{_replacing(refused)}", style="red")
    if folders:
        out.message(_summary(verb, report))
    elif report.refused and report.added:
        out.message(f"{verb} {len(report.added)}; refused {len(report.refused)} (above)")


def _replacing(refused) -> str:
    if refused.version_of is None:
        return ""
    return f"; add it with --replace to replace {refused.version_of}, keeping its id"


def _print_landed(out):
    """One line on stdout for each document as it lands: id, kind, title, file."""

    def landed(added) -> None:
        fields = (added.id, added.kind, added.title, added.source)
        out.lines(["\t".join(map(printable, fields))])
        sys.stdout.flush()

    return landed


def _details(out, verb: str, added) -> None:
    """What was decided for a file named on the command line, on stderr, to correct it by."""
    fields = {k: v for k, v in vars(added).items() if k != "id" and (v is not None or k == "date")}
    replaced = "would replace" if verb == "would add" else "replaced"
    out.message(f"{replaced if added.replaced else verb} {added.id}", style="bold")
    for name, value in fields.items():
        out.message(f"  {name}: {'undated' if value is None else value}")


def _interrupted(out, paths, added) -> None:
    """What Ctrl-C left in the corpus, and what to run for the rest."""
    again = " ".join(shlex.quote(str(path)) for path in paths)
    out.message(f"udocs: interrupted; {len(added)} added before it", style="bold")
    for document in added:
        out.message(f"added {document.id}")
    out.message(
        f"run `udocs add {again}` again to add the rest (what is in the corpus is skipped);"
        " the next search or `udocs index` indexes what was added"
    )


def _summary(verb: str, report) -> str:
    """`added 42, refused 1, 3 already in the corpus, skipped 26 unsupported: 23 .json, ...`"""
    parts = [f"{verb} {len(report.added)}", f"refused {len(report.refused)}"]
    if report.present:
        parts.append(f"{len(report.present)} already in the corpus")
    if report.unsupported:
        each = ", ".join(f"{count} {suffix}" for suffix, count in report.unsupported)
        parts.append(f"skipped {sum(c for _, c in report.unsupported)} unsupported: {each}")
    return ", ".join(parts)


@click.command()
@click.argument("doc_ids", nargs=-1, required=True, metavar="ID...", shell_complete=document_ids)
@click.option("--dry-run", is_flag=True, help="Say what would be removed; change nothing.")
@quiet_option
@output_options(csv=False)
@click.pass_obj
def remove(settings: Settings, doc_ids: tuple[str, ...], dry_run: bool, as_json: bool):
    """Take documents out of the corpus and the index.

    Every id is checked first: one unknown id removes nothing.
    """
    result = settings.library.remove(doc_ids, dry_run=dry_run, tell=unsealed_told(settings.out))
    if as_json:
        settings.out.json(result)
    verb = "would remove" if dry_run else "removed"
    for removed in result.removed:
        settings.out.message(f"{verb} {removed.id}: {removed.title}")
    _tell_unindexed(settings, result.indexed)


def _tell_unindexed(settings: Settings, indexed: bool) -> None:
    if not indexed:
        settings.out.message(
            "another indexing run holds the index; it takes this change when it is done,"
            " or the next search does"
        )
