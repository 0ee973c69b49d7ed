"""The rows of `udocs docs`: one summary per document, with its place in the index."""

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from uyghur_docs.corpus import provenance
from uyghur_docs.store.copies import statements
from uyghur_docs.store.documents import Listed, analysed_documents, current_rows
from uyghur_docs.text.dates import within


@dataclass(frozen=True)
class DocumentRow:
    """A document as `udocs docs` lists it. `signatories` counts its signature block;
    `report_quotes` counts its quotations of the OHCHR report; `format` is the original
    file's (from its provenance, else the corpus file's own); `index` is "current",
    "stale", "missing" or "damaged" (see `store.documents.Listed`); `copy_of` is the id of
    the statement's canonical copy when the document is another copy of it (as the last
    indexing run found)."""

    id: str
    date: str | None
    kind: str
    title: str
    paragraphs: int
    signatories: int
    report_quotes: int
    format: str
    index: str
    copy_of: str | None = None
    url: str | None = None  # where it was published, if its provenance says


def list_documents(
    corpus: Path, index_dir: Path, skip: Callable[[str], None] | None = None
) -> list[DocumentRow]:
    """Every document of the corpus, by id; unreadable files go to `skip` (else raise).

    On a current index the rows are the catalog's columns as they are: no entry is made."""
    sources = provenance.load(corpus)
    stored = current_rows(corpus, index_dir, _COLUMNS, skip)
    if stored is not None:
        rows = [_stored_row(*row, sources) for row in stored]
    else:
        rows = [_row(listed, sources) for listed in analysed_documents(corpus, index_dir, skip)]
    found = statements(index_dir)
    return [
        replace(row, copy_of=found[row.id].id)
        if row.id in found and found[row.id].id != row.id
        else row
        for row in rows
    ]


def select(
    rows: list[DocumentRow],
    kinds: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
    sort: str = "id",
    limit: int | None = None,
) -> list[DocumentRow]:
    """The rows of these kinds dated within the range, sorted by id, date (oldest first,
    undated last) or title, at most `limit` of them."""
    kept = [r for r in rows if (not kinds or r.kind in kinds) and within(r.date, since, until)]
    keys = {
        "id": lambda r: r.id,
        "date": lambda r: (r.date is None, r.date or "", r.id),
        "title": lambda r: (r.title.casefold(), r.id),
    }
    return sorted(kept, key=keys[sort])[:limit]


# What a row needs of the catalog, in DocumentRow's order, then the file's path.
_COLUMNS = ("id", "date", "kind", "title", "paragraphs", "signatory_count", "report_quotes", "path")


def _stored_row(doc_id, date, kind, title, paragraphs, signatories, quotes, path, sources):
    format = _format(doc_id, path, sources)
    row = DocumentRow(doc_id, date, kind, title, paragraphs, signatories, quotes, format, "current")
    return replace(row, url=_url(doc_id, sources))


def _row(listed: Listed, sources: dict) -> DocumentRow:
    e = listed.entry
    return DocumentRow(
        e.id,
        e.date,
        e.kind,
        e.title,
        e.paragraphs,
        e.analysis.signatory_count,
        e.analysis.report_quotes,
        _format(e.id, e.path, sources),
        listed.status,
        url=_url(e.id, sources),
    )


def _url(doc_id: str, sources: dict) -> str | None:
    return sources[doc_id].url if doc_id in sources else None


def _format(doc_id: str, path: str, sources: dict) -> str:
    return sources[doc_id].format if doc_id in sources else os.path.splitext(path)[1][1:]
