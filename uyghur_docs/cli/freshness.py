"""The sentences for the index's freshness events, as `udocs search` tells them on stderr."""

from uyghur_docs.cli.errors import message
from uyghur_docs.errors import IndexUnsealed


def describe(event) -> list[str]:
    """The lines that tell one `store.freshness.Freshness` event."""
    if event.what == "building":
        return [f"no index yet in {event.index_dir}; building it"]
    if event.what == "rebuilding":
        if isinstance(event.error, IndexUnsealed):
            return [f"{event.error}; rebuilding it from the corpus"]
        return [f"the index in {event.index_dir} is damaged; rebuilding it from the corpus"]
    if event.what == "refreshing":
        c = event.changes
        return [
            f"the corpus changed ({len(c.new)} new, {len(c.changed)} changed,"
            f" {len(c.removed)} removed); refreshing the index"
        ]
    if event.what == "reanalysing":
        return [
            "the report setting changed (UDOCS_REPORT or report.toml) since the index was"
            " built; analysing every document again"
        ]
    if event.what == "kept":
        return [f"searching the index as it is: {message(event.error)}"]
    result = event.result
    done = result.added + result.updated
    return [
        *(f"skipped {problem}" for problem in result.skipped),
        *(
            [f"the damaged index folder was moved to {result.set_aside}"]
            if result.set_aside
            else []
        ),
        f"indexed {done} document{'' if done == 1 else 's'} ({result.paragraphs} paragraphs),"
        f" skipped {len(result.skipped)}",
    ]


def built_anew(result) -> list[str]:
    """The line saying that an index not sealed for the user was built anew, not read, when
    an indexing run (`store.build.IndexResult`) did so."""
    return [f"{result.unsealed}; built it anew from the corpus"] if result.unsealed else []
