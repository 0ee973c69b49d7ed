"""`udocs add` and `udocs remove`: growing and shrinking the corpus."""

import sys
from pathlib import Path

import click

from uyghur_docs.cli.analyses import unread_signatures
from uyghur_docs.cli.freshness import built_anew
from uyghur_docs.cli.options import Settings, output_options
from uyghur_docs.cli.status import ExitStatus
from uyghur_docs.cli.types import KIND, DocumentDate


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
@click.option("--dry-run", is_flag=True, help="Say what would be added; change nothing.")
@output_options(csv=False)
@click.pass_obj
def add(
    settings: Settings, paths, doc_id, title, date, kind, encoding, dry_run: bool, as_json: bool
):
    """Add .txt, .md, .html, .pdf and .docx files (or folders of them) to the corpus.

    Each good file is added whole and indexed at once; each refused one is reported, and
    then udocs exits 1.
    """
    from uyghur_docs.corpus.ingest import AddOptions

    options = AddOptions(id=doc_id, title=title, date=date, kind=kind, encoding=encoding)
    out = settings.out
    report = settings.library.add(paths, options, dry_run=dry_run, tell=unsealed_told(out))
    if as_json:
        out.json(report)
    verb = "would add" if dry_run else "added"
    for added in report.added:
        fields = {
            k: v for k, v in vars(added).items() if k != "id" and (v is not None or k == "date")
        }
        out.message(f"{verb} {added.id}", style="bold")
        for name, value in fields.items():
            out.message(f"  {name}: {'undated' if value is None else value}")
        if not dry_run:
            unread_signatures(settings, added.id)
    for skipped in report.skipped:
        out.message(f"skipped: {skipped}", style="yellow")
    for refused in report.refused:
        out.message(f"Error: {refused.error}", style="red")
    if report.refused:
        if report.added:
            out.message(f"{verb} {len(report.added)}; refused {len(report.refused)} (above)")
        sys.exit(ExitStatus.ERROR)


@click.command()
@click.argument("doc_id", metavar="ID")
@output_options(csv=False)
@click.pass_obj
def remove(settings: Settings, doc_id: str, as_json: bool):
    """Take a document out of the corpus and the index."""
    removed = settings.library.remove(doc_id, tell=unsealed_told(settings.out))
    if as_json:
        settings.out.json(removed)
    settings.out.message(f"removed {removed.id}: {removed.title}")
