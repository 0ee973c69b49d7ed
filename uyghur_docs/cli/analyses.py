"""`udocs quotes` and `udocs signers`: the analyses stored at index time, as commands."""

from pathlib import Path

import click

from uyghur_docs.cli.options import (
    Settings,
    document_filters,
    output_format,
    output_options,
    print_listing,
    warn_skipped,
)
from uyghur_docs.cli.types import Status, document_ids

# How much of a signature heading a warning quotes.
SEEN_CHARS = 60


@click.command()
@click.argument("keyword", required=False)
@click.option(
    "--doc",
    "doc_id",
    metavar="ID",
    shell_complete=document_ids,
    help="Only groups this document quotes.",
)
@click.option(
    "--min-docs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only words quoted by at least N documents.",
)
@click.option("--all", "include_all", is_flag=True, help="Quotations of every speaker, labelled.")
@click.option(
    "--speaker",
    metavar="NAME",
    help='Only the quotations of this speaker (its label\'s words, any case: "chinese",'
    ' "OHCHR report"), of any speaker, not only the report.',
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=Status(),
    metavar="STATUS",
    help="Only quotations that stand so against the report: verbatim, verbatim-with-elision,"
    " altered (misquotations), not-found or translated (repeatable).",
)
@click.option(
    "--against",
    metavar="REPORT",
    help="Check each quotation against the report (PDF, HTML, DOCX or text): verbatim, altered"
    " or not found, with the report's paragraph.",
)
@click.option(
    "--copies",
    is_flag=True,
    help="Count every copy of a statement (default: the copies of one statement count once).",
)
@click.option(
    "--by-paragraph",
    is_flag=True,
    help="The report's paragraphs by how many statements quote them.",
)
@click.option("--unquoted", is_flag=True, help="The report's paragraphs no statement quotes.")
@document_filters(
    "Only quotations in documents of this kind (repeatable).",
    "Only quotations in documents dated on or after DATE.",
    "Only quotations in documents dated on or before DATE.",
)
@output_options()
@click.pass_obj
def quotes(settings: Settings, keyword, against, as_json, as_csv, **how):
    """What the statements quote from the OHCHR report, grouped, with citations.

    KEYWORD keeps the quotations whose words include it (folded like search). The same
    words quoted by several statements form one group, cited `id ¶N (date)` by date, each
    citation with the report's own paragraph (`report ¶148`) and how it stands against it.
    A statement republished in several documents counts once, unless --copies.
    """
    from uyghur_docs.findings.quote_filter import QuoteFilter

    fmt = output_format(as_json, as_csv)
    which = QuoteFilter(
        how["kinds"], how["since"], how["until"], how["speaker"], () if against else how["statuses"]
    )
    if how["by_paragraph"] or how["unquoted"]:
        by_paragraphs(settings, fmt, how["unquoted"], which)
        return
    library = settings.library
    evidence = library.report(Path(against)) if against else None
    result = library.quotes(
        keyword,
        how["doc_id"],
        how["min_docs"],
        how["include_all"],
        skip=warn_skipped,
        report=evidence,
        copies=how["copies"],
        which=which,
    )
    if evidence:
        result = library.verify(evidence, result, how["statuses"])
        _print_checked(settings, fmt, result)
    else:
        _print_groups(settings, fmt, result)


def _print_groups(settings: Settings, fmt: str, result) -> None:
    """Quote groups: their citations as CSV rows, or the groups as JSON or text."""
    if fmt == "json":
        settings.out.json(result)
    elif fmt == "csv":
        rows = [
            {"text": g.text, **vars(c), "speaker": c.speaker or g.attributed_to}
            for g in result.quotes
            for c in g.citations
        ]
        settings.out.csv(rows, QUOTE_COLUMNS)
    else:
        settings.out.quotes(result)
    if not result.quotes:
        settings.out.message("no quotations match")


# One CSV row per citation: the statement's own ¶ (`paragraph`) and the report's apart.
QUOTE_COLUMNS = [
    *("text", "speaker", "cue", "id", "title", "url", "date", "paragraph", "as_written"),
    *("report_paragraph", "status", "report_text"),
]


def _print_checked(settings: Settings, fmt: str, result) -> None:
    """Quotations checked against another report: its ¶ is printed `report ¶N`."""
    columns = ["status", "report_paragraph", "text", "diff", "cited_by"]
    rows = [
        {**vars(r), "report_paragraph": r.paragraph if fmt == "csv" else _cited(r.paragraph)}
        for r in result.results
    ]
    print_listing(settings, fmt, result, rows, columns)
    if not rows:
        settings.out.message("no quotations match")


def _cited(number: int | None) -> str:
    """The report's own paragraph as udocs prints it, never a bare number that could be read
    as a statement's ¶: `report ¶148`."""
    return f"report ¶{number}" if number is not None else ""


def by_paragraphs(settings: Settings, fmt, unquoted, which) -> None:
    """Print the report's paragraphs by statements quoting them (or those none quotes)."""
    result = settings.library.quoted_paragraphs(warn_skipped, unquoted, which=which)
    rows = [
        {
            **vars(p),
            "report_paragraph": p.paragraph if fmt == "csv" else _cited(p.paragraph),
            "ids": " ".join(p.ids),
            "quoted": " | ".join(p.quoted),
        }
        for p in result.paragraphs
    ]
    columns = ["report_paragraph", "statements", "first_quoted", "ids", "quoted"]
    if unquoted:
        columns = ["report_paragraph", "opening"]
    print_listing(settings, fmt, result, rows, columns)
    if not rows:
        settings.out.message("no paragraphs")


@click.command()
@click.option(
    "--org",
    "orgs",
    multiple=True,
    metavar="NAME",
    help="An organisation (full name, acronym or alias, any case); repeat for letters all signed.",
)
@click.option(
    "--doc",
    "doc_id",
    metavar="ID",
    shell_complete=document_ids,
    help="Who signed and issued this document.",
)
@click.option("--pairs", is_flag=True, help="Organisations that signed together most often.")
@click.option(
    "--copies",
    is_flag=True,
    help="Count and list every copy of a statement (default: the copies of one statement"
    " are one letter, its canonical copy).",
)
@click.option(
    "--limit",
    "-n",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Pairs to show with --pairs.",
)
@click.option(
    "--graph",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the co-signing network to FILE: .gexf, .graphml or .json (node-link).",
)
@document_filters(
    "With --graph: only this kind.",
    "With --graph: only letters dated on or after.",
    "With --graph: only letters dated on or before.",
)
@output_options()
@click.pass_obj
def signers(
    settings: Settings,
    orgs,
    doc_id,
    pairs,
    copies,
    limit,
    graph,
    kinds,
    since,
    until,
    as_json,
    as_csv,
):
    """Who signed or issued which letter, one name per organisation.

    With no option: every organisation and its number of letters, most first. A statement
    republished in several documents is one letter, unless --copies.
    """
    from uyghur_docs.findings import signer_results as results

    if graph and (doc_id or pairs):
        raise click.UsageError("--graph takes no --doc nor --pairs")
    if sum(map(bool, (orgs, doc_id, pairs and not orgs))) > 1:
        raise click.UsageError(
            "choose one of --org, --doc and --pairs (--pairs may take one --org)"
        )
    if graph:
        write_graph(settings, Path(graph), orgs, copies, kinds, since, until)
        return
    fmt = output_format(as_json, as_csv)
    signed = settings.library.signers(skip=warn_skipped, copies=copies)
    if pairs:
        from uyghur_docs.findings.cosigning import cosigning_result

        result = cosigning_result(signed, limit=limit, org=orgs[0] if orgs else None)
        rows, columns = result.pairs, ["first", "second", "count", "letters"]
    elif doc_id:
        result = results.document_signers(signed, doc_id, unread_signatures(settings, doc_id))
        rows = [{"role": "signatory", **vars(s)} for s in result.signatories] + [
            {"role": "issuer", "kind": "organisation", **vars(i)} for i in result.issuers
        ]
        columns = ["role", "kind", "name", "as_written", "paragraph"]
    elif len(orgs) > 1:
        result = results.shared_letters(signed, orgs)
        rows = [
            {**vars(letter), "roles": [f"{r.name}: {r.role}" for r in letter.roles]}
            for letter in result.letters
        ]
        columns = ["id", "date", "title", "roles"]
    elif orgs:
        result = results.organisation_result(signed, orgs[0])
        rows, columns = result.letters, ["id", "date", "role", "as_written", "title"]
    elif fmt == "json":
        # Only the JSON lists every letter; a table counts them.
        result = results.organisations_result(signed)
        rows, columns = result.organisations, []
    else:
        result = results.organisation_counts(signed)
        rows, columns = result.organisations, ["name", "letters", "aliases"]
    print_listing(settings, fmt, result, rows, columns)
    if not rows:
        settings.out.message("no signatories or issuers found")


def write_graph(settings: Settings, path: Path, orgs, copies, kinds, since, until) -> None:
    """Write the co-signing network (of one --org's letters, if given) in the format of the
    file's extension, and say on stderr how big it is."""
    from uyghur_docs.findings.network import GRAPH_FORMATS, cosigning_graph, graph_document

    suffix = path.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise click.ClickException(
            f"cannot write a graph as {suffix or 'a file without extension'}:"
            f" name the file .gexf, .graphml or .json"
        )
    if len(orgs) > 1:
        raise click.UsageError("--graph takes at most one --org")
    library = settings.library
    among = None
    if kinds or since or until:
        listed = library.documents(warn_skipped, kinds, since, until)
        among = [doc.id for doc in listed]
    signed = library.signers(skip=warn_skipped, copies=copies)
    network = cosigning_graph(signed, among, orgs[0] if orgs else None)
    save_graph(graph_document(network, suffix), path, suffix)
    settings.out.message(
        f"wrote {len(network.nodes)} organisations and {len(network.edges)} links to {path}"
    )


def save_graph(document, path: Path, suffix: str) -> None:
    import json

    import networkx as nx

    if suffix == ".json":
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8")
    elif suffix == ".gexf":
        nx.write_gexf(document, path)
    else:
        nx.write_graphml(document, path)


def unread_signatures(settings: Settings, doc_id: str) -> tuple[int, ...]:
    """Warn of each signature heading or closing in the document that gave no names."""
    unread = settings.library.unread_signatures(doc_id)
    paragraphs = settings.library.document(doc_id).paragraphs if unread else ()
    for number in unread:
        seen = " ".join(paragraphs[number - 1].split())
        seen = seen if len(seen) <= SEEN_CHARS else seen[: SEEN_CHARS - 1] + "…"
        settings.out.message(
            f"warning: {doc_id}: a signature block starts at ¶{number} (“{seen}”) but no names"
            f" were read; see `udocs show {doc_id}` for the text under it",
            style="yellow",
        )
    return unread
