"""The rows of `udocs docs`: one summary per document, with its place in the index."""

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from uyghur_docs.corpus import provenance
from uyghur_docs.store.documents import Listed, analysed_documents


@dataclass(frozen=True)
class DocumentRow:
    """A document as `udocs docs` lists it. `signatories` counts its signature block;
    `report_quotes` counts its quotations of the OHCHR report; `format` is the original
    file's (from its provenance, else the corpus file's own); `index` is "current",
    "stale", "missing" or "damaged" (see `store.documents.Listed`)."""

    id: str
    date: str | None
    kind: str
    title: str
    paragraphs: int
    signatories: int
    report_quotes: int
    format: str
    index: str


def list_documents(
    corpus: Path, index_dir: Path, skip: Callable[[str], None] | None = None
) -> list[DocumentRow]:
    """Every document of the corpus, by id; unreadable files go to `skip` (else raise)."""
    sources = provenance.load(corpus)
    return [_row(listed, sources) for listed in analysed_documents(corpus, index_dir, skip)]


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
        sources[e.id].format if e.id in sources else os.path.splitext(e.path)[1][1:],
        listed.status,
    )
