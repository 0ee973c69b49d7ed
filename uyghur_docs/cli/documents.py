"""`udocs docs` and `udocs show`: the documents listed, one read, its copies compared."""

import click

from uyghur_docs.cli.options import (
    Settings,
    document_filters,
    output_format,
    output_options,
    print_listing,
    warn_skipped,
)
from uyghur_docs.cli.types import Paragraphs, document_ids


@click.command()
@document_filters()
@click.option(
    "--sort",
    type=click.Choice(["id", "date", "title"]),
    default="id",
    show_default=True,
    help="Order by id, date (oldest first, undated last) or title.",
)
@click.option("--limit", "-n", type=click.IntRange(min=1), help="At most N documents.")
@output_options()
@click.pass_obj
def docs(settings: Settings, as_json: bool, as_csv: bool, **which):
    """List the documents: id, date, kind, title, counts, source format, index status.

    The index column says whether the search index holds the document as it is now
    ("current"), an older version of it ("stale") or not at all ("missing").
    """
    from uyghur_docs.store.listing import DocumentRow

    rows = settings.library.documents(skip=warn_skipped, **which)
    columns = list(DocumentRow.__dataclass_fields__)
    if not (as_json or as_csv):
        columns.remove("url")  # in the table's place, a long address would crowd the titles
    print_listing(settings, output_format(as_json, as_csv), {"documents": rows}, rows, columns)


@click.command()
@click.argument(
    "citation", nargs=-1, required=True, metavar="ID [¶N[-M]]", shell_complete=document_ids
)
@click.option(
    "--para", "-p", type=Paragraphs(), metavar="N[-M]", help="Only paragraph N, or N to M."
)
@click.option(
    "--copies",
    is_flag=True,
    help="The other copies of the statement and what differs: signatories, title, date,"
    " paragraphs.",
)
@output_options(csv=False)
@click.pass_obj
def show(settings: Settings, citation: tuple[str, ...], para, copies: bool, as_json: bool):
    """Show a document's text with its paragraph numbers.

    Takes the citations udocs prints: `udocs show ID`, `udocs show "ID ¶7"`,
    `udocs show ID ¶7-9` (or --para 7-9).
    """
    parts = " ".join(citation).split(maxsplit=1)
    if not parts:
        raise click.UsageError("give a document id (`udocs docs` lists them)")
    doc_id, *rest = parts
    if copies:
        show_copies(settings, doc_id, as_json)
        return
    if rest:
        if para is not None:
            raise click.UsageError("give the paragraphs once: after the id or with --para")
        para = Paragraphs().convert(rest[0], None, None)
    first, last = para or (None, None)
    doc = settings.library.text(doc_id, first, last)
    if as_json:
        settings.out.json(doc)
    else:
        source = f"\n{doc.url}" if doc.url else ""
        settings.out.paragraphs(
            f"{doc.id} ({doc.date or 'undated'}, {doc.kind}): {doc.title}{source}",
            doc.id,
            [(p.paragraph, p.text) for p in doc.paragraphs],
        )


def show_copies(settings: Settings, doc_id: str, as_json: bool) -> None:
    """The copies of a document's statement, each compared with the canonical copy."""
    result = settings.library.copies(doc_id)
    if as_json:
        settings.out.json(result)
        return
    columns = ["id", "date", "canonical", "title", "signatories_added", "signatories_missing"]
    settings.out.table(result.copies, [*columns, "paragraphs_added", "paragraphs_missing"])
    if len(result.copies) == 1:
        settings.out.message(f"no copies of {doc_id} found")
