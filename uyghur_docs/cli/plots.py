"""`udocs plot`: the co-signing network, the timeline and the report strip as pictures."""

from pathlib import Path

import click

from uyghur_docs.cli.options import Settings, document_filters, warn_skipped

FORMATS = (".png", ".svg")
INSTALL = "udocs plot needs matplotlib: pip install 'udocs[plots]'"


@click.command()
@click.argument("picture", type=click.Choice(["network", "timeline", "report"]))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="The picture to write: .png or .svg.",
)
@document_filters()
@click.option("--org", metavar="NAME", help="Only the letters this organisation signed or issued.")
@click.pass_obj
def plot(settings: Settings, picture, output, kinds, since, until, org):
    """Draw the co-signing network, the timeline, or the report's quoted paragraphs.

    PICTURE is `network` (who signed with whom), `timeline` (statements per month by kind,
    and the report's quotations per month) or `report` (¶1–¶153, shaded by the statements
    quoting each). Needs the plots extra: pip install 'udocs[plots]'.
    """
    path = Path(output)
    if path.suffix.lower() not in FORMATS:
        raise click.ClickException(
            f"cannot draw a picture as {path.suffix or 'a file without extension'}:"
            " name the file .png or .svg"
        )
    try:
        from uyghur_docs.render import plots
    except ImportError:
        raise click.ClickException(INSTALL) from None
    library = settings.library
    listed = library.documents(warn_skipped, kinds, since, until)
    among = {doc.id for doc in listed}
    if org:
        among &= set(library.letters_signed_by(org))
    if picture == "network":
        from uyghur_docs.findings.network import cosigning_graph

        signed = library.signers(skip=warn_skipped)
        plots.draw_network(cosigning_graph(signed, among), path)
    elif picture == "timeline":
        from uyghur_docs.findings.pictures import timeline

        found = library.quotes(skip=warn_skipped, copies=True)
        plots.draw_timeline(timeline([d for d in listed if d.id in among], found), path)
    else:
        from uyghur_docs.findings.pictures import report_strip

        plots.draw_report(report_strip(library.quoted_paragraphs(warn_skipped, among=among)), path)
    settings.out.message(f"wrote {picture} to {path}")
