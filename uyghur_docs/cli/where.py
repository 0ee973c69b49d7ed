"""`udocs status`: where the corpus and its index are, and how the index stands."""

import click

from uyghur_docs.cli.options import Settings, output_options


@click.command()
@output_options(csv=False)
@click.pass_obj
def status(settings: Settings, as_json: bool):
    """Say where the corpus and its index are, and whether the index is current."""
    found = settings.library.status()
    documents = f"{found.documents} document{'' if found.documents == 1 else 's'}"
    if as_json:
        settings.out.json(found)
        return
    settings.out.lines(
        [
            f"corpus\t{found.corpus}\t{documents}",
            f"index\t{found.index}\t{found.index_state}",
            f"report\t{found.report}",
        ]
    )
