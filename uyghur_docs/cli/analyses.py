"""`udocs quotes` and `udocs signers`: the analyses stored at index time, as commands."""

from pathlib import Path

import click

from uyghur_docs.cli.options import (
    Settings,
    output_format,
    output_options,
    print_listing,
    warn_skipped,
)
from uyghur_docs.cli.types import KIND, DateBound, document_ids

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
@click.option("--kind", "kinds", multiple=True, type=KIND, help="With --by-paragraph: this kind.")
@click.option("--since", type=DateBound(), help="With --by-paragraph: dated on or after.")
@click.option("--until", type=DateBound(), help="With --by-paragraph: dated on or before.")
@output_options()
@click.pass_obj
def quotes(
    settings: Settings,
    keyword,
    doc_id,
    min_docs,
    include_all,
    against,
    copies,
    by_paragraph,
    unquoted,
    kinds,
    since,
    until,
    as_json,
    as_csv,
):
    """What the statements quote from the OHCHR report, grouped, with citations.

    KEYWORD keeps the quotations whose words include it (folded like search). The same
    words quoted by several statements form one group, cited `id ¶N (date)` by date.
    A statement republished in several documents counts once, unless --copies.
    """
    fmt = output_format(as_json, as_csv)
    if by_paragraph or unquoted:
        by_paragraphs(settings, fmt, unquoted, kinds, since, until)
        return
    library = settings.library
    evidence = library.report(Path(against)) if against else None
    result = library.quotes(
        keyword, doc_id, min_docs, include_all, skip=warn_skipped, report=evidence, copies=copies
    )
    if evidence:
        result = library.verify(evidence, result)
        rows = result.results
        columns = ["status", "paragraph", "text", "diff", "cited_by"]
    else:
        rows = [
            {"text": g.text, **vars(c), "attributed_to": c.speaker or g.attributed_to}
            for g in result.quotes
            for c in g.citations
        ]
        columns = [
            *("text", "attributed_to", "cue", "id", "title", "url", "date", "paragraph"),
            "as_written",
            *("report_paragraph", "status", "report_text"),
        ]
    if fmt == "json":
        settings.out.json(result)
    elif fmt == "csv":
        settings.out.csv(rows, columns)
    elif against:
        settings.out.table(rows, columns)
    else:
        settings.out.quotes(result)
    if not rows:
        settings.out.message("no quotations match")


def by_paragraphs(settings: Settings, fmt, unquoted, kinds, since, until) -> None:
    """Print the report's paragraphs by statements quoting them (or those none quotes)."""
    library = settings.library
    among = None
    if kinds or since or until:
        among = {doc.id for doc in library.documents(warn_skipped, kinds, since, until)}
    result = library.quoted_paragraphs(warn_skipped, unquoted, among)
    rows = [
        {**vars(p), "ids": " ".join(p.ids), "quoted": " | ".join(p.quoted)}
        for p in result.paragraphs
    ]
    columns = ["paragraph", "statements", "first_quoted", "ids", "quoted"]
    if unquoted:
        columns = ["paragraph", "opening"]
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
@click.option("--kind", "kinds", multiple=True, type=KIND, help="With --graph: only this kind.")
@click.option("--since", type=DateBound(), help="With --graph: only letters dated on or after.")
@click.option("--until", type=DateBound(), help="With --graph: only letters dated on or before.")
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
